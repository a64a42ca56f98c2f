/** True for a full disk / exceeded quota, however it is wrapped (DOMException, Dexie error, inner cause). */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { name?: string; inner?: unknown; cause?: unknown };
    if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    current = e.inner ?? e.cause;
  }
  return false;
}
