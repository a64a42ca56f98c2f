/** Files in and out of the browser: nothing is uploaded, everything stays on the device. */

/** Saves text as a file through a Blob link (works offline; the browser asks where or uses Downloads). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Saves bytes as a file through a Blob link (a deck package); nothing is uploaded. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
  downloadBlob(fileName, new Blob([bytes.slice()], { type }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whether the Web Share API can share a file here (mostly phones). */
export function canShareFiles(): boolean {
  if (typeof navigator.canShare !== 'function' || typeof File === 'undefined') return false;
  try {
    return navigator.canShare({ files: [new File(['{}'], 'test.json', { type: 'application/json' })] });
  } catch {
    return false;
  }
}

/** Shares a file through the device's share sheet; false when the trainee cancelled. */
export async function shareText(fileName: string, text: string, type = 'application/json'): Promise<boolean> {
  try {
    await navigator.share({ files: [new File([text], fileName, { type })], title: fileName });
    return true;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return false;
    throw error;
  }
}

export function readText(file: File): Promise<string> {
  return file.text();
}
