import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, launchChromium, newContext } from './browser';
import { heading, screenshotsOnFailure } from './flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** The code only staff pages and the call use, by the names the build gives their chunks. */
const NOT_FOR_THE_START_PAGE = [
  'admin-',
  'workspace-',
  'calendar-',
  'video-room-',
  // The English catalogue, for a device that does not ask for English.
  'en-',
  // Libraries only later pages use.
  'zod-',
  'temporal-',
];

describe('the first page in a patient’s hand', () => {
  it('loads compressed scripts, none of the staff or call code, and renders offline on the second visit', async () => {
    // The names exist in this build, so not finding them below means something.
    const built = await readdir(path.resolve(import.meta.dirname, '../apps/web/dist/assets'));
    for (const prefix of NOT_FOR_THE_START_PAGE) {
      expect(
        built.some((file) => file.startsWith(prefix) && file.endsWith('.js')),
        prefix,
      ).toBe(true);
    }

    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    screenshotsOnFailure({ page });
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    await page.goto('/');
    // What the page needs is fetched before its load event; the next step is prefetched after.
    const needed = [...scripts];
    await heading(page, /Velkommen|Hei/);
    await page.waitForLoadState('networkidle');

    const names = needed.map((response) => path.basename(new URL(response.url()).pathname));
    console.log(`[first load] start page scripts: ${names.join(', ')}`);
    expect(names.length).toBeGreaterThan(0);
    for (const prefix of NOT_FOR_THE_START_PAGE) {
      expect(
        names.filter((name) => name.startsWith(prefix)),
        prefix,
      ).toEqual([]);
    }
    // The next step (sign-in) is fetched while idle.
    const later = () =>
      scripts.slice(needed.length).map((r) => path.basename(new URL(r.url()).pathname));
    await expect.poll(() => later().some((name) => name.startsWith('sign-in-'))).toBe(true);
    console.log(`[first load] prefetched when idle: ${later().join(', ')}`);
    for (const response of scripts) {
      const headers = await response.allHeaders();
      expect(headers['content-encoding'], response.url()).toBe('br');
      expect(headers['cache-control'], response.url()).toBe('public, max-age=31536000, immutable');
    }

    // The service worker has kept the shell: with the network gone, the page still renders.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
    });
    await context.setOffline(true);
    await page.reload();
    const offline = page.getByText('Du er uten nett. Siden fortsetter av seg selv');
    await offline.waitFor();
    await page.getByRole('link', { name: 'Min kalender' }).first().waitFor();
    // A deeper page too: the kept shell answers for any path.
    await page.goto('/timer');
    await offline.waitFor();
    // With the network back the page carries on by itself: the start page's content appears.
    await page.goto('/');
    await context.setOffline(false);
    await heading(page, /Velkommen|Hei/);
    await expect.poll(() => offline.count()).toBe(0);
    await context.close();
  });

  it('opens in English on a device that asks for it, with the English catalogue fetched first', async () => {
    const context = await newContext(browser, PHONE, 'en-GB');
    const page = await context.newPage();
    screenshotsOnFailure({ page });
    const catalogue = page.waitForResponse((r) => /\/assets\/en-[\w-]+\.js$/.test(r.url()));
    await page.goto('/');
    await heading(page, 'Welcome to Visitt');
    expect((await catalogue).status()).toBe(200);
    await context.close();
  });
});
