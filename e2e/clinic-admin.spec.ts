import type { Browser } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpCode, totpStep } from '../apps/server/src/auth/totp';
import { DESKTOP, baseUrl, launchChromium, newContext } from './browser';
import {
  adminPage,
  completeProfileIfAsked,
  expectAccessible,
  freshEmail,
  heading,
  screenshotsOnFailure,
  signIn,
  staffSignIn,
} from './flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const ZONE = 'Europe/Oslo';
const WEEKDAYS = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];
const hhmm = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The newest demo-outbox message to `to` that matches `pattern`, polled until it arrives. */
async function fromOutbox(to: string, pattern: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 50; i++) {
    const response = await fetch(`${baseUrl()}/api/v1/dev/outbox?to=${encodeURIComponent(to)}`);
    const messages = (await response.json()) as { text: string }[];
    for (const message of messages) {
      const match = pattern.exec(message.text);
      if (match) return match;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no message to ${to} matching ${pattern}`);
}

/**
 * The code an authenticator app would show now for `secret`. A fresh step is waited for when the
 * current one is nearly over, so the code is still valid when the server checks it.
 */
async function authenticatorCode(secret: string): Promise<string> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 3000) await new Promise((r) => setTimeout(r, left + 100));
  return totpCode(base32Decode(secret), totpStep(Date.now()));
}

describe('a clinic sets itself up and a patient books what it offers', () => {
  it('administrator invites a practitioner, creates a type and hours; the patient books exactly those times; the practitioner marks it completed', async () => {
    const admin = await (await newContext(browser, DESKTOP)).newPage();
    const doctor = await (await newContext(browser, DESKTOP)).newPage();
    const patient = await (await newContext(browser, DESKTOP)).newPage();
    screenshotsOnFailure({ admin, doctor, patient });
    const stamp = Date.now().toString(36);
    const doctorEmail = freshEmail('doctor');
    const doctorName = `Dr. Test ${stamp}`;
    const typeName = `Oppfølging ${stamp}`;
    const password = 'et langt passord for e2e';

    // 1. The administrator invites a new practitioner.
    await staffSignIn(admin, 'lege@example.com');
    await admin.goto('/admin');
    await heading(admin, 'Klinikkprofil');
    await expectAccessible(admin, 'admin profile');
    await adminPage(admin, 'Ansatte', 'Ansatte');
    await admin.getByLabel('E-postadresse').fill(doctorEmail);
    const invite = admin.locator('form').filter({ has: admin.getByLabel('E-postadresse') });
    await invite.getByRole('checkbox', { name: /^Behandler/ }).check();
    await invite.getByLabel(/^Navn pasientene ser/).fill(doctorName);
    await invite.getByRole('button', { name: 'Send invitasjon' }).click();
    await admin.getByText(`Invitasjonen er sendt til ${doctorEmail}`).waitFor();
    await expectAccessible(admin, 'admin staff');

    // 2. The invitee opens the link, signs in with a code, chooses a password and accepts; then
    // signs in as staff and sets up the authenticator app.
    const [link] = await fromOutbox(doctorEmail, /https?:\/\/\S+\/invitasjon\/[\w-]+/);
    await doctor.goto(new URL(link).pathname);
    await heading(doctor, /Invitasjon til Demo legesenter/);
    await doctor.getByRole('link', { name: 'Logg inn for å godta' }).click();
    await signIn(doctor, doctorEmail, { checkAccessibility: false });
    await heading(doctor, /Invitasjon til Demo legesenter/);
    await doctor.getByLabel('Nytt passord').fill(password);
    await doctor.getByLabel('Gjenta passordet').fill(password);
    await expectAccessible(doctor, 'invitation');
    await doctor.getByRole('button', { name: 'Godta invitasjonen' }).click();
    await heading(doctor, 'Velkommen til Demo legesenter');
    // The page's own link (the header has one too now that the doctor is a practitioner).
    await doctor.getByRole('main').getByRole('link', { name: 'Logg inn som ansatt' }).click();
    await heading(doctor, 'Logg inn som ansatt');
    await doctor.getByLabel('E-postadresse').fill(doctorEmail);
    await doctor.getByLabel('Passord', { exact: true }).fill(password);
    await doctor.getByRole('button', { name: 'Fortsett', exact: true }).click();
    await doctor.getByRole('heading', { name: 'Sett opp autentiseringsappen' }).waitFor();
    await expectAccessible(doctor, 'authenticator enrolment');
    const secret = (await doctor.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await doctor.getByLabel('Kode fra appen').fill(await authenticatorCode(secret));
    await doctor.getByRole('button', { name: 'Bekreft og logg inn' }).click();
    await doctor.getByRole('heading', { name: 'Lagre gjenopprettingskodene nå' }).waitFor();
    await doctor.getByRole('button', { name: 'Fortsett', exact: true }).click();
    await heading(doctor, 'Arbeidsflate');

    // 3. The administrator creates a 15-minute video type offered by the new practitioner, with
    // no minimum notice, so the first time can be held right away.
    await admin.goto('/admin');
    await heading(admin, 'Klinikkprofil');
    await adminPage(admin, 'Timetyper', 'Timetyper');
    await admin
      .getByRole('link', { name: 'Ny timetype' })
      .or(admin.getByRole('button', { name: 'Ny timetype' }))
      .first()
      .click();
    await admin.getByLabel('Navn', { exact: true }).fill(typeName);
    await admin.getByLabel(/^Varighet/).fill('15');
    await admin.getByRole('radio', { name: /Video/ }).check();
    await admin.getByLabel(/^Minste varsel før timen/).fill('0');
    await admin.getByRole('checkbox', { name: doctorName }).check();
    await expectAccessible(admin, 'new appointment type');
    await admin.getByRole('button', { name: 'Lagre timetypen' }).click();
    await admin.getByText(`Timetypen «${typeName}» er opprettet.`).waitFor();

    // 4. Hours: today from this hour for two hours (to midnight at most), and the first hour of
    // tomorrow, on the clinic's clock, so a time within 15 minutes exists whenever this runs.
    const now = Temporal.Now.zonedDateTimeISO(ZONE);
    const from = now.hour;
    const to = Math.min(from + 2, 24);
    const tomorrow = now.add({ days: 1 });
    await adminPage(admin, 'Åpningstider', 'Åpningstider');
    await admin.getByLabel('Behandler', { exact: true }).selectOption({ label: doctorName });
    const setDay = async (weekday: number, start: string, end: string) => {
      const day = admin.getByRole('group', { name: WEEKDAYS[weekday - 1], exact: true });
      await day.getByRole('button', { name: /^Legg til tidsrom/ }).click();
      await day.getByLabel(/^Fra/).fill(start);
      await day.getByLabel(/^Til/).fill(end);
    };
    await setDay(now.dayOfWeek, hhmm(from), hhmm(to));
    await setDay(tomorrow.dayOfWeek, '00:00', '01:00');
    // Public holidays are closed unless the practitioner works them: so this runs on any day.
    await admin.getByRole('checkbox', { name: 'Arbeider på helligdager' }).check();
    // The closures below list the public holidays as far ahead as patients can book (two years:
    // two Christmas Days) and offer closing Christmas Eve.
    await admin.getByRole('group', { name: 'Helligdager' }).waitFor();
    expect(
      await admin.getByRole('checkbox', { name: /^Åpent denne dagen 1\. juledag/ }).count(),
    ).toBe(2);
    await admin.getByRole('button', { name: 'Steng julaften' }).waitFor();
    await expectAccessible(admin, 'hours');
    await admin.getByRole('button', { name: 'Lagre arbeidstiden' }).click();
    await admin.getByText(`Arbeidstiden til ${doctorName} er lagret.`).waitFor();

    // 5. The patient books: the times offered today are exactly this hour's quarters from now
    // to the end of the block.
    const patientEmail = freshEmail('admin-patient');
    await patient.goto('/logg-inn?neste=%2Ffinn-klinikk');
    await signIn(patient, patientEmail, { checkAccessibility: false });
    await heading(patient, 'Finn klinikk');
    await patient.getByLabel('Søk etter klinikk eller sted').fill('demo');
    await patient
      .getByRole('link', { name: /Demo legesenter/ })
      .first()
      .click();
    await heading(patient, 'Demo legesenter');
    await patient
      .getByRole('link', { name: 'Bestill videokonsultasjon' })
      .or(patient.getByRole('button', { name: 'Bestill videokonsultasjon' }))
      .first()
      .click();
    await patient.getByRole('link', { name: new RegExp(doctorName) }).click();
    // The offered times are compared with what is free now: not right at a quarter hour, when
    // one may pass between the page's request and this check.
    const toQuarter = 900_000 - (Date.now() % 900_000);
    if (toQuarter < 10_000) await new Promise((r) => setTimeout(r, toQuarter + 1000));
    await patient.getByRole('link', { name: new RegExp(typeName) }).click();
    await heading(patient, 'Velg dag og tid');

    const seen = Temporal.Now.zonedDateTimeISO(ZONE);
    const expected: string[] = [];
    for (let minute = from * 60; minute < to * 60; minute += 15) {
      const start = now.withPlainTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
      if (Temporal.ZonedDateTime.compare(start, seen) >= 0) {
        expected.push(start.toPlainTime().toString({ smallestUnit: 'minute' }));
      }
    }
    // In the day's last quarter hour, only tomorrow's first hour is left.
    if (expected.length === 0) expected.push('00:00', '00:15', '00:30', '00:45');
    const firstDay = patient.getByRole('button', { name: /, ledige tider(, i dag)?$/ }).first();
    for (let month = 0; month < 2; month++) {
      await patient.locator('.calendar:not([aria-busy])').waitFor();
      if ((await firstDay.count()) > 0) break;
      await patient.getByRole('button', { name: 'Neste måned' }).click();
    }
    await firstDay.click();
    const times = patient.getByRole('link', { name: /^\d{2}:\d{2}$/ });
    await times.first().waitFor();
    expect(await times.allInnerTexts()).toEqual(expected);
    await times.first().click();
    await heading(patient, 'Bekreft bestillingen');
    await patient.getByRole('button', { name: /^(Bestill|Bekreft)$/ }).click();
    await completeProfileIfAsked(patient);
    await heading(patient, 'Timen er bestilt');

    // 6. The practitioner sees it in the calendar and, once its window is open, marks it completed.
    await doctor.goto('/arbeidsflate/kalender');
    await heading(doctor, 'Kalender');
    await expectAccessible(doctor, 'calendar');
    const entry = doctor.getByRole('link', { name: new RegExp(expected[0]!) }).first();
    await entry.waitFor();
    await entry.click();
    await doctor.getByRole('heading', { name: 'Om timen' }).waitFor();
    await expectAccessible(doctor, 'appointment details');
    await doctor.getByRole('button', { name: 'Marker som gjennomført' }).click();
    await doctor.getByText('Timen er markert som gjennomført.').waitFor();

    // 7. The practitioner loses the phone: the administrator resets the authenticator app, the
    // practitioner's session ends, and the next sign-in sets up a new app.
    await adminPage(admin, 'Ansatte', 'Ansatte');
    const card = admin.getByRole('listitem').filter({ hasText: doctorEmail });
    await card.getByRole('button', { name: 'Nullstill autentiseringsapp' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Ja, nullstill' }).click();
    await admin.getByText(`Autentiseringsappen til ${doctorName} er nullstilt.`).waitFor();
    await card.getByText('Autentiseringsapp ikke satt opp ennå').waitFor();
    await doctor.goto('/arbeidsflate/kalender');
    await heading(doctor, 'Logg inn som ansatt');
  });
});
