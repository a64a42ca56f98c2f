import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatProblem, hasErrors } from '../core/content/problems.ts';
import type { DrillIndex, DrillSet } from '../core/content/drillModel.ts';
import { compileDrillDir } from './drillFiles.ts';

export const DRILLS_PATH = 'drills';

function compiled(contentDir: string): { index: DrillIndex; sets: DrillSet[]; report: string; failed: boolean } {
  const { sets, prompts, problems } = compileDrillDir(contentDir);
  const index: DrillIndex = { sets: sets.map(({ items: _items, ...meta }) => meta), prompts };
  return { index, sets, report: problems.map(formatProblem).join('\n'), failed: hasErrors(problems) };
}

/**
 * Compiles drill and writing-prompt files to static JSON: `drills/index.json` (the sets without
 * their items, and every prompt) plus one `drills/<id>.json` per set, emitted into the build so
 * the service worker precaches them. Like the decks plugin: an error fails the build with
 * path:line:column messages, and in dev the JSON is served from memory and reloads on edits.
 */
export function drillsPlugin(options: { contentDir?: string } = {}): Plugin {
  const contentDir = resolve(options.contentDir ?? 'content');
  let current: ReturnType<typeof compiled> | undefined;
  const get = () => (current ??= compiled(contentDir));

  return {
    name: 'vaktaal-drills',
    buildStart() {
      current = compiled(contentDir);
      this.addWatchFile(contentDir);
      if (current.failed) this.error(`Drill content has errors:\n${current.report}`);
      if (current.report) this.warn(`Drill content warnings:\n${current.report}`);
    },
    generateBundle() {
      const { index, sets } = get();
      this.emitFile({ type: 'asset', fileName: `${DRILLS_PATH}/index.json`, source: JSON.stringify(index) });
      for (const set of sets) this.emitFile({ type: 'asset', fileName: `${DRILLS_PATH}/${set.id}.json`, source: JSON.stringify(set) });
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(contentDir);
      server.watcher.on('all', (_event, file) => {
        if (!resolve(file).startsWith(contentDir)) return;
        current = compiled(contentDir);
        if (current.report) server.config.logger.warn(current.report);
      });
      server.middlewares.use((req, res, next) => {
        const match = req.url?.match(new RegExp(`^/${DRILLS_PATH}/([a-z0-9-]+)\\.json`));
        if (!match) return next();
        const { index, sets, failed, report } = get();
        if (failed) {
          res.statusCode = 500;
          res.end(report);
          return;
        }
        const body = match[1] === 'index' ? index : sets.find((s) => s.id === match[1]);
        if (!body) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(body));
      });
    },
  };
}
