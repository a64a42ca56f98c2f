/** Whether this device's offline copy is whole (checked after start by offlineCopy.svelte.ts, loaded then). */
export type OfflineCopy = 'unknown' | 'complete' | 'restoring' | 'restored' | 'lost';

export const offlineCopy = $state<{ status: OfflineCopy }>({ status: 'unknown' });
