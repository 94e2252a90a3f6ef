import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAppointmentType,
  buildClinic,
  buildMembership,
  buildPractitioner,
  buildUser,
  signInAs,
} from '../../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../../test/harness';
import { signInStaff } from '../../auth/testing/staff';
import { createSession } from '../../db/sessions';
import { sessionCookieName } from '../session';

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

let n = 0;

/** A clinic with a practitioner (password sign-in), an administrator, and a way to book. */
async function clinicWithDoctor() {
  const clinic = await buildClinic(app.db);
  const doctorUser = await buildUser(app.db, {
    email: `identify-doctor-${++n}@example.com`,
    password: 'doctor password',
    name: 'Lege',
  });
  await buildMembership(app.db, clinic.id, doctorUser.id, ['practitioner']);
  const practitioner = await buildPractitioner(app.db, clinic.id, {
    userId: doctorUser.id,
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const video = await buildAppointmentType(app.db, clinic.id, [practitioner.id], {
    modality: 'video',
    cancelDeadline: 0,
  });
  const office = await buildAppointmentType(app.db, clinic.id, [practitioner.id], {
    modality: 'in_person',
    cancelDeadline: 0,
  });
  const doctor = new Browser(app);
  await signInStaff(app, doctor, { email: doctorUser.email, password: 'doctor password' });
  const adminUser = await buildUser(app.db, { email: `identify-admin-${n}@example.com` });
  await buildMembership(app.db, clinic.id, adminUser.id, ['admin']);
  const admin = await signInAs(app, adminUser.id);
  const book = async (patient: Browser, start: string, type = video.id) => {
    const booked = await patient.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type,
      start,
    });
    expect(booked.status).toBe(201);
    return booked.body.id as string;
  };
  return { clinic, doctor, admin, book, office };
}

const identification = (id: string) => `/api/v1/staff/appointments/${id}/identification`;

describe('how the patient was identified', () => {
  it('is asked for a patient signed in by code until recorded once at the clinic; only by the practitioner; audited', async () => {
    const { doctor, admin, book, office } = await clinicWithDoctor();
    const patient = new Browser(app);
    await signInWithCode(patient, app.db, `identify-patient-${++n}@example.com`);
    const first = await book(patient, '2026-11-30T10:00:00+01:00');
    const second = await book(patient, '2026-11-30T11:00:00+01:00');

    expect((await doctor.get(identification(first))).body).toEqual({
      identification: null,
      needed: true,
    });
    // Not for anyone else: an administrator did not meet the patient; the patient is no staff.
    expect((await admin.put(identification(first), { method: 'id_document' })).status).toBe(403);
    expect((await patient.put(identification(first), { method: 'id_document' })).body.error).toBe(
      'staff_sign_in_required',
    );
    const stranger = await clinicWithDoctor();
    expect((await stranger.doctor.get(identification(first))).status).toBe(404);
    // Bad input is a 400 and records nothing.
    for (const body of [{ method: 'passport' }, { method: 'id_document', level: 'high' }, {}])
      expect((await doctor.put(identification(first), body)).status).toBe(400);
    expect((await doctor.get(identification(first))).body.identification).toBeNull();
    // Only for a consultation that took place: not before the patient has started it.
    expect((await doctor.put(identification(first), { method: 'id_document' })).body.error).toBe(
      'not_started',
    );
    expect((await patient.post(`/api/v1/appointments/${first}/video/start`)).status).toBe(200);

    const recorded = await doctor.put(identification(first), { method: 'id_document' });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      identification: {
        method: 'id_document',
        level: null,
        recordedAt: '2026-11-30T10:00:00+01:00',
        recordedBy: { name: 'Lege' },
      },
      needed: false,
    });
    // Corrected: the later answer stands.
    const corrected = await doctor.put(identification(first), { method: 'known_patient' });
    expect(corrected.body.identification.method).toBe('known_patient');
    // Identified once at the clinic: the next consultation does not ask again.
    expect((await doctor.get(identification(second))).body).toEqual({
      identification: null,
      needed: false,
    });

    const audit = await app.db.query(
      `SELECT actor_role, details FROM audit_log
        WHERE entity_id = $1 AND action = 'appointment.identify' ORDER BY id`,
      [first],
    );
    expect(audit.rows).toEqual([
      { actor_role: 'practitioner', details: { method: 'id_document', previous: null } },
      { actor_role: 'practitioner', details: { method: 'known_patient', previous: 'id_document' } },
    ]);

    // Not for an in-person appointment, nor a cancelled one.
    const inPerson = await book(patient, '2026-11-30T12:00:00+01:00', office.id);
    expect((await doctor.put(identification(inPerson), { method: 'id_document' })).body.error).toBe(
      'not_video',
    );
    expect((await patient.post(`/api/v1/appointments/${second}/cancel`, {})).status).toBeLessThan(
      300,
    );
    expect((await doctor.put(identification(second), { method: 'id_document' })).body.error).toBe(
      'already_cancelled',
    );
  });

  it('records itself from an ID-porten sign-in, with the level, when the patient starts', async () => {
    const { doctor, book } = await clinicWithDoctor();
    const email = `identify-idporten-${++n}@example.com`;
    const byCode = new Browser(app);
    await signInWithCode(byCode, app.db, email);
    const appointmentId = await book(byCode, '2026-11-30T10:00:00+01:00');
    const { rows } = await app.db.query('SELECT id FROM users WHERE email = $1', [email]);
    const signedInWith = async (acr: string) =>
      new Browser(app, {
        cookie: `${sessionCookieName(app.config.publicUrl)}=${await createSession(app.db, {
          userId: rows[0].id,
          authMethod: 'oidc',
          acr,
          staff: false,
          now: app.clock.now(),
          absoluteMs: app.config.sessionAbsoluteMs,
        })}`,
      });
    // Another provider's sign-in is no ID-porten: nothing is recorded by itself, and the
    // practitioner is asked.
    const other = await signedInWith('urn:example:loa:2');
    expect((await other.post(`/api/v1/appointments/${appointmentId}/video/start`)).status).toBe(
      200,
    );
    expect((await doctor.get(identification(appointmentId))).body).toEqual({
      identification: null,
      needed: true,
    });
    const strong = await signedInWith('idporten-loa-high');
    expect((await strong.post(`/api/v1/appointments/${appointmentId}/video/start`)).status).toBe(
      200,
    );
    expect((await doctor.get(identification(appointmentId))).body).toMatchObject({
      identification: { method: 'id_porten', level: 'high', recordedBy: null },
      needed: false,
    });
    // What the practitioner records stands; starting again does not overwrite it.
    await doctor.put(identification(appointmentId), { method: 'id_document' });
    await strong.post(`/api/v1/appointments/${appointmentId}/video/start`);
    expect((await doctor.get(identification(appointmentId))).body.identification).toMatchObject({
      method: 'id_document',
      recordedBy: { name: 'Lege' },
    });
  });
});
