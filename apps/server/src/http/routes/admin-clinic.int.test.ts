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
import { Browser, startTestApp, type TestApp } from '../../../test/harness';

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

async function clinicWithAdmin() {
  const clinic = await buildClinic(app.db, { name: 'Bryggen legekontor', town: 'Bergen' });
  const admin = await buildStaff(app.db, clinic.id, { roles: ['admin'] });
  return { clinic, admin, browser: await signInAs(app, admin.userId) };
}

const profile = {
  name: 'Bryggen legesenter',
  address: 'Bryggen 1',
  town: 'Bergen',
  timeZone: 'Europe/Oslo',
  listed: true,
  requireStrongAuthForVideo: false,
};

describe('the clinic profile', () => {
  it('is read and replaced by its administrators, with search kept in step', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const read = await browser.get(`/api/v1/admin/clinics/${clinic.id}`);
    expect(read.body).toEqual({
      id: clinic.id,
      name: 'Bryggen legekontor',
      address: null,
      town: 'Bergen',
      timeZone: 'Europe/Oslo',
      listed: true,
      requireStrongAuthForVideo: false,
      language: 'nb',
      videoInfo: null,
      phone: null,
    });

    const saved = await browser.request('PUT', `/api/v1/admin/clinics/${clinic.id}`, {
      ...profile,
      name: '  Åsane Helse  ',
      town: 'Åsane',
      timeZone: 'europe/oslo',
      requireStrongAuthForVideo: true,
      language: 'en',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      name: 'Åsane Helse',
      town: 'Åsane',
      timeZone: 'Europe/Oslo',
      requireStrongAuthForVideo: true,
      language: 'en',
    });
    const search = await new Browser(app).get(`/api/v1/clinics?q=${encodeURIComponent('åsane')}`);
    expect(search.body.map((c: any) => c.id)).toContain(clinic.id);

    // Without a language, the one saved stays.
    await browser.request('PUT', `/api/v1/admin/clinics/${clinic.id}`, {
      ...profile,
      listed: false,
    });
    expect((await browser.get(`/api/v1/admin/clinics/${clinic.id}`)).body.language).toBe('en');
    const hidden = await new Browser(app).get('/api/v1/clinics?q=bryggen');
    expect(hidden.body.map((c: any) => c.id)).not.toContain(clinic.id);

    const audit = await app.db.query(
      `SELECT details->'changes' AS changes FROM audit_log
        WHERE action = 'settings.clinic.change' AND entity_id = $1 ORDER BY id`,
      [clinic.id],
    );
    expect(audit.rows[1].changes).toEqual({
      name: { from: 'Åsane Helse', to: 'Bryggen legesenter' },
      town: { from: 'Åsane', to: 'Bergen' },
      listed: { from: true, to: false },
      requireStrongAuthForVideo: { from: true, to: false },
    });
  });

  it('refuses unknown time zones and malformed profiles', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    for (const body of [
      { ...profile, timeZone: 'Mars/Olympus_Mons' },
      { ...profile, timeZone: '+01:00' },
      { ...profile, name: '' },
      { ...profile, name: 'x'.repeat(121) },
      { ...profile, listed: 'yes' },
      { ...profile, language: 'nn-NO' },
      { ...profile, owner: 'me' },
      { name: 'Bare navn' },
    ]) {
      const answer = await browser.request('PUT', `/api/v1/admin/clinics/${clinic.id}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect((await browser.get(`/api/v1/admin/clinics/${clinic.id}`)).body.name).toBe(
      'Bryggen legekontor',
    );
  });

  it('a new time zone that moves booked appointments outside the hours asks first', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const practitioner = await buildPractitioner(app.db, clinic.id);
    const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id]);
    const patient = await buildUser(app.db);
    // Tuesday 08:00 in Oslo is 07:00 in London: before the 08:00 the hours start there.
    const early = await buildAppointment(app.db, {
      clinicId: clinic.id,
      practitionerId: practitioner.id,
      patientId: patient.id,
      typeId: type.id,
      start: '2026-12-01T07:00:00Z',
    });
    const london = { ...profile, timeZone: 'Europe/London' };
    const refused = await browser.request('PUT', `/api/v1/admin/clinics/${clinic.id}`, london);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('hours_conflict');
    expect(refused.body.appointments.map((a: any) => a.id)).toEqual([early.id]);
    expect((await browser.get(`/api/v1/admin/clinics/${clinic.id}`)).body.timeZone).toBe(
      'Europe/Oslo',
    );
    const saved = await browser.request('PUT', `/api/v1/admin/clinics/${clinic.id}`, {
      ...london,
      confirm: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.timeZone).toBe('Europe/London');
  });
});

describe('the information before a video consultation', () => {
  const videoInfo = async (clinicId: string) =>
    (
      await app.db.query<{ video_info: string | null }>(
        'SELECT video_info FROM clinics WHERE id = $1',
        [clinicId],
      )
    ).rows[0]!.video_info;

  const text =
    'Videokonsultasjonen er en samtale med behandleren din på skjerm.\n\nIngenting blir tatt opp.\n  Vil du heller komme hit, ring oss på 55 00 00 00.';

  it('is saved with its line breaks, read back, kept when not sent, and cleared by null or empty', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const url = `/api/v1/admin/clinics/${clinic.id}`;
    expect((await browser.get(url)).body.videoInfo).toBeNull();

    const saved = await browser.request('PUT', url, { ...profile, videoInfo: `\n  ${text}  \n` });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.videoInfo).toBe(text);
    expect((await browser.get(url)).body.videoInfo).toBe(text);
    expect(await videoInfo(clinic.id)).toBe(text);

    // Without it, the text saved stays (like the language).
    expect((await browser.request('PUT', url, { ...profile, town: 'Os' })).status).toBe(200);
    expect(await videoInfo(clinic.id)).toBe(text);

    // Empty (after trimming) means Visitt's standard text: stored as NULL, never as ''.
    const emptied = await browser.request('PUT', url, { ...profile, videoInfo: ' \n\t ' });
    expect(emptied.status).toBe(200);
    expect(emptied.body.videoInfo).toBeNull();
    expect(await videoInfo(clinic.id)).toBeNull();

    await browser.request('PUT', url, { ...profile, videoInfo: 'x'.repeat(2000) });
    expect(await videoInfo(clinic.id)).toBe('x'.repeat(2000));
    const cleared = await browser.request('PUT', url, { ...profile, videoInfo: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.videoInfo).toBeNull();
    expect((await browser.get(url)).body.videoInfo).toBeNull();

    const audit = await app.db.query(
      `SELECT details->'changes'->'videoInfo' AS change FROM audit_log
        WHERE action = 'settings.clinic.change' AND entity_id = $1 ORDER BY id`,
      [clinic.id],
    );
    expect(audit.rows.map((r) => r.change)).toEqual([
      { from: null, to: text },
      null,
      { from: text, to: null },
      { from: null, to: 'x'.repeat(2000) },
      { from: 'x'.repeat(2000), to: null },
    ]);
  });

  it('refuses text longer than 2000 characters or with control characters, saving nothing', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const url = `/api/v1/admin/clinics/${clinic.id}`;
    await browser.request('PUT', url, { ...profile, videoInfo: text });
    for (const refused of [
      'x'.repeat(2001),
      'a\u0000b',
      'Ring \u0007 oss',
      '\u001b[31mRødt\u001b[0m',
      'Neste linje\u0085her',
      42,
    ]) {
      const answer = await browser.request('PUT', url, {
        ...profile,
        name: 'Endret navn',
        videoInfo: refused,
      });
      expect(answer.status, JSON.stringify(refused)).toBe(400);
      expect(answer.body.error).toBe('validation_failed');
    }
    expect(await videoInfo(clinic.id)).toBe(text);
    expect((await browser.get(url)).body.name).toBe('Bryggen legesenter');

    // The database holds the same bounds for any other writer.
    for (const value of ['', 'x'.repeat(2001)]) {
      await expect(
        app.db.query('UPDATE clinics SET video_info = $2 WHERE id = $1', [clinic.id, value]),
      ).rejects.toMatchObject({ code: '23514' });
    }
  });

  it('is changed only by the clinic’s administrator signed in as staff', async () => {
    const { clinic, admin, browser } = await clinicWithAdmin();
    const url = `/api/v1/admin/clinics/${clinic.id}`;
    const body = { ...profile, videoInfo: text };
    const doctor = await buildStaff(app.db, clinic.id);
    const other = await clinicWithAdmin();
    const patient = await buildUser(app.db);
    for (const [who, caller, status, error] of [
      ['nobody', new Browser(app), 401, 'unauthorized'],
      ['a patient', await signInAs(app, patient.id, 'code_email'), 403, 'staff_sign_in_required'],
      ['the clinic’s practitioner', await signInAs(app, doctor.userId), 403, 'forbidden'],
      ['another clinic’s administrator', other.browser, 404, undefined],
      [
        'the administrator signed in by one-time code',
        await signInAs(app, admin.userId, 'code_email'),
        403,
        'staff_sign_in_required',
      ],
    ] as const) {
      const answer = await caller.request('PUT', url, body);
      expect(answer.status, who).toBe(status);
      if (error) expect(answer.body.error, who).toBe(error);
      expect(await videoInfo(clinic.id), who).toBeNull();
    }
    expect((await browser.request('PUT', url, body)).status).toBe(200);
    expect(await videoInfo(clinic.id)).toBe(text);
  });
});

describe("the clinic's phone number", () => {
  const stored = async (clinicId: string) =>
    (
      await app.db.query<{ phone: string | null }>('SELECT phone FROM clinics WHERE id = $1', [
        clinicId,
      ])
    ).rows[0]!.phone;

  it('is kept in E.164 as typed in any usual way, kept when not sent, and removed by null', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const url = `/api/v1/admin/clinics/${clinic.id}`;
    expect((await browser.get(url)).body.phone).toBeNull();
    for (const [typed, kept] of [
      ['22 33 44 55', '+4722334455'],
      ['+47 22 33 44 55', '+4722334455'],
      ['0046 70-123 45 67', '+46701234567'],
      ['915 00 000', '+4791500000'],
    ] as const) {
      const saved = await browser.request('PUT', url, { ...profile, phone: typed });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.phone, typed).toBe(kept);
      expect(await stored(clinic.id)).toBe(kept);
    }
    expect((await browser.get(url)).body.phone).toBe('+4791500000');

    // Without it, the number saved stays.
    expect((await browser.request('PUT', url, { ...profile, town: 'Os' })).body.phone).toBe(
      '+4791500000',
    );
    const removed = await browser.request('PUT', url, { ...profile, phone: null });
    expect(removed.status).toBe(200);
    expect(removed.body.phone).toBeNull();
    expect(await stored(clinic.id)).toBeNull();

    const audit = await app.db.query(
      `SELECT details->'changes'->'phone' AS change FROM audit_log
        WHERE action = 'settings.clinic.change' AND entity_id = $1 ORDER BY id`,
      [clinic.id],
    );
    expect(audit.rows.map((r) => r.change)).toEqual([
      { from: null, to: '+4722334455' },
      null,
      { from: '+4722334455', to: '+46701234567' },
      { from: '+46701234567', to: '+4791500000' },
      null,
      { from: '+4791500000', to: null },
    ]);
  });

  it('refuses what cannot be a number, saving nothing of the profile', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const url = `/api/v1/admin/clinics/${clinic.id}`;
    await browser.request('PUT', url, { ...profile, phone: '22334455' });
    for (const refused of [
      '123456789',
      '+0123456789',
      '0 22 33 44 55',
      'ring oss',
      '',
      4722334455,
    ]) {
      const answer = await browser.request('PUT', url, {
        ...profile,
        name: 'Endret navn',
        phone: refused,
      });
      expect(answer.status, JSON.stringify(refused)).toBe(400);
      expect(answer.body.error).toBe('validation_failed');
      expect(answer.body.issues, JSON.stringify(refused)).toEqual([
        { path: 'phone', message: expect.any(String) },
      ]);
    }
    expect(await stored(clinic.id)).toBe('+4722334455');
    expect((await browser.get(url)).body.name).toBe('Bryggen legesenter');
    // The database holds the same form for any other writer.
    await expect(
      app.db.query('UPDATE clinics SET phone = $2 WHERE id = $1', [clinic.id, '22334455']),
    ).rejects.toMatchObject({ code: '23514' });
  });
});

describe('appointment types', () => {
  const type = (practitionerIds: string[]) => ({
    name: 'Videokonsultasjon 20 min',
    description: 'Kort samtale på video',
    durationMinutes: 20,
    slotStepMinutes: 10,
    modality: 'video',
    minimumNoticeMinutes: 60,
    horizonDays: 30,
    cancellationDeadlineMinutes: 120,
    bookableOnline: true,
    practitionerIds,
  });

  it('are created, changed and listed, offered only by the clinic’s practitioners', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const practitioner = await buildPractitioner(app.db, clinic.id);
    const url = `/api/v1/admin/clinics/${clinic.id}/appointment-types`;
    const created = await browser.post(url, type([practitioner.id]));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      ...type([practitioner.id]),
      active: true,
    });
    // Patients can book it now.
    const offered = await new Browser(app).get(`/api/v1/clinics/${clinic.id}/appointment-types`);
    expect(offered.body.map((t: any) => t.id)).toEqual([created.body.id]);

    const changed = await browser.request('PUT', `${url}/${created.body.id}`, {
      ...type([]),
      name: 'Video 20',
      bookableOnline: false,
      slotStepMinutes: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Video 20',
      bookableOnline: false,
      slotStepMinutes: null,
      practitionerIds: [],
    });
    expect(
      (await new Browser(app).get(`/api/v1/clinics/${clinic.id}/appointment-types`)).body,
    ).toEqual([]);
    expect((await browser.get(url)).body.map((t: any) => t.name)).toEqual(['Video 20']);

    const elsewhere = await buildPractitioner(app.db, (await buildClinic(app.db)).id);
    const foreign = await browser.post(url, type([practitioner.id, elsewhere.id]));
    expect(foreign.status).toBe(422);
    expect(foreign.body.error).toBe('unknown_practitioner');
    for (const body of [
      { ...type([]), durationMinutes: 3 },
      { ...type([]), modality: 'phone' },
      { ...type([]), horizonDays: 0 },
      { ...type([practitioner.id, practitioner.id]) },
      { ...type([]), name: 'a\u0000b' },
    ]) {
      expect((await browser.post(url, body)).status, JSON.stringify(body)).toBe(400);
    }
    const otherClinicsType = await buildAppointmentType(app.db, (await buildClinic(app.db)).id, []);
    expect((await browser.request('PUT', `${url}/${otherClinicsType.id}`, type([]))).status).toBe(
      404,
    );
  });

  it('are deleted when unused, and deactivated when booked', async () => {
    const { clinic, browser } = await clinicWithAdmin();
    const practitioner = await buildPractitioner(app.db, clinic.id);
    const url = `/api/v1/admin/clinics/${clinic.id}/appointment-types`;
    const unused = await buildAppointmentType(app.db, clinic.id, [practitioner.id]);
    const used = await buildAppointmentType(app.db, clinic.id, [practitioner.id]);
    await buildAppointment(app.db, {
      clinicId: clinic.id,
      practitionerId: practitioner.id,
      patientId: (await buildUser(app.db)).id,
      typeId: used.id,
      start: '2026-12-01T08:00:00Z',
    });
    expect((await browser.request('DELETE', `${url}/${unused.id}`)).body).toEqual({
      result: 'deleted',
    });
    expect((await browser.request('DELETE', `${url}/${used.id}`)).body).toEqual({
      result: 'deactivated',
    });
    expect((await browser.get(url)).body).toEqual([
      expect.objectContaining({ id: used.id, active: false }),
    ]);
    expect((await browser.request('DELETE', `${url}/${unused.id}`)).status).toBe(404);
  });
});

describe('the audit log', () => {
  it('is filtered and paged, shows only this clinic, and only to administrators', async () => {
    const { clinic, admin } = await clinicWithAdmin();
    const doctor = await buildStaff(app.db, clinic.id, { name: 'Dr. Logg' });
    const type = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!]);
    const patient = await buildUser(app.db, { name: 'Lise Pasient' });
    const appointment = await buildAppointment(app.db, {
      clinicId: clinic.id,
      practitionerId: doctor.practitionerId!,
      patientId: patient.id,
      typeId: type.id,
      start: '2026-12-01T08:00:00Z',
    });
    const doctorBrowser = await signInAs(app, doctor.userId);
    // Read by the practitioner on Monday; settings changed by the administrator on Tuesday.
    expect(
      (await doctorBrowser.get(`/api/v1/staff/appointments/${appointment.id}`, { 'x-test': '1' }))
        .status,
    ).toBe(200);
    app.clock.set('2026-12-01T09:00:00Z');
    const adminAgain = await signInAs(app, admin.userId);
    await adminAgain.request('PUT', `/api/v1/admin/clinics/${clinic.id}`, profile);
    await adminAgain.request('PUT', `/api/v1/admin/clinics/${clinic.id}/closures`, {
      closures: [{ from: '2026-12-24', to: '2026-12-26' }],
    });
    // Another clinic's trail never shows.
    const other = await clinicWithAdmin();
    await other.browser.request('PUT', `/api/v1/admin/clinics/${other.clinic.id}`, profile);

    const url = `/api/v1/admin/clinics/${clinic.id}/audit`;
    const all = await adminAgain.get(url);
    expect(all.status).toBe(200);
    // Reading the trail is in the trail: this very read comes first.
    expect(all.body.entries.map((e: any) => e.action)).toEqual([
      'audit.read',
      'settings.closures.change',
      'settings.clinic.change',
      'appointment.read',
    ]);
    expect(all.body.entries[0]).toMatchObject({
      actor: { userId: admin.userId },
      role: 'admin',
      entityType: 'clinic',
      entityId: clinic.id,
    });
    expect(all.body.entries[3]).toEqual({
      id: expect.any(Number),
      at: '2026-11-30T10:00:00+01:00',
      actor: { userId: doctor.userId, name: 'Dr. Logg', email: doctor.email },
      role: 'practitioner',
      action: 'appointment.read',
      entityType: 'appointment',
      entityId: appointment.id,
      // Recognisable without looking the id up: its time on the clinic's clock and practitioner.
      appointment: { start: '2026-12-01T09:00:00+01:00', practitioner: 'Dr. Logg' },
      listed: null,
      person: null,
      ip: '127.0.0.1',
      details: { via: 'detail' },
    });
    expect(all.body.entries[1]).toMatchObject({ appointment: null, person: null });
    expect(all.body.nextBefore).toBeNull();

    // The filters, leaving out the reads of the log that these very queries add.
    const q = async (query: string) =>
      (await adminAgain.get(`${url}?${query}`)).body.entries
        .map((e: any) => e.action)
        .filter((action: string) => action !== 'audit.read');
    expect(await q('action=settings.*')).toEqual([
      'settings.closures.change',
      'settings.clinic.change',
    ]);
    expect(await q('action=settings.clinic.change')).toEqual(['settings.clinic.change']);
    expect(await q(`actorUserId=${doctor.userId}`)).toEqual(['appointment.read']);
    expect(await q(`entityId=${appointment.id}`)).toEqual(['appointment.read']);
    expect(await q('from=2026-12-01')).toEqual([
      'settings.closures.change',
      'settings.clinic.change',
    ]);
    expect(await q('to=2026-11-30')).toEqual(['appointment.read']);
    expect(
      await q(`from=${encodeURIComponent('2026-11-30T09:30:00Z')}&to=2026-12-01`),
    ).toHaveLength(2);

    const first = await adminAgain.get(`${url}?action=settings.*&limit=1`);
    expect(first.body.entries.map((e: any) => e.action)).toEqual(['settings.closures.change']);
    const second = await adminAgain.get(
      `${url}?action=settings.*&limit=1&before=${first.body.nextBefore}`,
    );
    expect(second.body.entries.map((e: any) => e.action)).toEqual(['settings.clinic.change']);
    expect(second.body.nextBefore).toBeNull();

    for (const query of ['limit=0', 'limit=500', 'action=DROP', 'from=yesterday', 'foo=1']) {
      expect((await adminAgain.get(`${url}?${query}`)).status, query).toBe(400);
    }
    const forbidden = await (await signInAs(app, doctor.userId)).get(url);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toBe('forbidden');
  });
});

describe('reads of lists in the audit log', () => {
  async function dayOfTen() {
    const { clinic, admin } = await clinicWithAdmin();
    const doctor = await buildStaff(app.db, clinic.id, { name: 'Dr. Liste' });
    const type = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!]);
    const patient = await buildUser(app.db, { name: 'Liv Listesen' });
    const appointments: { id: string }[] = [];
    // Ten appointments on Tuesday 1 December, 08:00 to 12:30 in Oslo, every half hour.
    for (let i = 0; i < 10; i++) {
      const minutes = 7 * 60 + i * 30;
      const start = `2026-12-01T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00Z`;
      appointments.push(
        await buildAppointment(app.db, {
          clinicId: clinic.id,
          practitionerId: doctor.practitionerId!,
          patientId: patient.id,
          typeId: type.id,
          start,
          minutes: 30,
        }),
      );
    }
    return { clinic, admin, doctor, patient, ids: appointments.map((a) => a.id) };
  }

  const listRows = (clinicId: string, via: string) =>
    app.db.query<{ entity_id: string | null; entity_ids: string[] }>(
      `SELECT entity_id, entity_ids FROM audit_log
        WHERE clinic_id = $1 AND action = 'appointment.read' AND details->>'via' = $2`,
      [clinicId, via],
    );

  it('writes one row per read of a list, naming every appointment it showed', async () => {
    const { clinic, admin, doctor, patient, ids } = await dayOfTen();
    const doctorBrowser = await signInAs(app, doctor.userId);
    const workspace = await doctorBrowser.get('/api/v1/staff/appointments?date=2026-12-01');
    expect(workspace.status).toBe(200);
    expect(workspace.body).toHaveLength(10);
    const calendar = await doctorBrowser.get(
      '/api/v1/staff/calendar?from=2026-11-30&to=2026-12-06',
    );
    expect(calendar.body).toHaveLength(10);
    const patientBrowser = await signInAs(app, patient.id, 'code_email');
    const mine = await patientBrowser.get('/api/v1/me/appointments');
    expect(mine.body).toHaveLength(10);

    for (const via of ['workspace', 'calendar', 'list']) {
      const rows = await listRows(clinic.id, via);
      // Before: ten rows, one per appointment. Now: one.
      expect(rows.rowCount, via).toBe(1);
      expect(rows.rows[0]!.entity_id, via).toBeNull();
      expect([...rows.rows[0]!.entity_ids].sort(), via).toEqual([...ids].sort());
    }

    const adminBrowser = await signInAs(app, admin.userId);
    const url = `/api/v1/admin/clinics/${clinic.id}/audit`;
    const reads = await adminBrowser.get(`${url}?action=appointment.read`);
    expect(reads.body.entries).toHaveLength(3);
    const patientRead = reads.body.entries[0];
    expect(patientRead).toMatchObject({
      actor: { userId: patient.id, name: 'Liv Listesen' },
      role: 'patient',
      entityType: 'appointment',
      entityId: null,
      appointment: null,
      details: { via: 'list' },
    });
    // Named in the order shown, each with its time on the clinic's clock and practitioner.
    expect(patientRead.listed).toHaveLength(10);
    expect(patientRead.listed[0]).toEqual({
      id: ids[0],
      appointment: { start: '2026-12-01T08:00:00+01:00', practitioner: 'Dr. Liste' },
    });
    expect(patientRead.listed[9].appointment.start).toBe('2026-12-01T12:30:00+01:00');

    // "Which entries concern this appointment" finds the lists that showed it.
    const about = await adminBrowser.get(`${url}?entityId=${ids[4]}`);
    expect(
      about.body.entries
        .filter((e: any) => e.action !== 'audit.read')
        .map((e: any) => e.details.via),
    ).toEqual(['list', 'calendar', 'workspace']);
    const unrelated = await adminBrowser.get(`${url}?entityId=${admin.userId}`);
    expect(unrelated.body.entries.filter((e: any) => e.action !== 'audit.read')).toEqual([]);
  });

  it("files a patient's list under each clinic it drew from, with only that clinic's part", async () => {
    const first = await dayOfTen();
    const second = await clinicWithAdmin();
    const doctor = await buildStaff(app.db, second.clinic.id);
    const type = await buildAppointmentType(app.db, second.clinic.id, [doctor.practitionerId!]);
    const elsewhere = await buildAppointment(app.db, {
      clinicId: second.clinic.id,
      practitionerId: doctor.practitionerId!,
      patientId: first.patient.id,
      typeId: type.id,
      start: '2026-12-02T08:00:00Z',
    });
    const patientBrowser = await signInAs(app, first.patient.id, 'code_email');
    expect((await patientBrowser.get('/api/v1/me/appointments')).body).toHaveLength(11);
    const here = await listRows(first.clinic.id, 'list');
    expect(here.rowCount).toBe(1);
    expect(here.rows[0]!.entity_ids).toHaveLength(10);
    expect(here.rows[0]!.entity_ids).not.toContain(elsewhere.id);
    const there = await listRows(second.clinic.id, 'list');
    expect(there.rows.map((r) => r.entity_ids)).toEqual([[elsewhere.id]]);
  });

  it('keeps changes at one row per record', async () => {
    const { clinic, doctor, ids } = await dayOfTen();
    const doctorBrowser = await signInAs(app, doctor.userId);
    const cancelled = await doctorBrowser.post(`/api/v1/staff/appointments/${ids[0]}/cancel`, {
      message: 'Legen er syk.',
    });
    expect(cancelled.status).toBe(200);
    const rows = await app.db.query(
      `SELECT entity_id, entity_ids FROM audit_log WHERE clinic_id = $1 AND action = 'appointment.cancel'`,
      [clinic.id],
    );
    expect(rows.rows).toEqual([{ entity_id: ids[0], entity_ids: null }]);
  });
});

describe('the search for people in the audit log', () => {
  it('finds patients and staff who acted in this clinic by name or e-mail, and records the search', async () => {
    const { clinic, admin, patient } = await (async () => {
      const { clinic, admin } = await clinicWithAdmin();
      const doctor = await buildStaff(app.db, clinic.id, { name: 'Dr. Søk' });
      const type = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!]);
      const patient = await buildUser(app.db, {
        name: 'Åse Søkbar',
        email: `ase-${Date.now()}@example.com`,
      });
      await buildAppointment(app.db, {
        clinicId: clinic.id,
        practitionerId: doctor.practitionerId!,
        patientId: patient.id,
        typeId: type.id,
        start: '2026-12-01T08:00:00Z',
      });
      await (await signInAs(app, patient.id, 'code_email')).get('/api/v1/me/appointments');
      return { clinic, admin, patient };
    })();
    // Someone with the same name who never acted here is not found.
    await buildUser(app.db, { name: 'Åse Søkbar' });
    const adminBrowser = await signInAs(app, admin.userId);
    const url = `/api/v1/admin/clinics/${clinic.id}/audit/actors`;

    const byName = await adminBrowser.get(`${url}?q=${encodeURIComponent('søkbar')}`);
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual({
      actors: [
        { userId: patient.id, name: 'Åse Søkbar', email: patient.email, roles: ['patient'] },
      ],
    });
    const byEmail = await adminBrowser.get(`${url}?q=${encodeURIComponent(patient.email)}`);
    expect(byEmail.body.actors.map((a: any) => a.userId)).toEqual([patient.id]);
    // `%` and `_` are letters here, not patterns.
    expect((await adminBrowser.get(`${url}?q=%25`)).body.actors).toEqual([]);

    const searches = await app.db.query(
      `SELECT entity_type, entity_id, entity_ids, details FROM audit_log
        WHERE clinic_id = $1 AND action = 'audit.actors.read' ORDER BY id`,
      [clinic.id],
    );
    expect(searches.rows).toHaveLength(3);
    expect(searches.rows[0]).toEqual({
      entity_type: 'user',
      entity_id: null,
      entity_ids: [patient.id],
      details: { q: 'søkbar' },
    });
    // Without a query: everyone who acted here (the administrator by these searches), by name,
    // each with the roles they acted in; the namesake who never acted here is not among them.
    const everyone = await adminBrowser.get(url);
    expect(everyone.body.actors.map((a: any) => [a.userId, a.roles])).toEqual([
      [admin.userId, ['admin']],
      [patient.id, ['patient']],
    ]);

    expect((await adminBrowser.get(`${url}?q=${'x'.repeat(101)}`)).status).toBe(400);
    // Another clinic's administrator is not told the clinic exists.
    const other = await clinicWithAdmin();
    expect((await other.browser.get(url)).status).toBe(404);
    const doctorOnly = await buildStaff(app.db, clinic.id);
    expect((await (await signInAs(app, doctorOnly.userId)).get(url)).status).toBe(403);
  });
});
