import { registerSW } from 'virtual:pwa-register';
import { app } from './app.svelte.ts';

let update: ((reload?: boolean) => Promise<void>) | undefined;

/**
 * Registers the service worker in "prompt" mode: a new version waits until the trainee presses
 * "update", so the page never reloads under them mid-session.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      app.updateReady = true;
    },
  });
}

export async function applyUpdate(): Promise<void> {
  await update?.(true);
}
