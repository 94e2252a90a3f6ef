import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildStaff,
  buildUser,
  signInAs,
} from '../../test/factories';
import { Browser, startTestApp, type ApiResponse, type TestApp } from '../../test/harness';

/**
 * Every staff and administration endpoint × every kind of caller → the status they get.
 * A clinic's data is 404 for anyone outside it (exactly the body of a missing thing), 403 only
 * for its own staff without the role, 401 for nobody signed in; no refusal carries its data.
 * A patient's session (signed in with a code) is not a staff session: every staff and
 * administration path answers it 403 `staff_sign_in_required` before looking at any data.
 */

const ROLES = ['patient', 'practitioner', 'admin', 'otherStaff', 'signedOut'] as const;
type Role = (typeof ROLES)[number];
type Expected = Record<Role, number>;

/** Administration: the clinic's administrator only. */
const adminOnly = (ok = 200): Expected => ({
  patient: 403,
  practitioner: 403,
  admin: ok,
  otherStaff: 404,
  signedOut: 401,
});
/** One appointment: its practitioner, and the clinic's administrators. */
const practitionerOrAdmin = (ok = 200): Expected => ({
  patient: 403,
  practitioner: ok,
  admin: ok,
  otherStaff: 404,
  signedOut: 401,
});
/** The video room: the appointment's practitioner only. */
const practitionerOnly = (ok = 200): Expected => ({
  patient: 403,
  practitioner: ok,
  admin: 404,
  otherStaff: 404,
  signedOut: 401,
});
/** What only the practitioner who met the patient records; the clinic's administrator sees it exists. */
const practitionerNotAdmin = (ok = 200): Expected => ({ ...practitionerOnly(ok), admin: 403 });
/** The practitioner's own lists: anyone who practises somewhere sees their own. */
const ownWorkspace: Expected = {
  patient: 403,
  practitioner: 200,
  admin: 403,
  otherStaff: 200,
  signedOut: 401,
};

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';

interface Fixture {
  clinicId: string;
  practitionerId: string;
  practitionerUserId: string;
  /** Another member, whose authenticator app the matrix resets (it ends their sessions). */
  colleagueUserId: string;
  typeId: string;
  patientId: string;
  /** A video appointment starting in 5 minutes whose patient waits in the room. */
  live: string;
  /** A video appointment that began 10 minutes ago, its practitioner in the call with the patient. */
  inCall: string;
  /** An in-person appointment that began an hour ago. */
  past: string;
  invitationId: string;
  /** A guest invited to the live appointment. */
  guestId: string;
  browsers: Record<Role, Browser>;
  /** What must never reach anyone outside the clinic. */
  secrets: string[];
}
let f: Fixture;
let slot = 0;

/** A new booked appointment on Wednesday, and a free time to move it to. */
async function freshAppointment(): Promise<{ id: string; moveTo: string }> {
  const start = Date.parse('2026-12-02T07:00:00Z') + slot++ * 30 * 60_000;
  const { id } = await buildAppointment(app.db, {
    clinicId: f.clinicId,
    practitionerId: f.practitionerId,
    patientId: f.patientId,
    typeId: f.typeId,
    start: new Date(start).toISOString(),
  });
  return { id, moveTo: new Date(start + 15 * 60_000).toISOString() };
}

const typeBody = (practitionerIds: string[]) => ({
  name: 'Matrisetime',
  durationMinutes: 15,
  modality: 'video',
  minimumNoticeMinutes: 0,
  horizonDays: 90,
  cancellationDeadlineMinutes: 60,
  bookableOnline: true,
  practitionerIds,
});
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const reminders = { sms: true, email: true, remindersMinutesBefore: [1440, 60] };

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document names it. */
  path: string;
  query?: string;
  /** Path parameters besides `clinicId`; called before each request (may create what it needs). */
  params?: () => Promise<Record<string, string>> | Record<string, string>;
  body?: (params: Record<string, string>) => unknown;
  expected: Expected;
}

