import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatProblem, hasErrors } from '../core/content/problems.ts';
import type { Deck, DeckMeta } from '../core/content/model.ts';
import { compileContentDir } from './contentFiles.ts';

export const DECKS_PATH = 'decks';

export interface DeckIndex {
  decks: DeckMeta[];
}

function compiled(contentDir: string): { index: DeckIndex; decks: Deck[]; report: string; failed: boolean } {
  const { decks, problems } = compileContentDir(contentDir);
  const index: DeckIndex = { decks: decks.map(({ cards: _cards, ...meta }) => meta) };
  return { index, decks, report: problems.map(formatProblem).join('\n'), failed: hasErrors(problems) };
}

/**
 * Compiles `content/` to static JSON: `decks/index.json` plus one `decks/<id>.json` per deck,
 * emitted into the build so the service worker precaches them. In dev the same JSON is served from
 * memory and the page reloads when a content file changes. Any error fails the build with
 * `path:line:column` messages.
 */
export function decksPlugin(options: { contentDir?: string } = {}): Plugin {
  const contentDir = resolve(options.contentDir ?? 'content');
  let current: ReturnType<typeof compiled> | undefined;
  const get = () => (current ??= compiled(contentDir));

  return {
    name: 'vaktaal-decks',
    buildStart() {
      current = compiled(contentDir);
      this.addWatchFile(contentDir);
      if (current.failed) this.error(`Deck content has errors:\n${current.report}`);
      if (current.report) this.warn(`Deck content warnings:\n${current.report}`);
    },
    generateBundle() {
      const { index, decks } = get();
      this.emitFile({ type: 'asset', fileName: `${DECKS_PATH}/index.json`, source: JSON.stringify(index) });
      for (const deck of decks) {
        this.emitFile({ type: 'asset', fileName: `${DECKS_PATH}/${deck.id}.json`, source: JSON.stringify(deck) });
      }
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(contentDir);
      server.watcher.on('all', (_event, file) => {
        if (!resolve(file).startsWith(contentDir)) return;
        current = compiled(contentDir);
        if (current.report) server.config.logger.warn(current.report);
        server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use((req, res, next) => {
        const match = req.url?.match(new RegExp(`^/${DECKS_PATH}/([a-z0-9-]+)\\.json`));
        if (!match) return next();
        const { index, decks, failed, report } = get();
        if (failed) {
          res.statusCode = 500;
          res.end(report);
          return;
        }
        const body = match[1] === 'index' ? index : decks.find((d) => d.id === match[1]);
        if (!body) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(body));
      });
    },
  };
}
