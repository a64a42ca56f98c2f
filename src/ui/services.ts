/**
 * The composition root: the only place in the UI that opens the database. It wires the database
 * into the core services (src/core/services); screens reach the domain only through them.
 */
import { VaktaalDB } from '../core/db/database.ts';
import { createServices, type Services } from '../core/services/index.ts';
import { fetchJson } from './fetchJson.ts';

let wired: Services | undefined;

/** Opens the database; `onOutdated` runs when another tab upgraded the schema (this tab's code is old). */
export async function openServices(options: { retention: () => number; onOutdated: () => void }): Promise<Services> {
  const db = new VaktaalDB();
  await db.open();
  // Dexie closes our connection on a version change; say why instead of failing on the next write.
  db.on('versionchange', () => {
    db.close();
    options.onOutdated();
    return false;
  });
  wired = createServices(db, { loadJson: fetchJson, retention: options.retention });
  return wired;
}

export function services(): Services {
  if (!wired) throw new Error('services not open');
  return wired;
}
