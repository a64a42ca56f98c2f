/**
 * Bytes ⇄ base64 text, for recordings inside a JSON backup. atob/btoa exist in every runtime the
 * core runs in (browsers, workers, Node ≥ 16); they are declared here for the DOM-less type check.
 */
interface Base64Globals {
  btoa(data: string): string;
  atob(data: string): string;
}
const g = globalThis as unknown as Base64Globals;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a whole recording as arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return g.btoa(binary);
}

/** Undefined when the text is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const binary = g.atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
