import type { Locator, Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { codeFromOutbox, seriousA11yViolations } from './browser';

// Steps of the journeys that several specs walk, by role and accessible name as a person sees them.

let emailCounter = 0;
export const freshEmail = (label: string) =>
  `e2e-${label}-${Date.now()}-${++emailCounter}@example.com`;

/** axe-core on the current page: no serious or critical violations. */
export async function expectAccessible(page: Page, step: string) {
  expect(await seriousA11yViolations(page), step).toEqual([]);
}

export async function heading(page: Page, name: string | RegExp) {
  const h1 = page.getByRole('heading', { level: 1, name });
  await h1.waitFor();
  return h1;
}

/** Opens the admin page `label` from the administration's sub-navigation. */
export async function adminPage(page: Page, label: string, title: string | RegExp) {
  await page
    .getByRole('navigation', { name: /Administrasjon av/ })
    .getByRole('link', { name: label, exact: true })
    .click();
  await heading(page, title);
}

/** Signs in with a one-time code read from the demo outbox, from the sign-in page. */
export async function signIn(page: Page, email: string, { checkAccessibility = true } = {}) {
  await expect
    .poll(() => page.getByRole('heading', { level: 1, name: 'Logg inn' }).isVisible())
    .toBe(true);
  if (checkAccessibility) await expectAccessible(page, 'sign-in');
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByRole('button', { name: 'Send kode' }).click();
  await page.getByLabel('Engangskode').fill(await codeFromOutbox(email));
  await page.getByRole('button', { name: 'Logg inn' }).click();
  // Signed in once the page has left the code step: a navigation before that would abort the
  // request that sets the session cookie.
  await expect.poll(() => page.getByLabel('Engangskode').isVisible()).toBe(false);
}

/**
 * The staff sign-in in its two steps: e-mail and password, then the code from the authenticator
 * app — here the demo account's current code from GET /api/v1/dev/totp (same cookies and origin
 * as the page).
 */
export async function staffSignIn(page: Page, email: string) {
  await page.goto('/ansatt/logg-inn');
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill('visitt-demo');
  await page.getByRole('button', { name: 'Fortsett', exact: true }).click();
  const codeField = page.getByLabel('Kode fra appen');
  await codeField.waitFor();
  // Each code works once: when the journeys have used every code around now, the demo says when
  // the next one is valid (429 with Retry-After), as an authenticator app would show it then.
  let answer = await page.request.get(`/api/v1/dev/totp?email=${encodeURIComponent(email)}`);
  for (let tries = 0; answer.status() === 429 && tries < 3; tries++) {
    const wait = Number(answer.headers()['retry-after'] ?? '30');
    await page.waitForTimeout(Math.min(wait, 31) * 1000);
    answer = await page.request.get(`/api/v1/dev/totp?email=${encodeURIComponent(email)}`);
  }
  expect(answer.status(), 'GET /api/v1/dev/totp').toBe(200);
  const { code } = (await answer.json()) as { code: string };
  await codeField.fill(code);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await heading(page, 'Arbeidsflate');
}

/** Who the fresh patients of the journeys say they are, on the step before their first booking. */
export const PATIENT_PROFILE = {
  givenName: 'Eva',
  familyName: 'Testesen',
  birthDate: '1985-04-12',
} as const;

/** The "Hvem er du?" step, a dialog over the booking confirmation. */
export const profileStep = (page: Page) => page.getByRole('dialog', { name: 'Hvem er du?' });

/** The date of birth's group (Dag, Måned, År) inside `scope`. */
export const birthDateGroup = (scope: Locator) => scope.getByRole('group', { name: 'Fødselsdato' });

/** Types `date` (`YYYY-MM-DD`) into the date of birth's three fields inside `scope`. */
export async function fillBirthDate(scope: Locator, date: string) {
  const [year, month, day] = date.split('-') as [string, string, string];
  const group = birthDateGroup(scope);
  await group.getByLabel('Dag').fill(day);
  await group.getByLabel('Måned').fill(month);
  await group.getByLabel('År').fill(year);
}

/** Fills the open "Hvem er du?" step by label and presses **Lagre og bestill**. */
export async function fillProfileStep(
  page: Page,
  profile: { givenName: string; familyName: string; birthDate: string } = PATIENT_PROFILE,
) {
  const step = profileStep(page);
  await step.getByLabel('Fornavn').fill(profile.givenName);
  await step.getByLabel('Etternavn').fill(profile.familyName);
  await fillBirthDate(step, profile.birthDate);
  await step.getByRole('button', { name: 'Lagre og bestill' }).click();
}

/**
 * After **Bestill** or **Bekreft** has been pressed: a patient who has not yet said who they are
 * gets "Hvem er du?" first; it is filled with `profile` and saved, and the booking goes on.
 * Waits until the step is shown or the page has left the confirmation (booked, or sent back to
 * the times); returns whether the step was shown.
 */
export async function completeProfileIfAsked(
  page: Page,
  profile: { givenName: string; familyName: string; birthDate: string } = PATIENT_PROFILE,
): Promise<boolean> {
  const step = profileStep(page);
  const outcome = async () =>
    (await step.isVisible())
      ? 'step'
      : new URL(page.url()).pathname.endsWith('/bestill/bekreft')
        ? null
        : 'left';
  await expect.poll(outcome, { timeout: 10_000 }).not.toBeNull();
  if ((await outcome()) !== 'step') return false;
  await fillProfileStep(page, profile);
  await expect.poll(() => step.isVisible()).toBe(false);
  return true;
}

/** Picks the first free time shown on the time step and returns the chosen start from the URL. */
export async function pickFirstTime(
  page: Page,
  { checkAccessibility = true } = {},
): Promise<string> {
  await heading(page, 'Velg dag og tid');
  // Days with free times are marked; the first of them is picked, then its first time.
  const firstDay = page.getByRole('button', { name: /, ledige tider(, i dag)?$/ }).first();
  // Late in a month its last free day may have passed: then look in the next month.
  for (let month = 0; month < 3; month++) {
    await page.locator('.calendar:not([aria-busy])').waitFor();
    if ((await firstDay.count()) > 0) break;
    await page.getByRole('button', { name: 'Neste måned' }).click();
  }
  await firstDay.click();
  const firstTime = page.getByRole('link', { name: /^\d{2}:\d{2}$/ }).first();
  await firstTime.waitFor();
  if (checkAccessibility) await expectAccessible(page, 'day and time');
  await firstTime.click();
  await heading(page, 'Bekreft bestillingen');
  return new URL(page.url()).searchParams.get('start')!;
}

/**
 * Books an around-the-clock practitioner's first free 15-minute video consultation (it starts
 * within 15 minutes) and returns the appointment's id. Each call test uses a practitioner of its
 * own, so an earlier test's appointment never pushes the first free time out of the window.
 */
/**
 * From the clinic search's results into Demo legesenter's video booking: Bestill
 * videokonsultasjon, then the practitioner and the appointment type (by their links' names).
 */
export async function openDemoVideoBooking(
  page: Page,
  practitioner: RegExp,
  type: RegExp,
): Promise<void> {
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
  await page.getByRole('link', { name: practitioner }).click();
  await page.getByRole('link', { name: type }).click();
}

export async function bookVideoWithinFifteenMinutes(
  page: Page,
  practitioner: 'Dr. Nils Vakt' | 'Dr. Sara Døgn',
): Promise<string> {
  await page.goto('/finn-klinikk');
  await openDemoVideoBooking(
    page,
    new RegExp(practitioner.replace('.', '\\.')),
    /Døgnåpen videokonsultasjon 15 min/,
  );
  await pickFirstTime(page, { checkAccessibility: false });
  await page.getByLabel('Kommentar til behandleren (valgfritt)').fill('Hoste og feber.');
  const confirm = page.getByRole('button', { name: /^(Bestill|Bekreft)$/ });
  await confirm.click();
  await completeProfileIfAsked(page);
  await heading(page, 'Timen er bestilt');
  return /\/timer\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** Keeps a screenshot of each page in test-results/ when the running test fails. */
export function screenshotsOnFailure(pages: Record<string, Page>): void {
  onTestFailed(async ({ task }) => {
    for (const [name, page] of Object.entries(pages)) {
      const file = `test-results/${task.name.slice(0, 40).replace(/\W+/g, '-')}-${name}.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`screenshot of ${name}: ${file}`);
    }
  });
}

/**
 * **Start videokonsultasjon** on the appointment page, then, in the information step before the
 * waiting room, **Gå til venterommet**.
 */
export async function startVideoConsultation(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start videokonsultasjon' }).click();
  const info = page.getByRole('dialog', { name: 'Før videokonsultasjonen' });
  await info.getByRole('button', { name: 'Gå til venterommet' }).click();
}
