import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAppointmentType,
  buildClinic,
  buildMembership,
  buildPractitioner,
  buildUser,
  signInAs,
} from '../../../test/factories';
import { validateEncounter } from '../../../test/fhir-schema';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../../test/harness';
import { readPdf } from '../../../test/pdf-text';
import { Socket } from '../../../test/signaling-socket';
import { signInStaff } from '../../auth/testing/staff';

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

let n = 0;

/** A clinic with a practitioner, an administrator, a colleague, and a booked patient. */
async function clinicWithConsultation() {
  const clinic = await buildClinic(app.db, { name: 'Bryggen legesenter' });
  const doctorUser = await buildUser(app.db, {
    email: `record-doctor-${++n}@example.com`,
    password: 'doctor password',
    name: 'Øyvind Lie',
  });
  await buildMembership(app.db, clinic.id, doctorUser.id, ['practitioner']);
  const practitioner = await buildPractitioner(app.db, clinic.id, {
    userId: doctorUser.id,
    name: 'Dr. Øyvind Lie',
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const types = {
    video: await buildAppointmentType(app.db, clinic.id, [practitioner.id], {
      modality: 'video',
      cancelDeadline: 0,
    }),
    office: await buildAppointmentType(app.db, clinic.id, [practitioner.id], {
      modality: 'in_person',
      cancelDeadline: 0,
    }),
  };
  const doctor = new Browser(app);
  await signInStaff(app, doctor, { email: doctorUser.email, password: 'doctor password' });
  const adminUser = await buildUser(app.db, { email: `record-admin-${n}@example.com` });
  await buildMembership(app.db, clinic.id, adminUser.id, ['admin']);
  const colleagueUser = await buildUser(app.db, { email: `record-colleague-${n}@example.com` });
  await buildMembership(app.db, clinic.id, colleagueUser.id, ['practitioner']);
  const patient = new Browser(app);
  await signInWithCode(patient, app.db, `record-patient-${n}@example.com`);
  const book = async (start: string, type: 'video' | 'office' = 'video') => {
    const booked = await patient.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: types[type].id,
      start,
      comment: 'Vondt i brystet siden i går',
    });
    expect(booked.status).toBe(201);
    return booked.body.id as string;
  };
  return {
    clinic,
    practitioner,
    doctor,
    patient,
    admin: await signInAs(app, adminUser.id),
    colleague: await signInAs(app, colleagueUser.id),
    book,
  };
}

const at = (iso: string) => app.clock.set(iso);

/** Waits until the room of `id` has ended (whoever hangs up is not told; the other side is). */
async function roomEnded(id: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const { rows } = await app.db.query(
      'SELECT ended_at FROM video_rooms WHERE appointment_id = $1',
      [id],
    );
    if (rows[0]?.ended_at) return;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  throw new Error('the room did not end');
}
const record = (id: string, form = '') => `/api/v1/staff/appointments/${id}/record${form}`;

/**
 * The patient starts at 10:00; the practitioner enters at 10:02:30, lets an interpreter in at
 * 10:03:10, and ends it at 10:14:40.
 */
