import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchChromium, newContext } from './browser';
import { expectAccessible, heading, screenshotsOnFailure, signIn, staffSignIn } from './flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Opens the admin page `label` from the administration's sub-navigation. */
async function adminPage(page: Page, label: string, title: string) {
  await page
    .getByRole('navigation', { name: /Administrasjon av/ })
    .getByRole('link', { name: label, exact: true })
    .click();
  await heading(page, title);
}

describe('the audit log and the staff page of an administrator', () => {
  it('finds a patient by name, shows their read of a list as one entry, and invites a practitioner without an account', async () => {
    const patient = await (await newContext(browser, DESKTOP)).newPage();
    const admin = await (await newContext(browser, DESKTOP)).newPage();
    screenshotsOnFailure({ patient, admin });

    // The demo patient opens "Min kalender" (a past visit at Demo legesenter is on it).
    await patient.goto('/logg-inn?neste=%2Ftimer');
    await signIn(patient, 'pasient@example.com', { checkAccessibility: false });
    await heading(patient, 'Min kalender');

    await staffSignIn(admin, 'lege@example.com');
    await admin.goto('/admin');
    await heading(admin, 'Klinikkprofil');
    await adminPage(admin, 'Logg', 'Logg');

    // "Hvem": a search field with its matches in a list, chosen with the keyboard.
    const who = admin.getByRole('combobox', { name: 'Hvem' });
    await who.fill('ola pas');
    const options = admin.getByRole('listbox', { name: 'Hvem' }).getByRole('option');
    await options.filter({ hasText: 'Ola Pasient' }).first().waitFor();
    await expect.poll(() => who.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(admin, 'audit actor search');
    await who.press('ArrowDown');
    await expect.poll(() => options.first().getAttribute('aria-selected')).toBe('true');
    await who.press('Enter');
    await expect.poll(() => who.inputValue()).toBe('Ola Pasient');
    await expect.poll(() => who.getAttribute('aria-expanded')).toBe('false');
    await admin.getByRole('button', { name: 'Bruk filter' }).click();
    await expect
      .poll(() => new URL(admin.url()).searchParams.get('hvem'))
      .toMatch(/^[0-9a-f-]{36}$/);

    // The read of the list is one entry; the appointments it showed are folded away in it.
    const listRead = admin.getByRole('row').filter({ hasText: /Leste liste \(\d+ time(r)?\)/ });
    await listRead.first().waitFor();
    await listRead.first().getByText('Vis timene i listen').click();
    await listRead.first().getByRole('button', { name: 'Vis bare denne' }).first().waitFor();
    await expectAccessible(admin, 'audit log with a list read');

    // Administrasjon → Ansatte lists practitioners without an account, with "Inviter".
    await adminPage(admin, 'Ansatte', 'Ansatte');
    const unlinked = admin.getByRole('region', { name: 'Behandlere uten konto' });
    await unlinked.getByRole('heading', { name: 'Dr. Ola Hansen' }).waitFor();
    await unlinked
      .getByRole('listitem')
      .filter({ has: admin.getByRole('heading', { name: 'Dr. Ola Hansen' }) })
      .getByRole('button', { name: 'Inviter' })
      .click();
    await expect
      .poll(() => admin.getByLabel(/^Navn pasientene ser/).inputValue())
      .toBe('Dr. Ola Hansen');
    await admin.getByText('Invitasjonen gjelder Dr. Ola Hansen').waitFor();
    // The address is what is missing: focus is there.
    await expect
      .poll(() => admin.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('email');
    await expectAccessible(admin, 'invite a practitioner without an account');
  });
});
