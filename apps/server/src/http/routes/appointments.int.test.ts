import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBookableClinic } from '../../../test/factories';
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

const emails = new WeakMap<Browser, string>();
async function patient(): Promise<Browser> {
  const browser = new Browser(app);
  const email = `booker-${++n}@example.com`;
  emails.set(browser, email);
  await signInWithCode(browser, app.db, email);
  return browser;
}

/** Moves the clock (past the session's idle timeout) and signs the same patient in again. */
async function later(browser: Browser, iso: string): Promise<void> {
  app.clock.set(iso);
  await signInWithCode(browser, app.db, emails.get(browser)!);
}

const count = async (sql: string, params: unknown[] = []) =>
  Number(
    (await app.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0]!.n,
  );

describe('booking', () => {
  it('books a free slot: 201, the row, and an audit entry', async () => {
    const { clinic, practitioner, type } = await buildBookableClinic(app.db, { duration: 15 });
    const browser = await patient();
    const response = await browser.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-01T09:15:00+01:00',
      comment: '  Vondt i halsen  ',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'booked',
      start: '2026-12-01T09:15:00+01:00',
      end: '2026-12-01T09:30:00+01:00',
      timeZone: 'Europe/Oslo',
      modality: 'video',
      comment: 'Vondt i halsen',
      clinic: { id: clinic.id },
      practitioner: { id: practitioner.id },
      canCancel: true,
      cancellableUntil: '2026-11-30T09:15:00+01:00',
      video: { opensAt: '2026-12-01T09:00:00+01:00', closesAt: '2026-12-01T11:15:00+01:00' },
    });
    const row = await app.db.query(
      'SELECT starts_at, ends_at, status, comment FROM appointments WHERE id = $1',
      [response.body.id],
    );
    expect(row.rows[0]).toMatchObject({ status: 'booked', comment: 'Vondt i halsen' });
    expect((row.rows[0] as { starts_at: Date }).starts_at.toISOString()).toBe(
      '2026-12-01T08:15:00.000Z',
    );
    expect(
      await count("audit_log WHERE action = 'appointment.create' AND entity_id = $1", [
        response.body.id,
      ]),
    ).toBe(1);
  });

  it('answers 409 slot_taken when the time overlaps another appointment, and writes nothing', async () => {
    const { practitioner, type } = await buildBookableClinic(app.db, { duration: 30 });
    const first = await patient();
    const second = await patient();
    const body = {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-02T10:00:00+01:00',
    };
    expect((await first.post('/api/v1/appointments', body)).status).toBe(201);
    const before = await count('appointments');
    const audits = await count('audit_log');
    const taken = await second.post('/api/v1/appointments', body);
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({ error: 'slot_taken', message: expect.any(String) });
    expect(await count('appointments')).toBe(before);
    expect(await count('audit_log')).toBe(audits);
  });

  it('lets exactly one of many simultaneous bookings of one slot through (database constraint)', async () => {
    const { practitioner, type } = await buildBookableClinic(app.db);
    const browsers = await Promise.all(Array.from({ length: 12 }, () => patient()));
    // Sixteen times, each raced by twelve patients at once: one booking and eleven 409s each,
    // never a 500 (racing inserts into the exclusion constraint could deadlock: see
    // practitionerLockSql).
    for (let quarter = 0; quarter < 16; quarter++) {
      const minutes = 8 * 60 + quarter * 15;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const body = {
        practitionerId: practitioner.id,
        appointmentTypeId: type.id,
        start: `2026-12-03T${time}:00+01:00`,
      };
      const statuses = (
        await Promise.all(browsers.map((b) => b.post('/api/v1/appointments', body)))
      ).map((r) => r.status);
      expect([...statuses].sort(), time).toEqual([201, ...Array<number>(11).fill(409)]);
    }
    expect(
      await count("appointments WHERE practitioner_id = $1 AND status = 'booked'", [
        practitioner.id,
      ]),
    ).toBe(16);
  });

  it('refuses times that are not bookable with 422 and the reason', async () => {
    const { practitioner, type } = await buildBookableClinic(app.db, {
      duration: 30,
      notice: 120,
      horizonDays: 14,
    });
    const browser = await patient();
    const book = (start: string) =>
      browser.post('/api/v1/appointments', {
        practitionerId: practitioner.id,
        appointmentTypeId: type.id,
        start,
      });
    const cases: [string, string][] = [
      ['2026-11-30T08:30:00+01:00', 'too_soon'], // 07:00 now + 2 h notice
      ['2026-12-15T10:00:00+01:00', 'beyond_horizon'],
      ['2026-12-01T10:10:00+01:00', 'slot_unavailable'], // off the 30-minute grid
      ['2026-12-05T10:00:00+01:00', 'slot_unavailable'], // Saturday
      ['2026-12-01T16:00:00+01:00', 'slot_unavailable'], // after hours
    ];
    for (const [start, error] of cases) {
      const response = await book(start);
      expect(response.status, start).toBe(422);
      expect(response.body.error, start).toBe(error);
    }
    expect(await count('appointments WHERE practitioner_id = $1', [practitioner.id])).toBe(0);
  });

  it('refuses types the practitioner does not offer online', async () => {
    const offline = await buildBookableClinic(app.db, { bookableOnline: false });
    const other = await buildBookableClinic(app.db);
    const browser = await patient();
    const notOnline = await browser.post('/api/v1/appointments', {
      practitionerId: offline.practitioner.id,
      appointmentTypeId: offline.type.id,
      start: '2026-12-01T10:00:00+01:00',
    });
    expect(notOnline.status).toBe(422);
    expect(notOnline.body.error).toBe('not_bookable');
    const foreign = await browser.post('/api/v1/appointments', {
      practitionerId: other.practitioner.id,
      appointmentTypeId: offline.type.id,
      start: '2026-12-01T10:00:00+01:00',
    });
    expect(foreign.status).toBe(404);
  });

  it('refuses bad input with 400 and signed-out users with 401', async () => {
    const { practitioner, type } = await buildBookableClinic(app.db);
    const browser = await patient();
    const valid = {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-01T10:00:00+01:00',
    };
    for (const body of [
      { ...valid, comment: 'x'.repeat(501) },
      { ...valid, start: '2026-12-01 10:00' },
      { ...valid, start: '2026-12-01T10:00:00' },
      { ...valid, practitionerId: 42 },
      { ...valid, patientId: practitioner.id },
      [],
    ]) {
      const response = await browser.post('/api/v1/appointments', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error).toBe('validation_failed');
    }
    expect(
      (await browser.post('/api/v1/appointments', { ...valid, comment: 'x'.repeat(500) })).status,
    ).toBe(201);
    const anonymous = await new Browser(app).post('/api/v1/appointments', valid);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toBe('unauthorized');
  });
});

