import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed-demo';
import {
  buildAppointmentType,
  buildClinic,
  buildPractitioner,
  buildStaff,
  signInAs,
} from '../../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../../test/harness';

let app: TestApp;
// Monday 1 March 2027, 09:00 in Oslo: Easter (28 March) and 17 May (also Whit Monday) ahead.
const NOW = '2027-03-01T08:00:00Z';
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

const EASTER_MONDAY = '2027-03-29';
const MAY_17 = '2027-05-17';
const ORDINARY_TUESDAY = '2027-05-18';
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '16:00' }));

/**
 * A clinic in Oslo with an administrator, two practitioners on weekdays 08:00–16:00 (one who
 * will be made to work holidays), and a 15-minute video type both offer.
 */
async function holidayClinic() {
  const clinic = await buildClinic(app.db);
  const admin = await buildStaff(app.db, clinic.id, { roles: ['admin'] });
  const regular = await buildPractitioner(app.db, clinic.id, { name: 'Dr. Vanlig' });
  const onCall = await buildPractitioner(app.db, clinic.id, { name: 'Dr. Helg' });
  const type = await buildAppointmentType(app.db, clinic.id, [regular.id, onCall.id]);
  const browser = await signInAs(app, admin.userId);
  const slotsOn = async (practitionerId: string, date: string) => {
    // 08:00–16:00 in Oslo lies inside 00:00Z–20:00Z of the date in winter and summer alike.
    const from = encodeURIComponent(`${date}T00:00:00Z`);
    const to = encodeURIComponent(`${date}T20:00:00Z`);
    const response = await new Browser(app).get(
      `/api/v1/clinics/${clinic.id}/slots?practitionerId=${practitionerId}&appointmentTypeId=${type.id}&from=${from}&to=${to}`,
    );
    expect(response.status).toBe(200);
    return (response.body as { start: string }[]).map((s) => s.start);
  };
  return {
    clinic,
    browser,
    regular,
    onCall,
    type,
    slotsOn,
    closuresUrl: `/api/v1/admin/clinics/${clinic.id}/closures`,
    hoursUrl: (id: string) => `/api/v1/admin/clinics/${clinic.id}/practitioners/${id}/hours`,
  };
}

const worksHolidays = async (practitionerId: string) =>
  (
    await app.db.query<{ works_holidays: boolean }>(
      'SELECT works_holidays FROM practitioners WHERE id = $1',
      [practitionerId],
    )
  ).rows[0]!.works_holidays;
const openHolidays = async (clinicId: string) =>
  (
    await app.db.query<{ date: string }>(
      'SELECT date FROM clinic_open_holidays WHERE clinic_id = $1 ORDER BY date',
      [clinicId],
    )
  ).rows.map((r) => r.date);

