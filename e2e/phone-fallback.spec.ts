import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { codeFromOutbox, DESKTOP, PHONE } from './browser';
import { closeSides, expectFramesFlowing, freeSlot, openSide, patientStarts } from './call-pages';
import { expectAccessible, screenshotsOnFailure, staffSignIn } from './flows';
import { impair, impairmentCounts } from './udp-impairment';

const calls = inject('calls');
afterAll(async () => {
  await impair(calls.impairmentUrl, {});
  await closeSides();
});

/** A Norwegian mobile number no one else in this run has. */
const freshMobile = () => `+479${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** Gives the signed-in patient a verified mobile number, as the profile page does. */
async function verifyMobile(page: Page, phone: string): Promise<void> {
  const sent = await page.request.post('/api/v1/me/contact/code', { data: { phone } });
  expect(sent.status(), await sent.text()).toBeLessThan(300);
  const verified = await page.request.post('/api/v1/me/contact/verify', {
    data: { phone, code: await codeFromOutbox(phone) },
  });
  expect(verified.status(), await verified.text()).toBeLessThan(300);
}

/** Milliseconds from `from` until `locator` shows. */
async function msUntil(from: number, page: Page, text: string, timeout: number): Promise<number> {
  await page
    .getByText(text, { exact: true })
    .filter({ visible: true })
    .first()
    .waitFor({ timeout });
  return Date.now() - from;
}

describe('the phone when video fails', () => {
  it('offers the phone on both sides when the relay is blocked and goes on by video once it is back; after a drop of 30 s, Ring pasienten notes the switch in the record and the video waits for Prøv video igjen', async () => {
    const patientSide = await openSide(calls.network.patient, calls.relayPort, PHONE);
    const doctorSide = await openSide(calls.network.practitioner, calls.relayPort, DESKTOP);
    const patient = patientSide.page;
    const doctor = doctorSide.page;
    screenshotsOnFailure({ patient, doctor });
    const mobile = freshMobile();
    await staffSignIn(doctor, 'vakt2@example.com');
    const appointmentId = await patientStarts(patient, 'Dr. Sara Døgn', {
      signedIn: (page) => verifyMobile(page, mobile),
    });
    const readable = `+47 ${mobile.slice(3, 6)} ${mobile.slice(6, 8)} ${mobile.slice(8)}`;
    try {
      // Every packet to and from the TURN relay is lost: the connection never forms.
      await impair(calls.impairmentUrl, { loss: 1 });
      const row = doctor.getByRole('listitem').filter({ hasText: 'Venter i videorommet' });
      await row.getByRole('button', { name: 'Gå inn i videorommet' }).click();
      const enteredAt = Date.now();
      const [doctorMs, patientMs] = await Promise.all([
        msUntil(enteredAt, doctor, 'Videoen får ikke forbindelse', 30_000),
        msUntil(enteredAt, patient, 'Videoen får ikke forbindelse', 30_000),
      ]);
      console.log(
        `phone fallback, no connection: on the practitioner's side after ${doctorMs} ms, on the patient's after ${patientMs} ms`,
      );
      // Not before the 20 s are up, and within a second or two of them (entering takes a moment).
      expect(doctorMs).toBeGreaterThanOrEqual(19_500);
      expect(doctorMs).toBeLessThan(23_000);
      expect(patientMs).toBeLessThan(23_000);
      expect((await impairmentCounts(calls.impairmentUrl)).dropped).toBeGreaterThan(0);

      // The patient: the doctor can call them on their verified number, and the clinic's number.
      await patient.getByText(`Legen kan ringe deg på ${readable}.`).waitFor();
      const clinicLink = patient.getByRole('link', { name: /^\+47/ });
      expect(await clinicLink.getAttribute('href')).toMatch(/^tel:\+47\d{8}$/);
      await expectAccessible(patient, 'phone fallback, patient');

      // The practitioner: Ring pasienten, with the patient's verified mobile number.
      const call = doctor.getByRole('link', { name: 'Ring pasienten' });
      expect(await call.getAttribute('href')).toBe(`tel:${mobile}`);
      await doctor.getByText(readable, { exact: true }).waitFor();
      await expectAccessible(doctor, 'phone fallback, practitioner');

      // Nobody calls; the relay is back. The practitioner's side starts ICE over by itself (every
      // 10 s, as "Vi prøver fortsatt å koble til videoen" says), and the offer goes on both sides.
      await impair(calls.impairmentUrl, {});
      await expectFramesFlowing(patient, 'patient sees the practitioner after the block', 30_000);
      await expectFramesFlowing(doctor, 'practitioner sees the patient after the block', 30_000);
      for (const page of [doctor, patient])
        await expect
          .poll(() => page.getByText('Videoen får ikke forbindelse').count(), { timeout: 10_000 })
          .toBe(0);

      // A drop: the relay blocked in the middle of the call. Offered again after 30 s of it.
      const droppedAt = Date.now();
      await impair(calls.impairmentUrl, { loss: 1 });
      const [doctorDropMs, patientDropMs] = await Promise.all([
        msUntil(droppedAt, doctor, 'Videoforbindelsen er brutt', 50_000),
        msUntil(droppedAt, patient, 'Videoforbindelsen er brutt', 50_000),
      ]);
      console.log(
        `phone fallback, drop: on the practitioner's side after ${doctorDropMs} ms, on the patient's after ${patientDropMs} ms`,
      );
      expect(doctorDropMs).toBeGreaterThanOrEqual(30_000);
      expect(patientDropMs).toBeGreaterThanOrEqual(30_000);
      // Counted from the last reading that found media arriving (every 2 s), not from ICE noticing.
      expect(doctorDropMs).toBeLessThan(33_500);
      expect(patientDropMs).toBeLessThan(33_500);

      // This time the practitioner calls: the switch is noted, the patient told, and the video is
      // not tried again by itself while they talk.
      const switched = doctor.waitForResponse((r) => r.url().endsWith('/video/phone'));
      await doctor.getByRole('link', { name: 'Ring pasienten' }).click();
      expect((await switched).status()).toBe(200);
      await doctor
        .getByText('Konsultasjonsnotatet viser at konsultasjonen gikk over til telefon.')
        .waitFor();
      await doctor
        .getByText('Nå som dere snakker i telefonen, prøver vi ikke videoen igjen av oss selv.')
        .waitFor();
      await patient.getByText(`Legen ringer deg nå på ${readable}.`).waitFor();
      expect(await patient.getByText('Vi prøver fortsatt å koble til videoen.').count()).toBe(0);
      await expectAccessible(doctor, 'on the phone, practitioner');

      // The relay is back, and the practitioner asks for the video again: it comes on both sides.
      await impair(calls.impairmentUrl, {});
      await doctor.getByRole('button', { name: 'Prøv video igjen' }).click();
      await expectFramesFlowing(patient, 'patient sees the practitioner after the phone', 30_000);
      await expectFramesFlowing(doctor, 'practitioner sees the patient after the phone', 30_000);
      for (const page of [doctor, patient])
        await expect
          .poll(() => page.getByText('Videoforbindelsen er brutt').count(), { timeout: 10_000 })
          .toBe(0);

      // The record says the consultation went over to the phone, when and why.
      const record = await doctor.request.get(`/api/v1/staff/appointments/${appointmentId}/record`);
      expect(record.status()).toBe(200);
      const body = (await record.json()) as {
        modality: string;
        phoneSwitch: { at: string; reason: string } | null;
      };
      expect(body.modality).toBe('phone');
      expect(body.phoneSwitch?.reason).toBe('dropped');
    } finally {
      await impair(calls.impairmentUrl, {});
      await freeSlot(doctor, appointmentId).catch(() => undefined);
    }
  });

  it('tells a patient without a verified mobile number that the doctor can call if the clinic has it, and the practitioner to use the journal', async () => {
    const patientSide = await openSide(calls.network.patient, calls.relayPort, DESKTOP);
    const doctorSide = await openSide(calls.network.practitioner, calls.relayPort, PHONE);
    const patient = patientSide.page;
    const doctor = doctorSide.page;
    screenshotsOnFailure({ patient, doctor });
    await staffSignIn(doctor, 'vakt2@example.com');
    const appointmentId = await patientStarts(patient, 'Dr. Sara Døgn');
    try {
      await impair(calls.impairmentUrl, { loss: 1 });
      const row = doctor.getByRole('listitem').filter({ hasText: 'Venter i videorommet' });
      await row.getByRole('button', { name: 'Gå inn i videorommet' }).click();
      await patient
        .getByText('Legen kan ringe deg hvis klinikken har telefonnummeret ditt.')
        .waitFor({ timeout: 30_000 });
      await doctor
        .getByText(
          'Pasienten har ikke et bekreftet mobilnummer i Visitt. Bruk telefonnummeret i journalen.',
        )
        .waitFor({ timeout: 30_000 });
      expect(await doctor.getByRole('link', { name: 'Ring pasienten' }).count()).toBe(0);
      await doctor.getByRole('button', { name: 'Ring pasienten' }).click();
      await patient.getByText('Legen ringer deg nå.').waitFor();
      await expectAccessible(doctor, 'phone fallback without a number, on a phone');
    } finally {
      await impair(calls.impairmentUrl, {});
      await freeSlot(doctor, appointmentId).catch(() => undefined);
    }
  });
});
