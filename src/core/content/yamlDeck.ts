import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { problem, type Position, type Problem } from './problems.ts';
import { validateDeck, type DeckResult, type Locator, type Path } from './validate.ts';

/** Finds where a path was written in a YAML document, falling back to the nearest ancestor. */
function yamlLocator(doc: Document, lines: LineCounter): Locator {
  const pos = (offset: number | undefined): Position => {
    const { line, col } = lines.linePos(offset ?? 0);
    return { line, column: col };
  };
  return {
    at(path: Path, asKey = false): Position {
      for (let depth = path.length; depth >= 0; depth--) {
        const sub = path.slice(0, depth);
        if (asKey || depth < path.length) {
          // The key of the last segment: useful for unknown fields and for values that are absent.
          const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : sub.length === 1 ? doc.contents : null;
          const key = sub[sub.length - 1];
          if (isMap(parent) && key !== undefined) {
            const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
            if (pair && isScalar(pair.key)) return pos(pair.key.range?.[0]);
          }
        }
        const node = (sub.length ? doc.getIn(sub, true) : doc.contents) as Node | null | undefined;
        if (node && 'range' in node && node.range) return pos(node.range[0]);
      }
      return { line: 1, column: 1 };
    },
  };
}

export interface ParseOptions {
  /** Used when the file sets no department (the folder the file sits in). */
  department?: string;
}

/** Parses and validates one `.deck.yaml` text. Never throws: every problem is returned. */
export function parseDeckYaml(text: string, file: string, options: ParseOptions = {}): DeckResult {
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (!withoutBom.trim() || /^(\s*#.*\n?)*\s*$/.test(withoutBom)) {
    return { problems: [problem(file, { line: 1, column: 1 }, 'error', 'empty-file', 'the file is empty', {})] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(withoutBom, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        const text = e.message.split('\n')[0] ?? e.message;
        return problem(file, { line, column: col }, 'error', 'yaml-syntax', `YAML syntax: ${text}`, { detail: text });
      }),
    };
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 50 });
  return validateDeck(raw, {
    file,
    locate: yamlLocator(doc, lines),
    ...(options.department ? { defaults: { department: options.department } } : {}),
  });
}
