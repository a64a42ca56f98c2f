import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileContentDir } from './contentFiles.ts';

const AUDIO = /\.(mp3|ogg|m4a|wav|webm)$/;
const MIME: Record<string, string> = { mp3: 'audio/mpeg', ogg: 'audio/ogg', m4a: 'audio/mp4', wav: 'audio/wav', webm: 'audio/webm' };

/**
 * Coaches' recordings in `content/audio/` become `/audio/<file>` in the app (and are precached
 * with everything else). A card naming a recording that does not exist fails the build with the
 * card's path:line.
 */
export function audioPlugin(options: { contentDir: string }): Plugin {
  const contentDir = resolve(options.contentDir);
  const audioDir = join(contentDir, 'audio');
  const files = () => (existsSync(audioDir) ? readdirSync(audioDir).filter((f) => AUDIO.test(f)) : []);

  return {
    name: 'vaktaal-audio',
    buildStart() {
      const available = new Set(files());
      const missing: string[] = [];
      for (const deck of compileContentDir(contentDir).decks) {
        for (const card of deck.cards) {
          if (card.audio && !available.has(card.audio)) {
            missing.push(`${deck.source}:${card.line}:5 error: audio file "${card.audio}" not found in ${join(options.contentDir, 'audio')}/`);
          }
        }
      }
      if (missing.length) this.error(`Deck content has errors:\n${missing.join('\n')}`);
    },
    generateBundle() {
      for (const file of files()) {
        this.emitFile({ type: 'asset', fileName: `audio/${file}`, source: readFileSync(join(audioDir, file)) });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = req.url?.match(/^\/audio\/([^/?]+)/);
        const file = match ? decodeURIComponent(match[1]!) : '';
        if (!file || !AUDIO.test(file) || !files().includes(file)) return next();
        res.setHeader('Content-Type', MIME[file.split('.').pop()!] ?? 'application/octet-stream');
        res.end(readFileSync(join(audioDir, file)));
      });
    },
  };
}
