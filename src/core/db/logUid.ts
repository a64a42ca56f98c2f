/**
 * A new review's identity: a random UUID, so two answers can never share one — not two tabs in the
 * same millisecond, not two devices. Web Crypto exists wherever the app runs (browsers, workers,
 * Node); randomUUID needs a secure context, so a page served over plain http on the local network
 * falls back to getRandomValues, which does not.
 */
interface WebCrypto {
  randomUUID?: () => string;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

export function newLogUid(): string {
  const crypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (!crypto) throw new Error('Web Crypto is not available');
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
