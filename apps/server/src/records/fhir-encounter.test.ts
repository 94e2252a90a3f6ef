import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationRecord } from '@visitt/contracts';
import { aConsultationRecord } from '../../test/consultation-record';
import { validateEncounter } from '../../test/fhir-schema';
import {
  IDENTIFICATION_EXTENSION,
  PHONE_SWITCH_EXTENSION,
  toFhirEncounter,
} from './fhir-encounter';

// Held with an interpreter; the patient signed in through ID-porten at level high.
const base = aConsultationRecord();
const finished: ConsultationRecord = {
  ...base,
  participants: [
    ...base.participants,
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
};

// Compiling HL7's schema (3.5 MB) takes seconds on a busy machine: once, before the tests.
beforeAll(() => void validateEncounter({}), 60_000);

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
      'gone over to the phone, nobody identified',
      {
        modality: 'phone',
        phoneSwitch: { at: '2026-11-30T10:04:30+01:00', reason: 'no_connection' },
        identification: null,
      },
      'finished',
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
      ['PPRF', 'Dr. Øyvind Lie'],
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

  it('keeps class VR when it went over to the phone, and says when and why beside the identification', () => {
    const encounter = toFhirEncounter({
      ...finished,
      modality: 'phone',
      phoneSwitch: { at: '2026-11-30T10:06:12+01:00', reason: 'dropped' },
    }) as any;
    expect(validateEncounter(encounter)).toEqual([]);
    expect(encounter.class).toEqual({
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: 'VR',
      display: 'virtual',
    });
    expect(encounter.extension.map((e: any) => e.url)).toEqual([
      IDENTIFICATION_EXTENSION,
      PHONE_SWITCH_EXTENSION,
    ]);
    expect(encounter.extension[1]).toEqual({
      url: 'urn:visitt:fhir:extension:phone-switch',
      extension: [
        { url: 'at', valueDateTime: '2026-11-30T10:06:12+01:00' },
        { url: 'reason', valueCode: 'dropped' },
      ],
    });
    // Neither an identification nor a switch: no extension at all.
    expect(toFhirEncounter({ ...finished, identification: null })).not.toHaveProperty('extension');
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
