/**
 * The offline copy: under storage pressure a browser may evict the service worker's cache but keep
 * IndexedDB, and the app would then work online but never offline again. On start the app checks
 * that the files it needs offline are in the cache; online it restores the copy (a fresh service
 * worker install precaches everything again), offline it tells the trainee to connect once.
 */
import { offlineCopy, type OfflineCopy } from './offlineCopyState.svelte.ts';

/** The app's own files a session offline cannot do without: the shell, this page's code and styles, the decks. */
async function neededFiles(deckIds: readonly string[]): Promise<string[]> {
  const base = import.meta.env.BASE_URL;
  const assets = [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"][href]')]
    .map((el) => (el instanceof HTMLScriptElement ? el.src : el.href))
    .filter((url) => new URL(url).origin === location.origin);
  return [
    `${base}index.html`,
    `${base}decks/index.json`,
    ...deckIds.map((id) => `${base}decks/${encodeURIComponent(id)}.json`),
    `${base}drills/index.json`,
    ...assets,
  ];
}

async function missingFiles(deckIds: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const url of await neededFiles(deckIds)) {
    // Workbox stores files without a hash in their name with a revision query: match ignoring it.
    if (!(await caches.match(new URL(url, location.origin).href, { ignoreSearch: true }))) missing.push(url);
  }
  return missing;
}

const REPAIRING = 'vaktaal:offline-copy-repair';

/** Resolves once a service worker controls the page (the fresh install claims it: clientsClaim). */
function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
}

/**
 * Checks the offline copy once the app has started (the built-in decks' ids are the ones to find).
 * Does nothing in a browser without a service worker, or before the first install has finished.
 *
 * Restoring: registering the same service worker again would only revive the current registration
 * (its script did not change), so it is unregistered and the page reloaded once; the page then
 * starts without a worker and a fresh install precaches every file again.
 */
export async function checkOfflineCopy(builtInDeckIds: readonly string[]): Promise<OfflineCopy> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return offlineCopy.status;
  if (sessionStorage.getItem(REPAIRING)) {
    offlineCopy.status = 'restoring';
    await navigator.serviceWorker.ready;
    await controlled();
    sessionStorage.removeItem(REPAIRING);
    offlineCopy.status = (await missingFiles(builtInDeckIds)).length ? 'lost' : 'restored';
    return offlineCopy.status;
  }
  const registration = await navigator.serviceWorker.getRegistration();
  // The first visit: the install is still precaching; nothing was lost.
  if (!registration?.active) return offlineCopy.status;
  const missing = await missingFiles(builtInDeckIds);
  if (!missing.length) {
    offlineCopy.status = 'complete';
    return offlineCopy.status;
  }
  console.warn('offline copy incomplete:', missing);
  if (!navigator.onLine) {
    offlineCopy.status = 'lost';
    addEventListener('online', () => void checkOfflineCopy(builtInDeckIds), { once: true });
    return offlineCopy.status;
  }
  offlineCopy.status = 'restoring';
  sessionStorage.setItem(REPAIRING, '1');
  await registration.unregister();
  location.reload();
  return offlineCopy.status;
}
