#!/usr/bin/env node
// Makes sure a Chromium for the browser tests exists: CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, installed with apt-get when missing. Never downloads a browser of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${wanted} does not exist.`);
  process.exit(1);
}
console.log(
  'Chromium is missing: installing Debian’s chromium package (apt-get install -y chromium)…',
);
const asRoot = process.getuid?.() === 0;
const run = (args) =>
  execFileSync(asRoot ? args[0] : 'sudo', asRoot ? args.slice(1) : args, { stdio: 'inherit' });
try {
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
} catch {
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
}
if (!existsSync(wanted)) {
  console.error('Chromium could not be installed; set CHROMIUM_PATH to a Chromium binary.');
  process.exit(1);
}
