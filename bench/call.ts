import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { embeddedDatabaseUrl } from '../apps/server/src/db/embedded';
import {
  CALL_BROWSER_ARGS,
  CAPTURE_PEER_CONNECTIONS,
  fmt,
  percentile,
  runInOwnNetwork,
  seedVideoConsultations,
  startServerProcess,
} from './lib';

const CALLS = 10;
/** Practitioner enters → both decode: at most this many times the two bare pages' median. */
const FIRST_FRAME_RATIO_TARGET = 1.0;
/**
 * From the workspace showing the patient waiting to the practitioner's press: reading the alert
 * and moving to the button takes a person at least this long. Visitt readies the connection in
 * that time (decision 0027); the bare pages have nothing to ready.
 */
const REACTION_MS = 1000;
const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CALL_BROWSER_ARGS,
  });

/** In the page: resolves with Date.now() when the live connection has decoded a remote video frame. */
const FIRST_FRAME = `new Promise((resolve) => {
  const poll = async () => {
    for (const pc of (window.__pcs || []).filter((p) => p.connectionState !== 'closed')) {
      const stats = await pc.getStats();
      for (const r of stats.values()) if (r.type === 'inbound-rtp' && r.kind === 'video' && r.framesDecoded > 0) return resolve(Date.now());
    }
    setTimeout(poll, 10);
  };
  poll();
})`;

/** Visitt: the practitioner presses "Gå inn i videorommet" with the patient waiting; until both decode. */
async function measureVisitt(): Promise<{ times: number[]; previews: number[] }> {
  const server = await startServerProcess('bench-call');
  const { baseUrl, dataDir } = server;
  const browsers: Browser[] = [];
  try {
    // One practitioner with ten five-minute video appointments, all inside the start window.
    const { appointmentIds, doctorToken, patientToken } = await seedVideoConsultations(
      await embeddedDatabaseUrl(dataDir),
      {
        name: 'Samtale',
        count: CALLS,
        minutes: 5,
        firstStart: Math.floor(Date.now() / 60_000) * 60_000 - 100 * 60_000,
      },
    );

    const open = async (token: string): Promise<Page> => {
      const browser = await launch();
      browsers.push(browser);
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'nb-NO',
        viewport: { width: 1280, height: 800 },
      });
      await context.addCookies([{ name: 'visitt_session', value: token, url: baseUrl }]);
      await context.addInitScript(CAPTURE_PEER_CONNECTIONS);
      return context.newPage();
    };
    const patient = await open(patientToken);
    const doctor = await open(doctorToken);
    const times: number[] = [];
    const previews: number[] = [];
    // The practitioner's workspace is open before the patient arrives, as in a clinic's day.
    await doctor.goto('/arbeidsflate');
    for (const id of appointmentIds) {
      await doctor.getByRole('heading', { level: 1 }).waitFor();
      await patient.goto(`/timer/${id}`);
      // The patient presses Start videokonsultasjon and, after the information step, Gå til
      // venterommet: from there until their own camera shows a frame.
      await patient.getByRole('button', { name: 'Start videokonsultasjon' }).click();
      const goIn = patient.getByRole('button', { name: 'Gå til venterommet' });
      await goIn.waitFor();
      const startPressed = Date.now();
      await goIn.click();
      // A function, not a string: the page's policy allows no eval.
      const previewShown = await patient.waitForFunction(
        () => {
          const video = (
            globalThis as unknown as {
              document: {
                querySelector(s: string): { hidden: boolean; videoWidth: number } | null;
              };
            }
          ).document.querySelector('video.self__video');
          return video && !video.hidden && video.videoWidth > 0 ? Date.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      previews.push(((await previewShown.jsonValue()) as number) - startPressed);
      await patient.getByText('Behandleren har fått beskjed om at du venter').waitFor();
      // The workspace shows the patient waiting; the practitioner reads it and moves to the button.
      const enter = doctor
        .getByRole('listitem')
        .filter({ hasText: 'Venter i videorommet' })
        .getByRole('button', { name: 'Gå inn i videorommet' });
      await enter.waitFor();
      await new Promise((r) => setTimeout(r, REACTION_MS));
      const patientFrame = patient.evaluate<number>(FIRST_FRAME);
      const t0 = Date.now();
      await enter.click();
      const doctorFrame = (async () => {
        await doctor.waitForURL(/\/arbeidsflate\/video\//);
        return doctor.evaluate<number>(FIRST_FRAME);
      })();
      const [a, b] = await Promise.all([patientFrame, doctorFrame]);
      times.push(Math.max(a, b) - t0);
      await doctor.getByRole('button', { name: 'Avslutt', exact: true }).click();
      await patient.getByText('Legen avsluttet samtalen.').waitFor();
      await doctor.goto('/arbeidsflate');
    }
    return { times, previews };
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await server.stop();
  }
}

/** Two bare pages: getUserMedia + RTCPeerConnection + a WebSocket relay, nothing else. */
const BARE_PAGE = `<!doctype html><meta charset="utf-8"><video id="v" autoplay playsinline muted></video><script>
window.go = async (role) => {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
  const ws = new WebSocket('ws://' + location.host);
  await new Promise((r) => (ws.onopen = r));
  const pc = new RTCPeerConnection();
  window.__pcs = [pc];
  stream.getTracks().forEach((t) => pc.addTrack(t, stream));
  pc.ontrack = (e) => { document.getElementById('v').srcObject = e.streams[0]; };
  pc.onicecandidate = (e) => e.candidate && ws.send(JSON.stringify({ candidate: e.candidate }));
  ws.onmessage = async (m) => {
    const msg = JSON.parse(m.data);
    if (msg.description) {
      await pc.setRemoteDescription(msg.description);
      if (msg.description.type === 'offer') { await pc.setLocalDescription(); ws.send(JSON.stringify({ description: pc.localDescription })); }
    }
    if (msg.candidate) await pc.addIceCandidate(msg.candidate);
  };
  // The other page is already waiting: the one entering offers at once.
  if (role === 'caller') { await pc.setLocalDescription(); ws.send(JSON.stringify({ description: pc.localDescription })); }
};
</script>`;

async function measureBare(): Promise<number[]> {
  const http = createServer((_req, res) =>
    res.setHeader('content-type', 'text/html').end(BARE_PAGE),
  );
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) =>
    ws.on('message', (data) =>
      wss.clients.forEach((c) => c !== ws && c.send((data as Buffer).toString('utf8'))),
    ),
  );
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  const [one, two] = [await launch(), await launch()];
  const times: number[] = [];
  try {
    for (let i = 0; i < CALLS; i++) {
      const waiting = await (await one.newContext()).newPage();
      const entering = await (await two.newContext()).newPage();
      await waiting.goto(url);
      await entering.goto(url);
      await waiting.evaluate('go("callee")');
      const waitingFrame = waiting.evaluate<number>(FIRST_FRAME);
      const t0 = Date.now();
      await entering.evaluate('go("caller")');
      const [a, b] = await Promise.all([waitingFrame, entering.evaluate<number>(FIRST_FRAME)]);
      times.push(Math.max(a, b) - t0);
      await waiting.context().close();
      await entering.context().close();
    }
    return times;
  } finally {
    await one.close();
    await two.close();
    wss.close();
    http.close();
  }
}

