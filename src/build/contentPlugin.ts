import { readFileSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { DeckMeta } from '../core/content/model.ts';
import type { DrillIndex } from '../core/drills/drillModel.ts';
import { formatProblem, hasErrors, type Problem } from '../core/content/problems.ts';
import { STADHUISTAAL_ASSET } from '../core/writing/stadhuistaal.ts';
import { AUDIO_FOLDER, compileContent, type CompiledContent } from './contentFiles.ts';

export interface DeckIndex {
  decks: DeckMeta[];
}

/**
 * A kind of content the app fetches as JSON: `<folder>/index.json` plus one `<folder>/<id>.json`
 * per entry. Prompts travel in the drills' index (the writing desk reads them with the sets).
 */
interface JsonKind {
  folder: string;
  problems(c: CompiledContent): Problem[];
  index(c: CompiledContent): unknown;
  entries(c: CompiledContent): readonly { id: string }[];
}

const KINDS: readonly JsonKind[] = [
  {
    folder: 'decks',
    problems: (c) => c.deckProblems,
    index: (c): DeckIndex => ({ decks: c.decks.decks.map(({ cards: _cards, ...meta }) => meta) }),
    entries: (c) => c.decks.decks,
  },
  {
    folder: 'drills',
    problems: (c) => c.drills.problems,
    index: (c): DrillIndex => ({ sets: c.drills.sets.map(({ items: _items, ...meta }) => meta), prompts: c.drills.prompts }),
    entries: (c) => c.drills.sets,
  },
];

const AUDIO_TYPES = new Map([
  ['.mp3', 'audio/mpeg'],
  ['.ogg', 'audio/ogg'],
  ['.m4a', 'audio/mp4'],
  ['.wav', 'audio/wav'],
  ['.webm', 'audio/webm'],
]);

interface Asset {
  type: string;
  /** Read when emitted or served: recordings stay on disk until then. */
  source(): string | Buffer;
}

interface Output {
  /** App path (no leading slash) → file. */
  assets: Map<string, Asset>;
  /** Folders whose kind has an error: the dev server answers their requests with the report. */
  failed: Set<string>;
  report: string;
  errors: boolean;
}

function output(contentDir: string): Output {
  const content = compileContent(contentDir);
  const assets = new Map<string, Asset>();
  const failed = new Set<string>();
  const problems: Problem[] = [];
  const json = (value: unknown): Asset => ({ type: 'application/json', source: () => JSON.stringify(value) });
  for (const kind of KINDS) {
    const found = kind.problems(content);
    problems.push(...found);
    if (hasErrors(found)) failed.add(kind.folder);
    assets.set(`${kind.folder}/index.json`, json(kind.index(content)));
    for (const entry of kind.entries(content)) assets.set(`${kind.folder}/${entry.id}.json`, json(entry));
  }
  // The writing desk's stadhuistaal list: one file, fetched when the desk opens (not in the first load).
  problems.push(...content.stadhuistaal.problems);
  if (hasErrors(content.stadhuistaal.problems)) failed.add(STADHUISTAAL_ASSET.split('/', 1)[0]!);
  assets.set(STADHUISTAAL_ASSET, json(content.stadhuistaal.list));
  for (const [name, full] of content.files.audio) {
    const type = AUDIO_TYPES.get(extname(name).toLowerCase()) ?? 'application/octet-stream';
    assets.set(`${AUDIO_FOLDER}/${name}`, { type, source: () => readFileSync(full) });
  }
  return { assets, failed, report: problems.map(formatProblem).join('\n'), errors: hasErrors(problems) };
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, resolve(file));
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** The app path a request asks for, without query and leading slash; undefined when it cannot be decoded. */
function requestedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent((url ?? '').split('?')[0]!).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
}

/**
 * Compiles `content/` into the app: decks and drills (with the writing prompts) and the desk's
 * stadhuistaal list to static JSON,
 * the coaches' recordings to `audio/<file>`, all emitted into the build so the service worker
 * precaches them. Any error fails the build with `path:line:column` messages. In dev the same
 * files are served from memory, and any change under the content folder recompiles it and
 * reloads the page.
 */
export function contentPlugin(options: { contentDir?: string } = {}): Plugin {
  const contentDir = resolve(options.contentDir ?? 'content');
  let current: Output | undefined;
  const get = () => (current ??= output(contentDir));

  return {
    name: 'vaktaal-content',
    buildStart() {
      current = output(contentDir);
      this.addWatchFile(contentDir);
      if (current.errors) this.error(`Content has errors:\n${current.report}`);
      if (current.report) this.warn(`Content warnings:\n${current.report}`);
    },
    generateBundle() {
      for (const [fileName, asset] of get().assets) this.emitFile({ type: 'asset', fileName, source: asset.source() });
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(contentDir);
      server.watcher.on('all', (_event, file) => {
        if (!isInside(contentDir, file)) return;
        current = output(contentDir);
        if (current.report) server.config.logger.warn(current.report);
        server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use((req, res, next) => {
        const path = requestedPath(req.url);
        if (path === undefined) return next();
        const { assets, failed, report } = get();
        const folder = path.split('/', 1)[0]!;
        if (path.startsWith(`${folder}/`) && failed.has(folder)) {
          res.statusCode = 500;
          res.end(report);
          return;
        }
        const asset = assets.get(path);
        if (!asset) return next();
        res.setHeader('Content-Type', asset.type);
        res.end(asset.source());
      });
    },
  };
}
