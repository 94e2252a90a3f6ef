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
    });

    const saved = await browser.request('PUT', `/api/v1/admin/clinics/${clinic.id}`, {
      ...profile,
      name: '  Åsane Helse  ',
      town: 'Åsane',
      timeZone: 'europe/oslo',
      requireStrongAuthForVideo: true,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      name: 'Åsane Helse',
      town: 'Åsane',
      timeZone: 'Europe/Oslo',
      requireStrongAuthForVideo: true,
    });
    const search = await new Browser(app).get(`/api/v1/clinics?q=${encodeURIComponent('åsane')}`);
    expect(search.body.map((c: any) => c.id)).toContain(clinic.id);

    await browser.request('PUT', `/api/v1/admin/clinics/${clinic.id}`, {
      ...profile,
      listed: false,
    });
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
