import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { closeSides, freeSlot, openSide, patientStarts, type Side } from './call-pages';
import { expectAccessible, screenshotsOnFailure, staffSignIn } from './flows';

const calls = inject('calls');
afterAll(closeSides);

/** Each live connection of the page: video frames decoded from the one at the other end. */
async function framesPerConnection(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const pcs = ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).filter(
      (pc) => pc.connectionState === 'connected',
    );
    return Promise.all(
      pcs.map(async (pc) => {
        let frames = 0;
        (await pc.getStats()).forEach(
          (r: { type: string; kind?: string; framesDecoded?: number }) => {
            if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded ?? 0;
          },
        );
        return frames;
      }),
    );
  });
}

/** Connections the page has made at all (none before a guest is let in). */
const connectionsMade = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __pcs?: unknown[] }).__pcs ?? []).length);

/**
 * Waits until the page decodes video from each of `others` participants, every one of them
 * growing: everyone sees everyone.
 */
async function expectSeesEveryone(page: Page, others: number, label: string): Promise<void> {
  const deadline = Date.now() + 40_000;
  let first: number[] | null = null;
  let last: number[] = [];
  while (Date.now() < deadline) {
    last = await framesPerConnection(page);
    if (last.length === others && last.every((f) => f > 0)) {
      if (!first) first = last;
      else if (last.every((f, i) => f > first![i]! + 5)) return;
    } else first = null;
    await page.waitForTimeout(300);
  }
  throw new Error(
    `${label}: frames per connection ${JSON.stringify(last)}, wanted ${others} growing`,
  );
}

