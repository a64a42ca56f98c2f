import DOMPurify from 'dompurify';
import { marked } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Deck text is untrusted. It may use light emphasis (`*cursief*`, `**vet**`), nothing else:
 * every HTML character is escaped first, marked turns the emphasis into <em>/<strong>, and
 * DOMPurify keeps only those two tags (no attributes), so whatever the text says stays text.
 */
export function renderEmphasis(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
  const html = marked.parseInline(escaped, { async: false, gfm: false, breaks: false });
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['em', 'strong'], ALLOWED_ATTR: [], KEEP_CONTENT: true });
}
