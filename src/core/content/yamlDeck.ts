import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { problem, type Position, type Problem } from './problems.ts';
import { validateDeck, type DeckResult, type Locator, type Path } from './validate.ts';

/** Finds where a path was written in a YAML document, falling back to the nearest ancestor. */
export function yamlLocator(doc: Document, lines: LineCounter): Locator {
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

/** What a coach most likely did, for the YAML errors that happen most when writing decks by hand. */
function syntaxHint(code: string, message: string, line: string): string {
  const value = line.replace(/^\s*(-\s+)?[\w-]+\s*:\s*/, '');
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value that contains ": " must be between double quotes, e.g. definition: "Let op: …"; otherwise check the indentation';
    case 'UNEXPECTED_TOKEN':
      if (value.startsWith('{')) return 'a value that starts with { must be between double quotes, e.g. example: "{Gemeenteraad} vergadert."';
      if (value.startsWith("'")) return "a value between single quotes cannot contain another ' — use double quotes around it";
      return 'check the quotes on this line: a value that contains quotes, ": " or " #" must be between double quotes';
    case 'MISSING_CHAR':
      return /quote/i.test(message) ? 'a value that opens with a quote must close with the same quote on its own line or a later one' : 'check the indentation: the fields of a card line up under "term"';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not with tabs';
    case 'DUPLICATE_KEY':
      return 'this field appears twice: keep one';
    case 'BAD_INDENT':
      return 'check the indentation: the fields of a card line up under "term"';
    default:
      return '';
  }
}

/** A YAML text read into plain data, with a locator back into the text; or why it could not be read. */
export type YamlSource = { raw: unknown; locate: Locator; problems?: undefined } | { problems: Problem[] };

/**
 * Reads a YAML content file (a deck, or the meta file beside a CSV deck). Never throws: an empty
 * file or a syntax error comes back as problems with their position.
 */
export function readYamlSource(text: string, file: string): YamlSource {
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (!withoutBom.trim() || /^(\s*#.*\n?)*\s*$/.test(withoutBom)) {
    return { problems: [problem(file, { line: 1, column: 1 }, 'error', 'empty-file', 'the file is empty', {})] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(withoutBom, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const sourceLines = withoutBom.split(/\r?\n/);
    return {
      problems: doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        const text = e.message.split('\n')[0] ?? e.message;
        const hint = syntaxHint(e.code, text, sourceLines[line - 1] ?? '');
        return problem(file, { line, column: col }, 'error', 'yaml-syntax', `YAML syntax: ${text}${hint ? ` — ${hint}` : ''}`, { detail: text, hint });
      }),
    };
  }
  try {
    // Aliases are resolved here: an unknown alias or an alias bomb is a syntax problem, not a crash.
    return { raw: doc.toJS({ maxAliasCount: 50 }) as unknown, locate: yamlLocator(doc, lines) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { problems: [problem(file, { line: 1, column: 1 }, 'error', 'yaml-syntax', `YAML syntax: ${detail}`, { detail })] };
  }
}

/** Parses and validates one `.deck.yaml` text. Never throws: every problem is returned. */
export function parseDeckYaml(text: string, file: string, options: ParseOptions = {}): DeckResult {
  const source = readYamlSource(text, file);
  if (source.problems) return { problems: source.problems };
  return validateDeck(source.raw, {
    file,
    locate: source.locate,
    ...(options.department ? { defaults: { department: options.department } } : {}),
  });
}