/** The practitioner invites a guest from the call and copies the link. */
async function inviteFromCall(
  doctor: Page,
  name: string,
  role: 'Tolk' | 'Pårørende',
): Promise<string> {
  await doctor.getByRole('button', { name: 'Legg til', exact: true }).click();
  const dialog = doctor.getByRole('dialog', { name: 'Inviter gjest' });
  await dialog.getByLabel('Navn').fill(name);
  await dialog.getByRole('radio', { name: role }).check();
  await dialog.getByRole('radio', { name: 'Kopier lenken selv' }).check();
  await dialog.getByRole('button', { name: 'Lag lenke' }).click();
  const link = await dialog.getByRole('textbox', { name: `Lenke til ${name}` }).inputValue();
  expect(link).toMatch(/\/gjest#[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole('button', { name: 'Lukk' }).click();
  return link;
}

/** A guest opens their link on a host of the test network, and goes in to wait. */
async function guestArrives(
  side: Side,
  link: string,
  clinic = /legesenter|klinikk/i,
): Promise<Page> {
  const page = side.page;
  await page.goto(new URL(link).pathname + new URL(link).hash);
  await page.getByRole('heading', { level: 1, name: clinic }).waitFor();
  // The token left the address bar at once.
  expect(page.url()).not.toContain('#');
  await page.getByRole('button', { name: 'Gå inn i videorommet' }).click();
  await page.getByText('Venter på å bli sluppet inn').first().waitFor();
  return page;
}

describe('a video consultation with guests', () => {
  it('lets an interpreter and a relative in one by one; everyone sees everyone, knows who takes part, and a removed guest is out', async () => {
    const patientSide = await openSide(calls.network.patient, calls.directPort, PHONE);
    const doctorSide = await openSide(calls.network.practitioner, calls.directPort, DESKTOP);
    const patient = patientSide.page;
    const doctor = doctorSide.page;
    screenshotsOnFailure({ patient, doctor });

    await staffSignIn(doctor, 'vakt@example.com');
    const appointmentId = await patientStarts(patient, 'Dr. Nils Vakt');
    const row = doctor.getByRole('listitem').filter({ hasText: 'Venter i videorommet' });
    await row.getByRole('button', { name: 'Gå inn i videorommet' }).click();
    await doctor
      .getByRole('button', { name: 'Legg til', exact: true })
      .waitFor({ timeout: 20_000 });

    // Three: the interpreter, on a third host's browser.
    const link = await inviteFromCall(doctor, 'Amir Tolk', 'Tolk');
    const interpreterSide = await openSide(calls.network.patient, calls.directPort, DESKTOP);
    const interpreter = await guestArrives(interpreterSide, link);
    screenshotsOnFailure({ interpreter });
    await expectAccessible(interpreter, 'guest waiting');
    // Waiting: nothing of theirs leaves the page, and nobody connects to them.
    expect(await connectionsMade(interpreter)).toBe(0);

    // Another browser cannot take the link while the first holds it.
    const thief = await openSide(calls.network.practitioner, calls.directPort, PHONE);
    await thief.page.goto(new URL(link).pathname + new URL(link).hash);
    await thief.page.getByText('Lenken er åpen i en annen nettleser', { exact: false }).waitFor();

    // The practitioner sees who waits, and lets them in.
    const bar = doctor.getByRole('region', { name: /^Deltakere/ });
    await bar.getByText('venter på å bli sluppet inn').waitFor();
    await bar.getByRole('button', { name: 'Slipp inn Amir Tolk' }).click();
    await expectSeesEveryone(interpreter, 2, 'interpreter, three in the call');
    await expectSeesEveryone(patient, 2, 'patient, three in the call');
    await expectSeesEveryone(doctor, 2, 'practitioner, three in the call');
    for (const page of [patient, doctor, interpreter]) {
      const list = page.getByRole('region', { name: 'Deltakere (3)' });
      await list.getByText('Amir Tolk', { exact: true }).first().waitFor();
      await list.getByText('tolk', { exact: false }).first().waitFor();
      await list.getByText('behandler', { exact: false }).first().waitFor();
    }
    await expectAccessible(interpreter, 'guest in a call of three');
    await expectAccessible(doctor, 'practitioner in a call of three');

    // Four: a relative on a phone.
    const link2 = await inviteFromCall(doctor, 'Kari Nordmann', 'Pårørende');
    const relativeSide = await openSide(calls.network.practitioner, calls.directPort, PHONE);
    const relative = await guestArrives(relativeSide, link2);
    screenshotsOnFailure({ relative });
    await bar.getByRole('button', { name: 'Slipp inn Kari Nordmann' }).click();
    for (const [page, label] of [
      [relative, 'relative'],
      [interpreter, 'interpreter'],
      [patient, 'patient'],
      [doctor, 'practitioner'],
    ] as const)
      await expectSeesEveryone(page, 3, `${label}, four in the call`);
    await patient
      .getByRole('region', { name: 'Deltakere (4)' })
      .getByText('Kari Nordmann')
      .waitFor();
    await expectAccessible(relative, 'guest on a phone in a call of four');

    // The interpreter's page reloads: back in the call from the same browser without being let
    // in again, and every connection to them made anew.
    await interpreter.reload();
    await interpreter.getByRole('button', { name: 'Gå inn i videorommet' }).click();
    for (const [page, label] of [
      [interpreter, 'interpreter after a reload'],
      [relative, 'relative after the interpreter reloaded'],
      [patient, 'patient after the interpreter reloaded'],
    ] as const)
      await expectSeesEveryone(page, 3, label);

    // The practitioner takes the relative out: out at once, for good; the others go on.
    await bar.getByRole('button', { name: 'Fjern Kari Nordmann' }).click();
    await doctor
      .getByRole('dialog', { name: 'Fjerne Kari Nordmann fra samtalen?' })
      .getByRole('button', { name: 'Fjern' })
      .click();
    await relative
      .getByText('Behandleren har tatt deg ut av konsultasjonen', { exact: false })
      .waitFor();
    await patient.getByRole('region', { name: 'Deltakere (3)' }).waitFor();
    await expectSeesEveryone(patient, 2, 'patient after the removal');

    // The patient's red phone ends it for everyone, the interpreter too. The practitioner was
    // not asked at Avslutt, so the end screen asks how the patient (new to the clinic, signed in
    // by a code) was identified.
    await patient.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await interpreter.getByText('Videokonsultasjonen er avsluttet.').waitFor();
    await doctor.getByText('Pasienten avsluttet samtalen.').waitFor();
    const question = doctor.getByRole('region', { name: 'Identifisering' });
    await question
      .getByText('Registrer hvordan pasienten ble identifisert.', { exact: false })
      .waitFor();
    await expectAccessible(doctor, 'the end screen asks how the patient was identified');
    await question.getByLabel('Kjent pasient').check();
    await question.getByRole('button', { name: 'Lagre', exact: true }).click();
    await doctor.getByText('Lagret: Kjent pasient.').waitFor();

    // The record for the journal says an interpreter took part.
    const record = await (
      await doctor.request.get(`/api/v1/staff/appointments/${appointmentId}/record`)
    ).json();
    expect(record).toMatchObject({
      interpreter: true,
      endedBy: 'patient',
      identification: { method: 'known_patient' },
    });
    expect(record.participants.map((p: { role: string }) => p.role)).toEqual([
      'patient',
      'practitioner',
      'interpreter',
      'relative',
    ]);
    await freeSlot(doctor, appointmentId);
    // Five browsers on the machine's two cores, each connected to the others: it takes its time
    // (120–200 s in the runs of December 2026).
  }, 360_000);
});
