import { describe, expect, it } from 'vitest';
import type { ConsultationRecord } from '@visitt/contracts';
import { validateEncounter } from '../../test/fhir-schema';
import { IDENTIFICATION_EXTENSION, toFhirEncounter } from './fhir-encounter';

const finished: ConsultationRecord = {
  appointmentId: '6f1c7a52-3c1e-4a8e-9a43-0c2d6f1e9b10',
  clinic: { id: '0a5e3b9d-7f0e-4a63-8d25-3b1f4c6a2e11', name: 'Bryggen legesenter' },
  timeZone: 'Europe/Oslo',
  language: 'nb',
  appointmentType: 'Videokonsultasjon',
  scheduled: { start: '2026-11-30T10:00:00+01:00', end: '2026-11-30T10:20:00+01:00' },
  patient: { id: '3d6e2f4a-9b1c-4e7d-8a5f-2c1b0e9d8f12', name: 'Kari Nordmann', birthDate: null },
  practitioner: { id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c13', name: 'Dr. Lege' },
  state: 'finished',
  modality: 'video',
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
      name: 'Kari Nordmann',
      joinedAt: '2026-11-30T10:00:00+01:00',
      leftAt: '2026-11-30T10:14:40+01:00',
    },
    {
      role: 'practitioner',
      name: 'Dr. Lege',
      joinedAt: '2026-11-30T10:02:30+01:00',
      leftAt: '2026-11-30T10:14:40+01:00',
    },
    {
      role: 'interpreter',
      name: 'Amir Tolk',
      joinedAt: '2026-11-30T10:03:00+01:00',
      leftAt: '2026-11-30T10:14:40+01:00',
    },
  ],
  identification: {
    method: 'id_porten',
    level: 'high',
    recordedAt: '2026-11-30T10:00:00+01:00',
    recordedBy: null,
  },
  interpreter: true,
  madeAt: '2026-11-30T10:15:00+01:00',
};

describe('the consultation record as a FHIR R4 Encounter', () => {
  it.each<[string, Partial<ConsultationRecord>, string]>([
    ['finished, with an interpreter and ID-porten', {}, 'finished'],
    [
      'the patient still waiting, nobody identified',
      {
        state: 'waiting',
        practitionerEnteredAt: null,
        endedAt: null,
        endedBy: null,
        waitedSeconds: null,
        durationSeconds: null,
        durationMinutes: null,
        participants: [{ ...finished.participants[0]!, leftAt: null }],
        identification: null,
        interpreter: false,
      },
      'arrived',
    ],
    [
      'in progress',
      {
        state: 'in_progress',
        endedAt: null,
        endedBy: null,
        durationSeconds: null,
        durationMinutes: null,
        participants: finished.participants.map((p) => ({ ...p, leftAt: null })),
      },
      'in-progress',
    ],
    [
      'ended before the practitioner came',
      {
        state: 'not_held',
        practitionerEnteredAt: null,
        endedBy: 'patient',
        waitedSeconds: null,
        durationSeconds: null,
        durationMinutes: null,
        participants: [finished.participants[0]!],
        interpreter: false,
      },
      'cancelled',
    ],
  ])('%s: valid against the official schema', (_name, change, status) => {
    const encounter = toFhirEncounter({ ...finished, ...change });
    expect(validateEncounter(encounter)).toEqual([]);
    expect(encounter).toMatchObject({
      resourceType: 'Encounter',
      status,
      class: { code: 'VR' },
      subject: { reference: `Patient/${finished.patient.id}` },
      appointment: [{ reference: `Appointment/${finished.appointmentId}` }],
    });
  });

  it('says who took part in which role, when, and how the patient was identified', () => {
    const encounter = toFhirEncounter(finished) as any;
    expect(encounter.period).toEqual({
      start: '2026-11-30T10:02:30+01:00',
      end: '2026-11-30T10:14:40+01:00',
    });
    expect(encounter.length).toMatchObject({ value: 13, code: 'min' });
    expect(
      encounter.participant.map((p: any) => [p.type[0].coding[0].code, p.individual.display]),
    ).toEqual([
      ['PPRF', 'Dr. Lege'],
      ['TRANS', 'Amir Tolk'],
    ]);
    expect(encounter.participant[0].individual.reference).toBe(
      `Practitioner/${finished.practitioner.id}`,
    );
    expect(encounter.extension).toEqual([
      {
        url: IDENTIFICATION_EXTENSION,
        extension: [
          { url: 'method', valueCode: 'id_porten' },
          { url: 'level', valueCode: 'high' },
          { url: 'recorded', valueDateTime: '2026-11-30T10:00:00+01:00' },
        ],
      },
    ]);
  });

  it('the schema check itself refuses what R4 does not allow', () => {
    const encounter = toFhirEncounter(finished);
    for (const broken of [
      { ...encounter, status: 'done' },
      { ...encounter, class: undefined },
      { ...encounter, period: { start: '30 November 2026' } },
      { ...encounter, reason: 'Hodepine' },
    ])
      expect(validateEncounter(broken)).not.toEqual([]);
  });
});
