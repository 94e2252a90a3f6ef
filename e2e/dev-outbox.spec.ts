import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchChromium, newContext } from './browser';
import {
  completeProfileIfAsked,
  expectAccessible,
  freshEmail,
  heading,
  openDemoVideoBooking,
  pickFirstTime,
  screenshotsOnFailure,
  signIn,
} from './flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('the demo inbox', () => {
  it('shows the confirmation e-mail’s HTML in a sandbox and lets its calendar file be downloaded', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    screenshotsOnFailure({ page });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const email = freshEmail('outbox-html');
    await page.goto('/logg-inn');
    await signIn(page, email, { checkAccessibility: false });
    await page.goto('/finn-klinikk');
    await openDemoVideoBooking(page, /Dr\. Kari Nordmann/, /^Videokonsultasjon 15 min/);
    await pickFirstTime(page, { checkAccessibility: false });
    await page.getByRole('button', { name: /^(Bestill|Bekreft)$/ }).click();
    await completeProfileIfAsked(page);
    await heading(page, 'Timen er bestilt');

    await page.goto('/utboks');
    await heading(page, 'Demo-innboks');
    const card = page
      .getByRole('article')
      .filter({ hasText: email })
      .filter({ hasText: 'Timen din er bestilt' })
      .first();
    await card.waitFor({ timeout: 15_000 });
    await card.getByText('Vis e-posten slik den ser ut (HTML)').click();
    const iframe = card.locator('iframe');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    const frame = iframe.contentFrame();
    await frame.getByRole('link', { name: 'Se timen' }).waitFor();
    expect(await frame.getByText(/er bestilt\./).count()).toBe(1);
    // The e-mail's inline styles apply, as in a mail client.
    const font = await frame.locator('body').evaluate((body) => getComputedStyle(body).fontFamily);
    expect(font).toContain('system-ui');
    await page.setViewportSize({ width: 1366, height: 768 });
    await iframe.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/outbox-html.png' });
    await expectAccessible(page, 'outbox with html');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: 'Last ned visitt-time.ics' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('visitt-time.ics');
    const ics = await readFile(await download.path(), 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('SUMMARY:Videokonsultasjon hos Demo legesenter');
    // No policy refused anything: the frame has its own, the page's is untouched.
    expect(violations).toEqual([]);
    await context.close();
  });
});
