// The public API of @visitt/domain: pure functions and plain types, no I/O, time passed in.
// Scheduling internals (the zone clock, the compiled availability, the slot generator) stay private.

export type { Brand } from './brand';
export type {
  AppointmentId,
  AppointmentTypeId,
  ClinicId,
  PatientId,
  PractitionerId,
  UserId,
} from './ids';
export { ok, refuse } from './result';
export type { Decision, Ok, Refused } from './result';
export {
  DAY,
  HOUR,
  MINUTE,
  addDuration,
  instant,
  minutes,
  minutesOfDay,
  overlaps,
  parseLocalDate,
  parseLocalTime,
} from './time';
export type { Duration, Instant, Interval, LocalDate, LocalTime, TimeZoneId } from './time';
export { localDateOf, parseTimeZoneId, wallClockToInstant } from './time-zone';

export type {
  Availability,
  ClinicClosure,
  FirstFreeSlotQuery,
  FreeSlotQuery,
  HoursException,
  Slot,
  SlotRules,
  Weekday,
  WeeklyHoursBlock,
} from './scheduling/types';
export { expandOpenIntervals } from './scheduling/open-intervals';
export { findFirstFreeSlot, findFreeSlots } from './scheduling/slots';

export type { AppointmentStatus, Modality } from './booking/appointment';
export { canCancel, cancellationDeadline, checkBookingTime } from './booking/rules';
export type {
  BookingTimeQuery,
  BookingTimeRefusal,
  CancellableAppointment,
  CancelRefusal,
} from './booking/rules';

export { VIDEO_CLOSES_AFTER, VIDEO_OPENS_BEFORE, canStartVideo, videoWindow } from './video/window';
export type { StartRefusal, VideoStartAppointment } from './video/window';
export { EMPTY_ROOM, canEnterAsPractitioner, nextRoomState } from './video/room';
export type { EnterRefusal, Presence, RoomEvent, RoomRole, RoomState } from './video/room';

export { normalizeEmail, normalizePhone } from './contact/phone';
export {
  DEFAULT_NOTIFICATION_SETTINGS,
  channelsFor,
  planBooking,
  planCancellation,
  planMove,
  retryDelay,
} from './notifications/plan';
export type {
  NotifiableAppointment,
  NotificationChannel,
  NotificationKind,
  NotificationSettings,
  PatientChannels,
  PlannedNotification,
} from './notifications/plan';
