/**
 * The one reader of the app's own JSON files (backups, coach reports): parse, check the format
 * name and the format version, before a file's own schema looks at the rest. Never throws.
 */
export type VersionedProblem =
  | { code: 'corrupt'; params: { detail: string } }
  | { code: 'not-format'; params: Record<string, never> }
  | { code: 'invalid-version'; params: Record<string, never> }
  | { code: 'newer-version'; params: { version: string; supported: string } };

export type VersionedJson = { ok: true; raw: Record<string, unknown>; version: number } | { ok: false; problem: VersionedProblem };

export function readVersionedJson(text: string, format: string, supported: number): VersionedJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: { code: 'corrupt', params: { detail: error instanceof Error ? error.message : String(error) } } };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problem: { code: 'not-format', params: {} } };
  const head = raw as Record<string, unknown>;
  if (head.format !== format) return { ok: false, problem: { code: 'not-format', params: {} } };
  const version = head.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, problem: { code: 'invalid-version', params: {} } };
  if (version > supported)
    return { ok: false, problem: { code: 'newer-version', params: { version: String(version), supported: String(supported) } } };
  return { ok: true, raw: head, version };
}