describe('public holidays', () => {
  it('close ordinary hours; a clinic-opened holiday or a holiday worker has slots', async () => {
    const c = await holidayClinic();
    for (const day of ['2027-03-25', '2027-03-26', EASTER_MONDAY, '2027-05-06', MAY_17])
      expect(await c.slotsOn(c.regular.id, day), day).toEqual([]);
    const tuesday = await c.slotsOn(c.regular.id, ORDINARY_TUESDAY);
    expect(tuesday).toHaveLength(32);
    expect(tuesday[0]).toBe('2027-05-18T08:00:00+02:00');

    // The practitioner works holidays: the same hours on holidays too.
    const hours = await c.browser.get(c.hoursUrl(c.onCall.id));
    expect(hours.body.worksHolidays).toBe(false);
    const saved = await c.browser.request('PUT', c.hoursUrl(c.onCall.id), {
      weekly: weekdays,
      exceptions: [],
      worksHolidays: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.worksHolidays).toBe(true);
    expect(await worksHolidays(c.onCall.id)).toBe(true);
    for (const day of [EASTER_MONDAY, MAY_17]) {
      const slots = await c.slotsOn(c.onCall.id, day);
      expect(slots, day).toHaveLength(32);
      expect(slots[0]).toBe(`${day}T08:00:00+02:00`);
    }
    // Leaving the field out keeps the saved choice.
    await c.browser.request('PUT', c.hoursUrl(c.onCall.id), { weekly: weekdays, exceptions: [] });
    expect(await worksHolidays(c.onCall.id)).toBe(true);
    expect(await worksHolidays(c.regular.id)).toBe(false);

    // The clinic opens 17 May: ordinary hours apply that day, Easter Monday stays closed.
    const opened = await c.browser.request('PUT', c.closuresUrl, {
      closures: [],
      openHolidays: [MAY_17],
    });
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({
      timeZone: 'Europe/Oslo',
      closures: [],
      openHolidays: [MAY_17],
      outside: [],
    });
    expect(await openHolidays(c.clinic.id)).toEqual([MAY_17]);
    expect((await c.browser.get(c.closuresUrl)).body.openHolidays).toEqual([MAY_17]);
    expect(await c.slotsOn(c.regular.id, MAY_17)).toHaveLength(32);
    expect(await c.slotsOn(c.regular.id, EASTER_MONDAY)).toEqual([]);
    // Saving closures without the field keeps the opened holidays.
    await c.browser.request('PUT', c.closuresUrl, { closures: [] });
    expect(await openHolidays(c.clinic.id)).toEqual([MAY_17]);
  });

  it('honour dated extra hours on a holiday, and a closure still closes a holiday worker', async () => {
    const c = await holidayClinic();
    await c.browser.request('PUT', c.hoursUrl(c.regular.id), {
      weekly: weekdays,
      exceptions: [{ date: EASTER_MONDAY, kind: 'extra', start: '10:00', end: '11:00' }],
    });
    expect(await c.slotsOn(c.regular.id, EASTER_MONDAY)).toEqual([
      '2027-03-29T10:00:00+02:00',
      '2027-03-29T10:15:00+02:00',
      '2027-03-29T10:30:00+02:00',
      '2027-03-29T10:45:00+02:00',
    ]);

    await c.browser.request('PUT', c.hoursUrl(c.onCall.id), {
      weekly: weekdays,
      exceptions: [],
      worksHolidays: true,
    });
    await c.browser.request('PUT', c.closuresUrl, {
      closures: [{ from: MAY_17, to: MAY_17, reason: 'Nasjonaldag' }],
      confirm: true,
    });
    expect(await c.slotsOn(c.onCall.id, MAY_17)).toEqual([]);
    expect(await c.slotsOn(c.onCall.id, EASTER_MONDAY)).toHaveLength(32);
  });

  it('booking follows: refused on a closed holiday; closing an opened one is a checked change', async () => {
    const c = await holidayClinic();
    const patient = new Browser(app);
    await signInWithCode(patient, app.db, `helligdag-${Date.now()}@example.com`);
    const book = (start: string) =>
      patient.post('/api/v1/appointments', {
        practitionerId: c.regular.id,
        appointmentTypeId: c.type.id,
        start,
      });
    const refused = await book('2027-03-29T09:00:00+02:00');
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('slot_unavailable');

    await c.browser.request('PUT', c.closuresUrl, { closures: [], openHolidays: [MAY_17] });
    const booked = await book('2027-05-17T09:00:00+02:00');
    expect(booked.status).toBe(201);

    // Closing 17 May again would leave the appointment outside the hours.
    const conflict = await c.browser.request('PUT', c.closuresUrl, {
      closures: [],
      openHolidays: [],
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toBe('hours_conflict');
    expect(conflict.body.appointments.map((a: { id: string }) => a.id)).toEqual([booked.body.id]);
    expect(await openHolidays(c.clinic.id)).toEqual([MAY_17]);

    const confirmed = await c.browser.request('PUT', c.closuresUrl, {
      closures: [],
      openHolidays: [],
      confirm: true,
    });
    expect(confirmed.status).toBe(200);
    expect(await openHolidays(c.clinic.id)).toEqual([]);
    const outside = await c.browser.get(
      `/api/v1/admin/clinics/${c.clinic.id}/appointments-outside-hours`,
    );
    expect(outside.body.map((a: { id: string }) => a.id)).toEqual([booked.body.id]);

    // Making the practitioner a holiday worker puts it back inside the hours.
    await c.browser.request('PUT', c.hoursUrl(c.regular.id), {
      weekly: weekdays,
      exceptions: [],
      worksHolidays: true,
    });
    expect(
      (await c.browser.get(`/api/v1/admin/clinics/${c.clinic.id}/appointments-outside-hours`)).body,
    ).toEqual([]);
  });

  it('the preview shows a holiday closed, and a proposed opening before it is saved', async () => {
    const c = await holidayClinic();
    const url = `/api/v1/admin/clinics/${c.clinic.id}/practitioners/${c.regular.id}/preview`;
    const saved = await c.browser.get(
      `${url}?appointmentTypeId=${c.type.id}&week=${EASTER_MONDAY}`,
    );
    expect(saved.status).toBe(200);
    const days = (open: { start: string }[]) => open.map((i) => i.start.slice(0, 10));
    expect(days(saved.body.open)).toEqual(['2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02']);
    const proposed = await c.browser.request('POST', url, {
      appointmentTypeId: c.type.id,
      week: EASTER_MONDAY,
      openHolidays: [EASTER_MONDAY],
    });
    expect(days(proposed.body.open)[0]).toBe(EASTER_MONDAY);
    const worker = await c.browser.request('POST', url, {
      appointmentTypeId: c.type.id,
      week: EASTER_MONDAY,
      hours: { weekly: weekdays, exceptions: [], worksHolidays: true },
    });
    expect(days(worker.body.open)).toHaveLength(5);
    expect(await openHolidays(c.clinic.id)).toEqual([]);
  });

  it('refuses an opened date that is no public holiday, a repeated one, and a non-boolean', async () => {
    const c = await holidayClinic();
    for (const openHolidays of [[ORDINARY_TUESDAY], [MAY_17, MAY_17], ['2027-02-30'], MAY_17]) {
      const response = await c.browser.request('PUT', c.closuresUrl, {
        closures: [],
        openHolidays,
      });
      expect(response.status, JSON.stringify(openHolidays)).toBe(400);
    }
    const badFlag = await c.browser.request('PUT', c.hoursUrl(c.regular.id), {
      weekly: weekdays,
      exceptions: [],
      worksHolidays: 'yes',
    });
    expect(badFlag.status).toBe(400);
    expect(await openHolidays(c.clinic.id)).toEqual([]);
    expect(await worksHolidays(c.regular.id)).toBe(false);
  });
});

describe('the demo', () => {
  it('keeps its around-the-clock practitioners bookable on holidays', async () => {
    const demo = await startTestApp({ now: NOW });
    try {
      expect(await seedDemo(demo.db, demo.clock.now())).toBe(true);
      const { rows } = await demo.db.query<{ name: string; works_holidays: boolean }>(
        'SELECT name, works_holidays FROM practitioners ORDER BY name',
      );
      expect(rows.filter((r) => r.works_holidays).map((r) => r.name)).toEqual([
        'Dr. Nils Vakt',
        'Dr. Sara Døgn',
      ]);
      const { rows: offers } = await demo.db.query<{ clinic_id: string; p: string; t: string }>(
        `SELECT p.clinic_id, p.id AS p, t.id AS t FROM practitioners p
           JOIN appointment_type_practitioners tp ON tp.practitioner_id = p.id
           JOIN appointment_types t ON t.id = tp.appointment_type_id
          WHERE p.name = 'Dr. Nils Vakt'`,
      );
      const { clinic_id: clinicId, p, t } = offers[0]!;
      const from = encodeURIComponent('2027-05-17T00:00:00+02:00');
      const to = encodeURIComponent('2027-05-18T00:00:00+02:00');
      const slots = await new Browser(demo).get(
        `/api/v1/clinics/${clinicId}/slots?practitionerId=${p}&appointmentTypeId=${t}&from=${from}&to=${to}`,
      );
      expect(slots.status).toBe(200);
      expect(slots.body).toHaveLength(24 * 4);
    } finally {
      await demo.close();
    }
  });
});
