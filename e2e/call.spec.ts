import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readPdf } from '../apps/server/test/pdf-text';
import { DESKTOP, PHONE } from './browser';
import {
  closeSides,
  expectFramesFlowing,
  freeSlot,
  inbound,
  openSide,
  patientStarts,
} from './call-pages';
import { expectAccessible, heading, screenshotsOnFailure, staffSignIn } from './flows';
import { setOnline } from './net';

const calls = inject('calls');
afterAll(closeSides);

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
    await patient.getByText('Behandleren avsluttet samtalen.').waitFor();
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
