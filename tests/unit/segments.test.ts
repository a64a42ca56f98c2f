import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '../../src/core/writing/findings.ts';
import { checkText, jargonMatcher } from '../../src/core/writing/index.ts';
import { segments, type Segment } from '../../src/core/writing/segments.ts';
import { dtLexicon } from './helpersDt.ts';

/** `[marked]` for a finding's piece, plain text as is: a failing diff reads like the preview. */
const show = (pieces: Segment[]) => pieces.map((p) => (p.finding ? `[${p.text}]` : p.text)).join('');

describe('segments of the desk preview', () => {
  it('marks what the checks found in a real e-mail and gives the whole text back', () => {
    const jargon = jargonMatcher([{ term: 'attest', plain: 'bewijs', noun: true, source: 'Loket' }]);
    const text =
      'Geachte meneer Claes,\nUw aanvraag word volgende week behandeld. U krijgt dan het attest per post.\nMet vriendelijke groeten';
    const found = checkText(text, { kind: 'email', register: 'u', jargon, lexicon: dtLexicon() });
    expect(found.map((f) => f.code)).toEqual(expect.arrayContaining(['dt-subject', 'jargon']));
    const pieces = segments(text, found);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(show(pieces)).toContain('Uw aanvraag [word] volgende week');
    expect(show(pieces)).toContain('het [attest] per post');
    for (const p of pieces) if (p.finding) expect(p.text).toBe(text.slice(p.finding.start, p.finding.end));
  });

  it('takes findings in any order', () => {
    const text = 'Ik word morgen gebeld en hij vind het goed.';
    const a = finding('dt', 'a', text, 3, 7);
    const b = finding('dt', 'b', text, 29, 33);
    expect(show(segments(text, [b, a]))).toBe('Ik [word] morgen gebeld en hij [vind] het goed.');
    expect(
      segments(text, [b, a])
        .filter((p) => p.finding)
        .map((p) => p.finding!.code),
    ).toEqual(['a', 'b']);
  });

  it('leaves out a finding about an older text, one with no width, one past the end, and one inside an earlier mark', () => {
    const text = 'Beste Sara, de gemeenteraad vergadert maandag.';
    const stale: Finding = { ...finding('spelling', 'unknown-word', text, 15, 27), text: 'gemeentraad' };
    const missing = finding('register', 'closing-missing', text, text.length, text.length);
    const beyond: Finding = { ...finding('spelling', 'x', text, 40, 60), text: 'maandag.' + 'x'.repeat(12) };
    const outer = finding('klareTaal', 'jargon', text, 15, 37);
    const inner = finding('spelling', 'unknown-word', text, 18, 27);
    expect(show(segments(text, [stale, missing, beyond]))).toBe(text);
    expect(show(segments(text, [inner, outer]))).toBe('Beste Sara, de [gemeenteraad vergadert] maandag.');
  });

  it('marks two findings that touch without overlapping, and a text that is all one mark', () => {
    const text = 'reedsindien';
    expect(show(segments(text, [finding('klareTaal', 'a', text, 0, 5), finding('klareTaal', 'b', text, 5, 11)]))).toBe('[reeds][indien]');
    expect(segments(text, [finding('klareTaal', 'c', text, 0, 11)])).toEqual([{ text, finding: expect.objectContaining({ code: 'c' }) }]);
  });

  it('gives nothing for an empty text and one plain piece without findings', () => {
    expect(segments('', [])).toEqual([]);
    expect(segments('Dag Sara', [])).toEqual([{ text: 'Dag Sara' }]);
  });
});
