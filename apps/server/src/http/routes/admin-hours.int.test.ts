import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildPractitioner,
  buildStaff,
  buildUser,
  signInAs,
} from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

const weekdays = (start: string, end: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));

async function clinicWithAdmin() {
  const clinic = await buildClinic(app.db);
  const admin = await buildStaff(app.db, clinic.id, { roles: ['admin'] });
  return { clinic, admin, browser: await signInAs(app, admin.userId) };
}

/**
 * A practitioner (weekdays 08–16) with booked appointments on Tuesday 09:00 and Wednesday
 * 14:00, one in the past (Monday 08:00), one cancelled (Wednesday 15:00); a colleague with one
 * on Wednesday 14:00.
 */
async function booked() {
  const { clinic, browser } = await clinicWithAdmin();
  const practitioner = await buildPractitioner(app.db, clinic.id, { name: 'Dr. Timeplan' });
  const colleague = await buildPractitioner(app.db, clinic.id);
  const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id, colleague.id], {
    name: 'Konsultasjon',
  });
  const patient = await buildUser(app.db, { name: 'Per Pasient' });
  const at = (practitionerId: string, start: string, status?: 'cancelled') =>
    buildAppointment(app.db, {
      clinicId: clinic.id,
      practitionerId,
      patientId: patient.id,
      typeId: type.id,
      start,
      ...(status ? { status } : {}),
    });
  const past = await at(practitioner.id, '2026-11-30T07:00:00Z');
  const tuesday = await at(practitioner.id, '2026-12-01T08:00:00Z');
  const wednesday = await at(practitioner.id, '2026-12-02T13:00:00Z');
  const cancelled = await at(practitioner.id, '2026-12-02T14:00:00Z', 'cancelled');
  const colleagues = await at(colleague.id, '2026-12-02T13:00:00Z');
  return {
    clinic,
    browser,
    practitioner,
    type,
    hoursUrl: `/api/v1/admin/clinics/${clinic.id}/practitioners/${practitioner.id}/hours`,
    ids: { past, tuesday, wednesday, cancelled, colleagues },
  };
}

async function storedHours(practitionerId: string) {
  const { rows } = await app.db.query(
    `SELECT weekday, start_time::text AS start, end_time::text AS end FROM weekly_hours
      WHERE practitioner_id = $1 ORDER BY weekday, start_time`,
    [practitionerId],
  );
  return rows;
}

