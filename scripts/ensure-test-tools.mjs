#!/usr/bin/env node
// Makes sure what the end-to-end tests need is on this machine, from Debian's packages, never by
// downloading a browser or a binary of our own: Chromium (or CHROMIUM_PATH) for the journeys,
// coturn (turnserver) for the call forced through TURN, iproute2 (ip) for the call test hosts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const asRoot = process.getuid?.() === 0;
const has = (command) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const install = (packages) => {
  console.log(`Installing Debian packages: ${packages.join(' ')} (apt-get install -y)…`);
  const run = (args) =>
    execFileSync(asRoot ? args[0] : 'sudo', asRoot ? args.slice(1) : args, { stdio: 'inherit' });
  try {
    run(['apt-get', 'install', '-y', '--no-install-recommends', ...packages]);
  } catch {
    run(['apt-get', 'update']);
    run(['apt-get', 'install', '-y', '--no-install-recommends', ...packages]);
  }
};

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (process.env.CHROMIUM_PATH && !existsSync(chromium)) {
  console.error(`CHROMIUM_PATH=${chromium} does not exist.`);
  process.exit(1);
}
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(has('turnserver') ? [] : ['coturn']),
  ...(has('ip') ? [] : ['iproute2']),
];
if (missing.length > 0) install(missing);
if (!existsSync(chromium) || !has('turnserver') || !has('ip')) {
  console.error('Could not install the test tools: chromium, coturn, iproute2.');
  process.exit(1);
}
if (!asRoot) {
  console.error('The video call tests create network namespaces (ip netns) and must run as root.');
  process.exit(1);
}
