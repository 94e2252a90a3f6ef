import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { closeSides, openSide } from './call-pages';
import { expectAccessible, heading, screenshotsOnFailure } from './flows';

const calls = inject('calls');
afterAll(closeSides);

/** The verdict line of one part ("Kamera: virker"), once it is no longer being tested. */
async function verdictOf(page: Page, part: string, timeout = 30_000): Promise<string> {
  const item = page.locator('.verdict', { hasText: new RegExp(`^${part}: `) });
  await expect
    .poll(async () => (await item.getAttribute('class')) ?? 'verdict--pending', { timeout })
    .not.toContain('verdict--pending');
  return (await item.locator('.verdict__line').textContent())!;
}

describe('the test page (/test)', () => {
  it('tries camera, microphone, speaker and the network through the relay (coturn), without signing in, and the result can be copied', async () => {
    // The instance that sends calls through coturn: the test goes the same way.
    const { page, context } = await openSide(calls.network.patient, calls.relayPort, DESKTOP);
    screenshotsOnFailure({ page });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/test');
    await heading(page, 'Test kamera, lyd og nett');
    await expectAccessible(page, 'test page before start');

    const pressedAt = Date.now();
    await page.getByRole('button', { name: 'Start testen' }).click();
    expect(await verdictOf(page, 'Kamera')).toBe('Kamera: virker');
    const firstVerdictMs = Date.now() - pressedAt;
    // The fake microphone beeps: the meter hears it.
    expect(await verdictOf(page, 'Mikrofon')).toBe('Mikrofon: virker');
    await page.getByRole('meter', { name: 'Lydnivå' }).waitFor();

    await page.getByRole('button', { name: 'Spill av testlyd' }).click();
    await page.getByRole('group', { name: 'Hørte du lyden?' }).waitFor();
    await page.getByRole('button', { name: 'Ja' }).click();
    expect(await verdictOf(page, 'Høyttaler')).toBe('Høyttaler: virker');

    // Two peers of the page, connected through coturn on this machine: a good link.
    expect(await verdictOf(page, 'Nettverk')).toBe('Nettverk: godt');
    const networkVerdictMs = Date.now() - pressedAt;
    const measures = await page.locator('.verdict__measures').textContent();
    expect(measures).toMatch(/^Svartid \d+ ms · tap \d+ % · [\d\s\u00a0]+ kbit\/s$/);
    await page.getByText('Alt virker. Du er klar for videokonsultasjonen.').waitFor();
    await expectAccessible(page, 'test page with its result');

    // The result, for the clinic if the patient wants: copied, nothing sent.
    await page.getByRole('button', { name: 'Kopier resultatet' }).click();
    await page.getByText('Resultatet er kopiert.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Visitt – test av kamera, lyd og nett, /);
    expect(copied).toContain(
      'Kamera: virker\nMikrofon: virker\nHøyttaler: virker\nNettverk: godt (Svartid',
    );
    console.log(
      `test page: first verdict ${firstVerdictMs} ms after Start, network verdict ${networkVerdictMs} ms; ${measures}`,
    );
  });

  it('says the network cannot be reached when the relay does not answer, and what to do', async () => {
    const { page } = await openSide(calls.network.patient, calls.relayPort, PHONE);
    screenshotsOnFailure({ page });
    // A firewall that drops everything to the relay: the page is given a relay no packet reaches
    // (the same server, on a port where nothing listens).
    await page.route('**/api/v1/connection-test', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { iceServers: { urls: string[] }[] };
      for (const server of body.iceServers)
        server.urls = server.urls.map((url) => url.replace(/:\d+\?/, ':9?'));
      await route.fulfill({ response, json: body });
    });
    await page.goto('/test');
    await page.getByRole('button', { name: 'Start testen' }).click();
    expect(await verdictOf(page, 'Nettverk', 40_000)).toBe('Nettverk: får ikke kontakt');
    await page.getByText(/Prøv et annet nett, for eksempel mobilnettet/).waitFor();
    await page.getByText('Noe bør ordnes før timen. Se rådene under.').waitFor();
    await expectAccessible(page, 'test page, relay blocked');
  });

  it('says so plainly where no relay is set up, in nynorsk too', async () => {
    const { page } = await openSide(calls.network.practitioner, calls.directPort, PHONE);
    screenshotsOnFailure({ page });
    await page.goto('/test');
    await page.getByRole('combobox', { name: 'Språk' }).first().selectOption('nn');
    await heading(page, 'Test kamera, lyd og nett');
    await page.getByRole('button', { name: 'Start testen' }).click();
    expect(await verdictOf(page, 'Kamera')).toBe('Kamera: verkar');
    expect(await verdictOf(page, 'Nettverk')).toBe('Nettverk: ikkje testa');
    await page.getByText(/Denne tenesta har ikkje sett opp ein reléserver/).waitFor();
    await page.getByRole('button', { name: 'Spel av testlyd' }).waitFor();
    await expectAccessible(page, 'test page in nynorsk, no relay');
  });
});
