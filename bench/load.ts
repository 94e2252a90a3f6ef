import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import Fastify from 'fastify';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import type { Instant, UserId } from '@visitt/domain';
import { embeddedDatabaseUrl } from '../apps/server/src/db/embedded';
import { createPool } from '../apps/server/src/db/pool';
import { DEMO } from '../apps/server/src/db/seed-demo';
import { createSession } from '../apps/server/src/db/sessions';
import { registerWebClient } from '../apps/server/src/http/static';
import { precompress } from '../apps/web/build-tools/precompress';
import { startServerProcess } from './lib';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 7;
/** Target: the start page's JavaScript, as transferred (compressed), in bytes. */
const START_PAGE_JS_TARGET = 100 * 1024;
/** Target: first contentful paint at most this many times the bare React page's. */
const FCP_RATIO_TARGET = 1.25;

/**
 * Lighthouse's mobile profile, "slow 4G": 150 ms round trip, 1.6 Mbit/s down and 750 kbit/s up,
 * and a CPU four times slower: a mid-range phone on a weak mobile connection.
 */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1638.4 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
  });

/** The little of the DOM the in-page functions use (this project's Node types have no DOM). */
interface Browserish {
  document: {
    querySelector(selector: string): {
      getClientRects(): { length: number };
      hidden?: boolean;
      videoWidth?: number;
    } | null;
  };
}

interface Load {
  fcp: number;
  /** When the page's own heading (h1) was on screen, from the start of navigation. */
  heading: number;
  /** JavaScript transferred until the page has loaded (what it needs to show). */
  js: number;
  css: number;
  /** JavaScript fetched afterwards while idle: the next step, prefetched. */
  prefetchedJs: number;
  files: string[];
}

/**
 * One cold visit of `url` in a fresh context (no cache, no service worker), emulated or not:
 * first contentful paint, and the JavaScript and CSS transferred until the page is idle.
 */
async function visit(
  browser: Browser,
  url: string,
  options: { emulate: boolean; cookie?: { name: string; value: string } },
): Promise<Load> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'block',
  });
  try {
    if (options.cookie) await context.addCookies([{ ...options.cookie, url }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (options.emulate) {
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    const types = new Map<string, { type: string; url: string }>();
    const bytes = { js: 0, css: 0, prefetchedJs: 0 };
    let isLoaded = false;
    const files: string[] = [];
    cdp.on('Network.responseReceived', (event) =>
      types.set(event.requestId, { type: event.type, url: event.response.url }),
    );
    cdp.on('Network.loadingFinished', (event) => {
      const seen = types.get(event.requestId);
      if (seen?.type === 'Script') {
        if (isLoaded) bytes.prefetchedJs += event.encodedDataLength;
        else bytes.js += event.encodedDataLength;
      }
      if (seen?.type === 'Stylesheet') bytes.css += event.encodedDataLength;
      if (seen?.type === 'Script') files.push(path.basename(new URL(seen.url).pathname));
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // Module scripts are fetched before the load event; what comes later is prefetching.
    isLoaded = true;
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint' as never, buffered: true });
        }),
    );
    // A function, not a string: the page's policy allows no eval.
    const heading = (await (
      await page.waitForFunction(
        () => {
          const h = (globalThis as unknown as Browserish).document.querySelector('h1');
          return h && h.getClientRects().length > 0 ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 120_000 },
      )
    ).jsonValue()) as number;
    // What the page fetches once shown (its data, prefetches) counts too.
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    return { fcp, heading, ...bytes, files };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** A React + Vite hello world built with the same tools and plugins, served the same way. */
async function buildBarePage(): Promise<string> {
  // Inside the repository, so its imports resolve to the same node_modules as the client's.
  const dir = path.join(root, '.tmp', 'bench-bare-react');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bare</title></head><body><div id="root"></div><script type="module" src="/main.jsx"></script></body></html>',
  );
  await writeFile(
    path.join(dir, 'main.jsx'),
    "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\nfunction App() { return <main><h1>Hei</h1><p>En enkel React-side.</p></main>; }\ncreateRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);\n",
  );
  await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [react(), precompress()],
    build: { outDir: path.join(dir, 'dist'), emptyOutDir: true },
  });
  return dir;
}

