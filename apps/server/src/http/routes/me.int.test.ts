import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAppointmentType, buildClinic, buildStaff, signInAs } from '../../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../../test/harness';

let app: TestApp;
let n = 0;
// Monday 30 November 2026, 07:00 in Oslo.
const NOW = '2026-11-30T06:00:00Z';
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

/** A patient signed in by code who has not said who they are. */
async function newPatient(): Promise<{ browser: Browser; email: string }> {
  const browser = new Browser(app);
  const email = `profil-${++n}@example.com`;
  await signInWithCode(browser, app.db, email, { profile: false });
  return { browser, email };
}

const count = async (sql: string, params: unknown[] = []) =>
  Number(
    (await app.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0]!.n,
  );

describe('who the patient is', () => {
  it('starts empty, is saved by PATCH /api/v1/me, and makes the display name', async () => {
    const { browser } = await newPatient();
    const before = await browser.get('/api/v1/me');
    expect(before.body).toMatchObject({
      name: null,
      givenName: null,
      familyName: null,
      birthDate: null,
    });

    const saved = await browser.patch('/api/v1/me', {
      givenName: '  Kari  ',
      familyName: 'Nordmann-Ås',
      birthDate: '1980-05-17',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      name: 'Kari Nordmann-Ås',
      givenName: 'Kari',
      familyName: 'Nordmann-Ås',
      birthDate: '1980-05-17',
    });
    // One part at a time keeps the other, and the name follows.
    const changed = await browser.patch('/api/v1/me', { familyName: 'Hansen' });
    expect(changed.body).toMatchObject({ name: 'Kari Hansen', birthDate: '1980-05-17' });
    // A display name sent alone does not break the link to the parts.
    const named = await browser.patch('/api/v1/me', { name: 'Noe annet' });
    expect(named.body.name).toBe('Kari Hansen');
  });

  it('accepts today and 1900-01-01, refuses the future, before 1900 and bad names with 400', async () => {
    const { browser } = await newPatient();
    // 2026-11-30 06:00 UTC: it is 30 November in Oslo, and already 1 December in UTC+14 only
    // from 10:00 UTC on.
    expect((await browser.patch('/api/v1/me', { birthDate: '2026-11-30' })).status).toBe(200);
    expect((await browser.patch('/api/v1/me', { birthDate: '1900-01-01' })).status).toBe(200);
    // Each with the field the issue names and, for a date of birth, the domain's reason as the
    // issue's message (the web words it from that).
    const refusals: [Record<string, unknown>, string, string?][] = [
      [{ birthDate: '2026-12-01' }, 'birthDate', 'future'],
      [{ birthDate: '2030-01-01' }, 'birthDate', 'future'],
      [{ birthDate: '2201-01-01' }, 'birthDate', 'future'],
      [{ birthDate: '1899-12-31' }, 'birthDate', 'too_early'],
      [{ birthDate: '0001-01-01' }, 'birthDate', 'too_early'],
      [{ birthDate: '17.05.1980' }, 'birthDate', 'invalid'],
      [{ birthDate: '1980-02-30' }, 'birthDate', 'invalid'],
      [{ birthDate: '2026-02-29' }, 'birthDate', 'invalid'],
      [{ birthDate: 19800517 }, 'birthDate', 'invalid'],
      [{ givenName: '' }, 'givenName'],
      [{ givenName: '   ' }, 'givenName'],
      [{ givenName: 'x'.repeat(121) }, 'givenName'],
      [{ familyName: 'Nord\nmann' }, 'familyName'],
      [{ familyName: 'Nord\u0000mann' }, 'familyName'],
      [{ familyName: 'Nord\u0085mann' }, 'familyName'],
      [{ givenName: 42 }, 'givenName'],
      [{ nickname: 'Kari' }, ''],
    ];
    for (const [body, path, reason] of refusals) {
      const response = await browser.patch('/api/v1/me', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toBe('validation_failed');
      const issues = response.body.issues as { path: string; message: string }[];
      expect(
        issues.map((issue) => issue.path),
        JSON.stringify(body),
      ).toEqual([path]);
      if (reason) expect(issues[0]!.message, JSON.stringify(body)).toBe(reason);
    }
    expect((await browser.get('/api/v1/me')).body).toMatchObject({
      givenName: null,
      familyName: null,
      birthDate: '1900-01-01',
    });
    // 120 characters is the most a name may have.
    expect((await browser.patch('/api/v1/me', { givenName: 'x'.repeat(120) })).status).toBe(200);

    // Later the same day (in UTC+14 it is 1 December), tomorrow in Oslo has begun somewhere.
    app.clock.set('2026-11-30T10:00:00Z');
    await signInWithCode(browser, app.db, `profil-${n}@example.com`, { profile: false });
    expect((await browser.patch('/api/v1/me', { birthDate: '2026-12-01' })).status).toBe(200);
    const tomorrow = await browser.patch('/api/v1/me', { birthDate: '2026-12-02' });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body).toMatchObject({
      error: 'validation_failed',
      message: 'birthDate: a date of birth cannot be in the future.',
      issues: [{ path: 'birthDate', message: 'future' }],
    });
  });

  it('needs a session', async () => {
    const response = await new Browser(app).patch('/api/v1/me', { givenName: 'Kari' });
    expect(response.status).toBe(401);
  });
});

