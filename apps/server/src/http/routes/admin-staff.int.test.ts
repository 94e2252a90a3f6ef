import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../lib/crypto';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildPractitioner,
  buildStaff,
  buildUser,
  signInAs,
} from '../../../test/factories';
import { Browser, startTestApp, type TestApp } from '../../../test/harness';

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

let n = 0;
const email = (what: string) => `${what}-${++n}@example.com`;

async function clinicWithAdmin() {
  const clinic = await buildClinic(app.db, { name: `Fjordlegene ${++n}` });
  const admin = await buildStaff(app.db, clinic.id, { roles: ['admin'], name: 'Anne Admin' });
  return { clinic, admin, browser: await signInAs(app, admin.userId) };
}

/** The invitation link sent to `to`, and its token. */
async function sentLink(to: string): Promise<{ link: string; token: string; text: string }> {
  const { rows } = await app.db.query<{ body_text: string; subject: string }>(
    `SELECT body_text, subject FROM dev_outbox WHERE recipient = $1 AND channel = 'email'
      ORDER BY created_at DESC LIMIT 1`,
    [to],
  );
  const text = rows[0]?.body_text ?? '';
  const match = new RegExp(`${app.config.publicUrl}/invitasjon/([A-Za-z0-9_-]{43})`).exec(text);
  if (!match) throw new Error(`no invitation sent to ${to}`);
  return { link: match[0], token: match[1]!, text: `${rows[0]!.subject}\n${text}` };
}