export async function benchLoad(): Promise<boolean> {
  console.log('\n== First load: JavaScript transferred and first contentful paint ==');
  // The client as `npm start` builds it.
  await build({ root: path.join(root, 'apps/web'), logLevel: 'silent' });
  const bareDir = await buildBarePage();
  const bare = Fastify();
  await registerWebClient(bare, path.join(bareDir, 'dist'));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/`;

  const server = await startServerProcess('bench-load');
  const browser = await launch();
  let ok = true;
  try {
    const db = createPool(await embeddedDatabaseUrl(server.dataDir), 2);
    const { rows } = await db.query<{ user_id: string; clinic_id: string }>(
      `SELECT u.id AS user_id, c.id AS clinic_id FROM users u, clinics c
        WHERE u.email = $1 AND c.name = 'Demo legesenter'`,
      [DEMO.patient.email],
    );
    const { user_id: userId, clinic_id: clinicId } = rows[0]!;
    const token = await createSession(db, {
      userId: userId as UserId,
      authMethod: 'code_email',
      staff: false,
      now: Date.now() as Instant,
      absoluteMs: 3_600_000,
    });
    await db.end();
    const cookie = { name: 'visitt_session', value: token };
    const base = server.baseUrl;

    // Bytes: each page cold, without emulation (the bytes do not depend on it).
    const pages: [string, string, boolean][] = [
      ['Start page (signed out)', `${base}/`, false],
      ['Start page (signed in)', `${base}/`, true],
      ['Min kalender', `${base}/timer`, true],
      ['Finn klinikk', `${base}/finn-klinikk`, true],
      ['Booking: practitioner', `${base}/klinikk/${clinicId}/bestill/behandler`, true],
      ['Bare React page', bareUrl, false],
    ];
    const sizes: Record<string, Load> = {};
    console.log('\nJavaScript and CSS transferred, cold cache:');
    for (const [name, url, signedIn] of pages) {
      const load = await visit(browser, url, {
        emulate: false,
        ...(signedIn ? { cookie } : {}),
      });
      sizes[name] = load;
      console.log(
        `  ${name.padEnd(26)} JS ${kb(load.js).padStart(9)}  CSS ${kb(load.css).padStart(8)}  then after load JS ${kb(load.prefetchedJs).padStart(8)}  (${load.files.length} scripts)`,
      );
    }
    const startJs = Math.max(
      sizes['Start page (signed out)']!.js,
      sizes['Start page (signed in)']!.js,
    );
    const jsOk = startJs <= START_PAGE_JS_TARGET;
    console.log(
      `  start page JS ${kb(startJs)} (target <= ${kb(START_PAGE_JS_TARGET)}) ${jsOk ? 'OK' : 'MISSED'}`,
    );
    ok = jsOk && ok;

    // First contentful paint under slow 4G and a 4x slower CPU, interleaved, median of RUNS.
    console.log(
      `\nFirst contentful paint, slow 4G and ${CPU_SLOWDOWN}x CPU, median of ${RUNS} cold loads:`,
    );
    const runs: Record<'bare' | 'start' | 'calendar', Load[]> = {
      bare: [],
      start: [],
      calendar: [],
    };
    for (let i = 0; i < RUNS; i++) {
      runs.bare.push(await visit(browser, bareUrl, { emulate: true }));
      runs.start.push(await visit(browser, `${base}/`, { emulate: true, cookie }));
      runs.calendar.push(await visit(browser, `${base}/timer`, { emulate: true, cookie }));
    }
    const fcpOf = (key: keyof typeof runs) => median(runs[key].map((r) => r.fcp));
    const headingOf = (key: keyof typeof runs) => median(runs[key].map((r) => r.heading));
    const floor = fcpOf('bare');
    console.log(
      `  bare React page  FCP ${floor.toFixed(0)} ms (the floor); its h1 at ${headingOf('bare').toFixed(0)} ms`,
    );
    for (const [name, key] of [
      ['start page', 'start'],
      ['Min kalender', 'calendar'],
    ] as const) {
      const value = fcpOf(key);
      const ratio = value / floor;
      const pass = ratio <= FCP_RATIO_TARGET;
      ok = pass && ok;
      console.log(
        `  ${name.padEnd(16)} FCP ${value.toFixed(0)} ms = ${ratio.toFixed(2)}x the floor (target <= ${FCP_RATIO_TARGET}x) ${pass ? 'OK' : 'MISSED'}; its h1, after the signed-in user's data, at ${headingOf(key).toFixed(0)} ms = ${(headingOf(key) / headingOf('bare')).toFixed(2)}x the bare page's h1`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
    await bare.close();
    await rm(bareDir, { recursive: true, force: true });
  }
  return ok;
}
