import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { embeddedDatabaseUrl } from '../apps/server/src/db/embedded';
import {
  CALL_BROWSER_ARGS,
  CAPTURE_PEER_CONNECTIONS,
  runInOwnNetwork,
  seedVideoConsultations,
  startServerProcess,
} from './lib';

/** How long each size of call is measured once everyone decodes everyone. */
const MEASURE_MS = 10_000;
/**
 * With four in the call, a participant's uplink (all its streams together, audio, video and
 * RTP/RTCP overhead) must stay under this: a phone on an ordinary 4G uplink holds it
 * (the domain's `videoBitrateCap` shares about 1.8 Mbit/s of video between the streams).
 */
const UPLINK_TARGET_KBPS = 2500;
interface Counters {
  sent: number;
  received: number;
  /** Video frames decoded, per connected connection. */
  frames: number[];
  /** The largest video frame height sent on any connection. */
  sentHeight: number;
}

/** In the page: bytes sent and received over all its live connections, frames decoded on each. */
const COUNTERS = `(async () => {
  const pcs = (window.__pcs || []).filter((pc) => pc.connectionState === 'connected');
  let sent = 0, received = 0, sentHeight = 0;
  const frames = [];
  for (const pc of pcs) {
    let decoded = 0;
    (await pc.getStats()).forEach((r) => {
      // Per transport: media, RTCP and the ICE and DTLS around it, as the network carries it.
      if (r.type === 'transport') { sent += r.bytesSent || 0; received += r.bytesReceived || 0; }
      if (r.type === 'inbound-rtp' && r.kind === 'video') decoded += r.framesDecoded || 0;
      if (r.type === 'outbound-rtp' && r.kind === 'video') sentHeight = Math.max(sentHeight, r.frameHeight || 0);
    });
    frames.push(decoded);
  }
  return { sent, received, frames, sentHeight };
})()`;

const counters = (page: Page): Promise<Counters> => page.evaluate<Counters>(COUNTERS);

