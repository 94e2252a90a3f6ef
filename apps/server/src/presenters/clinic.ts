import type { AppointmentType, Clinic, Practitioner } from '@visitt/contracts';
import type { AppointmentTypeRow, ClinicRow, PractitionerRow } from '../db/clinics';

export const presentClinic = (c: ClinicRow): Clinic => ({
  id: c.id,
  name: c.name,
  address: c.address,
  town: c.town,
  timeZone: c.timeZone,
  usedBefore: c.usedBefore,
  offersVideo: c.offersVideo,
  requiresStrongAuthForVideo: c.requiresStrongAuthForVideo,
});

export const presentPractitioner = (
  p: PractitionerRow,
  nextFreeSlot: string | null,
): Practitioner => ({
  id: p.id,
  name: p.name,
  title: p.title,
  nextFreeSlot,
});

export const presentAppointmentType = (t: AppointmentTypeRow): AppointmentType => ({
  id: t.id,
  name: t.name,
  description: t.description,
  durationMinutes: t.durationMinutes,
  modality: t.modality,
  minimumNoticeMinutes: t.minimumNoticeMinutes,
  horizonDays: t.horizonDays,
  cancellationDeadlineMinutes: t.cancellationDeadlineMinutes,
  practitionerIds: t.practitionerIds,
});
