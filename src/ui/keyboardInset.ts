/**
 * Keeps a typed answer and its feedback above the on-screen keyboard. A phone's keyboard shrinks
 * the visual viewport, not the page (window.visualViewport tells how much); the browser scrolls
 * the focused box into view but not the feedback under it. This pads the page by the covered
 * height (so it can scroll that far) and scrolls the whole block into the visible part.
 */

/** Space between the block and the keyboard's top edge, in CSS px. */
const MARGIN = 8;

/** How much of the layout viewport's bottom the visual viewport leaves uncovered: 0 without a keyboard. */
export function coveredBottom(layoutHeight: number, visual: { height: number; offsetTop: number }): number {
  return Math.max(0, Math.round(layoutHeight - visual.height - visual.offsetTop));
}

/**
 * How far to scroll down (negative: up) to show the box within the visible band. A box taller than
 * the band shows its top (the answer box), so what the trainee types stays in view.
 */
export function revealDelta(box: { top: number; bottom: number }, visible: { top: number; bottom: number }, margin = MARGIN): number {
  const top = visible.top + margin;
  const bottom = visible.bottom - margin;
  if (box.bottom > bottom) return Math.min(box.bottom - bottom, box.top - top);
  if (box.top < top) return box.top - top;
  return 0;
}

/** Svelte attachment for the block of a typed answer: input, feedback, next button. */
export function keepAboveKeyboard(node: HTMLElement): () => void {
  const viewport = window.visualViewport;
  if (!viewport) return () => undefined;
  const root = document.documentElement;
  const update = () => {
    root.style.setProperty('--keyboard-inset', `${coveredBottom(window.innerHeight, viewport)}px`);
    // Only while the trainee works in this block: the keyboard is theirs then.
    if (!node.contains(document.activeElement)) return;
    const delta = revealDelta(node.getBoundingClientRect(), { top: viewport.offsetTop, bottom: viewport.offsetTop + viewport.height });
    if (delta !== 0) window.scrollBy({ top: delta });
  };
  viewport.addEventListener('resize', update);
  // The feedback appearing makes the block taller while the keyboard is still up.
  const observer = new ResizeObserver(update);
  observer.observe(node);
  return () => {
    viewport.removeEventListener('resize', update);
    observer.disconnect();
    root.style.removeProperty('--keyboard-inset');
  };
}
