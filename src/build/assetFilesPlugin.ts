import type { Plugin } from 'vite';

/** One asset: its path in the output, and how to read its content (read when emitted or served). */
export type AssetFile = [fileName: string, source: () => string | Buffer];

/**
 * A plugin that emits `files` as plain assets in the build and serves the same content at the same
 * paths in dev, so the app fetches them alike in both. The dictionary and the studio's QA lists ship this way.
 */
export function assetFilesPlugin(name: string, files: readonly AssetFile[], contentType: (fileName: string) => string): Plugin {
  return {
    name,
    generateBundle() {
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source: source() });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const hit = files.find(([fileName]) => req.url?.split('?')[0] === `/${fileName}`);
        if (!hit) return next();
        res.setHeader('Content-Type', contentType(hit[0]));
        res.end(hit[1]());
      });
    },
  };
}
