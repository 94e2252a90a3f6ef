// The pages of the call tests: browsers on the test hosts with fake devices, and what their
// connections carry (read from getStats as chrome://webrtc-internals would).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './browser';
import {
  bookVideoWithinFifteenMinutes,
  freshEmail,
  heading,
  signIn,
  startVideoConsultation,
} from './flows';
import type { CallHost } from './net';

// Every RTCPeerConnection a page makes, so the test can read its statistics as chrome://webrtc-internals
// would, and how often it asked for camera or microphone.
export const CAPTURE_PEER_CONNECTIONS = `(() => {
  const Native = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = function (...args) { const pc = new Native(...args); window.__pcs.push(pc); return pc; };
  window.RTCPeerConnection.prototype = Native.prototype;
  window.__getUserMedia = 0;
  const devices = navigator.mediaDevices;
  if (devices) {
    const getUserMedia = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints) => { window.__getUserMedia += 1; return getUserMedia(constraints); };
  }
})();`;

export interface Side {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

const opened: Side[] = [];

/** Closes every browser opened by {@link openSide} (each spec file's `afterAll`). */
export async function closeSides(): Promise<void> {
  for (const side of opened.splice(0)) await side.browser.close().catch(() => undefined);
}

/** A browser on one of the two test hosts, with fake camera(s) and microphone. */
export async function openSide(
  host: CallHost,
  port: number,
  viewport: { width: number; height: number },
  cameras = 1,
): Promise<Side> {
  const origin = `http://${host.serverIp}:${port}`;
  const browser = await launchChromium(
    [
      '--use-fake-ui-for-media-stream',
      cameras > 1
        ? `--use-fake-device-for-media-stream=device-count=${cameras}`
        : '--use-fake-device-for-media-stream',
      // getUserMedia needs a secure context; these test hosts reach the server by plain http.
      `--unsafely-treat-insecure-origin-as-secure=${origin}`,
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
    ],
    host.chromium,
  );
  const context = await browser.newContext({
    baseURL: origin,
    viewport,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  });
  await context.addInitScript(CAPTURE_PEER_CONNECTIONS);
  const side = { browser, context, page: await context.newPage() };
  opened.push(side);
  return side;
}

/** Video frames decoded from the other side on the page's live connection, and how the media goes. */
export async function inbound(
  page: Page,
): Promise<{ framesDecoded: number; candidateType: string | null }> {
  return page.evaluate(async () => {
    const pcs = ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).filter(
      (pc) => pc.connectionState !== 'closed',
    );
    const pc = pcs[pcs.length - 1];
    if (!pc) return { framesDecoded: 0, candidateType: null };
    const stats = await pc.getStats();
    let framesDecoded = 0;
    let pairId: string | undefined;
    stats.forEach(
      (r: {
        type: string;
        kind?: string;
        framesDecoded?: number;
        selectedCandidatePairId?: string;
      }) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') framesDecoded = r.framesDecoded ?? 0;
        if (r.type === 'transport' && r.selectedCandidatePairId) pairId = r.selectedCandidatePairId;
      },
    );
    const byId = stats as unknown as Map<string, unknown>;
    const pair = pairId
      ? (byId.get(pairId) as { localCandidateId?: string } | undefined)
      : undefined;
    const local = pair?.localCandidateId
      ? (byId.get(pair.localCandidateId) as { candidateType?: string } | undefined)
      : undefined;
    return { framesDecoded, candidateType: local?.candidateType ?? null };
  });
}

export async function expectFramesFlowing(
  page: Page,
  label: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let first = -1;
  while (Date.now() < deadline) {
    const { framesDecoded } = await inbound(page);
    if (framesDecoded > 0 && first < 0) first = framesDecoded;
    else if (first >= 0 && framesDecoded > first + 5) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`${label}: no growing framesDecoded within ${timeoutMs} ms (first ${first})`);
}

/** The clinic cancels the appointment (as staff of the page's session), freeing its slot. */
export async function freeSlot(staff: Page, appointmentId: string): Promise<void> {
  const answer = await staff.request.post(`/api/v1/staff/appointments/${appointmentId}/cancel`, {
    data: { message: 'Testen er ferdig.' },
  });
  expect(answer.status(), await answer.text()).toBe(200);
}

/** The patient signs in, books within 15 minutes, presses Start videokonsultasjon, and waits. */
export async function patientStarts(
  patient: Page,
  practitioner: 'Dr. Nils Vakt' | 'Dr. Sara Døgn',
  { signedIn }: { signedIn?: (page: Page) => Promise<void> } = {},
): Promise<string> {
  await patient.goto('/logg-inn?neste=%2Ffinn-klinikk');
  await signIn(patient, freshEmail('call'), { checkAccessibility: false });
  await signedIn?.(patient);
  await heading(patient, 'Finn klinikk');
  const appointmentId = await bookVideoWithinFifteenMinutes(patient, practitioner);
  await patient.goto(`/timer/${appointmentId}`);
  await startVideoConsultation(patient);
  await patient.getByText('Behandleren har fått beskjed om at du venter').waitFor();
  return appointmentId;
}
