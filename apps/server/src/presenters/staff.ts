import type {
  InPersonRequest,
  RoomStatus,
  StaffAppointment,
  StaffAppointmentDetail,
} from '@visitt/contracts';
import { videoWindow, type Instant } from '@visitt/domain';
import type { AppointmentHistory } from '../db/calendar';
import type { InPersonRequestRow } from '../db/in-person-requests';
import type { StaffAppointmentRow } from '../db/staff';
import type { RoomRow } from '../db/video';
import { zonedFormatter } from '../lib/zoned-format';

export function presentRoomStatus(
  room: RoomRow | null,
  format: ReturnType<typeof zonedFormatter>,
): RoomStatus {
  return {
    startedAt: room ? format(room.startedAt) : null,
    patient: room?.state.patient ?? 'absent',
    practitioner: room?.state.practitioner ?? 'absent',
    statusMessage: room?.status ? { text: room.status.text, at: format(room.status.at) } : null,
  };
}

/** An appointment for the practitioner's workspace, with the live state of its video room. */
export function presentStaffAppointment(a: StaffAppointmentRow): StaffAppointment {
  const format = zonedFormatter(a.timeZone);
  const window = a.modality === 'video' ? videoWindow(a.start) : null;
  return {
    id: a.id,
    status: a.status,
    start: format(a.start),
    end: format(a.end),
    timeZone: a.timeZone,
    modality: a.modality,
    comment: a.comment,
    clinic: a.clinic,
    practitioner: a.practitioner,
    appointmentType: a.appointmentType,
    patient: a.patient,
    video: window
      ? {
          opensAt: format(window.opensAt),
          closesAt: format(window.closesAt),
          room: presentRoomStatus(a.room, format),
        }
      : null,
    inPersonRequest: a.inPersonRequest ? presentInPersonRequest(a.inPersonRequest, format) : null,
  };
}

/** A request for an in-person appointment instead, times on the clinic's clock. */
export function presentInPersonRequest(
  r: InPersonRequestRow,
  format: (at: Instant) => string,
): InPersonRequest {
  return {
    requestedAt: format(r.requestedAt),
    reason: r.reason,
    answeredAt: r.answeredAt === null ? null : format(r.answeredAt),
    answer: r.answer,
  };
}

/** An appointment's details for its practitioner: the workspace's view and its history. */
export function presentStaffAppointmentDetail(
  a: StaffAppointmentRow,
  history: AppointmentHistory,
): StaffAppointmentDetail {
  const format = zonedFormatter(a.timeZone);
  return {
    ...presentStaffAppointment(a),
    createdAt: format(history.createdAt),
    cancelledAt: history.cancelledAt ? format(history.cancelledAt) : null,
    cancelledBy: history.cancelledBy,
    cancellationMessage: history.cancellationMessage,
    statusChangedAt: history.statusChangedAt ? format(history.statusChangedAt) : null,
    statusChangedBy: history.statusChangedBy,
  };
}
