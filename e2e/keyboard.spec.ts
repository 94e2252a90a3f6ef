import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, codeFromOutbox, launchChromium, newContext } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/**
 * Presses Tab until the element matching `name` has focus, as a keyboard user would.
 * `control` is a link or a button: which one is the page's choice, not the user's concern.
 */
async function tabTo(
  page: Page,
  role: 'link' | 'button' | 'control' | 'textbox',
  name: string | RegExp,
  max = 60,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const label =
        el.getAttribute('aria-label') ??
        (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
        el.textContent ??
        '';
      return { tag: el.tagName, label: label.replace(/\s+/g, ' ').trim() };
    });
    const roleOf = { A: 'link', BUTTON: 'button', INPUT: 'textbox', TEXTAREA: 'textbox' } as Record<
      string,
      string
    >;
    const focusedRole = roleOf[focused?.tag ?? ''];
    const roleMatches =
      role === 'control'
        ? focusedRole === 'link' || focusedRole === 'button'
        : focusedRole === role;
    if (
      focused &&
      roleMatches &&
      (typeof name === 'string' ? focused.label.includes(name) : name.test(focused.label))
    )
      return;
  }
  throw new Error(`Tab never reached ${role} ${String(name)}`);
}

const focusedHeading = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null,
  );

describe('keyboard only', () => {
  it('books a video consultation without a mouse, with focus on each new page’s heading', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const email = `e2e-keyboard-${Date.now()}@example.com`;
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // The skip link comes first.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Hopp til hovedinnhold',
    );

    await tabTo(page, 'control', 'Start helsehjelp');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await tabTo(page, 'textbox', 'E-postadresse');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.getByLabel('Engangskode').waitFor();
    await tabTo(page, 'textbox', 'Engangskode');
    await page.keyboard.type(await codeFromOutbox(email));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Finn klinikk' }).waitFor();
    await expect.poll(() => focusedHeading(page)).toBe('Finn klinikk');
    await tabTo(page, 'textbox', 'Søk etter klinikk eller sted');
    await page.keyboard.type('Demo');
    await tabTo(page, 'control', /Demo legesenter/);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Demo legesenter' }).waitFor();
    await expect.poll(() => focusedHeading(page)).toBe('Demo legesenter');
    await tabTo(page, 'control', 'Bestill videokonsultasjon');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Velg behandler' }).waitFor();
    await tabTo(page, 'control', /Dr\. Kari Nordmann/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Velg type time' }).waitFor();
    await tabTo(page, 'control', /^Videokonsultasjon 15 min/);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Velg dag og tid' }).waitFor();
    await page.locator('.calendar:not([aria-busy])').waitFor();
    // One day of the grid is in the tab order; arrows move between days, Enter picks one.
    await tabTo(page, 'button', /, ledige tider/);
    const before = await page.evaluate(() => document.activeElement?.getAttribute('data-day'));
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-day')))
      .not.toBe(before);
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-day')))
      .toBe(before);
    await page.keyboard.press('Enter');
    await tabTo(page, 'control', /^\d{2}:\d{2}$/);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Bekreft bestillingen' }).waitFor();
    await tabTo(page, 'textbox', 'Kommentar til behandleren');
    await page.keyboard.type('Skrevet med tastaturet.');
    await tabTo(page, 'button', 'Bekreft');
    await page.keyboard.press('Enter');

    // The first booking asks who the patient is, in a dialog that takes the focus.
    const step = page.getByRole('dialog', { name: 'Hvem er du?' });
    await step.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete')))
      .toBe('given-name');
    await page.keyboard.type('Tastatur');
    await tabTo(page, 'textbox', 'Etternavn');
    await page.keyboard.type('Testesen');
    // The date of birth: day, month and year, each in its own field.
    await tabTo(page, 'textbox', 'Dag');
    await page.keyboard.type('12');
    await tabTo(page, 'textbox', 'Måned');
    await page.keyboard.type('4');
    await tabTo(page, 'textbox', 'År');
    await page.keyboard.type('1985');
    await tabTo(page, 'button', 'Lagre og bestill');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Timen er bestilt' }).waitFor();
    await expect.poll(() => focusedHeading(page)).toBe('Timen er bestilt');
    await context.close();
  });
});
