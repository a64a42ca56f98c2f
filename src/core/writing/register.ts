/**
 * Register: u and je not mixed, and (for an e-mail) a greeting and a closing that are present
 * and formal enough for the reader. Flemish practice: "Geachte …" and "Beste …" are both fine for
 * a citizen, "Dag mevrouw …" too; "Hallo", "Hoi", "Groetjes" and "mvg" are not.
 */
import { finding, matchCase, type Finding } from './findings.ts';
import { words, type Word } from './text.ts';

export type Register = 'u' | 'je';

export interface RegisterOptions {
  kind: 'email' | 'text';
  /** How the reader is addressed: u (a citizen, a jury) or je (a colleague). */
  register: Register;
}

// Maps, not object literals: a typed word is the key, and "constructor" or "__proto__" must not hit Object.prototype.
const FORMAL = new Map<string, string[]>([
  ['u', ['je', 'jij']],
  ['uw', ['je', 'jouw']],
  ['uzelf', ['jezelf']],
]);
const INFORMAL = new Map<string, string[]>([
  ['je', ['u', 'uw']],
  ['jij', ['u']],
  ['jou', ['u']],
  ['jouw', ['uw']],
  ['jezelf', ['uzelf']],
  ['jouzelf', ['uzelf']],
]);

const GREETING_FORMAL = /^(geachte|beste)\b|^(dag|goedemorgen|goeiemorgen|goedemiddag|goedenavond)\s+(mevrouw|meneer|heer|dokter)\b/i;
const GREETING_NEUTRAL = /^(dag|goedemorgen|goeiemorgen|goedemiddag|goedenavond)\b/i;
const GREETING_INFORMAL = /^(hallo|hoi|hey|hei|hi|hai|yo|hello|halo)\b/i;
const CLOSING_FORMAL = /^(met\s+)?(vriendelijke|hartelijke)\s+groet(en)?\b|^hoogachtend\b|^met\s+(de\s+meeste\s+)?hoogachting\b/i;
const CLOSING_INFORMAL =
  /^(groetjes|groeten|groet|grtz|grt|mvg|m\.v\.g|vg|doei|ciao|bye|tot\s+later|later|xx?|kusjes|thx|thanks|cheers)\b/i;

interface Line {
  text: string;
  start: number;
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ text: body, start: start + lead, end: start + lead + body.length });
    start += raw.length + 1;
  }
  return out;
}

function checkAddress(text: string, all: Word[], register: Register, out: Finding[]): void {
  const formal = all.filter((w) => FORMAL.has(w.lower));
  const informal = all.filter((w) => INFORMAL.has(w.lower));
  if (register === 'u') {
    for (const w of informal) {
      const code = formal.length ? 'mixed-address' : 'informal-address';
      out.push(
        finding(
          'register',
          code,
          text,
          w.start,
          w.end,
          { word: w.text },
          (INFORMAL.get(w.lower) ?? []).map((s) => matchCase(w.text, s)),
        ),
      );
    }
  } else if (formal.length && informal.length) {
    // A colleague may be addressed with u or je, but not both in one text: flag the fewer.
    const odd = formal.length <= informal.length ? formal : informal;
    const map = odd === formal ? FORMAL : INFORMAL;
    for (const w of odd)
      out.push(
        finding(
          'register',
          'mixed-address',
          text,
          w.start,
          w.end,
          { word: w.text },
          (map.get(w.lower) ?? []).map((s) => matchCase(w.text, s)),
        ),
      );
  }
}

function checkGreeting(text: string, ls: Line[], register: Register, out: Finding[]): void {
  const first = ls[0]!;
  const firstWords = words(first.text);
  const informal = GREETING_INFORMAL.exec(first.text);
  if (informal) {
    if (register === 'u') {
      out.push(
        finding('register', 'greeting-informal', text, first.start, first.start + informal[0].length, { word: informal[0] }, [
          'Geachte',
          'Beste',
        ]),
      );
    }
  } else if (!GREETING_FORMAL.test(first.text) && !GREETING_NEUTRAL.test(first.text)) {
    out.push(finding('register', 'greeting-missing', text, first.start, first.start, { register }));
    return;
  }
  if (firstWords.length > 6) {
    out.push(finding('register', 'greeting-own-line', text, first.start, first.end, {}));
    return;
  }
  if (!first.text.endsWith(','))
    out.push(finding('register', 'greeting-comma', text, first.end, first.end, { greeting: first.text }, [',']));
  const second = ls[1];
  const word = second ? words(second.text)[0] : undefined;
  if (second && word && word.start === 0 && /^\p{Ll}/u.test(word.text)) {
    const at = second.start + word.start;
    out.push(
      finding('register', 'greeting-capital', text, at, at + word.text.length, { word: word.text }, [
        word.text.charAt(0).toUpperCase() + word.text.slice(1),
      ]),
    );
  }
}

function checkClosing(text: string, ls: Line[], register: Register, out: Finding[]): void {
  const tail = ls.slice(1).slice(-4);
  const formal = tail.find((l) => CLOSING_FORMAL.test(l.text));
  if (formal) return;
  const informal = tail.map((l) => ({ l, m: CLOSING_INFORMAL.exec(l.text) })).find((x) => x.m);
  if (informal?.m) {
    if (register === 'u') {
      out.push(
        finding('register', 'closing-informal', text, informal.l.start, informal.l.start + informal.m[0].length, { word: informal.m[0] }, [
          'Met vriendelijke groeten',
        ]),
      );
    }
    return;
  }
  out.push(finding('register', 'closing-missing', text, text.trimEnd().length, text.trimEnd().length, { register }));
}

/** Words a text needs before the greeting and closing checks say anything (an empty draft is not "wrong"). */
export const MIN_WORDS_FOR_CLOSING = 15;

export function checkRegister(text: string, options: RegisterOptions): Finding[] {
  const out: Finding[] = [];
  const all = words(text);
  checkAddress(text, all, options.register, out);
  if (options.kind === 'email' && all.length >= 3) {
    const ls = lines(text);
    if (ls.length) checkGreeting(text, ls, options.register, out);
    if (all.length >= MIN_WORDS_FOR_CLOSING) checkClosing(text, ls, options.register, out);
  }
  return out;
}
