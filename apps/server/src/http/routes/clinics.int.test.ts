import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAppointmentType,
  buildBookableClinic,
  buildClinic,
  buildPractitioner,
} from '../../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../../test/harness';

let app: TestApp;
// Monday 30 November 2026, 07:00 in Oslo.
beforeAll(async () => {
  app = await startTestApp({ now: '2026-11-30T06:00:00Z' });
});
afterAll(() => app.close());

const slotsPath = (clinicId: string, q: Record<string, string>) =>
  `/api/v1/clinics/${clinicId}/slots?${new URLSearchParams(q).toString()}`;

describe('clinic search', () => {
  it('finds clinics by name or town, ignoring case, including Norwegian letters', async () => {
    await buildClinic(app.db, { name: 'Ålesund legesenter', town: 'Ålesund' });
    await buildClinic(app.db, { name: 'Tromsø helse', town: 'Tromsø' });
    const browser = new Browser(app);
    const byTown = await browser.get(`/api/v1/clinics?q=${encodeURIComponent('ålesund')}`);
    expect(byTown.status).toBe(200);
    expect(byTown.body.map((c: { name: string }) => c.name)).toEqual(['Ålesund legesenter']);
    const byName = await browser.get(`/api/v1/clinics?q=${encodeURIComponent('TROMSØ HE')}`);
    expect(byName.body.map((c: { name: string }) => c.name)).toEqual(['Tromsø helse']);
    expect((await browser.get('/api/v1/clinics?q=%25')).body).toEqual([]);
  });

  it('hides unlisted clinics, and lists clinics the patient has used first', async () => {
    const hidden = await buildClinic(app.db, { name: 'Skjult klinikk Zeta', listed: false });
    const used = await buildBookableClinic(app.db);
    await buildClinic(app.db, { name: 'Aaa først alfabetisk' });
    const browser = new Browser(app);
    expect((await browser.get('/api/v1/clinics?q=zeta')).body).toEqual([]);
    await signInWithCode(browser, app.db, 'search-patient@example.com');
    const before = (await browser.get('/api/v1/clinics')).body as {
      id: string;
      usedBefore: boolean;
    }[];
    expect(before[0]!.usedBefore).toBe(false);

    const [slot] = (
      await browser.get(
        slotsPath(used.clinic.id, {
          practitionerId: used.practitioner.id,
          appointmentTypeId: used.type.id,
          from: '2026-12-01T00:00:00+01:00',
          to: '2026-12-02T00:00:00+01:00',
        }),
      )
    ).body;
    expect(
      (
        await browser.post('/api/v1/appointments', {
          practitionerId: used.practitioner.id,
          appointmentTypeId: used.type.id,
          start: slot.start,
        })
      ).status,
    ).toBe(201);
    const after = (await browser.get('/api/v1/clinics')).body as {
      id: string;
      usedBefore: boolean;
    }[];
    expect(after[0]).toMatchObject({ id: used.clinic.id, usedBefore: true });
    expect(after.filter((c) => c.usedBefore)).toHaveLength(1);
    expect(after.some((c) => c.id === hidden.id)).toBe(false);
  });

  it('answers 404 for an unknown clinic and 400 for a malformed id', async () => {
    const browser = new Browser(app);
    expect((await browser.get('/api/v1/clinics/3f1e8b4e-8a3b-4c1e-9d7a-1b2c3d4e5f60')).status).toBe(
      404,
    );
    const bad = await browser.get('/api/v1/clinics/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('validation_failed');
  });
});

describe('practitioners and appointment types', () => {
  it('lists only practitioners offering the modality online with free time, with their next free time', async () => {
    const clinic = await buildClinic(app.db);
    const video = await buildPractitioner(app.db, clinic.id, { name: 'A Video' });
    const office = await buildPractitioner(app.db, clinic.id, { name: 'B Kontor' });
    const noHours = await buildPractitioner(app.db, clinic.id, { name: 'C Uten timer', hours: [] });
    const offline = await buildPractitioner(app.db, clinic.id, { name: 'D Ikke på nett' });
    await buildAppointmentType(app.db, clinic.id, [video.id, noHours.id], {
      modality: 'video',
      notice: 60,
    });
    await buildAppointmentType(app.db, clinic.id, [office.id], {
      modality: 'in_person',
      name: 'Legetime',
    });
    await buildAppointmentType(app.db, clinic.id, [offline.id], {
      modality: 'video',
      bookableOnline: false,
    });
    const browser = new Browser(app);
    const videoList = await browser.get(
      `/api/v1/clinics/${clinic.id}/practitioners?modality=video`,
    );
    expect(videoList.status).toBe(200);
    // Monday 07:00 in Oslo, one hour notice: 08:00 is the first free time.
    expect(videoList.body).toEqual([
      {
        id: video.id,
        name: 'A Video',
        title: 'Fastlege',
        nextFreeSlot: '2026-11-30T08:00:00+01:00',
      },
    ]);
    const officeList = await browser.get(
      `/api/v1/clinics/${clinic.id}/practitioners?modality=in_person`,
    );
    expect(officeList.body.map((p: { id: string }) => p.id)).toEqual([office.id]);
    const all = await browser.get(`/api/v1/clinics/${clinic.id}/practitioners`);
    expect(all.body.map((p: { id: string }) => p.id)).toEqual([video.id, office.id]);
    expect(
      (await browser.get(`/api/v1/clinics/${clinic.id}/practitioners?modality=phone`)).status,
    ).toBe(400);
  });

  it('finds the next free time weeks ahead when the near future is full', async () => {
    const clinic = await buildClinic(app.db);
    const p = await buildPractitioner(app.db, clinic.id, {
      hours: [[[1, 2, 3, 4, 5], '08:00', '16:00']],
    });
    const type = await buildAppointmentType(app.db, clinic.id, [p.id], { duration: 60 });
    // Absent for three weeks.
    for (let d = 0; d < 21; d++) {
      const date = new Date(Date.UTC(2026, 10, 30 + d)).toISOString().slice(0, 10);
      await app.db.query(
        "INSERT INTO hours_exceptions (practitioner_id, date, kind) VALUES ($1, $2, 'absence')",
        [p.id, date],
      );
    }
    const list = await new Browser(app).get(
      `/api/v1/clinics/${clinic.id}/practitioners?modality=video`,
    );
    expect(list.body).toEqual([
      expect.objectContaining({ id: p.id, nextFreeSlot: '2026-12-21T08:00:00+01:00' }),
    ]);
    expect(type.id).toBeTruthy();
  });

  it('lists bookable types filtered by practitioner and modality', async () => {
    const clinic = await buildClinic(app.db);
    const p1 = await buildPractitioner(app.db, clinic.id);
    const p2 = await buildPractitioner(app.db, clinic.id);
    const v15 = await buildAppointmentType(app.db, clinic.id, [p1.id, p2.id], {
      name: 'Video 15',
      duration: 15,
    });
    const v30 = await buildAppointmentType(app.db, clinic.id, [p2.id], {
      name: 'Video 30',
      duration: 30,
    });
    const office = await buildAppointmentType(app.db, clinic.id, [p1.id], {
      name: 'Kontor',
      modality: 'in_person',
    });
    await buildAppointmentType(app.db, clinic.id, [p1.id], {
      name: 'Ikke på nett',
      bookableOnline: false,
    });
    const browser = new Browser(app);
    const ids = async (query: string) =>
      (
        (await browser.get(`/api/v1/clinics/${clinic.id}/appointment-types${query}`)).body as {
          id: string;
        }[]
      )
        .map((t) => t.id)
        .sort();
    expect(await ids('')).toEqual([v15.id, v30.id, office.id].sort());
    expect(await ids('?modality=video')).toEqual([v15.id, v30.id].sort());
    expect(await ids(`?practitionerId=${p1.id}`)).toEqual([v15.id, office.id].sort());
    expect(await ids(`?practitionerId=${p1.id}&modality=video`)).toEqual([v15.id]);
    const one = (
      await browser.get(
        `/api/v1/clinics/${clinic.id}/appointment-types?practitionerId=${p2.id}&modality=video`,
      )
    ).body;
    expect(one[0]).toMatchObject({
      name: 'Video 15',
      durationMinutes: 15,
      modality: 'video',
      horizonDays: 182,
    });
  });
});

describe('slots', () => {
  it('gives free slots with the clinic offset, never before the notice or on top of appointments', async () => {
    const { clinic, practitioner, type } = await buildBookableClinic(app.db, {
      duration: 30,
      notice: 120,
    });
    await app.db.query(
      `INSERT INTO users (email) VALUES ('slot-busy@example.com');
       INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at, ends_at, cancellation_deadline_minutes)
       SELECT '${clinic.id}', '${practitioner.id}', id, '${type.id}', 'video', '2026-11-30T10:00:00Z', '2026-11-30T10:30:00Z', 0
         FROM users WHERE email = 'slot-busy@example.com'`,
    );
    const response = await new Browser(app).get(
      slotsPath(clinic.id, {
        practitionerId: practitioner.id,
        appointmentTypeId: type.id,
        from: '2026-11-30T00:00:00+01:00',
        to: '2026-12-01T00:00:00+01:00',
      }),
    );
    expect(response.status).toBe(200);
    const starts = (response.body as { start: string; end: string }[]).map((s) =>
      s.start.slice(11, 16),
    );
    // 07:00 now + 2 h notice → 09:00 first; 11:00–11:30 taken; last slot 15:30.
    expect(starts).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
    ]);
    expect(response.body[0]).toEqual({
      start: '2026-11-30T09:00:00+01:00',
      end: '2026-11-30T09:30:00+01:00',
    });
  });

  it('keeps 08:00 local on both sides of the October daylight-saving change', async () => {
    const oct = await startTestApp({ now: '2026-10-01T06:00:00Z' });
    try {
      const { clinic, practitioner, type } = await buildBookableClinic(oct.db, { duration: 60 });
      const get = async (from: string, to: string) =>
        (
          await new Browser(oct).get(
            slotsPath(clinic.id, {
              practitionerId: practitioner.id,
              appointmentTypeId: type.id,
              from,
              to,
            }),
          )
        ).body as {
          start: string;
        }[];
      const before = await get('2026-10-19T00:00:00+02:00', '2026-10-20T00:00:00+02:00');
      const after = await get('2026-10-26T00:00:00+01:00', '2026-10-27T00:00:00+01:00');
      expect(before[0]!.start).toBe('2026-10-19T08:00:00+02:00');
      expect(after[0]!.start).toBe('2026-10-26T08:00:00+01:00');
      expect(before).toHaveLength(8);
      expect(after).toHaveLength(8);
    } finally {
      await oct.close();
    }
  });

  it('refuses bad queries with 400 and foreign combinations with 404', async () => {
    const { clinic, practitioner, type } = await buildBookableClinic(app.db);
    const other = await buildBookableClinic(app.db);
    const browser = new Browser(app);
    const base = {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      from: '2026-12-01T00:00:00+01:00',
      to: '2026-12-02T00:00:00+01:00',
    };
    for (const q of [
      { ...base, to: '2026-11-30T00:00:00+01:00' },
      { ...base, to: '2027-03-01T00:00:00+01:00' },
      { ...base, from: '2026-12-01' },
      { ...base, from: '2026-12-01T00:00:00' },
      { ...base, practitionerId: 'x' },
      { ...base, extra: '1' },
    ]) {
      const response = await browser.get(slotsPath(clinic.id, q));
      expect(response.status, JSON.stringify(q)).toBe(400);
      expect(response.body.error).toBe('validation_failed');
    }
    const { appointmentTypeId: _omit, ...missing } = base;
    expect((await browser.get(slotsPath(clinic.id, missing))).status).toBe(400);
    expect(
      (await browser.get(slotsPath(clinic.id, { ...base, practitionerId: other.practitioner.id })))
        .status,
    ).toBe(404);
    expect(
      (await browser.get(slotsPath(clinic.id, { ...base, appointmentTypeId: other.type.id })))
        .status,
    ).toBe(404);
    expect((await browser.get(slotsPath(other.clinic.id, base))).status).toBe(404);
  });
});
