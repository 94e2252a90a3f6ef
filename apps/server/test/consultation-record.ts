import type { ConsultationRecord } from '@visitt/contracts';

/**
 * A consultation record as the API gives it: held on Monday 30 November 2026 in Oslo, the
 * patient waiting from 10:00, the practitioner in at 10:02:30, ended by them at 10:14:40, an ID
 * shown on camera. Tests change what they are about.
 */
export function aConsultationRecord(changes: Partial<ConsultationRecord> = {}): ConsultationRecord {
  const patient = changes.patient ?? {
    id: '3d6e2f4a-9b1c-4e7d-8a5f-2c1b0e9d8f12',
    name: 'Kari Nordmann',
    birthDate: '1984-03-07',
  };
  const practitioner = changes.practitioner ?? {
    id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c13',
    name: 'Dr. Øyvind Lie',
  };
  return {
    appointmentId: '6f1c7a52-3c1e-4a8e-9a43-0c2d6f1e9b10',
    clinic: { id: '0a5e3b9d-7f0e-4a63-8d25-3b1f4c6a2e11', name: 'Bryggen legesenter' },
    timeZone: 'Europe/Oslo',
    language: 'nb',
    appointmentType: 'Videokonsultasjon',
    scheduled: { start: '2026-11-30T10:00:00+01:00', end: '2026-11-30T10:20:00+01:00' },
    patient,
    practitioner,
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
        name: patient.name,
        joinedAt: '2026-11-30T10:00:00+01:00',
        leftAt: '2026-11-30T10:14:40+01:00',
      },
      {
        role: 'practitioner',
        name: practitioner.name,
        joinedAt: '2026-11-30T10:02:30+01:00',
        leftAt: '2026-11-30T10:14:40+01:00',
      },
    ],
    identification: {
      method: 'id_document',
      level: null,
      recordedAt: '2026-11-30T10:14:35+01:00',
      recordedBy: { userId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c14', name: practitioner.name },
    },
    interpreter: false,
    madeAt: '2026-11-30T10:15:00+01:00',
    ...changes,
  };
}