/** CPU time (user + system, seconds) of a process and all its descendants, from /proc. */
function cpuSeconds(rootPid: number): number {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout;
  const children = new Map<number, number[]>();
  for (const line of ps.trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let ticks = 0;
  const visit = (pid: number) => {
    try {
      // Fields after the command name in parentheses: utime is the 14th, stime the 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return ticks / 100;
}

/** The pid of the Chromium started with `marker` among its arguments. */
function browserPid(marker: string): number {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  const line = ps.split('\n').find((l) => l.includes(marker) && !l.includes('--type='));
  if (!line) throw new Error(`no browser with ${marker}`);
  return Number(line.trim().split(/\s+/)[0]);
}

interface Figures {
  participants: number;
  uplinkKbps: number[];
  downlinkKbps: number[];
  sentHeights: number[];
  /** The practitioner's browser, all its processes: per cent of one core. */
  cpuPercent: number;
}

async function measureGroup(): Promise<Figures[]> {
  const server = await startServerProcess('bench-group');
  const { baseUrl, dataDir } = server;
  const browsers: Browser[] = [];
  try {
    // One hour-long consultation that began five minutes ago.
    const {
      appointmentIds: [appointmentId],
      doctorToken,
      patientToken,
    } = await seedVideoConsultations(await embeddedDatabaseUrl(dataDir), {
      name: 'Gruppe',
      count: 1,
      minutes: 60,
      firstStart: Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000,
    });

    const open = async (marker: string, token: string | null): Promise<Page> => {
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
        // Unknown to Chromium and ignored by it; names the browser's process for `ps`.
        args: [...CALL_BROWSER_ARGS, `--visitt-bench=${marker}`],
      });
      browsers.push(browser);
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'nb-NO',
        viewport: { width: 1280, height: 800 },
      });
      if (token) await context.addCookies([{ name: 'visitt_session', value: token, url: baseUrl }]);
      await context.addInitScript(CAPTURE_PEER_CONNECTIONS);
      return context.newPage();
    };
    const patient = await open('patient', patientToken);
    const doctor = await open('doctor', doctorToken);
    const doctorPid = browserPid('--visitt-bench=doctor');
    const pages: Page[] = [patient, doctor];

    await patient.goto(`/timer/${appointmentId}`);
    await patient.getByRole('button', { name: 'Start videokonsultasjon' }).click();
    await patient.getByRole('button', { name: 'Gå til venterommet' }).click();
    await patient.getByText('Behandleren har fått beskjed om at du venter').waitFor();
    await doctor.goto('/arbeidsflate');
    await doctor
      .getByRole('listitem')
      .filter({ hasText: 'Venter i videorommet' })
      .getByRole('button', { name: 'Gå inn i videorommet' })
      .click();
    await doctor.waitForURL(/\/arbeidsflate\/video\//);

    /** Until every page decodes growing video from each of the others. */
    const steady = async (n: number) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const before = await Promise.all(pages.map(counters));
        await new Promise((r) => setTimeout(r, 1000));
        const after = await Promise.all(pages.map(counters));
        if (
          after.every(
            (c, i) =>
              c.frames.length === n - 1 &&
              c.frames.every((f, j) => f > (before[i]!.frames[j] ?? 0)),
          )
        )
          return;
        if (Date.now() > deadline) throw new Error(`no steady call of ${n}`);
      }
    };
    const measure = async (n: number): Promise<Figures> => {
      await steady(n);
      // Let the bandwidth estimates settle at their caps.
      await new Promise((r) => setTimeout(r, 5000));
      const before = await Promise.all(pages.map(counters));
      const cpuBefore = cpuSeconds(doctorPid);
      const t0 = Date.now();
      await new Promise((r) => setTimeout(r, MEASURE_MS));
      const after = await Promise.all(pages.map(counters));
      const seconds = (Date.now() - t0) / 1000;
      const cpu = cpuSeconds(doctorPid) - cpuBefore;
      const kbps = (bytes: number) => Math.round((bytes * 8) / seconds / 1000);
      return {
        participants: n,
        uplinkKbps: after.map((c, i) => kbps(c.sent - before[i]!.sent)),
        downlinkKbps: after.map((c, i) => kbps(c.received - before[i]!.received)),
        sentHeights: after.map((c) => c.sentHeight),
        cpuPercent: Math.round((cpu / seconds) * 100),
      };
    };

    const figures: Figures[] = [await measure(2)];
    for (const [name, role] of [
      ['Amir Tolk', 'interpreter'],
      ['Kari Nordmann', 'relative'],
    ] as const) {
      const invited = await doctor.request.post(
        `/api/v1/staff/appointments/${appointmentId}/guests`,
        { data: { name, role } },
      );
      const { id: guestId, link } = (await invited.json()) as { id: string; link: string };
      const guest = await open(role, null);
      pages.push(guest);
      const url = new URL(link);
      await guest.goto(url.pathname + url.hash);
      await guest.getByRole('button', { name: 'Gå inn i videorommet' }).click();
      await guest.getByText('Venter på å bli sluppet inn').first().waitFor();
      // Let in once their page is in the room (the practitioner sees them waiting).
      for (let tries = 0; ; tries++) {
        const admitted = await doctor.request.post(
          `/api/v1/staff/appointments/${appointmentId}/guests/${guestId}/admit`,
        );
        if (admitted.ok()) break;
        if (tries > 100) throw new Error(`admit: ${await admitted.text()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      figures.push(await measure(pages.length));
    }
    return figures;
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await server.stop();
  }
}

export async function benchGroup(): Promise<boolean> {
  if (process.env.VISITT_BENCH_NETNS !== '1') return runInOwnNetwork(import.meta.url);
  const figures = await measureGroup();
  const names = ['patient', 'practitioner', 'interpreter', 'relative'];
  console.log(
    `\nCalls of 2, 3 and 4 (a full mesh, fake 720p cameras, loopback), ${MEASURE_MS / 1000} s each once steady; kbit/s per participant`,
  );
  let ok = true;
  for (const f of figures) {
    const who = names.slice(0, f.participants);
    console.log(`  ${f.participants} in the call:`);
    for (const [i, name] of who.entries())
      console.log(
        `    ${name.padEnd(13)} uplink ${String(f.uplinkKbps[i]).padStart(5)}  downlink ${String(f.downlinkKbps[i]).padStart(5)}  sends up to ${f.sentHeights[i]}p`,
      );
    console.log(`    practitioner's browser CPU: ${f.cpuPercent} % of one core`);
    if (f.participants === 4) {
      const worst = Math.max(...f.uplinkKbps);
      const pass = worst <= UPLINK_TARGET_KBPS;
      ok &&= pass;
      console.log(
        `  largest uplink with four: ${worst} kbit/s (target ≤ ${UPLINK_TARGET_KBPS})  ${pass ? 'PASS' : 'FAIL'}`,
      );
    }
  }
  return ok;
}

if (process.env.VISITT_BENCH_NETNS === '1' && process.argv[1] === fileURLToPath(import.meta.url)) {
  benchGroup().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
