import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { embeddedDatabaseUrl, findFreePort } from '../apps/server/src/db/embedded';
import { createCallNetwork, destroyCallNetwork, type CallNetwork } from './net';
import { UdpImpairmentRelay } from './udp-impairment';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the Visitt server the booking journeys use, e.g. http://127.0.0.1:41234. */
    baseUrl: string;
    /** The two call hosts and the server ports they use (see net.ts). */
    calls: {
      network: CallNetwork;
      /** The same server as `baseUrl`: direct peer-to-peer calls. */
      directPort: number;
      /**
       * A second instance on the same database that sends every call through TURN, reached
       * through the UDP impairment relay (see udp-impairment.ts; no impairment until a test sets
       * one, and each test that does lifts it again).
       */
      relayPort: number;
      /** Where a test sets the impairment relay's delay and loss (`impair`). */
      impairmentUrl: string;
    };
  }
}

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function waitForHealth(
  url: string,
  process: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (process.exitCode !== null) throw new Error(`Visitt exited during start-up:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`Visitt did not become healthy in 60 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function startVisitt(env: Record<string, string>): { process: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      VISITT_MODE: 'demo',
      LOG_LEVEL: 'warn',
      HOST: '0.0.0.0',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts Visitt as `npm start` does (built web client, embedded PostgreSQL, demo data) in a
 * throwaway data folder; the two call hosts (network namespaces); coturn with the TURN REST
 * secret; and a second Visitt instance on the same database that forces calls through TURN.
 */
export default async function setup(project: TestProject) {
  const tmp = path.join(root, '.tmp');
  const dataDir = path.join(tmp, 'e2e-data');
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const network = createCallNetwork(tmp, chromium);
  const [directPort, relayPort, turnPort] = [
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
  ];
  const origins = (port: number) =>
    [network.patient.serverIp, network.practitioner.serverIp]
      .map((ip) => `http://${ip}:${port}`)
      .join(',');
  const secret = randomBytes(24).toString('base64url');
  const turnSecret = randomBytes(24).toString('base64url');

  const direct = startVisitt({
    PORT: String(directPort),
    PUBLIC_URL: `http://127.0.0.1:${directPort}`,
    ALLOWED_ORIGINS: origins(directPort),
    VISITT_DATA_DIR: dataDir,
    VISITT_SECRET: secret,
  });
  const baseUrl = `http://127.0.0.1:${directPort}`;
  await waitForHealth(baseUrl, direct.process, direct.output);

  // coturn as clinics run it, with the REST API secret; relaying between the call hosts.
  const relayBase = 40_000 + (process.pid % 200) * 100;
  const turn = spawn(
    'turnserver',
    [
      '-n',
      '--no-cli',
      '--no-tls',
      '--no-dtls',
      '--use-auth-secret',
      `--static-auth-secret=${turnSecret}`,
      '--realm=visitt.test',
      `--listening-ip=${network.patient.serverIp}`,
      `--relay-ip=${network.patient.serverIp}`,
      `--listening-port=${turnPort}`,
      `--min-port=${relayBase}`,
      `--max-port=${relayBase + 99}`,
      '--no-multicast-peers',
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let turnLog = '';
  turn.stdout?.on('data', (chunk: Buffer) => (turnLog += chunk.toString()));
  turn.stderr?.on('data', (chunk: Buffer) => (turnLog += chunk.toString()));

  // The UDP relay in front of coturn, through which the relay instance's calls go.
  const impairment = await UdpImpairmentRelay.start(network.patient.serverIp, {
    address: network.patient.serverIp,
    port: turnPort,
  });

  const relay = startVisitt({
    PORT: String(relayPort),
    PUBLIC_URL: `http://${network.patient.serverIp}:${relayPort}`,
    ALLOWED_ORIGINS: origins(relayPort),
    VISITT_DATA_DIR: path.join(tmp, 'e2e-data-relay'),
    DATABASE_URL: await embeddedDatabaseUrl(dataDir),
    VISITT_SECRET: secret,
    ICE_TURN_URLS: `turn:${network.patient.serverIp}:${impairment.port}?transport=udp`,
    TURN_SECRET: turnSecret,
    ICE_TRANSPORT_POLICY: 'relay',
  });
  await waitForHealth(`http://127.0.0.1:${relayPort}`, relay.process, relay.output);
  if (turn.exitCode !== null) throw new Error(`coturn exited:\n${turnLog}`);

  project.provide('baseUrl', baseUrl);
  project.provide('calls', {
    network,
    directPort,
    relayPort,
    impairmentUrl: impairment.controlUrl,
  });
  return async () => {
    await stop(relay.process);
    await impairment.close();
    await stop(direct.process);
    turn.kill('SIGTERM');
    destroyCallNetwork();
  };
}
