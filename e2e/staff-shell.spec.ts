import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchChromium, newContext } from './browser';
import { expectAccessible, heading, screenshotsOnFailure, staffSignIn } from './flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** The vertical middle of an element on the screen. */
async function middle(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  expect(box, 'bounding box').not.toBeNull();
  return box!.y + box!.height / 2;
}

/** The staff top bar is one row: its first and last nav item, the product and the menu share it. */
async function expectOneRow(page: Page, step: string) {
  const header = page.getByRole('banner');
  const items = header.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link');
  const first = await items.first().boundingBox();
  const last = await items.last().boundingBox();
  expect(first?.y, `${step}: first and last nav item on the same row`).toBe(last?.y);
  const row = await middle(items.first());
  for (const end of [header.getByRole('link', { name: 'Visitt' }), header.getByRole('button')]) {
    expect(
      Math.abs((await middle(end.last())) - row),
      `${step}: ends on the same row`,
    ).toBeLessThan(4);
  }
  const box = await header.boundingBox();
  expect(box!.height, `${step}: header height`).toBeLessThan(100);
}

describe('the staff shell', () => {
  it('gives a practitioner on a phone the staff bottom bar, without patient navigation', async () => {
    const page = await (await newContext(browser, PHONE)).newPage();
    screenshotsOnFailure({ page });
    await staffSignIn(page, 'vakt@example.com');

    const bar = page.getByRole('navigation', { name: 'Hovedmeny' });
    const workspace = bar.getByRole('link', { name: 'Arbeidsflate', exact: true });
    const calendar = bar.getByRole('link', { name: 'Kalender', exact: true });
    expect(await workspace.isVisible()).toBe(true);
    expect(await workspace.getAttribute('aria-current')).toBe('page');
    expect(await calendar.isVisible()).toBe(true);
    // Nils Vakt administers no clinic; and nothing of the patient's navigation is there.
    expect(await bar.getByRole('link', { name: 'Administrasjon' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Min kalender' }).count()).toBe(0);
    expect(await page.getByText('Start helsehjelp').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Hjem', exact: true }).count()).toBe(0);
    // One row at the bottom of the screen.
    const tabs = bar.getByRole('link').or(bar.getByRole('button', { name: 'Meny' }));
    const tops = await Promise.all(
      (await tabs.all()).map(async (tab) => (await tab.boundingBox())?.y),
    );
    expect(new Set(tops).size, 'bottom bar tabs on one row').toBe(1);
    expect(tops[0]! + 64, 'bottom bar at the bottom').toBeGreaterThan(PHONE.height - 8);
    await expectAccessible(page, 'workspace on a phone');

    await calendar.click();
    await heading(page, 'Kalender');
    expect(await calendar.getAttribute('aria-current')).toBe('page');
    expect(await workspace.getAttribute('aria-current')).toBeNull();
    await expectAccessible(page, 'calendar on a phone');

    // The menu holds the rest: who is signed in, the patient view, signing out.
    const menu = bar.getByRole('button', { name: 'Meny' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('button', { name: 'Logg ut' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByText('Innlogget som Nils Vakt').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Logg ut' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Til pasientsiden' }).isVisible()).toBe(true);
    await expectAccessible(page, 'calendar on a phone, menu open');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await page.getByRole('link', { name: 'Til pasientsiden' }).isVisible()).toBe(false);
  });

  it('gives an administrator on a desktop one row with Administrasjon, and the patient view and back', async () => {
    const page = await (await newContext(browser, DESKTOP)).newPage();
    screenshotsOnFailure({ page });
    await staffSignIn(page, 'lege@example.com');

    const nav = page.getByRole('banner').getByRole('navigation', { name: 'Hovedmeny' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Arbeidsflate',
      'Kalender',
      'Administrasjon',
    ]);
    expect(await page.getByRole('link', { name: 'Min kalender' }).count()).toBe(0);
    expect(await page.getByText('Start helsehjelp').count()).toBe(0);
    await expectOneRow(page, 'workspace at 1280');
    await expectAccessible(page, 'workspace on a desktop');

    await nav.getByRole('link', { name: 'Administrasjon' }).click();
    await heading(page, 'Klinikkprofil');
    expect(
      await nav.getByRole('link', { name: 'Administrasjon' }).getAttribute('aria-current'),
    ).toBe('page');
    await expectOneRow(page, 'administration at 1280');
    await expectAccessible(page, 'administration on a desktop');
    await page.setViewportSize({ width: 1366, height: 800 });
    await expectOneRow(page, 'administration at 1366');

    // The person's menu: their name on the button; the patient view from it.
    const account = page.getByRole('banner').getByRole('button', { name: 'Kari Nordmann' });
    await account.click();
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'administration, menu open');
    await page.getByRole('link', { name: 'Til pasientsiden' }).click();

    // The patient shell: the patient's navigation, and one link back to the staff side.
    const patientNav = page.getByRole('banner').getByRole('navigation', { name: 'Hovedmeny' });
    await patientNav.getByRole('link', { name: 'Min kalender' }).waitFor();
    expect(await patientNav.getByRole('link', { name: 'Administrasjon' }).count()).toBe(0);
    expect(await patientNav.getByRole('link', { name: 'Arbeidsflate' }).count()).toBe(0);
    await expectAccessible(page, 'patient view of staff');
    await page.getByRole('link', { name: 'Til arbeidsflaten' }).click();
    await heading(page, 'Arbeidsflate');
    await expectOneRow(page, 'back in the workspace at 1366');
  });
});