/**
 * Time from the practitioner pressing "Gå inn i videorommet" until both sides have decoded a
 * remote frame, median of 10 calls on loopback, beside two bare pages doing only getUserMedia +
 * RTCPeerConnection over a minimal relay. Runs in a network namespace of its own with only
 * loopback, so WebRTC stays on this machine.
 */
export async function benchCall(): Promise<boolean> {
  if (process.env.VISITT_BENCH_NETNS !== '1') return runInOwnNetwork(import.meta.url);
  const { times: visitt, previews } = await measureVisitt();
  const bare = await measureBare();
  const v50 = percentile(visitt, 50);
  const b50 = percentile(bare, 50);
  console.log(
    `\nVideo call: practitioner enters → both sides decode a remote frame, ${CALLS} calls on loopback`,
  );
  console.log(
    `  Visitt:      median ${fmt(v50)} (min ${fmt(Math.min(...visitt))}, max ${fmt(Math.max(...visitt))})`,
  );
  console.log(
    `  bare pages:  median ${fmt(b50)} (min ${fmt(Math.min(...bare))}, max ${fmt(Math.max(...bare))})`,
  );
  // Visitt knows who will meet and can warm up while the patient waits: it should beat the floor.
  const isFast = v50 <= b50 * FIRST_FRAME_RATIO_TARGET;
  console.log(
    `  ratio ${(v50 / b50).toFixed(2)}× the bare pages (target ≤ ${FIRST_FRAME_RATIO_TARGET}×)  ${isFast ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `Patient presses Start videokonsultasjon → own preview shows a frame: median ${fmt(percentile(previews, 50))} (min ${fmt(Math.min(...previews))}, max ${fmt(Math.max(...previews))}); the first includes fetching the room's code`,
  );
  return isFast;
}

if (process.env.VISITT_BENCH_NETNS === '1' && process.argv[1] === fileURLToPath(import.meta.url)) {
  benchCall().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
