import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive the built app (vite preview) in a real Chromium with a real service
 * worker. Debian's /usr/bin/chromium is used where it exists (CI, machines without browser
 * downloads); otherwise Playwright's own Chromium.
 */
const systemChromium = '/usr/bin/chromium';
/** Exported so a spec that needs more flags (the studio's fake microphone) can add to them. */
export const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }
  : {};

// PW_PORT / PW_OUTDIR let two builds be tested side by side (e.g. while another build runs).
const PORT = Number(process.env.PW_PORT ?? 4173);
const OUT_DIR = process.env.PW_OUTDIR ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  // One results folder per build under test, so runs side by side don't trample each other.
  outputDir: `test-results/${OUT_DIR}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker on CI: tried with two on the 2-core machine, every test took twice as long (the
  // browser is CPU-bound) and the suite was no faster, only flakier.
  workers: process.env.CI ? 1 : 2,
  // One retry on CI so a timing hiccup on a loaded machine doesn't hide the rest; a retried test
  // is still reported as flaky in the output.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    serviceWorkers: 'allow',
    locale: 'nl-BE',
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } },
    // The same flows again, operated by keyboard only (tests/e2e/keyboardOnly.ts).
    // The simulated week answers by keyboard already and takes minutes: it runs once, in 'chromium'.
    // Axe scans check what is drawn; the flows they pass through run by keyboard in their own tests.
    {
      name: 'keyboard',
      testIgnore: /week\.spec\.ts/,
      grepInvert: /\baxe\b/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${OUT_DIR}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
