import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, createServer, type ViteDevServer } from 'vite';
import { contentPlugin } from '../../src/build/contentPlugin.ts';

const deck = (title: string, audio = '') => `id: proef
title: ${title}
cards:
  - term: loket
    article: het
    definition: De plaats waar je geholpen wordt.
${audio ? `    audio: ${audio}\n` : ''}`;

const drill = (title: string) => `id: dt-proef
title: ${title}
topic: dt
items:
  - kind: gap
    sentence: Het dossier ___ morgen behandeld.
    answer: wordt
    explanation: Stam + t.
`;

const prompts = `id: opdrachten
title: Opdrachten
prompts:
  - id: kaart
    title: Kaart
    task: Antwoord een inwoner.
    kind: email
    register: u
`;

/** A content folder with one deck, one drill set, one prompts file and one recording. */
function writeContent(root: string): string {
  const dir = join(root, 'content');
  mkdirSync(join(dir, 'decks'), { recursive: true });
  mkdirSync(join(dir, 'drills'));
  mkdirSync(join(dir, 'prompts'));
  mkdirSync(join(dir, 'audio'));
  writeFileSync(join(dir, 'decks', 'proef.deck.yaml'), deck('Proef', 'loket.mp3'));
  writeFileSync(join(dir, 'drills', 'proef.drill.yaml'), drill('Werkwoorden'));
  writeFileSync(join(dir, 'prompts', 'opdrachten.prompts.yaml'), prompts);
  writeFileSync(join(dir, 'audio', 'loket.mp3'), 'ID3 fake');
  return dir;
}

