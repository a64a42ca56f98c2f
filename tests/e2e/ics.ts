/**
 * A strict little reader of iCalendar text (RFC 5545), for tests: it checks the line rules itself
 * (CRLF only, no line over 75 octets) and unfolds, then splits each content line.
 */
export interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

export function physicalLines(text: string): string[] {
  if (!text.endsWith('\r\n')) throw new Error('the file does not end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new Error('a line break that is not CRLF');
  return text.slice(0, -2).split('\r\n');
}

export function contentLines(text: string): ContentLine[] {
  const lines: string[] = [];
  for (const line of physicalLines(text)) {
    const octets = new TextEncoder().encode(line).length;
    if (octets > 75) throw new Error(`line of ${octets} octets: ${line}`);
    if (/^[ \t]/.test(line)) {
      if (!lines.length) throw new Error('the file starts with a continuation line');
      lines[lines.length - 1] += line.slice(1);
    } else lines.push(line);
  }
  return lines.map((line) => {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`no colon: ${line}`);
    const [name, ...params] = line.slice(0, colon).split(';');
    return {
      name: name!,
      params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
      value: line.slice(colon + 1),
    };
  });
}

/** The properties directly inside the first component `name` (nested components left out). */
export function component(lines: ContentLine[], name: string): Map<string, ContentLine> {
  const start = lines.findIndex((l) => l.name === 'BEGIN' && l.value === name);
  if (start < 0) throw new Error(`no ${name}`);
  const props = new Map<string, ContentLine>();
  let depth = 0;
  for (const line of lines.slice(start + 1)) {
    if (line.name === 'BEGIN') depth++;
    else if (line.name === 'END' && depth === 0) {
      if (line.value !== name) throw new Error(`${name} ends with END:${line.value}`);
      return props;
    } else if (line.name === 'END') depth--;
    else if (depth === 0) props.set(line.name, line);
  }
  throw new Error(`${name} is not closed`);
}

/** A TEXT value as written before escaping. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
