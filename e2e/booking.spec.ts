import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, apiAs, baseUrl, launchChromium, newContext } from './browser';
import {
  PATIENT_PROFILE,
  completeProfileIfAsked,
  expectAccessible,
  freshEmail,
  heading,
  pickFirstTime,
  screenshotsOnFailure,
  signIn,
} from './flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const isGreen = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
  return g > r + 40 && g > b + 20;
};
const isBlue = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
  return b > r + 80 && b > g + 40;
};

describe('booking a video consultation on a phone (the app)', () => {
  it('goes Start → clinic → Bestill videokonsultasjon → practitioner → type → time → Bestill → Min kalender', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    const start = page
      .getByRole('link', { name: 'Start', exact: true })
      .or(page.getByRole('button', { name: 'Start', exact: true }));
    await start.waitFor();
    expect(isGreen(await start.evaluate((el) => getComputedStyle(el).backgroundColor))).toBe(true);
    await expectAccessible(page, 'home');
    await start.click();

    // The demo patient has used Demo legesenter before: it is listed first, under its own heading.
    await signIn(page, 'pasient@example.com');
    await heading(page, 'Finn klinikk');
    await page.getByRole('heading', { name: 'Klinikker du har brukt før' }).waitFor();
    await expectAccessible(page, 'find clinic');
    await page.getByLabel('Søk etter klinikk eller sted').fill('demo');
    await page
      .getByRole('link', { name: /Demo legesenter/ })
      .first()
      .click();

    await heading(page, 'Demo legesenter');
    await expectAccessible(page, 'clinic');
    await page
      .getByRole('link', { name: 'Bestill videokonsultasjon' })
      .or(page.getByRole('button', { name: 'Bestill videokonsultasjon' }))
      .first()
      .click();

    await heading(page, 'Velg behandler');
    await expectAccessible(page, 'practitioner');
    await page.getByRole('link', { name: /Dr\. Nils Vakt/ }).click();

    await heading(page, 'Velg type time');
    await expectAccessible(page, 'type');
    // Only video types are offered after "Bestill videokonsultasjon".
    expect(await page.getByRole('link', { name: /Legetime/ }).count()).toBe(0);
    await page.getByRole('link', { name: /Døgnåpen videokonsultasjon 15 min/ }).click();

    // The day-and-time step opens on the first day with free times, its times already shown.
    await heading(page, 'Velg dag og tid');
    await page.locator('.calendar:not([aria-busy])').waitFor();
    const firstFreeDay = page.getByRole('button', { name: /, ledige tider(, i dag)?$/ }).first();
    if ((await firstFreeDay.count()) > 0) {
      expect(await firstFreeDay.getAttribute('aria-pressed')).toBe('true');
      await page
        .getByRole('link', { name: /^\d{2}:\d{2}$/ })
        .first()
        .waitFor();
    }

    const chosen = await pickFirstTime(page);
    const commentField = page.getByLabel('Kommentar til behandleren (valgfritt)');
    await commentField.fill('Hoste i en uke.');
    await expectAccessible(page, 'confirm');
    const book = page.getByRole('button', { name: 'Bestill', exact: true });
    const box = (await book.boundingBox())!;
    expect(box.y).toBeLessThan(80); // top …
    expect(box.x + box.width).toBeGreaterThan(PHONE.width - 40); // … right
    expect(await page.getByRole('button', { name: 'Bekreft', exact: true }).count()).toBe(0);
    // … yet the comment comes first in reading and tab order: Tab from it lands on Bestill.
    const order = await page.evaluate(() => {
      const field = document.querySelector('textarea')!;
      const button = Array.from(document.querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === 'Bestill',
      )!;
      return field.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await commentField.focus();
    await page.keyboard.press('Tab');
    expect(await book.evaluate((el) => el === document.activeElement)).toBe(true);
    // The top bar's title is whole (two lines rather than cut) and clear of Bestill.
    const title = page.locator('.topbar__title');
    expect(await title.textContent()).toBe('Bestill videokonsultasjon');
    const fits = await title.evaluate(
      (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
    );
    expect(fits).toBe(true);
    const titleBox = (await title.boundingBox())!;
    expect(titleBox.x + titleBox.width).toBeLessThanOrEqual(box.x + 1);
    await book.click();

    await heading(page, 'Timen er bestilt');
    await expectAccessible(page, 'booked');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Legg til i kalenderen' }).click(),
    ]);
    const ics = await download.createReadStream().then(async (stream) => {
      let text = '';
      for await (const chunk of stream) text += String(chunk);
      return text;
    });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(
      `DTSTART:${new Date(chosen).toISOString().replace(/[-:]/g, '').replace('.000', '')}`,
    );

    await page.getByRole('link', { name: 'Min kalender' }).last().click();
    await heading(page, 'Min kalender');
    await expectAccessible(page, 'my calendar');
    // A call that can be started now is on top, with its start button on the card.
    if (Date.parse(chosen) - Date.now() <= 15 * 60_000) {
      const firstCard = page.locator('main .card-list > li').first();
      await firstCard.getByRole('button', { name: 'Start videokonsultasjon' }).waitFor();
    }
    await page
      .getByRole('link', { name: /Døgnåpen videokonsultasjon 15 min/ })
      .first()
      .click();
    await heading(page, /^Time /);
    // The first free time starts within 15 minutes unless another test holds it: either way the
    // button says what it can do now.
    const startButton = page.getByRole('button', { name: 'Start videokonsultasjon' });
    await startButton.waitFor();
    if (Date.parse(chosen) - Date.now() <= 15 * 60_000) {
      await expect.poll(() => startButton.isEnabled()).toBe(true);
    } else {
      expect(await startButton.isDisabled()).toBe(true);
      await page
        .getByText(/Kan startes fra 15 minutter før timen/)
        .first()
        .waitFor();
    }
    await expectAccessible(page, 'appointment');

    await page.getByRole('button', { name: 'Avbestill' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, avbestill' }).click();
    await page.getByText('Timen er avbestilt.').first().waitFor();
    await expectAccessible(page, 'cancelled');
    await context.close();
  });
});

describe('booking in the Patient Portal (wide screen)', () => {
  it('goes Start helsehjelp (top right) → … → Bekreft (bottom right) → the list with a video icon per row', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/');
    const start = page
      .getByRole('link', { name: 'Start helsehjelp' })
      .or(page.getByRole('button', { name: 'Start helsehjelp' }));
    await start.waitFor();
    const startBox = (await start.boundingBox())!;
    expect(startBox.y).toBeLessThan(80);
    expect(startBox.x).toBeGreaterThan(DESKTOP.width * 0.7);
    expect(isBlue(await start.evaluate((el) => getComputedStyle(el).backgroundColor))).toBe(true);
    await expectAccessible(page, 'portal home signed out');
    await start.click();

    const email = freshEmail('portal');
    await signIn(page, email);
    await heading(page, 'Finn klinikk');
    await page.getByLabel('Søk etter klinikk eller sted').fill('oslo');
    await page
      .getByRole('link', { name: /Demo legesenter/ })
      .first()
      .click();
    await heading(page, 'Demo legesenter');
    await page
      .getByRole('link', { name: 'Bestill videokonsultasjon' })
      .or(page.getByRole('button', { name: 'Bestill videokonsultasjon' }))
      .first()
      .click();
    await heading(page, 'Velg behandler');
    await page.getByRole('link', { name: /Dr\. Kari Nordmann/ }).click();
    await heading(page, 'Velg type time');
    await page.getByRole('link', { name: /^Videokonsultasjon 15 min/ }).click();
    const chosen = await pickFirstTime(page);

    await expectAccessible(page, 'portal confirm');
    const confirm = page.getByRole('button', { name: 'Bekreft', exact: true });
    const comment = page.getByLabel('Kommentar til behandleren (valgfritt)');
    const [confirmBox, commentBox] = [
      (await confirm.boundingBox())!,
      (await comment.boundingBox())!,
    ];
    expect(confirmBox.y).toBeGreaterThan(commentBox.y + commentBox.height - 1); // below the form …
    expect(confirmBox.x + confirmBox.width).toBeGreaterThan(commentBox.x + commentBox.width - 2); // … at its right edge
    expect(await page.getByRole('button', { name: 'Bestill', exact: true }).count()).toBe(0);
    // On a 1366×768 laptop Bekreft is in full view without scrolling, at the bottom right.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const laptopBox = await confirm.evaluate(
      (el) => el.getBoundingClientRect().toJSON() as DOMRect,
    );
    expect(laptopBox.top).toBeGreaterThanOrEqual(0);
    expect(laptopBox.bottom).toBeLessThanOrEqual(768);
    expect(laptopBox.right).toBeGreaterThan(1366 / 2);
    await page.setViewportSize(DESKTOP);
    await confirm.click();
    // A new patient says who they are first; the booking then goes on by itself.
    expect(await completeProfileIfAsked(page)).toBe(true);
    await heading(page, 'Timen er bestilt');
    // The server's notification worker confirms the booking by e-mail (the demo's outbox catches it).
    await expect
      .poll(
        async () => {
          const outbox = (await (
            await fetch(`${baseUrl()}/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)
          ).json()) as { subject: string | null }[];
          return outbox.map((m) => m.subject);
        },
        { timeout: 10_000 },
      )
      .toContain('Timen din er bestilt – Demo legesenter');

    await page.getByRole('link', { name: 'Hjem' }).first().click();
    await heading(page, 'Mine timer');
    const row = page.getByRole('row').filter({ hasText: 'Dr. Kari Nordmann' });
    await row.waitFor();
    const video = row.getByRole('button', { name: 'Start videokonsultasjon' });
    const cells = row.getByRole('cell');
    const lastCell = cells.nth((await cells.count()) - 1);
    expect(await lastCell.getByRole('button', { name: 'Start videokonsultasjon' }).count()).toBe(1);
    const videoBox = (await video.boundingBox())!;
    const firstCellBox = (await cells.first().boundingBox())!;
    expect(videoBox.x).toBeGreaterThan(firstCellBox.x + DESKTOP.width / 2);
    // Not yet within 15 minutes of the start: disabled, saying when it opens.
    expect(await video.isDisabled()).toBe(true);
    await expectAccessible(page, 'portal list');
    expect(chosen).toMatch(/\+0[12]:00$/);

    await page.getByRole('combobox', { name: 'Språk' }).first().selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'My appointments' }).waitFor();
    expect(
      await page
        .getByRole('link', { name: 'Start health care' })
        .or(page.getByRole('button', { name: 'Start health care' }))
        .count(),
    ).toBe(1);
    await expectAccessible(page, 'portal in English');
    await context.close();
  });

  it('tells the patient plainly when someone else took the time, and shows the remaining times', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    screenshotsOnFailure({ patient: page });
    await page.goto('/logg-inn');
    await signIn(page, freshEmail('late'));
    await page.goto('/finn-klinikk');
    await page
      .getByRole('link', { name: /Demo legesenter/ })
      .first()
      .click();
    await page
      .getByRole('link', { name: 'Bestill videokonsultasjon' })
      .or(page.getByRole('button', { name: 'Bestill videokonsultasjon' }))
      .first()
      .click();
    await page.getByRole('link', { name: /Dr\. Ola Hansen/ }).click();
    await page.getByRole('link', { name: /^Videokonsultasjon 15 min/ }).click();
    const chosen = await pickFirstTime(page);
    const url = new URL(page.url());
    await page.getByLabel('Kommentar til behandleren (valgfritt)').fill('Dette skal ikke gå tapt.');

    // Someone else books the same time first.
    const other = await apiAs(freshEmail('first'));
    expect((await other.patch('/api/v1/me', PATIENT_PROFILE)).status).toBe(200);
    const taken = await other.post('/api/v1/appointments', {
      practitionerId: url.searchParams.get('practitionerId'),
      appointmentTypeId: url.searchParams.get('appointmentTypeId'),
      start: chosen,
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);

    await page.getByRole('button', { name: 'Bekreft', exact: true }).click();
    // The step before the first booking comes first; the time is taken meanwhile all the same.
    expect(await completeProfileIfAsked(page)).toBe(true);
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Noen andre bestilte denne tiden rett før deg' });
    await alert.waitFor();
    await heading(page, 'Velg dag og tid');
    const takenTime = chosen.slice(11, 16);
    const times = page.getByRole('link', { name: /^\d{2}:\d{2}$/ });
    // The day's remaining times, or (when the taken time was its last) the plain word that none are left.
    await times
      .first()
      .or(page.getByText('Ingen ledige tider denne dagen. Velg en annen dag.'))
      .waitFor();
    expect(await page.getByRole('link', { name: takenTime, exact: true }).count()).toBe(0);
    await expectAccessible(page, 'slot taken');

    // The comment survives the detour.
    if ((await times.count()) === 0) await pickFirstTime(page, { checkAccessibility: false });
    else await times.first().click();
    await heading(page, 'Bekreft bestillingen');
    expect(await page.getByLabel('Kommentar til behandleren (valgfritt)').inputValue()).toBe(
      'Dette skal ikke gå tapt.',
    );

    // … but it belongs to that booking: another practitioner's confirm step starts empty.
    await page.goto('/finn-klinikk');
    await page
      .getByRole('link', { name: /Demo legesenter/ })
      .first()
      .click();
    await page
      .getByRole('link', { name: 'Bestill videokonsultasjon' })
      .or(page.getByRole('button', { name: 'Bestill videokonsultasjon' }))
      .first()
      .click();
    await page.getByRole('link', { name: /Dr\. Kari Nordmann/ }).click();
    await page.getByRole('link', { name: /^Videokonsultasjon 15 min/ }).click();
    await pickFirstTime(page, { checkAccessibility: false });
    expect(await page.getByLabel('Kommentar til behandleren (valgfritt)').inputValue()).toBe('');
    await context.close();
  });
});

describe('the dev outbox page', () => {
  it('shows the sign-in codes of the demo', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/utboks`);
    await heading(page, 'Demo-innboks');
    await page
      .getByText(/Din innloggingskode til Visitt/)
      .first()
      .waitFor();
    await expectAccessible(page, 'outbox');
    await context.close();
  });
});
