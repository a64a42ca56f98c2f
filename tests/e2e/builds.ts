import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds and serves extra copies of the app for tests that need their own deployment: another
 * content folder, a new version of the same origin, a changed service worker.
 */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `vaktaal-${prefix}-`));
}

/** `vite build` of the app with the given content folder; throws with the build output on failure. */
export function buildApp(contentDir: string, outDir: string): void {
  const r = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    encoding: 'utf8',
    env: { ...process.env, VAKTAAL_CONTENT_DIR: contentDir },
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Replaces what a served folder holds with another build (a new deployment on the same origin). */
export function deploy(fromDir: string, servedDir: string): void {
  rmSync(servedDir, { recursive: true, force: true });
  cpSync(fromDir, servedDir, { recursive: true });
}

export interface Server {
  port: number;
  url: string;
  stop(): void;
}

/** `vite preview` of a folder on a free-ish port of its own. */
export function serve(dir: string): Server {
  // 4300–4999 holds no port Chromium refuses as unsafe (5060/5061, SIP, once broke a run).
  const port = 4300 + Math.floor(Math.random() * 700);
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', dir], {
    stdio: 'ignore',
  });
  return { port, url: `http://localhost:${port}`, stop: () => child.kill() };
}