describe("the patient's appointments", () => {
  it('lists only the own appointments, and another patient’s answers 404 everywhere', async () => {
    const { practitioner, type } = await buildBookableClinic(app.db);
    const owner = await patient();
    const stranger = await patient();
    const booked = await owner.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-04T11:00:00+01:00',
    });
    const id = booked.body.id as string;
    expect(
      (await owner.get('/api/v1/me/appointments')).body.map((a: { id: string }) => a.id),
    ).toContain(id);
    expect((await stranger.get('/api/v1/me/appointments')).body).toEqual([]);
    for (const response of [
      await stranger.get(`/api/v1/appointments/${id}`),
      await stranger.get(`/api/v1/appointments/${id}/calendar.ics`),
      await stranger.post(`/api/v1/appointments/${id}/cancel`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error).toBe('not_found');
    }
    expect((await new Browser(app).get(`/api/v1/appointments/${id}`)).status).toBe(401);
    expect((await new Browser(app).get('/api/v1/me/appointments')).status).toBe(401);
    expect(await count("appointments WHERE id = $1 AND status = 'booked'", [id])).toBe(1);
    // Reads are audited, with who read.
    const reads = await app.db.query(
      `SELECT actor_user_id FROM audit_log
        WHERE action = 'appointment.read' AND (entity_id = $1 OR entity_ids @> ARRAY[$1::uuid])`,
      [id],
    );
    expect(reads.rowCount).toBeGreaterThanOrEqual(1);
  });

  it('separates upcoming from past and cancelled', async () => {
    const { practitioner, type } = await buildBookableClinic(app.db, { cancelDeadline: 0 });
    const browser = await patient();
    const a = await browser.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-01T08:00:00+01:00',
    });
    const b = await browser.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-02T08:00:00+01:00',
    });
    await browser.post(`/api/v1/appointments/${b.body.id}/cancel`);
    const ids = async (scope: string) =>
      (await browser.get(`/api/v1/me/appointments?scope=${scope}`)).body.map(
        (x: { id: string }) => x.id,
      );
    expect(await ids('upcoming')).toEqual([a.body.id]);
    expect(await ids('past')).toEqual([b.body.id]);
    await later(browser, '2026-12-01T08:00:00Z');
    expect(await ids('upcoming')).toEqual([]);
    expect((await ids('past')).sort()).toEqual([a.body.id, b.body.id].sort());
    expect((await browser.get('/api/v1/me/appointments?scope=soon')).status).toBe(400);
  });
});