describe('booking without a complete profile', () => {
  it('answers 409 profile_incomplete and writes nothing; once the profile is complete, it books', async () => {
    const clinic = await buildClinic(app.db);
    const doctor = await buildStaff(app.db, clinic.id, { name: 'Dr. Profil' });
    const type = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!], {
      duration: 15,
    });
    const { browser, email } = await newPatient();
    const body = {
      practitionerId: doctor.practitionerId,
      appointmentTypeId: type.id,
      start: '2026-12-01T09:15:00+01:00',
      comment: 'Hoste',
    };
    const patientRows = async () => ({
      appointments: await count(
        'appointments a JOIN users u ON u.id = a.patient_id WHERE u.email = $1',
        [email],
      ),
      notifications: await count(
        'notifications n JOIN appointments a ON a.id = n.appointment_id JOIN users u ON u.id = a.patient_id WHERE u.email = $1',
        [email],
      ),
      audit: await count("audit_log WHERE action = 'appointment.create'"),
    });
    const before = await patientRows();

    // Only a given name, then a name without a date of birth: still refused.
    for (const change of [{ givenName: 'Kari' }, { familyName: 'Nordmann' }]) {
      expect((await browser.patch('/api/v1/me', change)).status).toBe(200);
      const refused = await browser.post('/api/v1/appointments', body);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe('profile_incomplete');
    }
    const after = await patientRows();
    expect(after).toEqual({ ...before, appointments: 0, notifications: 0 });

    // A name of only spaces (the database allows one, e.g. from an identity provider) is no name.
    expect((await browser.patch('/api/v1/me', { birthDate: '1980-05-17' })).status).toBe(200);
    await app.db.query("UPDATE users SET given_name = '   ' WHERE email = $1", [email]);
    const blank = await browser.post('/api/v1/appointments', body);
    expect(blank.status).toBe(409);
    expect(blank.body.error).toBe('profile_incomplete');
    expect((await patientRows()).appointments).toBe(0);

    expect((await browser.patch('/api/v1/me', { givenName: 'Kari' })).status).toBe(200);
    const booked = await browser.post('/api/v1/appointments', body);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect((await patientRows()).appointments).toBe(1);

    // The practitioner sees who it is: name and date of birth, in the workspace, the calendar
    // and the details.
    const staff = await signInAs(app, doctor.userId);
    const patient = { name: 'Kari Nordmann', birthDate: '1980-05-17', email };
    const day = await staff.get('/api/v1/staff/appointments?date=2026-12-01');
    expect(day.status).toBe(200);
    expect(day.body[0]).toMatchObject({ id: booked.body.id, patient });
    const week = await staff.get('/api/v1/staff/calendar?from=2026-11-30&to=2026-12-06');
    expect(week.body[0]).toMatchObject({ id: booked.body.id, patient });
    const detail = await staff.get(`/api/v1/staff/appointments/${booked.body.id}`);
    expect(detail.body).toMatchObject({ patient });
  });
});
