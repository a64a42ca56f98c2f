/** A new draft's id: time-ordered, with a random part so two tabs never pick the same one. */
export function newDraftId(now = Date.now()): string {
  return `d${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
