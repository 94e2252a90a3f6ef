#!/usr/bin/env node
// `npm test`: the whole suite, in the order that fails fastest. Runs with TZ=UTC so the
// machine's zone never leaks into results.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, TZ: 'UTC', FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };
const steps = [
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  ['format', 'npm', ['run', 'format:check']],
  [
    'unit and integration tests',
    'npx',
    ['vitest', 'run', '--project', 'unit', '--project', 'integration'],
  ],
  ['end-to-end tests', 'npm', ['run', 'test:e2e']],
];
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}