describe('invitations', () => {
  it('sends a single-use link by e-mail that the invited person accepts once', async () => {
    const { clinic, admin, browser } = await clinicWithAdmin();
    const to = email('ny-lege');
    const sent = await browser.post(`/api/v1/admin/clinics/${clinic.id}/invitations`, {
      email: to.toUpperCase(),
      roles: ['practitioner'],
      practitionerName: 'Dr. Ny Lege',
      practitionerTitle: 'Fastlege',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({
      email: to,
      roles: ['practitioner'],
      practitionerName: 'Dr. Ny Lege',
      state: 'pending',
      invitedBy: { userId: admin.userId, name: 'Anne Admin' },
      createdAt: '2026-11-30T10:00:00+01:00',
      expiresAt: '2026-12-07T10:00:00+01:00',
    });

    // The e-mail (Norwegian by default) carries the link; only a hash of the token is stored.
    const { token, text } = await sentLink(to);
    expect(text).toContain(clinic.name);
    expect(text).toContain('Anne Admin');
    expect(text).toContain('behandler');
    const stored = await app.db.query(
      'SELECT row_to_json(i)::text AS row, token_hash FROM staff_invitations i WHERE id = $1',
      [sent.body.id],
    );
    expect(stored.rows[0].token_hash).toEqual(sha256(token));
    expect(stored.rows[0].row).not.toContain(token);

    // Anyone with the link sees the clinic, the roles and the state: nothing else.
    const anonymous = new Browser(app);
    const shown = await anonymous.get(`/api/v1/invitations/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      clinicName: clinic.name,
      roles: ['practitioner'],
      state: 'pending',
      expiresAt: '2026-12-07T10:00:00+01:00',
    });

    // Signed out: 401. Someone else's account: refused, and nothing is written.
    expect((await anonymous.post(`/api/v1/invitations/${token}/accept`)).status).toBe(401);
    const stranger = await buildUser(app.db, { email: email('someone-else') });
    const wrong = await (
      await signInAs(app, stranger.id, 'code_email')
    ).post(`/api/v1/invitations/${token}/accept`);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('invitation_email_mismatch');
    expect(
      (await app.db.query('SELECT 1 FROM clinic_memberships WHERE user_id = $1', [stranger.id]))
        .rowCount,
    ).toBe(0);

    // The invited person, signed in with a one-time code to that address, accepts.
    const invited = await buildUser(app.db, { email: to });
    const person = await signInAs(app, invited.id, 'code_email');
    // Staff sign in with a password: accepting sets one on an account that has none.
    const short = await person.post(`/api/v1/invitations/${token}/accept`, { password: 'kort' });
    expect(short.status).toBe(400);
    const accepted = await person.post(`/api/v1/invitations/${token}/accept`, {
      password: 'et langt og godt passord',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toEqual({
      clinicId: clinic.id,
      clinicName: clinic.name,
      roles: ['practitioner'],
      practitionerId: expect.any(String),
      hasPassword: true,
    });
    const hash = await app.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [invited.id],
    );
    expect(hash.rows[0]!.password_hash).toMatch(/^\$argon2/);
    const practitioner = await app.db.query(
      'SELECT name, title, user_id, active FROM practitioners WHERE id = $1',
      [accepted.body.practitionerId],
    );
    expect(practitioner.rows[0]).toEqual({
      name: 'Dr. Ny Lege',
      title: 'Fastlege',
      user_id: invited.id,
      active: true,
    });
    // They are staff now, but a code session is no staff session: the calendar asks for the
    // staff sign-in, where the new password leads to setting up the authenticator app.
    const early = await person.get('/api/v1/staff/calendar?from=2026-11-30&to=2026-11-30');
    expect(early.status).toBe(403);
    expect(early.body.error).toBe('staff_sign_in_required');
    const staffBrowser = new Browser(app);
    const signIn = await staffBrowser.post('/api/v1/auth/password', {
      email: to,
      password: 'et langt og godt passord',
    });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    expect(signIn.body).toEqual({ next: 'enrol' });

    // Single use.
    const again = await person.post(`/api/v1/invitations/${token}/accept`);
    expect(again.status).toBe(410);
    expect(again.body.error).toBe('invitation_used');
    expect((await anonymous.get(`/api/v1/invitations/${token}`)).body.state).toBe('accepted');

    const audit = await app.db.query(
      `SELECT action, actor_user_id FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [sent.body.id],
    );
    expect(audit.rows).toEqual([
      { action: 'staff.invite', actor_user_id: admin.userId },
      { action: 'staff.invitation.accept', actor_user_id: invited.id },
    ]);
  });

  it('expires after 7 days', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const to = email('sent');
    await buildUser(app.db, { email: to });
    expect(
      (
        await browser.post(`/api/v1/admin/clinics/${clinic.id}/invitations`, {
          email: to,
          roles: ['admin'],
        })
      ).status,
    ).toBe(201);
    const { token } = await sentLink(to);
    app.clock.set('2026-12-07T09:00:01Z');
    const { rows } = await app.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      to,
    ]);
    const late = await (
      await signInAs(app, rows[0]!.id)
    ).post(`/api/v1/invitations/${token}/accept`);
    expect(late.status).toBe(410);
    expect(late.body.error).toBe('invitation_expired');
    expect((await new Browser(app).get(`/api/v1/invitations/${token}`)).body.state).toBe('expired');
  });

  it('can be revoked, replaced by a new one, and is refused for active staff', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const to = email('revoked');
    const invitee = await buildUser(app.db, { email: to });
    const first = await browser.post(`/api/v1/admin/clinics/${clinic.id}/invitations`, {
      email: to,
      roles: ['admin'],
    });
    const { token: firstToken } = await sentLink(to);
    // A second invitation to the same address replaces the first.
    const second = await browser.post(`/api/v1/admin/clinics/${clinic.id}/invitations`, {
      email: to,
      roles: ['admin', 'practitioner'],
      practitionerName: 'Dr. Revidert',
    });
    expect(second.status).toBe(201);
    const { token } = await sentLink(to);
    expect(token).not.toBe(firstToken);
    const staff = await browser.get(`/api/v1/admin/clinics/${clinic.id}/staff`);
    expect(staff.body.invitations.map((i: any) => i.id)).toEqual([second.body.id]);
    const person = await signInAs(app, invitee.id);
    const old = await person.post(`/api/v1/invitations/${firstToken}/accept`);
    expect(old.status).toBe(410);
    expect(old.body.error).toBe('invitation_revoked');

    const revoked = await browser.request(
      'DELETE',
      `/api/v1/admin/clinics/${clinic.id}/invitations/${second.body.id}`,
    );
    expect(revoked.status).toBe(204);
    expect((await person.post(`/api/v1/invitations/${token}/accept`)).body.error).toBe(
      'invitation_revoked',
    );
    expect(
      (await browser.get(`/api/v1/admin/clinics/${clinic.id}/staff`)).body.invitations,
    ).toEqual([]);
    expect(first.status).toBe(201);

    // An account that has a password keeps it; accepting without a body is fine.
    const withPassword = await buildUser(app.db, {
      email: email('has-password'),
      password: 'det gamle passordet',
    });
    await browser.post(`/api/v1/admin/clinics/${clinic.id}/invitations`, {
      email: withPassword.email,
      roles: ['admin'],
    });
    const before = await app.db.query('SELECT password_hash FROM users WHERE id = $1', [
      withPassword.id,
    ]);
    const kept = await (
      await signInAs(app, withPassword.id)
    ).post(`/api/v1/invitations/${(await sentLink(withPassword.email)).token}/accept`, {
      password: 'et helt nytt passord',
    });
    expect(kept.body).toMatchObject({ roles: ['admin'], practitionerId: null, hasPassword: true });
    const after = await app.db.query('SELECT password_hash FROM users WHERE id = $1', [
      withPassword.id,
    ]);
    expect(after.rows).toEqual(before.rows);

    // Someone already active at the clinic is not invited again.
    const member = await buildStaff(app.db, clinic.id);
    const refused = await browser.post(`/api/v1/admin/clinics/${clinic.id}/invitations`, {
      email: member.email,
      roles: ['admin'],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('already_member');
  });

  it('validates what it is given', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const url = `/api/v1/admin/clinics/${clinic.id}/invitations`;
    for (const body of [
      { email: 'not-an-address', roles: ['admin'] },
      { email: email('x'), roles: [] },
      { email: email('x'), roles: ['owner'] },
      { email: email('x'), roles: ['admin', 'admin'] },
      { email: email('x'), roles: ['practitioner'] },
      { email: email('x'), roles: ['admin'], extra: true },
    ]) {
      const answer = await browser.post(url, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toBe('validation_failed');
    }
    expect((await new Browser(app).get('/api/v1/invitations/short')).status).toBe(400);
    expect((await new Browser(app).get(`/api/v1/invitations/${'A'.repeat(43)}`)).body).toEqual({
      error: 'not_found',
      message: 'Not found.',
    });
  });
});

