/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { contentPlugin } from './src/build/contentPlugin.ts';
import { dictionaryPlugin } from './src/build/dictionaryPlugin.ts';
import { qaAssetsPlugin } from './src/build/qaAssetsPlugin.ts';

/**
 * Only the app's own origin, no inline script. Added to the built page only: the dev server
 * injects inline styles and a websocket client that a strict policy would block.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'vaktaal-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

const CONTENT_DIR = process.env.VAKTAAL_CONTENT_DIR ?? 'content';

export default defineConfig({
  plugins: [
    svelte(),
    // VAKTAAL_CONTENT_DIR builds the app with another content folder (a coach's own decks, or test fixtures).
    // Decks, drills, writing prompts and recordings; then the spelling dictionary of the writing desk.
    contentPlugin({ contentDir: CONTENT_DIR }),
    dictionaryPlugin(),
    // The noun list, reviewed articles and allow-list the studio's live content QA fetches.
    qaAssetsPlugin({ contentDir: CONTENT_DIR }),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'favicon.ico', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Vaktaal — Nederlands voor je werk bij de stad',
        short_name: 'Vaktaal',
        description: 'Oefen het vakjargon en het geschreven Nederlands van de stadsadministratie.',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f4e79',
        background_color: '#f6f7f9',
        icons: [
          { src: 'icons/pwa-64x64.png', sizes: '64x64', type: 'image/png' },
          { src: 'icons/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every compiled deck is precached, so all decks work offline after the first visit.
        // aff/dic: the writing desk's spelling dictionary (dict/nl.dic is ~2.5 MB, under the limit below);
        // wasm: SQLite (sql.js, ~0.7 MB) for the import screen's Anki packages, so they convert offline too.
        globPatterns: ['**/*.{js,css,html,json,svg,png,ico,webmanifest,mp3,ogg,m4a,wav,webm,aff,dic,wasm}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes control at once (so the first visit already works offline);
        // an update still waits for the trainee's "update" (no skipWaiting).
        clientsClaim: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        // The studio's QA lists (qa/*) are for coaches, not every trainee: cached when the studio
        // first loads them (then offline too), refreshed in the background when online.
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/qa/'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'vaktaal-qa' },
          },
        ],
      },
    }),
  ],
  // Every browser that runs an es2022 build has <link rel="modulepreload">: no polyfill in the first load.
  build: { target: 'es2022', modulePreload: { polyfill: false } },
  resolve: {
    // The writing desk's Hunspell (hunspell-asm) needs emscripten-wasm-loader's CommonJS build: the
    // ESM build calls a namespace import (nanoid) as a function, which breaks once bundled.
    alias: [{ find: /^emscripten-wasm-loader$/, replacement: 'emscripten-wasm-loader/dist/cjs/index.js' }],
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases; on a loaded 2-core machine 5 s is too tight.
    testTimeout: 60_000,
  },
});
