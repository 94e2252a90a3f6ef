import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchChromium, newContext, PHONE } from './browser';
import { expectAccessible, heading, screenshotsOnFailure } from './flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

/** The elements that reach past `width` (none, where the page fits a phone). */
function wider(page: Page, width: number): Promise<string[]> {
  return page.evaluate(
    (width) =>
      Array.from(document.querySelectorAll('body *'))
        .filter((element) => element.getBoundingClientRect().right > width + 0.5)
        .map(
          (element) =>
            `${element.tagName}.${element.className}: ${element.textContent?.slice(0, 40)}`,
        ),
    width,
  );
}

describe('the accessibility statement', () => {
  it('is linked from the footer, passes axe, and a reported problem reaches the operator by e-mail', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    screenshotsOnFailure({ page });
    await page.goto('/');
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Tilgjengelighetserklæring' })
      .click();
    await heading(page, 'Tilgjengelighetserklæring');
    // Nothing is wider than the phone.
    expect(await wider(page, PHONE.width)).toEqual([]);
    await expectAccessible(page, 'accessibility statement');

    const problem = `Knappen for å bytte kamera mangler navn ${Date.now()}`;
    await page.getByLabel('Hva er problemet?').fill(problem);
    await page
      .getByLabel('E-postadressen din, hvis du vil ha svar (valgfritt)')
      .fill('svar@example.com');
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.getByText('Takk! Meldingen er sendt.').waitFor();

    const outbox = await fetch(
      `${baseUrl()}/api/v1/dev/outbox?to=${encodeURIComponent('tilgjengelighet@visitt.invalid')}`,
    );
    const messages = (await outbox.json()) as { text: string }[];
    expect(messages.some((message) => message.text.includes(problem))).toBe(true);

    // In nynorsk the statement follows the language.
    await page.getByRole('combobox', { name: 'Språk' }).first().selectOption('nn');
    await heading(page, 'Tilgjengelegheitserklæring');
    expect(await wider(page, PHONE.width)).toEqual([]);
    await expectAccessible(page, 'accessibility statement in nynorsk');
    await context.close();
  });
});