describe('inviting a practitioner who has no account yet', () => {
  it('links the existing practitioner row on acceptance: hours and appointments stay theirs', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const existing = await buildPractitioner(app.db, clinic.id, { name: 'Dr. Ola Hansen' });
    const type = await buildAppointmentType(app.db, clinic.id, [existing.id]);
    const patient = await buildUser(app.db, { name: 'Pål Pasient' });
    const booked = await buildAppointment(app.db, {
      clinicId: clinic.id,
      practitionerId: existing.id,
      patientId: patient.id,
      typeId: type.id,
      start: '2026-12-01T08:00:00Z',
    });

    const overview = await browser.get(`/api/v1/admin/clinics/${clinic.id}/staff`);
    expect(overview.body.practitioners).toEqual([
      { id: existing.id, name: 'Dr. Ola Hansen', title: 'Fastlege', active: true, userId: null },
    ]);

    const to = email('ola');
    const url = `/api/v1/admin/clinics/${clinic.id}/invitations`;
    const sent = await browser.post(url, {
      email: to,
      roles: ['practitioner'],
      practitionerName: 'Dr. Ola Hansen',
      practitionerId: existing.id,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ practitionerId: existing.id, practitionerTitle: null });
    const listed = await browser.get(`/api/v1/admin/clinics/${clinic.id}/staff`);
    expect(listed.body.invitations.map((i: any) => i.practitionerId)).toEqual([existing.id]);

    const { token } = await sentLink(to);
    const ola = await buildUser(app.db, { email: to });
    const accepted = await (
      await signInAs(app, ola.id, 'code_email')
    ).post(`/api/v1/invitations/${token}/accept`, { password: 'et langt og godt passord' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    // The same row, not a second one: its title (not in the invitation) kept.
    expect(accepted.body.practitionerId).toBe(existing.id);
    const rows = await app.db.query(
      'SELECT id, name, title, user_id, active FROM practitioners WHERE clinic_id = $1',
      [clinic.id],
    );
    expect(rows.rows).toEqual([
      { id: existing.id, name: 'Dr. Ola Hansen', title: 'Fastlege', user_id: ola.id, active: true },
    ]);
    // The appointment booked with the practitioner is in the new account's calendar.
    const staffSession = await signInAs(app, ola.id);
    const day = await staffSession.get('/api/v1/staff/calendar?from=2026-12-01&to=2026-12-01');
    expect(day.status).toBe(200);
    expect(day.body.map((a: any) => a.id)).toEqual([booked.id]);
    const audit = await app.db.query(
      `SELECT details FROM audit_log WHERE action = 'staff.invitation.accept' AND entity_id = $1`,
      [sent.body.id],
    );
    expect(audit.rows[0].details).toMatchObject({ linkedPractitioner: existing.id });

    // It has an account now: another invitation for it is refused.
    const again = await browser.post(url, {
      email: email('ola-igjen'),
      roles: ['practitioner'],
      practitionerName: 'Dr. Ola Hansen',
      practitionerId: existing.id,
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('already_member');
  });

  it('leaves an inactive practitioner inactive, and unbookable, until the administrator activates them', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const existing = await buildPractitioner(app.db, clinic.id, { name: 'Dr. Kari Hvile' });
    await buildAppointmentType(app.db, clinic.id, [existing.id]);
    await app.db.query('UPDATE practitioners SET active = false WHERE id = $1', [existing.id]);
    const to = email('kari');
    const sent = await browser.post(`/api/v1/admin/clinics/${clinic.id}/invitations`, {
      email: to,
      roles: ['practitioner'],
      practitionerName: 'Dr. Kari Hvile',
      practitionerId: existing.id,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const { token } = await sentLink(to);
    const kari = await buildUser(app.db, { email: to });
    const accepted = await (
      await signInAs(app, kari.id, 'code_email')
    ).post(`/api/v1/invitations/${token}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.practitionerId).toBe(existing.id);

    const patient = new Browser(app);
    const offered = async () => ({
      practitioners: (await patient.get(`/api/v1/clinics/${clinic.id}/practitioners`)).body.map(
        (p: any) => p.id,
      ),
      types: (
        await patient.get(
          `/api/v1/clinics/${clinic.id}/appointment-types?practitionerId=${existing.id}`,
        )
      ).body.length,
    });
    const row = async () =>
      (await app.db.query('SELECT user_id, active FROM practitioners WHERE id = $1', [existing.id]))
        .rows[0];
    expect(await row()).toEqual({ user_id: kari.id, active: false });
    expect(await offered()).toEqual({ practitioners: [], types: 0 });

    // Activating the member is the administrator's deliberate way to make them bookable.
    const activated = await browser.patch(`/api/v1/admin/clinics/${clinic.id}/staff/${kari.id}`, {
      active: true,
    });
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect(activated.body.practitioner).toMatchObject({ id: existing.id, active: true });
    expect(await row()).toEqual({ user_id: kari.id, active: true });
    expect(await offered()).toEqual({ practitioners: [existing.id], types: 1 });
  });

  it("refuses another clinic's practitioner and an invitation without the practitioner role", async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const elsewhere = await buildPractitioner(app.db, (await buildClinic(app.db)).id);
    const url = `/api/v1/admin/clinics/${clinic.id}/invitations`;
    const foreign = await browser.post(url, {
      email: email('fremmed'),
      roles: ['practitioner'],
      practitionerName: 'Dr. Fremmed',
      practitionerId: elsewhere.id,
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error).toBe('unknown_practitioner');
    const adminOnly = await browser.post(url, {
      email: email('admin'),
      roles: ['admin'],
      practitionerId: elsewhere.id,
    });
    expect(adminOnly.status).toBe(400);
    expect(
      (await app.db.query('SELECT 1 FROM staff_invitations WHERE clinic_id = $1', [clinic.id]))
        .rowCount,
    ).toBe(0);
  });

  it('falls back to their own row when the practitioner got an account meanwhile', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const existing = await buildPractitioner(app.db, clinic.id, { name: 'Dr. Ingrid Berg' });
    const to = email('ingrid');
    const sent = await browser.post(`/api/v1/admin/clinics/${clinic.id}/invitations`, {
      email: to,
      roles: ['practitioner'],
      practitionerName: 'Dr. Ingrid Berg',
      practitionerId: existing.id,
    });
    expect(sent.status).toBe(201);
    const someoneElse = await buildUser(app.db);
    await app.db.query('UPDATE practitioners SET user_id = $2 WHERE id = $1', [
      existing.id,
      someoneElse.id,
    ]);
    const { token } = await sentLink(to);
    const ingrid = await buildUser(app.db, { email: to });
    const accepted = await (
      await signInAs(app, ingrid.id, 'code_email')
    ).post(`/api/v1/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.practitionerId).not.toBe(existing.id);
    const row = await app.db.query('SELECT user_id FROM practitioners WHERE id = $1', [
      existing.id,
    ]);
    expect(row.rows[0].user_id).toBe(someoneElse.id);
  });
});

describe('staff', () => {
  it('lists members with roles, open invitations and every practitioner', async () => {
    const { clinic, admin, browser } = await clinicWithAdmin();
    const doctor = await buildStaff(app.db, clinic.id, { name: 'Dr. Berg' });
    const withoutAccount = await buildPractitioner(app.db, clinic.id, { name: 'Dr. Uten Konto' });
    const overview = await browser.get(`/api/v1/admin/clinics/${clinic.id}/staff`);
    expect(overview.status).toBe(200);
    expect(overview.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: admin.userId, roles: ['admin'], practitioner: null }),
        expect.objectContaining({
          userId: doctor.userId,
          roles: ['practitioner'],
          active: true,
          deactivatedAt: null,
          practitioner: {
            id: doctor.practitionerId,
            name: 'Dr. Berg',
            title: 'Fastlege',
            active: true,
          },
        }),
      ]),
    );
    expect(overview.body.practitioners.map((p: any) => p.id).sort()).toEqual(
      [doctor.practitionerId, withoutAccount.id].sort(),
    );
  });

  it('deactivating someone ends their sessions at once', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const doctor = await buildStaff(app.db, clinic.id);
    const phone = await signInAs(app, doctor.userId);
    const laptop = await signInAs(app, doctor.userId);
    expect((await phone.get('/api/v1/staff/calendar?from=2026-11-30&to=2026-11-30')).status).toBe(
      200,
    );

    const changed = await browser.patch(
      `/api/v1/admin/clinics/${clinic.id}/staff/${doctor.userId}`,
      {
        active: false,
      },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      active: false,
      deactivatedAt: '2026-11-30T10:00:00+01:00',
      practitioner: { active: false },
    });
    for (const device of [phone, laptop]) {
      const next = await device.get('/api/v1/staff/calendar?from=2026-11-30&to=2026-11-30');
      expect(next.status).toBe(401);
    }
    expect(
      (await app.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [doctor.userId])).rowCount,
    ).toBe(0);
    // Signing in again gives nothing of the clinic: patients cannot book them either.
    const back = await signInAs(app, doctor.userId);
    expect((await back.get('/api/v1/staff/calendar?from=2026-11-30&to=2026-11-30')).status).toBe(
      403,
    );
    const audit = await app.db.query(
      `SELECT action, details FROM audit_log WHERE entity_id = $1 AND action LIKE 'staff.%'`,
      [doctor.userId],
    );
    expect(audit.rows).toEqual([
      {
        action: 'staff.deactivate',
        details: { active: { from: true, to: false }, sessionsEnded: 2 },
      },
    ]);

    // Reactivated, they practise again (with the same practitioner row).
    const reactivated = await browser.patch(
      `/api/v1/admin/clinics/${clinic.id}/staff/${doctor.userId}`,
      { active: true },
    );
    expect(reactivated.body).toMatchObject({
      active: true,
      deactivatedAt: null,
      practitioner: { id: doctor.practitionerId, active: true },
    });
  });

  it("resets a member's authenticator app: sessions end, and the next sign-in sets up a new one", async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const doctor = await buildStaff(app.db, clinic.id, { password: 'doktorens passord' });
    await app.db.query(
      `INSERT INTO staff_totp (user_id, secret_encrypted, created_at, confirmed_at)
       VALUES ($1, 'v1.sealed', now(), now())`,
      [doctor.userId],
    );
    await app.db.query(
      `INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, '\\x01', now())`,
      [doctor.userId],
    );
    const phone = await signInAs(app, doctor.userId);
    const listed = await browser.get(`/api/v1/admin/clinics/${clinic.id}/staff`);
    expect(listed.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: doctor.userId, authenticator: true }),
      ]),
    );

    const reset = await browser.request(
      'DELETE',
      `/api/v1/admin/clinics/${clinic.id}/staff/${doctor.userId}/authenticator`,
    );
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body).toMatchObject({ userId: doctor.userId, authenticator: false, active: true });
    expect((await phone.get('/api/v1/staff/calendar?from=2026-11-30&to=2026-11-30')).status).toBe(
      401,
    );
    const left = await app.db.query(
      `SELECT (SELECT count(*) FROM staff_totp WHERE user_id = $1)::int AS totp,
              (SELECT count(*) FROM recovery_codes WHERE user_id = $1)::int AS codes`,
      [doctor.userId],
    );
    expect(left.rows[0]).toEqual({ totp: 0, codes: 0 });
    const audit = await app.db.query(
      `SELECT action, details FROM audit_log WHERE entity_id = $1 AND action LIKE 'staff.%'`,
      [doctor.userId],
    );
    expect(audit.rows).toEqual([
      {
        action: 'staff.authenticator_reset',
        details: { hadAuthenticator: true, sessionsEnded: 1 },
      },
    ]);

    const logged = await browser.get(
      `/api/v1/admin/clinics/${clinic.id}/audit?action=staff.authenticator_reset`,
    );
    expect(logged.body.entries).toEqual([
      expect.objectContaining({ person: { name: expect.any(String), email: doctor.email } }),
    ]);

    // The password still works; what comes next is setting up a new app.
    const again = new Browser(app);
    const step = await again.post('/api/v1/auth/password', {
      email: doctor.email,
      password: 'doktorens passord',
    });
    expect(step.body).toEqual({ next: 'enrol' });

    // Someone who is not a member here is not found.
    const stranger = await buildUser(app.db, { email: email('fremmed') });
    const notHere = await browser.request(
      'DELETE',
      `/api/v1/admin/clinics/${clinic.id}/staff/${stranger.id}/authenticator`,
    );
    expect(notHere.status).toBe(404);
  });

  it('changes roles, and never leaves the clinic without an active administrator', async () => {
    const { clinic, admin, browser } = await clinicWithAdmin();
    const url = (userId: string) => `/api/v1/admin/clinics/${clinic.id}/staff/${userId}`;
    for (const change of [{ active: false }, { roles: ['practitioner'] }]) {
      const refused = await browser.patch(url(admin.userId), {
        ...change,
        practitionerName: 'Dr. Admin',
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toBe('last_admin');
    }
    const unchanged = await app.db.query(
      'SELECT roles, active FROM clinic_memberships WHERE user_id = $1',
      [admin.userId],
    );
    expect(unchanged.rows[0]).toEqual({ roles: ['admin'], active: true });

    // A practitioner made administrator too; then the first one may step down.
    const doctor = await buildStaff(app.db, clinic.id);
    const promoted = await browser.patch(url(doctor.userId), { roles: ['practitioner', 'admin'] });
    expect(promoted.status).toBe(200);
    expect(promoted.body.roles).toEqual(['practitioner', 'admin']);
    const doctorBrowser = await signInAs(app, doctor.userId);
    expect((await doctorBrowser.get(`/api/v1/admin/clinics/${clinic.id}`)).status).toBe(200);

    const stepDown = await browser.patch(url(admin.userId), {
      roles: ['practitioner'],
      practitionerName: 'Dr. Anne',
    });
    expect(stepDown.status, JSON.stringify(stepDown.body)).toBe(200);
    expect(stepDown.body.practitioner).toMatchObject({ name: 'Dr. Anne', active: true });
    expect((await browser.get(`/api/v1/admin/clinics/${clinic.id}`)).status).toBe(403);

    // No longer a practitioner: the practitioner row goes inactive.
    const adminOnly = await doctorBrowser.patch(url(doctor.userId), { roles: ['admin'] });
    expect(adminOnly.body.practitioner).toMatchObject({ active: false });

    // Someone of another clinic, or nobody: 404.
    const elsewhere = await buildStaff(app.db, (await buildClinic(app.db)).id);
    expect((await doctorBrowser.patch(url(elsewhere.userId), { active: false })).status).toBe(404);
    expect((await doctorBrowser.patch(url(elsewhere.userId), { nothing: true })).body.error).toBe(
      'validation_failed',
    );
    expect((await doctorBrowser.patch(url(doctor.userId), {})).status).toBe(400);
  });
});
