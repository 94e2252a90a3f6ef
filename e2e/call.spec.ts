import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DESKTOP, PHONE, launchChromium } from './browser';
import {
  bookVideoWithinFifteenMinutes,
  expectAccessible,
  freshEmail,
  heading,
  screenshotsOnFailure,
  signIn,
  staffSignIn,
} from './flows';
import { setOnline, type CallHost } from './net';
import { readPdf } from '../apps/server/test/pdf-text';

const calls = inject('calls');

// Every RTCPeerConnection a page makes, so the test can read its statistics as chrome://webrtc-internals
// would, and how often it asked for camera or microphone.
const CAPTURE_PEER_CONNECTIONS = `(() => {
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

interface Side {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

const opened: Side[] = [];
afterAll(async () => {
  for (const side of opened) await side.browser.close().catch(() => undefined);
});

/** A browser on one of the two test hosts, with fake camera(s) and microphone. */
async function openSide(
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
async function inbound(
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

interface Readied {
  /** Which of the page's connections it is. */
  index: number;
  /** Senders with a track on them: a sender without one sends nothing. */
  sendersWithTrack: number;
  /** RTP packets of any kind, audio or video, received and sent. */
  packetsReceived: number;
  packetsSent: number;
}

/**
 * The page's connection once ICE and DTLS are done (the one the workspace readied while the
 * patient waits), with what it carries; waits up to `timeoutMs` for it.
 */
async function connectedPeer(page: Page, timeoutMs = 15_000): Promise<Readied> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await page.evaluate(async (): Promise<Readied | null> => {
      const pcs = (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? [];
      const index = pcs.findIndex((pc) => pc.connectionState === 'connected');
      if (index < 0) return null;
      const pc = pcs[index]!;
      let packetsReceived = 0;
      let packetsSent = 0;
      (await pc.getStats()).forEach(
        (r: { type: string; packetsReceived?: number; packetsSent?: number }) => {
          if (r.type === 'inbound-rtp') packetsReceived += r.packetsReceived ?? 0;
          if (r.type === 'outbound-rtp') packetsSent += r.packetsSent ?? 0;
        },
      );
      const sendersWithTrack = pc.getSenders().filter((sender) => sender.track).length;
      return { index, sendersWithTrack, packetsReceived, packetsSent };
    });
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no connected peer connection in ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}

/** Waits until frames from the other side are being decoded and their count grows. */
async function expectFramesFlowing(page: Page, label: string, timeoutMs = 20_000): Promise<void> {
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
async function freeSlot(staff: Page, appointmentId: string): Promise<void> {
  const answer = await staff.request.post(`/api/v1/staff/appointments/${appointmentId}/cancel`, {
    data: { message: 'Testen er ferdig.' },
  });
  expect(answer.status(), await answer.text()).toBe(200);
}

/** The patient signs in, books within 15 minutes, presses Start videokonsultasjon, and waits. */
async function patientStarts(
  patient: Page,
  practitioner: 'Dr. Nils Vakt' | 'Dr. Sara Døgn',
): Promise<string> {
  await patient.goto('/logg-inn?neste=%2Ffinn-klinikk');
  await signIn(patient, freshEmail('call'), { checkAccessibility: false });
  await heading(patient, 'Finn klinikk');
  const appointmentId = await bookVideoWithinFifteenMinutes(patient, practitioner);
  await patient.goto(`/timer/${appointmentId}`);
  await patient.getByRole('button', { name: 'Start videokonsultasjon' }).click();
  await patient.getByText('Behandleren har fått beskjed om at du venter').waitFor();
  return appointmentId;
}

describe('a video consultation between two browsers on two test hosts', () => {
  it('goes from the waiting room to a two-way call, and survives mute, camera switch, a network drop, a reload and ends for both', async () => {
    const patientSide = await openSide(calls.network.patient, calls.directPort, PHONE, 3);
    const doctorSide = await openSide(calls.network.practitioner, calls.directPort, DESKTOP);
    const patient = patientSide.page;
    const doctor = doctorSide.page;
    screenshotsOnFailure({ patient, doctor });

    await staffSignIn(doctor, 'vakt@example.com');
    const appointmentId = await patientStarts(patient, 'Dr. Nils Vakt');
    await expectAccessible(patient, 'waiting room');

    // The workspace shows the waiting patient live (no reload).
    const row = doctor.getByRole('listitem').filter({ hasText: 'Venter i videorommet' });
    await row.getByRole('button', { name: 'Gå inn i videorommet' }).waitFor({ timeout: 5000 });
    await expectAccessible(doctor, 'workspace with a waiting patient');

    // While the patient waits, the workspace readies the connection to them, and nothing goes
    // either way: the patient's preview stays on the phone, as the waiting room says, and the
    // practitioner's camera is not on.
    await patient
      .getByText('Til behandleren kommer inn, er det bare du som ser og hører deg selv.')
      .waitFor();
    const nothingSent = { sendersWithTrack: 0, packetsReceived: 0, packetsSent: 0 };
    const readied = await connectedPeer(doctor);
    expect(readied).toMatchObject(nothingSent);
    expect(await connectedPeer(patient)).toMatchObject(nothingSent);
    expect(
      await doctor.evaluate(() => (window as unknown as { __getUserMedia: number }).__getUserMedia),
    ).toBe(0);
    expect(await patient.locator('video.stage__video').count()).toBe(0);
    // Still nothing, checked again just before entering.
    expect(await connectedPeer(patient)).toMatchObject(nothingSent);
    expect(await connectedPeer(doctor)).toMatchObject(nothingSent);
    await row.getByRole('button', { name: 'Gå inn i videorommet' }).click();

    await expectFramesFlowing(patient, 'patient sees the practitioner');
    await expectFramesFlowing(doctor, 'practitioner sees the patient');
    // Entering went on the readied connection.
    expect((await connectedPeer(doctor)).index).toBe(readied.index);
    expect((await inbound(patient)).candidateType).toBe('host');
    await expectAccessible(patient, 'in call (patient)');
    await expectAccessible(doctor, 'in call (practitioner)');

    // Muting on one side shows on the other.
    await patient.getByRole('button', { name: 'Mikrofon' }).click();
    await doctor.getByText('Pasienten har slått av mikrofonen').first().waitFor();
    await patient.getByRole('button', { name: 'Mikrofon' }).click();
    await doctor.getByText('Pasienten har slått på mikrofonen').first().waitFor();

    // Switching camera (fake camera 0 → 2; fake camera 1 is a depth camera that sends nothing) keeps frames flowing.
    await patient.getByRole('button', { name: 'Bytt kamera' }).click();
    const framesBefore = (await inbound(doctor)).framesDecoded;
    await expectFramesFlowing(doctor, 'after switching camera');
    expect((await inbound(doctor)).framesDecoded).toBeGreaterThan(framesBefore);

    // The patient's host goes offline for a few seconds and comes back: the call recovers by itself.
    setOnline(calls.network.patient, false);
    await doctor.getByText('Kobler til igjen').first().waitFor({ timeout: 15_000 });
    setOnline(calls.network.patient, true);
    await expectFramesFlowing(doctor, 'after the network came back', 40_000);
    await expectFramesFlowing(patient, 'patient after the network came back', 40_000);

    // A reloaded page rejoins the same call without anyone starting over.
    await patient.reload();
    await expectFramesFlowing(patient, 'after a reload', 30_000);
    await expectFramesFlowing(doctor, 'practitioner after the patient reloaded', 30_000);

    // The patient signed in with a one-time code and is new to the clinic: the red phone first
    // asks the practitioner how the patient was identified.
    await doctor.getByRole('button', { name: 'Avslutt', exact: true }).click();
    const asked = doctor.getByRole('dialog', { name: 'Identifisering' });
    await asked.getByText('En engangskode er ikke identifisering.', { exact: false }).waitFor();
    await expectAccessible(doctor, 'identification asked before ending');
    await asked.getByRole('button', { name: 'Lagre og avslutt' }).click();
    await asked.getByText('Velg hvordan pasienten ble identifisert.').waitFor();
    await asked.getByLabel('Viste gyldig legitimasjon på video').check();
    // The red phone ends it for both.
    await asked.getByRole('button', { name: 'Lagre og avslutt' }).click();
    await heading(doctor, 'Videokonsultasjonen er avsluttet').catch(() =>
      doctor.getByText('Videokonsultasjonen er avsluttet').first().waitFor(),
    );
    await patient.getByText('Legen avsluttet samtalen.').waitFor();
    await expectAccessible(patient, 'ended');
    const identified = await doctor.request.get(
      `/api/v1/staff/appointments/${appointmentId}/identification`,
    );
    expect(await identified.json()).toMatchObject({
      identification: { method: 'id_document', recordedBy: { name: expect.any(String) } },
      needed: false,
    });
    // The appointment's details show it, and it can be corrected there after the call.
    await doctor.goto(`/arbeidsflate/kalender/${appointmentId}`);
    const identification = doctor.getByRole('region', { name: 'Identifisering' });
    // (`first`: the closed dialog inside holds the same sentence, hidden.)
    await identification
      .getByText('Viste gyldig legitimasjon på video, registrert av', { exact: false })
      .first()
      .waitFor();
    await identification.getByRole('button', { name: 'Endre identifisering' }).click();
    const change = doctor.getByRole('dialog', { name: 'Identifisering' });
    await change.getByLabel('Kjent pasient').check();
    await change.getByRole('button', { name: 'Lagre', exact: true }).click();
    await identification
      .getByText('Kjent pasient, registrert av', { exact: false })
      .first()
      .waitFor();
    await expectAccessible(doctor, 'appointment details with the identification');
    // The consultation record for the journal, downloaded as the practitioner would: one page,
    // with the correction in it.
    const record = doctor.getByRole('group', { name: 'Konsultasjonsnotat' });
    const [download] = await Promise.all([
      doctor.waitForEvent('download'),
      record.getByRole('link', { name: 'Last ned PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^konsultasjon-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/,
    );
    const { pages } = await readPdf(await readFile(await download.path()));
    expect(pages).toHaveLength(1);
    const recordText = pages[0]!.replace(/\s+/g, ' ');
    for (const line of ['Status Gjennomført', 'Identifisering Kjent pasient', 'Avsluttet'])
      expect(recordText).toContain(line);
    expect(appointmentId).toMatch(/^[0-9a-f-]{36}$/);
    // The clinic frees the on-call slot again, so later journeys can start a call within 15 minutes.
    await freeSlot(doctor, appointmentId);
  });

  it('relays through TURN when the clinic sends every call through it, and takes a practitioner whose role is taken away out of the call', async () => {
    const patientSide = await openSide(calls.network.patient, calls.relayPort, DESKTOP);
    const doctorSide = await openSide(calls.network.practitioner, calls.relayPort, DESKTOP);
    const patient = patientSide.page;
    const doctor = doctorSide.page;
    const admin = await doctorSide.browser.newPage({
      baseURL: `http://${calls.network.practitioner.serverIp}:${calls.relayPort}`,
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
    });
    screenshotsOnFailure({ patient, doctor, admin });
    await staffSignIn(doctor, 'vakt2@example.com');
    const appointmentId = await patientStarts(patient, 'Dr. Sara Døgn');
    const row = doctor.getByRole('listitem').filter({ hasText: 'Venter i videorommet' });
    await row.getByRole('button', { name: 'Gå inn i videorommet' }).click();
    await expectFramesFlowing(patient, 'patient through TURN');
    await expectFramesFlowing(doctor, 'practitioner through TURN');
    expect((await inbound(patient)).candidateType).toBe('relay');
    expect((await inbound(doctor)).candidateType).toBe('relay');

    // The clinic's administrator takes the practitioner role away in the middle of the call.
    await staffSignIn(admin, 'lege@example.com');
    const me = (await (await admin.request.get('/api/v1/me')).json()) as {
      memberships: { clinicId: string }[];
    };
    const clinicId = me.memberships[0]!.clinicId;
    const staff = (await (
      await admin.request.get(`/api/v1/admin/clinics/${clinicId}/staff`)
    ).json()) as { members: { userId: string; email: string | null }[] };
    const sara = staff.members.find((m) => m.email === 'vakt2@example.com')!;
    const staffPath = `/api/v1/admin/clinics/${clinicId}/staff/${sara.userId}`;
    expect((await admin.request.patch(staffPath, { data: { roles: ['admin'] } })).status()).toBe(
      200,
    );

    // Within a sweep of the signaling server: the practitioner's call ends with the reason, and
    // the patient's page closes its connection to them (no media goes to them any more).
    await doctor
      .getByText('Dette videorommet er ikke åpent for deg. Timen kan være avbestilt.')
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => (await inbound(patient)).framesDecoded, { timeout: 15_000 })
      .toBe(0);
    expect(
      await patient.evaluate(() =>
        ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).every(
          (pc) => pc.connectionState === 'closed',
        ),
      ),
    ).toBe(true);
    await expectAccessible(doctor, 'taken out of the call');

    expect(
      (await admin.request.patch(staffPath, { data: { roles: ['practitioner'] } })).status(),
    ).toBe(200);
    await freeSlot(admin, appointmentId);
  });
});