describe('the content plugin in dev (a real Vite dev server)', () => {
  let root: string;
  let dir: string;
  let server: ViteDevServer;
  let base: string;
  let sent: { mock: { calls: unknown[][] } };
  const reloads = () => sent.mock.calls.filter((call) => (call[0] as { type?: string } | undefined)?.type === 'full-reload').length;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'vaktaal-content-dev-'));
    dir = writeContent(root);
    mkdirSync(join(root, 'content-old'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { port: 0 },
      plugins: [contentPlugin({ contentDir: dir })],
    });
    await server.listen();
    const address = server.httpServer!.address();
    base = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    // What the page's Vite client receives goes through server.ws.send.
    sent = vi.spyOn(server.ws, 'send');
  }, 30_000);

  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const json = async (path: string) => {
    const res = await fetch(`${base}/${path}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  /** Edits a file and waits for the reload that edit causes. */
  const editAndWaitForReload = async (file: string, text: string) => {
    const before = reloads();
    writeFileSync(file, text);
    await vi.waitFor(() => expect(reloads()).toBeGreaterThan(before), { timeout: 10_000, interval: 50 });
  };

  it('serves decks, drills with their prompts, and recordings from memory', async () => {
    expect(await json('decks/index.json')).toMatchObject({ decks: [{ id: 'proef', title: 'Proef' }] });
    expect(await json('decks/proef.json')).toMatchObject({ id: 'proef', cards: [{ term: 'loket', audio: 'loket.mp3' }] });
    expect(await json('drills/index.json')).toMatchObject({
      sets: [{ id: 'dt-proef', title: 'Werkwoorden' }],
      prompts: [{ id: 'opdrachten' }],
    });
    expect(await json('drills/dt-proef.json')).toMatchObject({ items: [{ kind: 'gap', answer: 'wordt' }] });
    const audio = await fetch(`${base}/audio/loket.mp3`);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect(await audio.text()).toBe('ID3 fake');
  });

  it('reloads the page when a drill file changes, and serves the new drill', async () => {
    await editAndWaitForReload(join(dir, 'drills', 'proef.drill.yaml'), drill('Werkwoorden, nieuw'));
    expect(await json('drills/index.json')).toMatchObject({ sets: [{ title: 'Werkwoorden, nieuw' }] });
  });

  it('reloads the page when a deck file changes, and serves the new deck', async () => {
    await editAndWaitForReload(join(dir, 'decks', 'proef.deck.yaml'), deck('Proef, nieuw', 'loket.mp3'));
    expect(await json('decks/proef.json')).toMatchObject({ title: 'Proef, nieuw' });
  });

  it('does not reload for a folder that only starts with the content folder name', async () => {
    const before = reloads();
    writeFileSync(join(root, 'content-old', 'oud.deck.yaml'), deck('Oud'));
    // Events arrive in order: once the later edit inside has reloaded, the one outside would have too.
    await editAndWaitForReload(join(dir, 'prompts', 'opdrachten.prompts.yaml'), prompts.replace('title: Opdrachten', 'title: Andere'));
    expect(reloads()).toBe(before + 1);
  });

  it('answers the broken kind with the path:line:column report, and keeps serving the others', async () => {
    await editAndWaitForReload(join(dir, 'drills', 'proef.drill.yaml'), drill('Kapot').replace('___ ', ''));
    const res = await fetch(`${base}/drills/index.json`);
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/content\/drills\/proef\.drill\.yaml:6:15 error: the sentence has no gap/);
    expect(await json('decks/index.json')).toMatchObject({ decks: [{ id: 'proef' }] });
    await editAndWaitForReload(join(dir, 'drills', 'proef.drill.yaml'), drill('Heel'));
    expect(await json('drills/index.json')).toMatchObject({ sets: [{ title: 'Heel' }] });
  });
});

describe('the content plugin in a build', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  /** Builds a one-page app with only the content plugin. */
  async function buildWith(edit: (dir: string) => void) {
    const root = mkdtempSync(join(tmpdir(), 'vaktaal-content-build-'));
    roots.push(root);
    const dir = writeContent(root);
    edit(dir);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    const outDir = join(root, 'dist');
    const warn = vi.fn();
    try {
      await build({
        configFile: false,
        root,
        logLevel: 'silent',
        customLogger: {
          info: () => {},
          warn,
          warnOnce: warn,
          error: () => {},
          clearScreen: () => {},
          hasErrorLogged: () => false,
          hasWarned: false,
        },
        build: { outDir, emptyOutDir: true },
        plugins: [contentPlugin({ contentDir: dir })],
      });
      return { outDir, error: undefined };
    } catch (error) {
      return { outDir, error: String(error) };
    }
  }

  it('emits every kind into the build', async () => {
    const { outDir, error } = await buildWith(() => {});
    expect(error).toBeUndefined();
    const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
    expect(JSON.parse(read('decks/index.json'))).toMatchObject({ decks: [{ id: 'proef' }] });
    expect(JSON.parse(read('decks/proef.json'))).toMatchObject({ cards: [{ term: 'loket' }] });
    expect(JSON.parse(read('drills/index.json'))).toMatchObject({ sets: [{ id: 'dt-proef' }], prompts: [{ id: 'opdrachten' }] });
    expect(JSON.parse(read('drills/dt-proef.json'))).toMatchObject({ items: [{ answer: 'wordt' }] });
    expect(read('audio/loket.mp3')).toBe('ID3 fake');
  }, 60_000);

  it.each([
    [
      'a broken drill',
      (dir: string) => writeFileSync(join(dir, 'drills', 'proef.drill.yaml'), drill('Kapot').replace('___ ', '')),
      /drills\/proef\.drill\.yaml:6:15 error: the sentence has no gap/,
    ],
    [
      'a misnamed drill file',
      (dir: string) => writeFileSync(join(dir, 'drills', 'verkeerd.yaml'), 'id: x\n'),
      /drills\/verkeerd\.yaml:1:1 error: not read: name a drill file/,
    ],
    [
      'a broken deck',
      (dir: string) => writeFileSync(join(dir, 'decks', 'proef.deck.yaml'), deck('Proef').replace('article: het', 'article: den')),
      /decks\/proef\.deck\.yaml:5:14 error: "article: den" is not allowed/,
    ],
    [
      'a missing recording',
      (dir: string) => rmSync(join(dir, 'audio', 'loket.mp3')),
      /decks\/proef\.deck\.yaml:7:12 error: audio file "loket\.mp3" not found in .*content\/audio\//,
    ],
  ])(
    'fails on %s with the path:line:column message, and writes no app',
    async (_name, edit, message) => {
      const { outDir, error } = await buildWith(edit);
      expect(error).toMatch(message);
      expect(() => readFileSync(join(outDir, 'index.html'))).toThrow();
    },
    60_000,
  );
});