describe('cancelling', () => {
  it('cancels before the deadline and frees the time', async () => {
    const { practitioner, type } = await buildBookableClinic(app.db, { cancelDeadline: 24 * 60 });
    const browser = await patient();
    const body = {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-02T09:00:00+01:00',
    };
    const booked = await browser.post('/api/v1/appointments', body);
    await later(browser, '2026-12-01T08:00:00Z'); // exactly 24 h before: still allowed
    const cancelled = await browser.post(`/api/v1/appointments/${booked.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      canCancel: false,
      cancelledAt: '2026-12-01T09:00:00+01:00',
    });
    expect((await browser.post(`/api/v1/appointments/${booked.body.id}/cancel`)).body.error).toBe(
      'already_cancelled',
    );
    expect(
      await count("audit_log WHERE action = 'appointment.cancel' AND entity_id = $1", [
        booked.body.id,
      ]),
    ).toBe(1);
    expect((await (await patient()).post('/api/v1/appointments', body)).status).toBe(201);
  });

  it('refuses after the deadline and changes nothing', async () => {
    const { practitioner, type } = await buildBookableClinic(app.db, { cancelDeadline: 24 * 60 });
    const browser = await patient();
    const booked = await browser.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-02T09:00:00+01:00',
    });
    await later(browser, '2026-12-01T08:00:01Z');
    expect((await browser.get(`/api/v1/appointments/${booked.body.id}`)).body.canCancel).toBe(
      false,
    );
    const late = await browser.post(`/api/v1/appointments/${booked.body.id}/cancel`);
    expect(late.status).toBe(422);
    expect(late.body.error).toBe('past_cancellation_deadline');
    expect(await count("appointments WHERE id = $1 AND status = 'booked'", [booked.body.id])).toBe(
      1,
    );
  });
});

describe('calendar file', () => {
  it('is an iCalendar event in UTC without the comment', async () => {
    const { clinic, practitioner, type } = await buildBookableClinic(app.db);
    const browser = await patient();
    const booked = await browser.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-01T10:00:00+01:00',
      comment: 'Hemmelig helseopplysning',
    });
    const ics = await browser.get(`/api/v1/appointments/${booked.body.id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.headers.get('content-disposition')).toMatch(
      /^attachment; filename="visitt-[0-9a-f]{8}\.ics"$/,
    );
    const text = ics.body as string;
    expect(text).toContain('BEGIN:VCALENDAR\r\n');
    expect(text).toContain(`UID:${booked.body.id}@visitt\r\n`);
    expect(text).toContain('DTSTART:20261201T090000Z\r\n');
    expect(text).toContain('DTEND:20261201T091500Z\r\n');
    expect(text).toContain(`SUMMARY:Videokonsultasjon hos ${clinic.name}`);
    expect(text).not.toContain('Hemmelig');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
