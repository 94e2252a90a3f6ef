import type { ConsultationParticipant, ConsultationRecord } from '@visitt/contracts';
import {
  consultationMinutes,
  consultationSeconds,
  consultationState,
  waitedSeconds,
  type Instant,
} from '@visitt/domain';
import type { ConsultationRow } from '../db/consultation-records';
import type { GuestRow } from '../db/guests';
import type { IdentificationRow } from '../db/identifications';
import { zonedFormatter } from '../lib/zoned-format';

type StartedConsultation = ConsultationRow & { room: NonNullable<ConsultationRow['room']> };

/**
 * The record of a consultation the patient has started, for the journal: its times in the
 * clinic's zone, who took part (guests once let in), the identification, how long it lasted,
 * and whether it went over to the phone. Nothing of the media and no message content (the
 * patient's comment and the status messages stay out).
 */
export function presentConsultationRecord(
  row: StartedConsultation,
  identification: IdentificationRow | null,
  guests: readonly GuestRow[],
  now: Instant,
): ConsultationRecord {
  const at = zonedFormatter(row.clinic.timeZone);
  const { room } = row;
  const times = {
    startedAt: room.startedAt,
    practitionerEnteredAt: room.practitionerEnteredAt,
    endedAt: room.endedAt,
  };
  const participants: ConsultationParticipant[] = [
    {
      role: 'patient',
      name: row.patient.name,
      joinedAt: at(room.startedAt),
      leftAt: room.endedAt === null ? null : at(room.endedAt),
    },
  ];
  if (room.practitionerEnteredAt !== null) {
    participants.push({
      role: 'practitioner',
      name: row.practitioner.name,
      joinedAt: at(room.practitionerEnteredAt),
      leftAt: room.endedAt === null ? null : at(room.endedAt),
    });
  }
  // Guests who were let into the call, with their first time in and their last time out.
  for (const guest of guests) {
    if (guest.joinedAt === null) continue;
    participants.push({
      role: guest.role,
      name: guest.name,
      joinedAt: at(guest.joinedAt),
      leftAt: guest.leftAt === null ? null : at(guest.leftAt),
    });
  }
  return {
    appointmentId: row.id,
    clinic: { id: row.clinic.id, name: row.clinic.name },
    timeZone: row.clinic.timeZone,
    language: row.clinic.language,
    appointmentType: row.typeName,
    scheduled: { start: at(row.start), end: at(row.end) },
    patient: row.patient,
    practitioner: row.practitioner,
    state: consultationState(times),
    // Went over to the phone because video failed: the form it ended in, and when and why.
    modality: room.phoneSwitch ? 'phone' : 'video',
    phoneSwitch: room.phoneSwitch && {
      at: at(room.phoneSwitch.at),
      reason: room.phoneSwitch.reason,
    },
    waitingFrom: at(room.startedAt),
    practitionerEnteredAt:
      room.practitionerEnteredAt === null ? null : at(room.practitionerEnteredAt),
    endedAt: room.endedAt === null ? null : at(room.endedAt),
    endedBy: room.endedBy,
    waitedSeconds: waitedSeconds(times),
    durationSeconds: consultationSeconds(times),
    durationMinutes: consultationMinutes(times),
    participants,
    identification: identification && {
      method: identification.method,
      level: identification.level,
      recordedAt: at(identification.recordedAt),
      recordedBy: identification.recordedBy,
    },
    interpreter: participants.some((p) => p.role === 'interpreter'),
    madeAt: at(now),
  };
}
