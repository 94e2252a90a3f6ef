import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, baseUrl, launchChromium, newContext } from './browser';
import {
  bookVideoWithinFifteenMinutes,
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
afterAll(() => browser.close());

describe('the information step before the waiting room', () => {
  it('tells the patient what a video consultation is, and Be om oppmøte i stedet reaches the clinic, which answers', async () => {
    const patientContext = await newContext(browser, PHONE);
    const doctorContext = await newContext(browser, DESKTOP);
    const patient = await patientContext.newPage();
    const doctor = await doctorContext.newPage();
    screenshotsOnFailure({ patient, doctor });
    const email = freshEmail('in-person');
    await patient.goto('/logg-inn?neste=%2Ffinn-klinikk');
    await signIn(patient, email, { checkAccessibility: false });
    await heading(patient, 'Finn klinikk');
    const id = await bookVideoWithinFifteenMinutes(patient, 'Dr. Sara Døgn');
    try {
      await patient.goto(`/timer/${id}`);
      await patient.getByRole('button', { name: 'Start videokonsultasjon' }).click();
      const info = patient.getByRole('dialog', { name: 'Før videokonsultasjonen' });
      // The standard text: nothing recorded, how the data are handled, coming in instead.
      await info
        .getByText(/Ingenting blir tatt opp, verken bilde, lyd eller det dere sier/)
        .waitFor();
      await info.getByText(/Du kan be om å møte på klinikken i stedet/).waitFor();
      await expectAccessible(patient, 'information step');

      // Nothing has reached the practitioner yet: the patient is not in the waiting room.
      await staffSignIn(doctor, 'vakt2@example.com');
      await doctor.goto('/arbeidsflate');
      const row = doctor.locator(`#time-${id}`);
      await row.waitFor();
      expect(await row.getByText('Venter i videorommet').count()).toBe(0);

      await info.getByRole('button', { name: 'Be om oppmøte i stedet' }).click();
      await info.getByLabel('Vil du si hvorfor? (valgfritt)').fill('Jeg har ikke kamera.');
      await info.getByRole('button', { name: 'Send forespørselen' }).click();
      await info.getByText(/Klinikken har fått forespørselen din/).waitFor();
      await info.getByText(/Klinikken har ikke svart ennå/).waitFor();
      await expectAccessible(patient, 'information step, request sent');

      // The workspace shows the request (the list is read again on the change), and answers it.
      const box = row.getByRole('region', { name: 'Ønsker oppmøte i stedet' });
      await box.getByText('Jeg har ikke kamera.').waitFor({ timeout: 20_000 });
      await expectAccessible(doctor, 'workspace with a request');
      await box
        .getByLabel('Svar til pasienten')
        .fill('Kom til klinikken kl. 14, vi har satt av tid.');
      await box.getByRole('button', { name: 'Send svar' }).click();
      await box.getByText(/^Svart /).waitFor();

      // The patient sees the answer on the appointment, and gets it as a message.
      await patient.keyboard.press('Escape');
      await patient.reload();
      await patient
        .getByText('Kom til klinikken kl. 14, vi har satt av tid.')
        .filter({ visible: true })
        .waitFor();
      await expect
        .poll(
          async () => {
            const response = await fetch(
              `${baseUrl()}/api/v1/dev/outbox?to=${encodeURIComponent(email)}`,
            );
            const messages = (await response.json()) as { subject?: string; text: string }[];
            return messages.some((m) => m.text.includes('Kom til klinikken kl. 14'));
          },
          { timeout: 20_000 },
        )
        .toBe(true);
    } finally {
      await doctor.request
        .post(`/api/v1/staff/appointments/${id}/cancel`, {
          data: { message: 'Testen er ferdig.' },
          headers: { origin: new URL(baseUrl()).origin },
        })
        .catch(() => undefined);
      await patientContext.close();
      await doctorContext.close();
    }
  });
});