describe("a practitioner's hours", () => {
  it('reads the weekly template and exceptions on the clinic wall clock', async () => {
    const { browser, practitioner, hoursUrl } = await booked();
    const hours = await browser.get(hoursUrl);
    expect(hours.status).toBe(200);
    expect(hours.body).toEqual({
      practitioner: { id: practitioner.id, name: 'Dr. Timeplan', active: true },
      timeZone: 'Europe/Oslo',
      weekly: weekdays('08:00', '16:00').map((b) => ({ ...b, validFrom: null, validUntil: null })),
      exceptions: [],
      worksHolidays: false,
    });
  });

  it('refuses a change that leaves booked appointments outside the hours, lists exactly those, and saves on confirm', async () => {
    const { browser, practitioner, hoursUrl, ids } = await booked();
    const before = await storedHours(practitioner.id);
    const mornings = { weekly: weekdays('08:00', '12:00'), exceptions: [] };

    const refused = await browser.request('PUT', hoursUrl, mornings);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: 'hours_conflict',
      message: expect.any(String),
      appointments: [
        {
          id: ids.wednesday.id,
          start: '2026-12-02T14:00:00+01:00',
          end: '2026-12-02T14:15:00+01:00',
          modality: 'video',
          practitioner: { id: practitioner.id, name: 'Dr. Timeplan' },
          patient: { name: 'Per Pasient' },
          appointmentType: { id: expect.any(String), name: 'Konsultasjon' },
          newlyOutside: true,
        },
      ],
    });
    expect(await storedHours(practitioner.id)).toEqual(before);

    const saved = await browser.request('PUT', hoursUrl, { ...mornings, confirm: true });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.weekly).toHaveLength(5);
    expect(saved.body.outside.map((a: any) => a.id)).toEqual([ids.wednesday.id]);
    expect(await storedHours(practitioner.id)).toEqual(
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00:00', end: '12:00:00' })),
    );
    // Still booked: the administrator moves or cancels it.
    const status = await app.db.query('SELECT status FROM appointments WHERE id = $1', [
      ids.wednesday.id,
    ]);
    expect(status.rows[0].status).toBe('booked');
    const audit = await app.db.query(
      `SELECT details->'confirmedOutside' AS confirmed FROM audit_log
        WHERE action = 'settings.hours.change' AND entity_id = $1`,
      [practitioner.id],
    );
    expect(audit.rows).toEqual([{ confirmed: [ids.wednesday.id] }]);

    // A change that puts nobody new outside needs no confirmation; the old one is still listed.
    const saturday = await browser.request('PUT', hoursUrl, {
      weekly: [...mornings.weekly, { weekday: 6, start: '10:00', end: '12:00' }],
      exceptions: [],
    });
    expect(saturday.status).toBe(200);
    expect(saturday.body.outside).toEqual([
      expect.objectContaining({ id: ids.wednesday.id, newlyOutside: false }),
    ]);

    // A day of absence puts Tuesday's outside too: both are listed, Tuesday's as new.
    const absent = await browser.request('PUT', hoursUrl, {
      weekly: mornings.weekly,
      exceptions: [{ date: '2026-12-01', kind: 'absence', note: 'Kurs' }],
    });
    expect(absent.status).toBe(409);
    expect(absent.body.appointments.map((a: any) => [a.id, a.newlyOutside])).toEqual([
      [ids.tuesday.id, true],
      [ids.wednesday.id, false],
    ]);

    // Extra hours on Wednesday afternoon bring Wednesday's back inside.
    const extra = await browser.request('PUT', hoursUrl, {
      weekly: mornings.weekly,
      exceptions: [{ date: '2026-12-02', kind: 'extra', start: '13:00', end: '15:00' }],
    });
    expect(extra.status).toBe(200);
    expect(extra.body.outside).toEqual([]);
    expect(extra.body.exceptions).toEqual([
      { date: '2026-12-02', kind: 'extra', start: '13:00', end: '15:00', note: null },
    ]);
  });

  it('refuses malformed hours', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const free = await buildPractitioner(app.db, clinic.id);
    const url = `/api/v1/admin/clinics/${clinic.id}/practitioners/${free.id}/hours`;
    const bad = [
      { weekly: [{ weekday: 1, start: '10:00', end: '09:00' }], exceptions: [] },
      { weekly: [{ weekday: 1, start: '10:00', end: '10:00' }], exceptions: [] },
      {
        weekly: [
          { weekday: 1, start: '08:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '13:00' },
        ],
        exceptions: [],
      },
      { weekly: [{ weekday: 8, start: '08:00', end: '12:00' }], exceptions: [] },
      { weekly: [{ weekday: 1, start: '08:00', end: '24:30' }], exceptions: [] },
      { weekly: [{ weekday: 1, start: '24:00', end: '24:00' }], exceptions: [] },
      { weekly: [{ weekday: 1, start: '8:00', end: '12:00' }], exceptions: [] },
      {
        weekly: [
          {
            weekday: 1,
            start: '08:00',
            end: '12:00',
            validFrom: '2027-01-02',
            validUntil: '2027-01-01',
          },
        ],
        exceptions: [],
      },
      { weekly: [], exceptions: [{ date: '2026-02-29', kind: 'absence' }] },
      { weekly: [], exceptions: [{ date: '2026-12-01', kind: 'extra' }] },
      { weekly: [], exceptions: [{ date: '2026-12-01', kind: 'absence', start: '10:00' }] },
      { weekly: [], exceptions: [{ date: '2026-12-01', kind: 'sick' }] },
      { weekly: [] },
      { weekly: [], exceptions: [], extra: 1 },
    ];
    for (const body of bad) {
      const answer = await browser.request('PUT', url, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toBe('validation_failed');
    }
    expect(await storedHours(free.id)).toHaveLength(5);

    // Blocks of one weekday may overlap where their validity periods do not meet; 24:00 ends a day.
    const ok = await browser.request('PUT', url, {
      weekly: [
        { weekday: 1, start: '08:00', end: '12:00', validUntil: '2026-12-31' },
        { weekday: 1, start: '10:00', end: '24:00', validFrom: '2027-01-01' },
      ],
      exceptions: [{ date: '2026-12-24', kind: 'absence', start: '12:00', end: '24:00' }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.weekly[1]).toEqual({
      weekday: 1,
      start: '10:00',
      end: '24:00',
      validFrom: '2027-01-01',
      validUntil: null,
    });

    // Another clinic's practitioner is not found.
    const elsewhere = await buildPractitioner(app.db, (await buildClinic(app.db)).id);
    const foreign = await browser.get(
      `/api/v1/admin/clinics/${clinic.id}/practitioners/${elsewhere.id}/hours`,
    );
    expect(foreign.body).toEqual({ error: 'not_found', message: 'Not found.' });
  });
});

describe('closures', () => {
  it('are checked against booked appointments like hours, and listed with what lies outside', async () => {
    const { clinic, browser, ids } = await booked();
    const url = `/api/v1/admin/clinics/${clinic.id}/closures`;
    const closures = [{ from: '2026-12-01', to: '2026-12-01', reason: 'Julebord' }];
    const refused = await browser.request('PUT', url, { closures });
    expect(refused.status).toBe(409);
    expect(refused.body.appointments.map((a: any) => a.id)).toEqual([ids.tuesday.id]);
    expect((await browser.get(url)).body).toEqual({
      timeZone: 'Europe/Oslo',
      closures: [],
      openHolidays: [],
    });

    const saved = await browser.request('PUT', url, { closures, confirm: true });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      timeZone: 'Europe/Oslo',
      closures,
      openHolidays: [],
      outside: [expect.objectContaining({ id: ids.tuesday.id, newlyOutside: true })],
    });
    const outside = await browser.get(
      `/api/v1/admin/clinics/${clinic.id}/appointments-outside-hours`,
    );
    expect(outside.body.map((a: any) => a.id)).toEqual([ids.tuesday.id]);
    // Showing patients' names is a read of their appointments.
    const reads = await app.db.query(
      `SELECT details->>'via' AS via FROM audit_log
        WHERE action = 'appointment.read' AND entity_ids @> ARRAY[$1::uuid] ORDER BY id`,
      [ids.tuesday.id],
    );
    expect(reads.rows.map((r) => r.via)).toEqual(['hours-check', 'hours-check', 'outside-hours']);

    for (const body of [
      { closures: [{ from: '2026-12-02', to: '2026-12-01' }] },
      { closures: [{ from: '2026-13-01', to: '2026-13-01' }] },
      [{ from: '2026-12-01', to: '2026-12-01' }],
    ]) {
      expect((await browser.request('PUT', url, body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('the preview of a week', () => {
  async function previewClinic() {
    const { clinic, browser } = await clinicWithAdmin();
    const practitioner = await buildPractitioner(app.db, clinic.id, {
      hours: [[[1, 2, 3, 4, 5], '08:00', '10:00']],
    });
    const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id], { duration: 30 });
    const patient = await buildUser(app.db);
    await buildAppointment(app.db, {
      clinicId: clinic.id,
      practitionerId: practitioner.id,
      patientId: patient.id,
      typeId: type.id,
      start: '2026-12-01T07:30:00Z',
      minutes: 30,
    });
    const base = `/api/v1/admin/clinics/${clinic.id}/practitioners/${practitioner.id}/preview`;
    return { clinic, browser, practitioner, type, base };
  }

  const starts = (body: any) => body.slots.map((s: any) => s.start);

  it('shows the open hours and the free slots patients could book', async () => {
    const { browser, type, base } = await previewClinic();
    const week = await browser.get(`${base}?appointmentTypeId=${type.id}&week=2026-12-02`);
    expect(week.status, JSON.stringify(week.body)).toBe(200);
    expect(week.body).toMatchObject({
      timeZone: 'Europe/Oslo',
      from: '2026-11-30',
      to: '2026-12-06',
      bookable: true,
    });
    expect(week.body.open).toHaveLength(5);
    expect(week.body.open[0]).toEqual({
      start: '2026-11-30T08:00:00+01:00',
      end: '2026-11-30T10:00:00+01:00',
    });
    // Monday's times have passed (it is 10:00); Tuesday 08:30 is booked.
    expect(starts(week.body).slice(0, 4)).toEqual([
      '2026-12-01T08:00:00+01:00',
      '2026-12-01T09:00:00+01:00',
      '2026-12-01T09:30:00+01:00',
      '2026-12-02T08:00:00+01:00',
    ]);
    expect(week.body.slots).toHaveLength(3 + 3 * 4);
  });

  it('shows proposed hours and closures before they are saved', async () => {
    const { browser, practitioner, type, base } = await previewClinic();
    const proposed = await browser.post(base, {
      appointmentTypeId: type.id,
      week: '2026-12-06',
      hours: { weekly: [{ weekday: 6, start: '10:00', end: '11:00' }], exceptions: [] },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect(starts(proposed.body)).toEqual([
      '2026-12-05T10:00:00+01:00',
      '2026-12-05T10:30:00+01:00',
    ]);
    expect(await storedHours(practitioner.id)).toHaveLength(5);

    const closed = await browser.post(base, {
      appointmentTypeId: type.id,
      week: '2026-11-30',
      closures: [{ from: '2026-12-02', to: '2026-12-04' }],
    });
    expect(starts(closed.body)).toHaveLength(3);
    expect(
      (
        await browser.post(base, {
          appointmentTypeId: type.id,
          week: '2026-11-30',
          hours: { weekly: [{ weekday: 6, start: '11:00', end: '10:00' }], exceptions: [] },
        })
      ).status,
    ).toBe(400);
  });

  it('follows the wall clock across the spring-forward night', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    // The spring-forward date 2027-03-28 is Easter Sunday: an on-call practitioner.
    const practitioner = await buildPractitioner(app.db, clinic.id, {
      hours: [[[7], '00:00', '24:00']],
      worksHolidays: true,
    });
    const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id], { duration: 60 });
    const week = await browser.get(
      `/api/v1/admin/clinics/${clinic.id}/practitioners/${practitioner.id}/preview?appointmentTypeId=${type.id}&week=2027-03-28`,
    );
    expect(week.body.open).toEqual([
      { start: '2027-03-28T00:00:00+01:00', end: '2027-03-29T00:00:00+02:00' },
    ]);
    expect(week.body.slots).toHaveLength(23);
  });

  it('is 404 for another clinic’s type and 400 for a bad week', async () => {
    const { browser, base } = await previewClinic();
    const other = await buildClinic(app.db);
    const foreignType = await buildAppointmentType(app.db, other.id, []);
    expect(
      (await browser.get(`${base}?appointmentTypeId=${foreignType.id}&week=2026-12-02`)).status,
    ).toBe(404);
    expect(
      (await browser.get(`${base}?appointmentTypeId=${foreignType.id}&week=2026-02-30`)).status,
    ).toBe(400);
  });
});
