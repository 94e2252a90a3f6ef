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
import { Socket } from '../../../test/signaling-socket';

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo: the appointment's start.
const START = '2026-11-30T09:00:00Z';
beforeAll(async () => {
  app = await startTestApp({
    now: START,
    env: {
      ICE_STUN_URLS: 'stun:stun.example.no:3478',
      ICE_TURN_URLS: 'turn:turn.example.no:3478?transport=udp',
      TURN_SECRET: 'turn-secret-for-tests',
    },
  });
});
beforeEach(() => app.clock.set(START));
afterAll(() => app.close());

let n = 0;

/** A clinic with a practitioner, an administrator, a colleague, and a patient's video appointment. */
async function consultation() {
  const clinic = await buildClinic(app.db, { name: 'Bryggen legesenter' });
  const doctorUser = await buildUser(app.db, {
    email: `guests-doctor-${++n}@example.com`,
    password: 'doctor password',
    name: 'Lege',
  });
  await buildMembership(app.db, clinic.id, doctorUser.id, ['practitioner']);
  const practitioner = await buildPractitioner(app.db, clinic.id, {
    userId: doctorUser.id,
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id], {
    name: 'Samtale om rusmiddelbruk',
    modality: 'video',
    cancelDeadline: 0,
  });
  const doctor = new Browser(app);
  await signInStaff(app, doctor, { email: doctorUser.email, password: 'doctor password' });
  const adminUser = await buildUser(app.db, { email: `guests-admin-${n}@example.com` });
  await buildMembership(app.db, clinic.id, adminUser.id, ['admin']);
  const patient = new Browser(app);
  await signInWithCode(patient, app.db, `guests-patient-${n}@example.com`);
  const book = async (start = '2026-11-30T10:00:00+01:00') => {
    const booked = await patient.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start,
      comment: 'Hemmelig grunn',
    });
    expect(booked.status).toBe(201);
    return booked.body.id as string;
  };
  return { clinic, doctor, patient, admin: await signInAs(app, adminUser.id), book };
}

const guests = (id: string) => `/api/v1/staff/appointments/${id}/guests`;
const tokenOf = (link: string) => link.split('#')[1]!;
const outbox = async (to: string) =>
  (
    await app.db.query<{ subject: string | null; body_text: string }>(
      'SELECT subject, body_text FROM dev_outbox WHERE recipient = $1 ORDER BY created_at',
      [to],
    )
  ).rows;

