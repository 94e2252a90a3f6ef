import type { Appointment } from '@visitt/contracts';
import {
  canCancel,
  cancellationDeadline,
  minutes,
  videoWindow,
  type Instant,
} from '@visitt/domain';
import type { AppointmentView } from '../db/appointments';
import { zonedFormatter } from '../lib/zoned-format';

/** An appointment for its patient: times with the clinic's offset, what they may do with it now. */
export function presentAppointment(a: AppointmentView, now: Instant): Appointment {
  const format = zonedFormatter(a.clinic.timeZone);
  const deadline = minutes(a.cancellationDeadlineMinutes);
  const window = a.modality === 'video' ? videoWindow(a.start) : null;
  return {
    id: a.id,
    status: a.status,
    start: format(a.start),
    end: format(a.end),
    timeZone: a.clinic.timeZone,
    modality: a.modality,
    comment: a.comment,
    clinic: { id: a.clinic.id, name: a.clinic.name, town: a.clinic.town },
    practitioner: a.practitioner,
    appointmentType: a.appointmentType,
    cancellableUntil: format(cancellationDeadline(a.start, deadline)),
    canCancel: canCancel({ status: a.status, start: a.start, cancellationDeadline: deadline }, now)
      .ok,
    video: window ? { opensAt: format(window.opensAt), closesAt: format(window.closesAt) } : null,
    createdAt: format(a.createdAt),
    cancelledAt: a.cancelledAt ? format(a.cancelledAt) : null,
  };
}
