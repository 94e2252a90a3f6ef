import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Two test hosts for video calls, in network namespaces of their own on this machine: one for
 * the patient's browser, one for the practitioner's. Each reaches the Visitt server (in the
 * default namespace) over its own veth link, and the two reach each other over a third link,
 * as two computers on a LAN would. A browser's only addresses are those links, so WebRTC never
 * leaves the machine, and taking one namespace's links down takes exactly that side offline.
 */
export interface CallHost {
  readonly name: string;
  /** The server's address as seen from this host. */
  readonly serverIp: string;
  /** This host's own address on its link to the server (where its packets come from there). */
  readonly address: string;
  /** This host's address on the link to the other host. */
  readonly peerIp: string;
  /** A script that runs Chromium inside this namespace (Playwright's `executablePath`). */
  readonly chromium: string;
  /** This host's two links, inside its namespace. */
  readonly links: readonly [toServer: string, toPeer: string];
}

export interface CallNetwork {
  readonly patient: CallHost;
  readonly practitioner: CallHost;
}

const run = (...args: string[]) =>
  execFileSync(args[0]!, args.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
const inNs = (ns: string, ...args: string[]) => run('ip', 'netns', 'exec', ns, ...args);

const tag = String(process.pid % 10_000);
const octet = 100 + (process.pid % 100);

const names = {
  patient: {
    ns: `visitt-${tag}-patient`,
    host: `vt${tag}ph`,
    inner: `vt${tag}pn`,
    peer: `vt${tag}pp`,
    subnet: 1,
  },
  practitioner: {
    ns: `visitt-${tag}-doctor`,
    host: `vt${tag}dh`,
    inner: `vt${tag}dn`,
    peer: `vt${tag}dp`,
    subnet: 2,
  },
} as const;

/** Creates both hosts and their links. Needs root (as CI and this project's machines run). */
export function createCallNetwork(tmpDir: string, chromiumPath: string): CallNetwork {
  destroyCallNetwork();
  const hosts = {} as Record<'patient' | 'practitioner', CallHost>;
  for (const role of ['patient', 'practitioner'] as const) {
    const n = names[role];
    run('ip', 'netns', 'add', n.ns);
    run('ip', 'link', 'add', n.host, 'type', 'veth', 'peer', 'name', n.inner);
    run('ip', 'link', 'set', n.inner, 'netns', n.ns);
    run('ip', 'addr', 'add', `10.${octet}.${n.subnet}.1/30`, 'dev', n.host);
    run('ip', 'link', 'set', n.host, 'up');
    inNs(n.ns, 'ip', 'addr', 'add', `10.${octet}.${n.subnet}.2/30`, 'dev', n.inner);
    inNs(n.ns, 'ip', 'link', 'set', 'lo', 'up');
    inNs(n.ns, 'ip', 'link', 'set', n.inner, 'up');
    // Everything else (a TURN server's other address, say) is reached through the server's side.
    inNs(n.ns, 'ip', 'route', 'add', 'default', 'via', `10.${octet}.${n.subnet}.1`);
    const script = path.join(tmpDir, `chromium-${role}.sh`);
    writeFileSync(script, `#!/bin/sh\nexec ip netns exec ${n.ns} ${chromiumPath} "$@"\n`);
    chmodSync(script, 0o755);
    hosts[role] = {
      name: n.ns,
      serverIp: `10.${octet}.${n.subnet}.1`,
      address: `10.${octet}.${n.subnet}.2`,
      peerIp: `10.${octet}.3.${n.subnet}`,
      chromium: script,
      links: [n.inner, n.peer],
    };
  }
  // The direct link between the two hosts.
  run(
    'ip',
    'link',
    'add',
    names.patient.peer,
    'type',
    'veth',
    'peer',
    'name',
    names.practitioner.peer,
  );
  for (const role of ['patient', 'practitioner'] as const) {
    const n = names[role];
    run('ip', 'link', 'set', n.peer, 'netns', n.ns);
    inNs(n.ns, 'ip', 'addr', 'add', `${hosts[role].peerIp}/30`, 'dev', n.peer);
    inNs(n.ns, 'ip', 'link', 'set', n.peer, 'up');
  }
  return hosts;
}

/**
 * Takes every link of one host down (offline) or up again (online). Works from any process:
 * the host's names travel with it (the test workers are not the process that made them).
 */
export function setOnline(host: CallHost, online: boolean): void {
  for (const link of host.links) inNs(host.name, 'ip', 'link', 'set', link, online ? 'up' : 'down');
  if (online) inNs(host.name, 'ip', 'route', 'replace', 'default', 'via', host.serverIp);
}

/** Removes this run's hosts, and any a killed earlier run left behind. */
export function destroyCallNetwork(): void {
  const leftovers = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0]!)
    .filter((name) => /^visitt-\d+-(patient|doctor)$/.test(name));
  for (const ns of leftovers) {
    try {
      run('ip', 'netns', 'del', ns);
    } catch {
      // gone meanwhile
    }
  }
  for (const n of Object.values(names)) {
    try {
      run('ip', 'netns', 'del', n.ns);
    } catch {
      // not there
    }
    try {
      run('ip', 'link', 'del', n.host);
    } catch {
      // went with the namespace
    }
  }
}

/**
 * Limits what one host sends over its direct link to the other host to `kbit` kbit/s (a token
 * bucket, `tc … tbf`: this kernel has no `netem`), as a weak uplink would; null lifts it.
 * Packets over the limit wait up to 400 ms and are then dropped, so delay and loss both grow.
 */
export function setUplinkRate(host: CallHost, kbit: number | null): void {
  const link = host.links[1];
  try {
    inNs(host.name, 'tc', 'qdisc', 'del', 'dev', link, 'root');
  } catch {
    // none yet
  }
  if (kbit === null) return;
  inNs(
    host.name,
    ...['tc', 'qdisc', 'add', 'dev', link, 'root', 'tbf', 'rate', `${kbit}kbit`],
    ...['burst', '8kb', 'latency', '400ms'],
  );
}
