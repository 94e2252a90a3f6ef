import type { Browser } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchChromium, newContext } from './browser';
import {
  birthDateGroup,
  expectAccessible,
  fillBirthDate,
  freshEmail,
  heading,
  openDemoVideoBooking,
  pickFirstTime,
  profileStep,
  screenshotsOnFailure,
  signIn,
  staffSignIn,
} from './flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('who the patient is', () => {
  it('asks a new patient before the first booking, refuses a future date of birth, and shows the name to the practitioner', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    const staffContext = await newContext(browser, DESKTOP);
    const doctor = await staffContext.newPage();
    screenshotsOnFailure({ patient: page, doctor });

    await page.goto('/logg-inn?neste=%2Ffinn-klinikk');
    await signIn(page, freshEmail('profile'), { checkAccessibility: false });
    await heading(page, 'Finn klinikk');
    await openDemoVideoBooking(page, /Dr\. Nils Vakt/, /Døgnåpen videokonsultasjon 15 min/);
    const chosen = await pickFirstTime(page, { checkAccessibility: false });
    await page.getByLabel('Kommentar til behandleren (valgfritt)').fill('Vondt i øret.');
    await page.getByRole('button', { name: 'Bestill', exact: true }).click();

    // The step comes before anything is booked.
    const step = profileStep(page);
    await step.waitFor();
    expect(new URL(page.url()).pathname).toMatch(/\/bestill\/bekreft$/);
    await step.getByText('Klinikken trenger navnet ditt og fødselsdatoen din').waitFor();
    await expectAccessible(page, 'profile step');

    // A date of birth in the future is refused where it was typed, and nothing is booked.
    const family = `Profilsen-${Date.now().toString(36)}`;
    const nextYear = Temporal.Now.plainDateISO('Europe/Oslo').year + 1;
    await step.getByLabel('Fornavn').fill('Ingrid');
    await step.getByLabel('Etternavn').fill(family);
    await fillBirthDate(step, `${nextYear}-01-01`);
    await step.getByRole('button', { name: 'Lagre og bestill' }).click();
    await step.getByText('Fødselsdatoen kan ikke være fram i tid.').waitFor();
    const day = birthDateGroup(step).getByLabel('Dag');
    expect(await day.getAttribute('aria-invalid')).toBe('true');
    // The error is read with the field, and the field has the focus.
    const describedBy = (await day.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Fødselsdatoen kan ikke være fram i tid.',
    );
    await expect.poll(() => day.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await step.isVisible()).toBe(true);
    await expectAccessible(page, 'profile step with an error');
    expect(new URL(page.url()).pathname).toMatch(/\/bestill\/bekreft$/);

    // Corrected, it is saved and the booking goes on with the chosen time and the comment.
    await fillBirthDate(step, '1985-04-12');
    await step.getByRole('button', { name: 'Lagre og bestill' }).click();
    await heading(page, 'Timen er bestilt');
    const appointmentId = /\/timer\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    // The patient finds it again under Varsler (Om deg), and is not asked before the next booking.
    await page.goto('/varsler');
    const about = page.getByRole('region', { name: 'Om deg' });
    expect(await about.getByLabel('Fornavn').inputValue()).toBe('Ingrid');
    expect(await birthDateGroup(about).getByLabel('År').inputValue()).toBe('1985');

    // The practitioner sees the name and the date of birth: calendar, details and workspace.
    await staffSignIn(doctor, 'vakt@example.com');
    const date = chosen.slice(0, 10);
    await doctor.goto(`/arbeidsflate/kalender?dag=${date}&visning=dag`);
    await heading(doctor, 'Kalender');
    const entry = doctor.getByRole('link', { name: new RegExp(`Ingrid ${family}`) });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('f. 12.04.1985');
    await entry.click();
    await doctor.getByRole('heading', { name: 'Om timen' }).waitFor();
    const facts = doctor.locator('dl.details').first();
    await facts.getByText(`Ingrid ${family}`).waitFor();
    await facts.getByText('12.04.1985').waitFor();
    await facts.getByText('Vondt i øret.').waitFor();
    expect(new URL(doctor.url()).pathname).toContain(appointmentId);
    await expectAccessible(doctor, 'appointment details with the patient');

    if (date === Temporal.Now.plainDateISO('Europe/Oslo').toString()) {
      await doctor.goto('/arbeidsflate');
      await heading(doctor, 'Arbeidsflate');
      const row = doctor.getByRole('heading', { level: 3, name: new RegExp(`Ingrid ${family}`) });
      await row.waitFor();
      expect(await row.textContent()).toContain('f. 12.04.1985');
    }

    // The around-the-clock practitioner's first free time is given back for the call tests.
    await page.goto(`/timer/${appointmentId}`);
    await page.getByRole('button', { name: 'Avbestill' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, avbestill' }).click();
    await page.getByText('Timen er avbestilt.').first().waitFor();
    await context.close();
    await staffContext.close();
  });
});