const rows: Row[] = [
  // Administration (issue: "readable by administrators only" and the like).
  { method: 'GET', path: '/api/v1/admin/clinics/{clinicId}', expected: adminOnly() },
  {
    method: 'PUT',
    path: '/api/v1/admin/clinics/{clinicId}',
    body: () => ({
      name: 'Matriseklinikken',
      address: null,
      town: 'Oslo',
      timeZone: 'Europe/Oslo',
      listed: true,
      requireStrongAuthForVideo: false,
    }),
    expected: adminOnly(),
  },
  { method: 'GET', path: '/api/v1/admin/clinics/{clinicId}/staff', expected: adminOnly() },
  {
    method: 'PATCH',
    path: '/api/v1/admin/clinics/{clinicId}/staff/{userId}',
    params: () => ({ userId: f.practitionerUserId }),
    body: () => ({ roles: ['practitioner'] }),
    expected: adminOnly(),
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/clinics/{clinicId}/staff/{userId}/authenticator',
    params: () => ({ userId: f.colleagueUserId }),
    expected: adminOnly(),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/clinics/{clinicId}/invitations',
    body: () => ({ email: 'matrise-invitert@example.com', roles: ['admin'] }),
    expected: adminOnly(201),
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/clinics/{clinicId}/invitations/{invitationId}',
    params: () => ({ invitationId: f.invitationId }),
    expected: adminOnly(204),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/clinics/{clinicId}/appointment-types',
    expected: adminOnly(),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/clinics/{clinicId}/appointment-types',
    body: () => typeBody([f.practitionerId]),
    expected: adminOnly(201),
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/clinics/{clinicId}/appointment-types/{typeId}',
    params: () => ({ typeId: f.typeId }),
    body: () => typeBody([f.practitionerId]),
    expected: adminOnly(),
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/clinics/{clinicId}/appointment-types/{typeId}',
    params: async () => ({
      typeId: (await buildAppointmentType(app.db, f.clinicId, [f.practitionerId])).id,
    }),
    expected: adminOnly(),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/clinics/{clinicId}/practitioners/{practitionerId}/hours',
    params: () => ({ practitionerId: f.practitionerId }),
    expected: adminOnly(),
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/clinics/{clinicId}/practitioners/{practitionerId}/hours',
    params: () => ({ practitionerId: f.practitionerId }),
    body: () => ({ weekly: allDay, exceptions: [] }),
    expected: adminOnly(),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/clinics/{clinicId}/practitioners/{practitionerId}/preview',
    params: () => ({ practitionerId: f.practitionerId }),
    query: 'week=2026-12-02&appointmentTypeId=',
    expected: adminOnly(),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/clinics/{clinicId}/practitioners/{practitionerId}/preview',
    params: () => ({ practitionerId: f.practitionerId }),
    body: () => ({ appointmentTypeId: f.typeId, week: '2026-12-02' }),
    expected: adminOnly(),
  },
  { method: 'GET', path: '/api/v1/admin/clinics/{clinicId}/closures', expected: adminOnly() },
  {
    method: 'PUT',
    path: '/api/v1/admin/clinics/{clinicId}/closures',
    body: () => ({ closures: [] }),
    expected: adminOnly(),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/clinics/{clinicId}/appointments-outside-hours',
    expected: adminOnly(),
  },
  { method: 'GET', path: '/api/v1/admin/clinics/{clinicId}/audit', expected: adminOnly() },
  { method: 'GET', path: '/api/v1/admin/clinics/{clinicId}/audit/actors', expected: adminOnly() },
  {
    method: 'GET',
    path: '/api/v1/admin/clinics/{clinicId}/notification-settings',
    expected: adminOnly(),
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/clinics/{clinicId}/notification-settings',
    body: () => ({ video: reminders, inPerson: reminders, confirmations: true }),
    expected: adminOnly(),
  },
  // The practitioner's side.
  { method: 'GET', path: '/api/v1/staff/appointments', expected: ownWorkspace },
  {
    method: 'GET',
    path: '/api/v1/staff/calendar',
    query: 'from=2026-11-30&to=2026-12-06',
    expected: ownWorkspace,
  },
  {
    method: 'GET',
    path: '/api/v1/staff/appointments/{id}',
    params: () => ({ id: f.live }),
    expected: practitionerOrAdmin(),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/status',
    params: () => ({ id: f.past }),
    body: () => ({ status: 'completed' }),
    expected: practitionerOrAdmin(),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/cancel',
    params: async () => ({ id: (await freshAppointment()).id }),
    body: () => ({ message: 'Legen er dessverre syk.' }),
    expected: practitionerOrAdmin(),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/move',
    params: async () => {
      const { id, moveTo } = await freshAppointment();
      return { id, moveTo };
    },
    body: (params) => ({ start: params.moveTo }),
    expected: practitionerOrAdmin(),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/in-person-request/answer',
    params: async () => {
      const { id } = await freshAppointment();
      await app.db.query(
        'INSERT INTO in_person_requests (appointment_id, requested_at) VALUES ($1, now())',
        [id],
      );
      return { id };
    },
    body: () => ({ text: 'Kom gjerne til klinikken i stedet.' }),
    expected: practitionerOrAdmin(),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/video/join',
    params: () => ({ id: f.live }),
    expected: practitionerOnly(),
  },
  {
    method: 'GET',
    path: '/api/v1/staff/appointments/{id}/identification',
    params: () => ({ id: f.live }),
    expected: practitionerNotAdmin(),
  },
  {
    method: 'PUT',
    path: '/api/v1/staff/appointments/{id}/identification',
    params: () => ({ id: f.live }),
    body: () => ({ method: 'known_patient' }),
    expected: practitionerNotAdmin(),
  },
  {
    method: 'GET',
    path: '/api/v1/staff/appointments/{id}/guests',
    params: () => ({ id: f.live }),
    expected: practitionerNotAdmin(),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/guests',
    params: async () => ({ id: (await freshAppointment()).id }),
    body: () => ({ name: 'Matrisetolk', role: 'interpreter' }),
    expected: practitionerNotAdmin(201),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/guests/{guestId}/admit',
    params: () => ({ id: f.live, guestId: f.guestId }),
    // Let in only while the practitioner is in the call, and the guest waits.
    expected: practitionerNotAdmin(409),
  },
  {
    method: 'DELETE',
    path: '/api/v1/staff/appointments/{id}/guests/{guestId}',
    params: () => ({ id: f.live, guestId: f.guestId }),
    // Revokes it: after the admit row, which needs it.
    expected: practitionerNotAdmin(),
  },
  ...['', '.pdf', '.fhir.json'].map((form) => ({
    method: 'GET' as const,
    path: `/api/v1/staff/appointments/{id}/record${form}`,
    params: () => ({ id: f.live }),
    expected: practitionerOrAdmin(),
  })),
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/video/prepare',
    params: () => ({ id: f.live }),
    expected: practitionerOnly(),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/video/status',
    params: () => ({ id: f.live }),
    body: () => ({ text: 'Jeg kommer om fem minutter' }),
    expected: practitionerOnly(204),
  },
  {
    method: 'POST',
    path: '/api/v1/staff/appointments/{id}/video/phone',
    params: () => ({ id: f.inCall }),
    body: () => ({ reason: 'dropped' }),
    expected: practitionerOnly(),
  },
];

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  const clinic = await buildClinic(app.db, { name: 'Matriseklinikken' });
  const doctor = await buildStaff(app.db, clinic.id, {
    name: 'Dr. Matrise',
    email: 'dr.matrise@example.com',
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const admin = await buildStaff(app.db, clinic.id, {
    roles: ['admin'],
    name: 'Admin Matrise',
    email: 'admin.matrise@example.com',
  });
  const colleague = await buildStaff(app.db, clinic.id, { roles: ['practitioner'] });
  const type = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!], {
    name: 'Matrisekonsultasjon',
  });
  const patient = await buildUser(app.db, {
    name: 'Pasient Matrise',
    email: 'pasient.matrise@example.com',
    phone: '+4791919191',
  });
  const base = { clinicId: clinic.id, practitionerId: doctor.practitionerId!, typeId: type.id };
  const live = await buildAppointment(app.db, {
    ...base,
    patientId: patient.id,
    start: '2026-11-30T09:05:00Z',
    comment: 'Hemmelig kommentar',
  });
  await app.db.query(
    `INSERT INTO video_rooms (appointment_id, started_at, updated_at, patient_presence)
     VALUES ($1, $2, $2, 'waiting')`,
    [live.id, new Date(NOW)],
  );
  const inCall = await buildAppointment(app.db, {
    ...base,
    patientId: patient.id,
    start: '2026-11-30T08:50:00Z',
  });
  await app.db.query(
    `INSERT INTO video_rooms (appointment_id, started_at, updated_at, patient_presence,
                              practitioner_presence, practitioner_joined_at)
     VALUES ($1, $2, $2, 'in_call', 'in_call', $2)`,
    [inCall.id, new Date('2026-11-30T08:52:00Z')],
  );
  const past = await buildAppointment(app.db, {
    ...base,
    patientId: patient.id,
    start: '2026-11-30T08:00:00Z',
    modality: 'in_person',
  });
  const invitation = await app.db.query<{ id: string }>(
    `INSERT INTO staff_invitations (clinic_id, email, roles, token_hash, created_at, expires_at)
     VALUES ($1, 'matrise-tilbakekalt@example.com', '{admin}', $2, now(), now() + interval '7 days')
     RETURNING id`,
    [clinic.id, randomBytes(32)],
  );

  const guest = await app.db.query<{ id: string }>(
    `INSERT INTO appointment_guests
       (appointment_id, name, role, delivery, token_hash, invited_by, created_at, updated_at)
     VALUES ($1, 'Matrisegjest', 'relative', 'link', $2, $3, now(), now()) RETURNING id`,
    [live.id, randomBytes(32), doctor.userId],
  );

  // Staff of another clinic: administrator and practitioner there, with work of their own.
  const otherClinic = await buildClinic(app.db, { name: 'Naboklinikken' });
  const other = await buildStaff(app.db, otherClinic.id, { roles: ['admin', 'practitioner'] });
  const otherType = await buildAppointmentType(app.db, otherClinic.id, [other.practitionerId!]);
  await buildAppointment(app.db, {
    clinicId: otherClinic.id,
    practitionerId: other.practitionerId!,
    typeId: otherType.id,
    patientId: (await buildUser(app.db)).id,
    start: '2026-11-30T10:00:00Z',
  });

  f = {
    clinicId: clinic.id,
    practitionerId: doctor.practitionerId!,
    practitionerUserId: doctor.userId,
    colleagueUserId: colleague.userId,
    typeId: type.id,
    patientId: patient.id,
    live: live.id,
    inCall: inCall.id,
    past: past.id,
    invitationId: invitation.rows[0]!.id,
    guestId: guest.rows[0]!.id,
    browsers: {
      patient: await signInAs(app, patient.id, 'code_email'),
      practitioner: await signInAs(app, doctor.userId),
      admin: await signInAs(app, admin.userId),
      otherStaff: await signInAs(app, other.userId),
      signedOut: new Browser(app),
    },
    secrets: [
      clinic.id,
      'Matriseklinikken',
      doctor.practitionerId!,
      'Dr. Matrise',
      'dr.matrise@example.com',
      'admin.matrise@example.com',
      type.id,
      'Matrisekonsultasjon',
      'Pasient Matrise',
      'pasient.matrise@example.com',
      '+4791919191',
      'Hemmelig kommentar',
      live.id,
      inCall.id,
      past.id,
      'Matrisegjest',
    ],
  };
});
afterAll(() => app.close());

