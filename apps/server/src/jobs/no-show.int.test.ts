import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instant } from '@visitt/domain';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildPractitioner,
  buildUser,
} from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import type { Audience, SignalBus } from '../signaling/bus';
import { markNoShows } from './no-show';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/**
 * Keeps what is published, with the appointment's status as another connection sees it then:
 * an announcement made before the mark commits would send the workspaces to read the old one.
 * (appointments-changed.int.test.ts follows the announcement through the real bus to a socket.)
 */
function recordingBus() {
  const published: { to: Audience; message: unknown; status: string }[] = [];
  const bus: SignalBus = {
    publish: async (to, message) => {
      const id = 'appointmentId' in message ? message.appointmentId : null;
      const { rows } = await app.db.query<{ status: string }>(
        'SELECT status FROM appointments WHERE id = $1',
        [id],
      );
      published.push({ to, message, status: rows[0]?.status ?? 'gone' });
    },
    onMessage: () => undefined,
    onSessionsEnded: () => undefined,
    close: async () => undefined,
  };
  return { bus, published };
}

// 12:00 UTC on Monday 30 November 2026.
const NOW = Date.parse('2026-11-30T12:00:00Z') as Instant;

describe('the no-show job', () => {
  it('marks video appointments nobody joined once their window has closed, as the system', async () => {
    const clinic = await buildClinic(app.db);
    const practitioner = await buildPractitioner(app.db, clinic.id);
    const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id]);
    const patient = await buildUser(app.db);
    const at = (
      start: string,
      options: { modality?: 'video' | 'in_person'; status?: 'cancelled' | 'completed' } = {},
    ) =>
      buildAppointment(app.db, {
        clinicId: clinic.id,
        practitionerId: practitioner.id,
        patientId: patient.id,
        typeId: type.id,
        start,
        ...options,
      });
    const room = (id: string, practitionerJoined: boolean) =>
      app.db.query(
        `INSERT INTO video_rooms (appointment_id, started_at, updated_at, practitioner_joined_at)
         VALUES ($1, now(), now(), CASE WHEN $2 THEN now() END)`,
        [id, practitionerJoined],
      );

    const nobody = await at('2026-11-30T09:00:00Z');
    const windowStillOpen = await at('2026-11-30T10:00:00Z'); // closes at 12:00 exactly
    const patientWaitedAlone = await at('2026-11-30T08:00:00Z');
    await room(patientWaitedAlone.id, false);
    const held = await at('2026-11-30T07:00:00Z');
    await room(held.id, true);
    const inPerson = await at('2026-11-30T06:00:00Z', { modality: 'in_person' });
    const cancelled = await at('2026-11-30T05:00:00Z', { status: 'cancelled' });
    const completed = await at('2026-11-30T04:00:00Z', { status: 'completed' });

    const { bus, published } = recordingBus();
    expect(await markNoShows(app.db, bus, NOW)).toBe(1);
    // Told to the practitioner's workspaces, after the mark committed.
    expect(published).toEqual([
      {
        to: { practitioner: practitioner.id },
        message: {
          type: 'appointments_changed',
          practitionerId: practitioner.id,
          appointmentId: nobody.id,
        },
        status: 'no_show',
      },
    ]);
    const { rows } = await app.db.query<{ id: string; status: string }>(
      'SELECT id, status FROM appointments WHERE clinic_id = $1',
      [clinic.id],
    );
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(status).toEqual({
      [nobody.id]: 'no_show',
      [windowStillOpen.id]: 'booked',
      [patientWaitedAlone.id]: 'booked',
      [held.id]: 'booked',
      [inPerson.id]: 'booked',
      [cancelled.id]: 'cancelled',
      [completed.id]: 'completed',
    });
    const marked = await app.db.query(
      'SELECT status_changed_by, status_changed_at FROM appointments WHERE id = $1',
      [nobody.id],
    );
    expect(marked.rows[0]).toEqual({
      status_changed_by: null,
      status_changed_at: new Date(NOW),
    });
    // Running again changes nothing, and audits and announces nothing twice.
    expect(await markNoShows(app.db, bus, NOW)).toBe(0);
    expect(published).toHaveLength(1);
    const audit = await app.db.query(
      `SELECT actor_user_id, actor_role, action, clinic_id, details FROM audit_log WHERE entity_id = $1`,
      [nobody.id],
    );
    expect(audit.rows).toEqual([
      {
        actor_user_id: null,
        actor_role: 'system',
        action: 'appointment.status',
        clinic_id: clinic.id,
        details: { from: 'booked', to: 'no_show', via: 'no-show job' },
      },
    ]);
    // A millisecond after the window closed, the next one goes too.
    expect(await markNoShows(app.db, bus, (NOW + 1) as Instant)).toBe(1);
    expect(published.map((p) => p.message)).toEqual([
      expect.objectContaining({ appointmentId: nobody.id }),
      expect.objectContaining({ appointmentId: windowStillOpen.id }),
    ]);
  });

  it('works through more appointments than one batch', async () => {
    const clinic = await buildClinic(app.db);
    const patient = await buildUser(app.db);
    const practitioners = await Promise.all(
      Array.from({ length: 3 }, () => buildPractitioner(app.db, clinic.id)),
    );
    const type = await buildAppointmentType(
      app.db,
      clinic.id,
      practitioners.map((p) => p.id),
    );
    await app.db.query(
      `INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at,
                                 ends_at, cancellation_deadline_minutes)
       SELECT $1, (ARRAY[$2, $3, $4]::uuid[])[1 + i % 3], $5, $6, 'video',
              timestamptz '2026-11-20T00:00:00Z' + (i / 3) * interval '15 minutes',
              timestamptz '2026-11-20T00:15:00Z' + (i / 3) * interval '15 minutes', 0
         FROM generate_series(0, 1199) AS i`,
      [clinic.id, ...practitioners.map((p) => p.id), patient.id, type.id],
    );
    const { bus, published } = recordingBus();
    expect(await markNoShows(app.db, bus, NOW)).toBe(1200);
    // Each announced once, to its own practitioner.
    const ids = await app.db.query<{ id: string; practitioner_id: string }>(
      'SELECT id, practitioner_id FROM appointments WHERE clinic_id = $1',
      [clinic.id],
    );
    const byId = new Map(ids.rows.map((r) => [r.id, r.practitioner_id]));
    expect(
      new Set(published.map((p) => (p.message as { appointmentId: string }).appointmentId)),
    ).toEqual(new Set(byId.keys()));
    expect(published).toHaveLength(1200);
    for (const p of published) {
      const message = p.message as { practitionerId: string; appointmentId: string };
      expect(message.practitionerId).toBe(byId.get(message.appointmentId));
      expect(p.to).toEqual({ practitioner: message.practitionerId });
    }
  });
});
