/**
 * Key hints (the <kbd> labels "Space", "1–4", "Enter") only where there is a keyboard: a fine
 * pointer (a computer) says so at once; a phone or tablet shows them from the first key only a
 * hardware keyboard has (on-screen keyboards send no Tab, Escape or arrow keys).
 */
const HARDWARE_KEYS = new Set(['Tab', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

export function watchKeyboardPresence(root: HTMLElement = document.documentElement): void {
  const mark = () => root.classList.add('has-keyboard');
  if (matchMedia('(pointer: fine)').matches) mark();
  const onKey = (event: KeyboardEvent) => {
    if (!HARDWARE_KEYS.has(event.key)) return;
    mark();
    removeEventListener('keydown', onKey, true);
  };
  addEventListener('keydown', onKey, true);
}