async function holdConsultation(
  people: Awaited<ReturnType<typeof clinicWithConsultation>>,
  id: string,
) {
  const { patient, doctor } = people;
  expect((await patient.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(200);
  const p = await Socket.open(app, patient);
  p.send({ type: 'join', appointmentId: id, sessionId: `patient-${id}`, mic: true, camera: true });
  await p.next((m) => m.type === 'joined');
  const status = { text: 'Kommer om to minutter' };
  expect((await doctor.post(`/api/v1/staff/appointments/${id}/video/status`, status)).status).toBe(
    204,
  );
  at('2026-11-30T09:02:30Z');
  expect((await doctor.post(`/api/v1/staff/appointments/${id}/video/join`)).status).toBe(200);
  const d = await Socket.open(app, doctor);
  d.send({ type: 'join', appointmentId: id, sessionId: `doctor-${id}`, mic: true, camera: true });
  await d.next((m) => m.type === 'joined');
  const invited = await doctor.post(`/api/v1/staff/appointments/${id}/guests`, {
    name: 'Amir Tolk',
    role: 'interpreter',
  });
  const interpreter = new Browser(app);
  const token = (invited.body.link as string).split('#')[1];
  expect((await interpreter.post('/api/v1/guest/link', { token })).status).toBe(200);
  const g = await Socket.open(app, interpreter);
  g.send({ type: 'join', appointmentId: id, sessionId: `guest-${id}`, mic: true, camera: true });
  await g.next((m) => m.type === 'lobby');
  at('2026-11-30T09:03:10Z');
  const guestId = invited.body.id as string;
  expect(
    (await doctor.post(`/api/v1/staff/appointments/${id}/guests/${guestId}/admit`)).status,
  ).toBe(200);
  at('2026-11-30T09:14:40Z');
  d.send({ type: 'hang_up', appointmentId: id });
  await p.next((m) => m.type === 'ended');
  await g.next((m) => m.type === 'ended');
  for (const socket of [p, d, g]) socket.close();
}

describe('the consultation record', () => {
  it('gives the times, the people, the identification and the length; to the practitioner and an administrator; every read audited', async () => {
    const people = await clinicWithConsultation();
    const { doctor, admin, colleague, patient, book, practitioner, clinic } = people;
    const id = await book('2026-11-30T10:00:00+01:00');
    // Not before the patient has started; nothing for an in-person appointment.
    expect((await doctor.get(record(id))).body.error).toBe('not_started');
    const inPerson = await book('2026-11-30T12:00:00+01:00', 'office');
    expect((await doctor.get(record(inPerson))).body.error).toBe('not_video');

    await holdConsultation(people, id);
    at('2026-11-30T09:15:00Z');
    expect(
      (
        await doctor.put(`/api/v1/staff/appointments/${id}/identification`, {
          method: 'id_document',
        })
      ).status,
    ).toBe(200);

    const json = await doctor.get(record(id));
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe('no-store');
    expect(json.body).toEqual({
      appointmentId: id,
      clinic: { id: clinic.id, name: 'Bryggen legesenter' },
      timeZone: 'Europe/Oslo',
      language: 'nb',
      appointmentType: expect.any(String),
      scheduled: { start: '2026-11-30T10:00:00+01:00', end: expect.any(String) },
      patient: { id: expect.any(String), name: expect.any(String), birthDate: expect.any(String) },
      practitioner: { id: practitioner.id, name: 'Dr. Øyvind Lie' },
      state: 'finished',
      modality: 'video',
      phoneSwitch: null,
      waitingFrom: '2026-11-30T10:00:00+01:00',
      practitionerEnteredAt: '2026-11-30T10:02:30+01:00',
      endedAt: '2026-11-30T10:14:40+01:00',
      endedBy: 'practitioner',
      waitedSeconds: 150,
      durationSeconds: 730,
      durationMinutes: 13,
      participants: [
        {
          role: 'patient',
          name: json.body.patient.name,
          joinedAt: '2026-11-30T10:00:00+01:00',
          leftAt: '2026-11-30T10:14:40+01:00',
        },
        {
          role: 'practitioner',
          name: 'Dr. Øyvind Lie',
          joinedAt: '2026-11-30T10:02:30+01:00',
          leftAt: '2026-11-30T10:14:40+01:00',
        },
        {
          role: 'interpreter',
          name: 'Amir Tolk',
          joinedAt: '2026-11-30T10:03:10+01:00',
          leftAt: '2026-11-30T10:14:40+01:00',
        },
      ],
      identification: {
        method: 'id_document',
        level: null,
        recordedAt: '2026-11-30T10:15:00+01:00',
        recordedBy: { userId: expect.any(String), name: 'Øyvind Lie' },
      },
      interpreter: true,
      madeAt: '2026-11-30T10:15:00+01:00',
    });

    // The administrator files it; a colleague, another clinic and the patient see nothing.
    expect((await admin.get(record(id, '.pdf'))).status).toBe(200);
    expect((await colleague.get(record(id))).status).toBe(404);
    expect((await (await clinicWithConsultation()).doctor.get(record(id))).status).toBe(404);
    expect((await patient.get(record(id, '.fhir.json'))).body.error).toBe('staff_sign_in_required');
    expect((await doctor.get(record('6f1c7a52-3c1e-4a8e-9a43-0c2d6f1e9b10'))).status).toBe(404);

    const pdf = await doctor.download(record(id, '.pdf'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="konsultasjon-2026-11-30-${id.slice(0, 8)}.pdf"`,
    );
    const { pages } = await readPdf(pdf.bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0]!.replace(/\s+/g, ' ');
    expect(text).toContain(`Pasient ${json.body.patient.name}`);
    expect(text).toContain('Varighet 12 min 10 s (13 min)');
    expect(text).toContain('Identifisering Gyldig legitimasjon vist på video');
    expect(text).toContain('Tolk Ja');
    expect(text).toContain('Tolk Amir Tolk 10:03:10 10:14:40');

    const fhir = await doctor.get(record(id, '.fhir.json'));
    expect(fhir.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(validateEncounter(fhir.body)).toEqual([]);
    expect(fhir.body).toMatchObject({
      resourceType: 'Encounter',
      id,
      status: 'finished',
      class: { code: 'VR' },
      period: { start: '2026-11-30T10:02:30+01:00', end: '2026-11-30T10:14:40+01:00' },
      participant: [
        { individual: { reference: `Practitioner/${practitioner.id}` } },
        { type: [{ coding: [{ code: 'TRANS' }] }], individual: { display: 'Amir Tolk' } },
      ],
      appointment: [{ reference: `Appointment/${id}` }],
    });

    // What the details promise: no message content in any form of the record.
    for (const form of [JSON.stringify(json.body), JSON.stringify(fhir.body), text])
      for (const message of ['Vondt i brystet', 'Kommer om to minutter'])
        expect(form).not.toContain(message);

    const audit = await app.db.query(
      `SELECT actor_role, details FROM audit_log
        WHERE entity_id = $1 AND action = 'appointment.read' AND details->>'via' = 'record'
        ORDER BY id`,
      [id],
    );
    expect(audit.rows).toEqual([
      { actor_role: 'practitioner', details: { via: 'record', format: 'json' } },
      { actor_role: 'admin', details: { via: 'record', format: 'pdf' } },
      { actor_role: 'practitioner', details: { via: 'record', format: 'pdf' } },
      { actor_role: 'practitioner', details: { via: 'record', format: 'fhir' } },
    ]);
  });

  it('says in every form when the consultation went over to the phone, and why', async () => {
    const { doctor, patient, book } = await clinicWithConsultation();
    const id = await book('2026-11-30T10:00:00+01:00');
    expect((await patient.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(200);
    const p = await Socket.open(app, patient);
    p.send({
      type: 'join',
      appointmentId: id,
      sessionId: `patient-${id}`,
      mic: true,
      camera: true,
    });
    await p.next((m) => m.type === 'joined');
    at('2026-11-30T09:02:30Z');
    expect((await doctor.post(`/api/v1/staff/appointments/${id}/video/join`)).status).toBe(200);
    const d = await Socket.open(app, doctor);
    d.send({ type: 'join', appointmentId: id, sessionId: `doctor-${id}`, mic: true, camera: true });
    await d.next((m) => m.type === 'joined');
    // The video never connected: 20 s later the practitioner calls the patient instead.
    at('2026-11-30T09:02:55Z');
    const switched = await doctor.post(`/api/v1/staff/appointments/${id}/video/phone`, {
      reason: 'no_connection',
    });
    expect(switched.status).toBe(200);
    at('2026-11-30T09:12:00Z');
    d.send({ type: 'hang_up', appointmentId: id });
    await p.next((m) => m.type === 'ended');
    for (const socket of [p, d]) socket.close();

    const json = await doctor.get(record(id));
    expect(json.body).toMatchObject({
      state: 'finished',
      modality: 'phone',
      phoneSwitch: { at: '2026-11-30T10:02:55+01:00', reason: 'no_connection' },
      practitionerEnteredAt: '2026-11-30T10:02:30+01:00',
      endedAt: '2026-11-30T10:12:00+01:00',
    });

    const fhir = (await doctor.get(record(id, '.fhir.json'))).body;
    expect(validateEncounter(fhir)).toEqual([]);
    expect(fhir.class).toMatchObject({ code: 'VR' });
    expect(fhir.extension).toEqual([
      {
        url: 'urn:visitt:fhir:extension:phone-switch',
        extension: [
          { url: 'at', valueDateTime: '2026-11-30T10:02:55+01:00' },
          { url: 'reason', valueCode: 'no_connection' },
        ],
      },
    ]);

    const { pages } = await readPdf((await doctor.download(record(id, '.pdf'))).bytes);
    expect(pages[0]!.replace(/\s+/g, ' ')).toContain(
      'Form Telefon fra 10:02:55 (videoen fikk ikke forbindelse)',
    );
  });

  it('while the patient waits, and after they left before anyone came; in the clinic’s language', async () => {
    const people = await clinicWithConsultation();
    const { doctor, patient, book, clinic } = people;
    const id = await book('2026-11-30T10:00:00+01:00');
    expect((await patient.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(200);
    const waiting = await doctor.get(record(id));
    expect(waiting.body).toMatchObject({
      state: 'waiting',
      practitionerEnteredAt: null,
      endedAt: null,
      durationMinutes: null,
      participants: [{ role: 'patient', leftAt: null }],
    });
    expect(validateEncounter((await doctor.get(record(id, '.fhir.json'))).body)).toEqual([]);

    const p = await Socket.open(app, patient);
    p.send({ type: 'join', appointmentId: id, sessionId: 'left-early', mic: true, camera: true });
    await p.next((m) => m.type === 'joined');
    at('2026-11-30T09:06:00Z');
    p.send({ type: 'hang_up', appointmentId: id });
    await roomEnded(id);
    p.close();
    const notHeld = await doctor.get(record(id));
    expect(notHeld.body).toMatchObject({
      state: 'not_held',
      endedAt: '2026-11-30T10:06:00+01:00',
      endedBy: 'patient',
      participants: [{ role: 'patient', leftAt: '2026-11-30T10:06:00+01:00' }],
    });
    const fhir = (await doctor.get(record(id, '.fhir.json'))).body;
    expect(validateEncounter(fhir)).toEqual([]);
    expect(fhir.status).toBe('cancelled');

    await app.db.query(`UPDATE clinics SET language = 'en' WHERE id = $1`, [clinic.id]);
    const { pages } = await readPdf((await doctor.download(record(id, '.pdf'))).bytes);
    expect(pages[0]!.replace(/\s+/g, ' ')).toContain(
      'Status Not held: ended before the practitioner came in',
    );
  });
});
