import type { Browser, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchChromium, newContext } from './browser';
import {
  adminPage,
  expectAccessible,
  freshEmail,
  heading,
  openDemoVideoBooking,
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

/**
 * Easter Sundays from the almanac (not computed: the product computes them, the test checks it).
 * March and April both occur within two years of most days.
 */
const EASTER_SUNDAYS = [
  '2027-03-28',
  '2028-04-16',
  '2029-04-01',
  '2030-04-21',
  '2031-04-13',
  '2032-03-28',
  '2033-04-17',
  '2034-04-09',
  '2035-03-25',
  '2036-04-13',
];

const plus = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

/** Moves the booking calendar to `month` (YYYY-MM) and waits for its free days. */
async function showMonth(page: Page, month: string) {
  for (let i = 0; i < 30; i++) {
    await page.locator('.calendar:not([aria-busy])').waitFor();
    const shown = (await page.locator('button[data-day]').first().getAttribute('data-day'))!;
    if (shown.startsWith(month)) return;
    const direction = shown < month ? 'Neste måned' : 'Forrige måned';
    await page.getByRole('button', { name: direction }).click();
  }
  throw new Error(`the calendar never showed ${month}`);
}

/** Whether the booking calendar offers free times on `date` (the month must be shown). */
async function isOffered(page: Page, date: string): Promise<boolean> {
  const day = page.locator(`button[data-day="${date}"]`);
  const label = (await day.getAttribute('aria-label')) ?? '';
  const isAvailable = (await day.getAttribute('aria-disabled')) !== 'true';
  // What the screen reader hears agrees with how the day looks.
  expect(label.includes('ingen ledige tider'), `${date}: ${label}`).toBe(!isAvailable);
  return isAvailable;
}

describe('public holidays are closed for ordinary hours, in every year', () => {
  it('the patient sees Easter in March and in April, 17 May and Christmas closed; the clinic closes Christmas Eve in one click and opens a holiday', async () => {
    const admin = await (await newContext(browser, DESKTOP)).newPage();
    const patient = await (await newContext(browser, DESKTOP)).newPage();
    screenshotsOnFailure({ admin, patient });
    const stamp = Date.now().toString(36);
    const typeName = `Helligdagssjekk ${stamp}`;
    const doctorName = 'Dr. Kari Nordmann'; // weekdays 08:00–15:30, does not work holidays
    const today = Temporal.Now.plainDateISO(ZONE).toString();
    const horizonEnd = plus(today, 730);

    // The next two Easters the booking horizon reaches; until 2029 one is in March, one in April.
    const easters = EASTER_SUNDAYS.filter(
      (d) => plus(d, -3) > plus(today, 1) && plus(d, 50) < horizonEnd,
    ).slice(0, 2);
    expect(easters.length).toBe(2);

    // 1. A video type offered two years ahead by a practitioner who works weekdays.
    await staffSignIn(admin, 'lege@example.com');
    await admin.goto('/admin');
    await heading(admin, 'Klinikkprofil');
    await adminPage(admin, 'Timetyper', 'Timetyper');
    await admin.getByRole('link', { name: 'Ny timetype' }).first().click();
    await admin.getByLabel('Navn', { exact: true }).fill(typeName);
    await admin.getByLabel(/^Varighet/).fill('30');
    await admin.getByRole('radio', { name: /Video/ }).check();
    await admin.getByLabel(/^Minste varsel før timen/).fill('0');
    await admin.getByLabel(/^Hvor langt frem pasientene kan bestille/).fill('730');
    await admin.getByRole('checkbox', { name: doctorName }).check();
    await admin.getByRole('button', { name: 'Lagre timetypen' }).click();
    await admin.getByText(`Timetypen «${typeName}» er opprettet.`).waitFor();

    // 2. Christmas Eve is closed with one click: saved at once, and the button is gone.
    await adminPage(admin, 'Åpningstider', 'Åpningstider');
    const thisYear = Number(today.slice(0, 4));
    const christmasEve = `${today > `${thisYear}-12-24` ? thisYear + 1 : thisYear}-12-24`;
    await admin.getByRole('button', { name: 'Steng julaften' }).click();
    await admin.getByText('De stengte dagene er lagret.').waitFor();
    expect(await admin.getByRole('button', { name: 'Steng julaften' }).count()).toBe(0);
    await expectAccessible(admin, 'closures after closing Christmas Eve');

    // 3. The patient's calendar: the holidays and Christmas Eve closed, the weekdays around open.
    await patient.goto('/logg-inn?neste=%2Ffinn-klinikk');
    await signIn(patient, freshEmail('holidays'), { checkAccessibility: false });
    await heading(patient, 'Finn klinikk');
    await openDemoVideoBooking(patient, /Dr\. Kari Nordmann/, new RegExp(typeName));
    await heading(patient, 'Velg dag og tid');

    const closed: string[] = [christmasEve];
    const open: string[] = [];
    const year = Number(christmasEve.slice(0, 4));
    closed.push(`${year}-12-25`, `${year + 1}-01-01`, `${year + 1}-05-17`);
    for (const easter of easters) {
      // Maundy Thursday, Good Friday, Easter Monday, Ascension Day and Whit Monday; the
      // Wednesday before Easter and the Tuesday after it are ordinary working days.
      closed.push(
        plus(easter, -3),
        plus(easter, -2),
        plus(easter, 1),
        plus(easter, 39),
        plus(easter, 50),
      );
      open.push(plus(easter, -4), plus(easter, 2));
    }
    const isWeekday = (date: string) => Temporal.PlainDate.from(date).dayOfWeek <= 5;
    const checked = [...closed.filter(isWeekday), ...open].sort();
    const seen: Record<string, boolean> = {};
    for (const date of checked) {
      await showMonth(patient, date.slice(0, 7));
      seen[date] = await isOffered(patient, date);
    }
    console.log('[holidays] offered on', seen);
    for (const date of closed.filter(isWeekday)) expect(seen[date], `${date} closed`).toBe(false);
    for (const date of open) expect(seen[date], `${date} open`).toBe(true);
    await expectAccessible(patient, 'booking calendar in a holiday month');

    // 4. The clinic opens the first Maundy Thursday: the patient is offered times that day.
    const maundyThursday = plus(easters[0]!, -3);
    // The list goes as far ahead as patients can book (usually two Maundy Thursdays): by date.
    const [mtYear, , mtDay] = maundyThursday.split('-');
    const box = admin.getByRole('checkbox', {
      name: new RegExp(`^Åpent denne dagen Skjærtorsdag \\S+ ${Number(mtDay)}\\. \\S+ ${mtYear}$`),
    });
    await box.check();
    await admin.getByRole('button', { name: 'Lagre stengte dager' }).click();
    await admin.getByText('De stengte dagene er lagret.').waitFor();
    await patient.reload();
    await heading(patient, 'Velg dag og tid');
    await showMonth(patient, maundyThursday.slice(0, 7));
    expect(await isOffered(patient, maundyThursday)).toBe(true);

    // 5. The clinic takes both changes back: the demo's days are as they were.
    await box.uncheck();
    await admin.getByRole('button', { name: /^Fjern perioden: Stengt .*24\. desember/ }).click();
    await admin.getByRole('button', { name: 'Lagre stengte dager' }).click();
    await admin.getByText('De stengte dagene er lagret.').waitFor();
    await admin.getByRole('button', { name: 'Steng julaften' }).waitFor();

    // 6. Unsaved changes are not lost by a link or the browser's Back without a question.
    await box.check();
    await admin
      .getByRole('navigation', { name: /Administrasjon av/ })
      .getByRole('link', { name: 'Ansatte', exact: true })
      .click();
    const leave = admin.getByRole('dialog', { name: 'Forlate siden uten å lagre?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Bli på siden' }).click();
    await heading(admin, 'Åpningstider');
    expect(await box.isChecked()).toBe(true);
    await admin.goBack();
    await leave.waitFor();
    await heading(admin, 'Åpningstider');
    await leave.getByRole('button', { name: 'Forkast endringene' }).click();
    await heading(admin, 'Timetyper');
  });
});
