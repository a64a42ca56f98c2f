/**
 * Anki fields are HTML. A Vaktaal card holds plain text, so fields are reduced to their text on
 * top of htmlparser2 (a standard, forgiving HTML parser that also decodes entities): only text
 * nodes are kept; a line break stands where the HTML broke the line (`<br>`, block elements such
 * as `<div>`, `<p>`, `<li>`, table rows); what is inside script, style, SVG, media, form controls
 * and the like is dropped. The result is only ever shown as text, so nothing in it can run.
 */
import { INVISIBLE } from '../content/text.ts';
import { Parser } from 'htmlparser2';

/** Elements whose content is not text a reader sees. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'audio',
  'video',
  'canvas',
  'svg',
  'math',
  'button',
  'select',
  'textarea',
  'head',
  'title',
  'rt',
  'rp',
]);
/** Elements that start and end on their own line. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

function htmlToText(html: string): string {
  const out: string[] = [];
  let dropped = 0;
  const lists: { ordered: boolean; n: number }[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROP.has(name)) dropped++;
        if (dropped) return;
        if (name === 'br') out.push('\n');
        else if (BLOCK.has(name)) out.push('\n');
        if (name === 'ul' || name === 'ol') lists.push({ ordered: name === 'ol', n: 0 });
        else if (name === 'li') {
          const list = lists.at(-1);
          if (list) out.push(list.ordered ? `${++list.n}. ` : '- ');
        }
      },
      ontext(text) {
        // Whitespace in HTML source is a space; line breaks come from the tags.
        if (!dropped) out.push(text.replace(/[ \t\n\r\f]+/g, ' '));
      },
      onclosetag(name) {
        if (DROP.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped) return;
        if (BLOCK.has(name)) out.push('\n');
        if (name === 'ul' || name === 'ol') lists.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}

/** Anki's audio reference in a field: `[sound:name.mp3]`. */
const SOUND = /\[sound:([^\]]*)\]/g;
const MARKUP = /[<&]/;

/** One line per line of text, spaces collapsed, no empty lines, no control characters. */
export function tidy(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
      // Control characters have no place in a card (the \x1f of a field join, stray NULs), nor invisible marks.
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(INVISIBLE, '')
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trim())
      .filter(Boolean)
      .join('\n')
  );
}

/** Plain text of a field: HTML reduced when the source holds HTML, else only tidied. */
export function fieldText(raw: string, html: boolean): string {
  if (!html) return tidy(raw);
  return tidy(MARKUP.test(raw) ? htmlToText(raw) : raw.replace(/[ \t\n\r\f]+/g, ' '));
}

/** The sound files a field names, and the field without them. */
export function takeSounds(raw: string, html: boolean): { rest: string; sounds: string[] } {
  const sounds: string[] = [];
  const rest = raw.replace(SOUND, (_, name: string) => {
    // In HTML fields the name is HTML-escaped like the rest ("&amp;").
    const plain = (html ? fieldText(name, true) : name).trim();
    if (plain) sounds.push(plain);
    return ' ';
  });
  return { rest, sounds };
}

/** A field on one line: for terms and answers. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
