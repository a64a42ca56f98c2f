// Makes sure a Chromium exists for the end-to-end tests.
// - On Debian-like CI machines without internet (only package registries): install Debian's chromium.
// - On a developer laptop: use Playwright's own browser, downloading it once if needed.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function run(cmd) {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
}

if (existsSync(SYSTEM_CHROMIUM)) {
  process.exit(0);
}
if (existsSync(chromium.executablePath())) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (process.platform === 'linux' && existsSync('/usr/bin/apt-get') && (isRoot || existsSync('/usr/bin/sudo'))) {
  const sudo = isRoot ? '' : 'sudo ';
  try {
    run(`${sudo}apt-get update -qq`);
    run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`);
    if (existsSync(SYSTEM_CHROMIUM)) process.exit(0);
  } catch {
    console.warn('Installing Debian chromium failed; trying Playwright’s browser download.');
  }
}
run('npx playwright install chromium');
