/**
 * Anki's cloze deletions: `{{c1::answer}}`, `{{c1::answer::hint}}`, nested as in
 * `{{c1::de {{c2::gemeenteraad}} van Gent}}` (Anki 2.1.56+). Parsed into a tree so that each
 * cloze number can be rendered on its own: that number's deletions marked, every other one
 * shown as its answer, as Anki shows card n. An opener without its `}}` stays text, as in Anki.
 */

export type ClozeNode = { kind: 'text'; text: string } | { kind: 'cloze'; n: number; children: ClozeNode[]; hint?: string };

const OPEN = /\{\{c(\d+)::/y;

interface Open {
  n: number;
  opener: string;
  children: ClozeNode[];
}

function pushText(list: ClozeNode[], text: string): void {
  if (!text) return;
  const last = list.at(-1);
  if (last?.kind === 'text') last.text += text;
  else list.push({ kind: 'text', text });
}

/** The hint is what follows the first `::` in the deletion's own text (not in a nested one). */
function withHint(n: number, children: ClozeNode[]): ClozeNode {
  const index = children.findIndex((c) => c.kind === 'text' && c.text.includes('::'));
  if (index < 0) return { kind: 'cloze', n, children };
  const node = children[index] as { kind: 'text'; text: string };
  const split = node.text.indexOf('::');
  const before = node.text.slice(0, split);
  const hint = [node.text.slice(split + 2), ...children.slice(index + 1).map(plain)].join('');
  const kept = children.slice(0, index);
  pushText(kept, before);
  return { kind: 'cloze', n, children: kept, hint };
}

function plain(node: ClozeNode): string {
  return node.kind === 'text' ? node.text : node.children.map(plain).join('');
}

export function parseCloze(text: string): ClozeNode[] {
  const root: ClozeNode[] = [];
  const stack: Open[] = [];
  const current = () => stack.at(-1)?.children ?? root;
  let i = 0;
  let textStart = 0;
  const flush = (end: number) => pushText(current(), text.slice(textStart, end));
  while (i < text.length) {
    if (text.startsWith('{{', i)) {
      OPEN.lastIndex = i;
      const open = OPEN.exec(text);
      if (open) {
        flush(i);
        stack.push({ n: Number(open[1]), opener: open[0], children: [] });
        i += open[0].length;
        textStart = i;
        continue;
      }
    }
    if (text.startsWith('}}', i) && stack.length) {
      flush(i);
      const done = stack.pop()!;
      current().push(withHint(done.n, done.children));
      i += 2;
      textStart = i;
      continue;
    }
    i++;
  }
  flush(text.length);
  // Unclosed openers are text again, with what they held.
  while (stack.length) {
    const open = stack.pop()!;
    const target = current();
    pushText(target, open.opener);
    for (const child of open.children) {
      if (child.kind === 'text') pushText(target, child.text);
      else target.push(child);
    }
  }
  return root;
}

export function clozeNumbers(nodes: readonly ClozeNode[], into = new Set<number>()): Set<number> {
  for (const node of nodes) {
    if (node.kind === 'cloze') {
      into.add(node.n);
      clozeNumbers(node.children, into);
    }
  }
  return into;
}

export interface RenderedCloze {
  /** The text with deletion `n` between `open` and `close`, the others revealed. */
  text: string;
  /** How many deletions with number n the text has. */
  count: number;
  hints: string[];
}

export function renderCloze(nodes: readonly ClozeNode[], n: number, open: string, close: string): RenderedCloze {
  const hints: string[] = [];
  let count = 0;
  const render = (list: readonly ClozeNode[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.text;
        const inner = render(node.children);
        if (node.n !== n) return inner;
        count++;
        if (node.hint) hints.push(node.hint);
        return `${open}${inner}${close}`;
      })
      .join('');
  const text = render(nodes);
  return { text, count, hints };
}