describe('inviting guests', () => {
  it('sends a link of their own by e-mail or SMS, or gives it to copy; two at most; only the practitioner', async () => {
    const { doctor, patient, admin, book } = await consultation();
    const id = await book();
    const email = `tolk-${n}@example.com`;
    const invited = await doctor.post(guests(id), {
      name: 'Amir Tolk',
      role: 'interpreter',
      email,
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      name: 'Amir Tolk',
      role: 'interpreter',
      delivery: 'email',
      sentTo: email,
      expiresAt: '2026-11-30T12:00:00+01:00',
      revokedAt: null,
      presence: 'absent',
      admitted: false,
    });
    expect(invited.body.link).toMatch(/^https?:\/\/[^/]+\/gjest#[A-Za-z0-9_-]{43}$/);
    // The invitation names the clinic and the time, never the patient, the type or the reason.
    const [mail] = await outbox(email);
    expect(mail!.subject).toBe('Invitasjon til videokonsultasjon hos Bryggen legesenter');
    expect(mail!.body_text).toContain(
      'som tolk til en videokonsultasjon hos Bryggen legesenter mandag 30. november kl. 10:00',
    );
    expect(mail!.body_text).toContain(invited.body.link);
    for (const secret of ['Samtale om rusmiddelbruk', 'Hemmelig grunn', 'guests-patient'])
      expect(mail!.body_text).not.toContain(secret);
    // Only the token's hash is kept, and no audit row holds the link.
    const token = tokenOf(invited.body.link);
    const stored = await app.db.query('SELECT * FROM appointment_guests WHERE id = $1', [
      invited.body.id,
    ]);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    const audit = await app.db.query(
      `SELECT details FROM audit_log WHERE entity_id = $1 AND action = 'guest.invite'`,
      [id],
    );
    expect(audit.rows).toEqual([
      { details: { guestId: invited.body.id, role: 'interpreter', delivery: 'email' } },
    ]);
    expect(JSON.stringify(audit.rows)).not.toContain(token);

    app.clock.set('2026-11-30T09:00:01Z');
    const bySms = await doctor.post(guests(id), {
      name: 'Kari Nordmann',
      role: 'relative',
      phone: '+4791234567',
    });
    expect(bySms.status).toBe(201);
    const [sms] = await outbox('+4791234567');
    expect(sms!.body_text).toContain('som pårørende til videokonsultasjon hos Bryggen legesenter');
    expect(sms!.body_text).toContain(bySms.body.link);

    // Two guests at most; a revoked one makes room.
    expect((await doctor.post(guests(id), { name: 'Dr. To', role: 'clinician' })).body.error).toBe(
      'too_many_guests',
    );
    expect((await doctor.request('DELETE', `${guests(id)}/${bySms.body.id}`)).body.revokedAt).toBe(
      '2026-11-30T10:00:01+01:00',
    );
    app.clock.set('2026-11-30T09:00:02Z');
    const copied = await doctor.post(guests(id), { name: 'Dr. To', role: 'clinician' });
    expect(copied.body).toMatchObject({ delivery: 'link', sentTo: null });

    const list = await doctor.get(guests(id));
    expect(list.body.map((g: any) => [g.name, g.revokedAt !== null])).toEqual([
      ['Amir Tolk', false],
      ['Kari Nordmann', true],
      ['Dr. To', false],
    ]);
    expect(list.body[0]).not.toHaveProperty('link');

    // Nobody else: the patient, the clinic's administrator, another clinic's practitioner.
    const body = { name: 'Inntrenger', role: 'relative' };
    expect((await patient.post(guests(id), body)).body.error).toBe('staff_sign_in_required');
    expect((await admin.post(guests(id), body)).status).toBe(403);
    expect((await (await consultation()).doctor.get(guests(id))).status).toBe(404);
    // Bad input is a 400 and invites nobody.
    for (const bad of [
      { name: '', role: 'relative' },
      { name: 'X', role: 'cousin' },
      { name: 'X', role: 'relative', email: 'no', phone: '+4791234567' },
      { name: 'X', role: 'relative', email: 'x@example.com', phone: '+4791234567' },
      { name: 'X'.repeat(121), role: 'relative' },
      { name: 'X', role: 'relative', link: 'mine' },
    ])
      expect((await doctor.post(guests(id), bad)).status, JSON.stringify(bad)).toBe(400);
    expect((await doctor.get(guests(id))).body).toHaveLength(3);
  });
});

describe('a guest link', () => {
  it('opens the room’s window in one browser at a time, and not when revoked, tampered with or out of time', async () => {
    const { doctor, book } = await consultation();
    const id = await book();
    const { body: guest } = await doctor.post(guests(id), {
      name: 'Amir Tolk',
      role: 'interpreter',
    });
    const token = tokenOf(guest.link);
    const open = (browser: Browser, t = token) => browser.post('/api/v1/guest/link', { token: t });

    // Before the room opens (15 minutes before the start) the link says what it is for, and
    // entering waits; after the room closes it does neither.
    app.clock.set('2026-11-30T08:44:59Z');
    const early = new Browser(app);
    expect((await open(early)).body).toMatchObject({ opensAt: '2026-11-30T09:45:00+01:00' });
    expect((await early.post('/api/v1/guest/video/connect')).body.error).toBe('too_early');
    await expect(Socket.open(app, early)).rejects.toThrow('HTTP 401');
    app.clock.set('2026-11-30T11:00:01Z');
    expect((await open(new Browser(app))).body.error).toBe('too_late');
    expect((await early.get('/api/v1/guest/visit')).body.error).toBe('too_late');
    // The early browser has been silent long enough for another to take the link.
    app.clock.set('2026-11-30T08:46:00Z');

    // A tampered token is as a missing one; a malformed one is a 400.
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await open(new Browser(app), tampered)).status).toBe(404);
    expect((await open(new Browser(app), 'x')).status).toBe(400);

    const first = new Browser(app);
    const opened = await open(first);
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({
      guestId: guest.id,
      appointmentId: id,
      name: 'Amir Tolk',
      role: 'interpreter',
      clinicName: 'Bryggen legesenter',
      start: '2026-11-30T10:00:00+01:00',
      end: expect.any(String),
      opensAt: '2026-11-30T09:45:00+01:00',
      closesAt: '2026-11-30T12:00:00+01:00',
      timeZone: 'Europe/Oslo',
      admitted: false,
    });
    expect(opened.headers.get('set-cookie')).toMatch(
      /^visitt_guest=[^;]+; Max-Age=86400; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect((await first.get('/api/v1/guest/visit')).body.guestId).toBe(guest.id);
    const connection = await first.post('/api/v1/guest/video/connect');
    expect(connection.body).toMatchObject({
      guestId: guest.id,
      appointmentId: id,
      iceServers: [
        { urls: ['stun:stun.example.no:3478'] },
        {
          urls: ['turn:turn.example.no:3478?transport=udp'],
          username: expect.stringContaining(`guest-${guest.id}`),
        },
      ],
    });
    // Opening it again in the same browser keeps it.
    expect((await open(first)).status).toBe(200);

    // A second browser while the first holds it; it may take it once the first has been gone
    // for a minute, and then the first holds nothing.
    const second = new Browser(app);
    expect((await open(second)).body.error).toBe('link_in_use');
    expect((await new Browser(app).get('/api/v1/guest/visit')).body.error).toBe(
      'guest_link_required',
    );
    app.clock.set('2026-11-30T08:47:00Z');
    expect((await open(second)).status).toBe(200);
    expect((await first.get('/api/v1/guest/visit')).body.error).toBe('guest_link_required');
    expect((await second.get('/api/v1/guest/visit')).status).toBe(200);

    // Another appointment's id does not reach this guest.
    const other = await book('2026-11-30T11:00:00+01:00');
    expect((await doctor.request('DELETE', `${guests(other)}/${guest.id}`)).status).toBe(404);
    expect((await doctor.post(`${guests(other)}/${guest.id}/admit`)).status).toBe(404);

    // Revoked: the browser that holds it and the link itself stop working at once.
    expect((await doctor.request('DELETE', `${guests(id)}/${guest.id}`)).status).toBe(200);
    expect((await second.get('/api/v1/guest/visit')).body.error).toBe('guest_link_required');
    expect((await open(second)).body.error).toBe('guest_link_revoked');
    expect((await open(new Browser(app))).body.error).toBe('guest_link_revoked');
  });

  it('is refused for a cancelled appointment; a guest is let in only while the practitioner is in the call', async () => {
    const { doctor, book } = await consultation();
    const id = await book();
    const { body: guest } = await doctor.post(guests(id), { name: 'Kari', role: 'relative' });
    expect((await doctor.post(`${guests(id)}/${guest.id}/admit`)).body.error).toBe('not_in_call');
    const cancelled = await doctor.post(`/api/v1/staff/appointments/${id}/cancel`, {
      message: 'Legen er syk.',
    });
    expect(cancelled.status).toBeLessThan(300);
    expect(
      (await new Browser(app).post('/api/v1/guest/link', { token: tokenOf(guest.link) })).body
        .error,
    ).toBe('not_allowed');
    expect((await doctor.post(guests(id), { name: 'Ny', role: 'relative' })).body.error).toBe(
      'already_cancelled',
    );
  });
});
