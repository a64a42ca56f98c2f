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

/** Activates the waiting version and reloads once it controls the page (only on the trainee's request). */
export async function applyUpdate(): Promise<void> {
  // workbox-window reloads only for updates it found itself; a controller change covers every case.
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  await update?.(true);
}