describe('the access matrix of staff and administration endpoints', () => {
  it('lists every staff and administration endpoint of the API', async () => {
    const openapi = await new Browser(app).get('/api/openapi.json');
    const documented = Object.entries(openapi.body.paths as Record<string, object>)
      .filter(([path]) => /^\/api\/v1\/(admin|staff)\//.test(path))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(rows.map((r) => `${r.method} ${r.path}`).sort()).toEqual(documented);
  });

  const cells = rows.flatMap((row) => ROLES.map((role) => [row, role] as const));
  it.each(cells.map(([row, role]) => [`${row.method} ${row.path}`, role, row] as const))(
    '%s as %s',
    async (_name, role, row) => {
      const params: Record<string, string> = { clinicId: f.clinicId, ...(await row.params?.()) };
      const path = row.path.replace(/\{(\w+)\}/g, (_m, key: string) => params[key]!);
      const query = row.query?.replace(/appointmentTypeId=$/, `appointmentTypeId=${f.typeId}`);
      const url = query ? `${path}?${query}` : path;
      const body = row.body?.(params);
      const response: ApiResponse = await f.browsers[role].request(row.method, url, body);

      expect(response.status, `${row.method} ${url}: ${JSON.stringify(response.body)}`).toBe(
        row.expected[role],
      );
      if (response.status === 404) {
        // Exactly what a clinic or appointment that does not exist answers.
        expect(response.body).toEqual({ error: 'not_found', message: 'Not found.' });
      }
      if (role === 'patient') {
        expect(response.body).toMatchObject({ error: 'staff_sign_in_required' });
      }
      if (role === 'patient' || role === 'otherStaff' || role === 'signedOut') {
        const text =
          typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        for (const secret of f.secrets) expect(text).not.toContain(secret);
      }
      if (response.status >= 400 && role !== 'admin' && role !== 'practitioner') {
        expect(Object.keys(response.body as object).sort()).toEqual(['error', 'message']);
      }
    },
  );
});
