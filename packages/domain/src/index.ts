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
export { findOutsideHours } from './scheduling/outside-hours';
export { NORWEGIAN_HOLIDAYS, isNorwegianHoliday, norwegianHolidays } from './scheduling/holidays';
export type { NorwegianHolidayCode, PublicHoliday } from './scheduling/holidays';

export { APPOINTMENT_STATUSES, MODALITIES } from './booking/appointment';
export type { AppointmentStatus, Modality } from './booking/appointment';
export { ACTOR_ROLES, STAFF_ROLES } from './roles';
export type { ActorRole, StaffRole } from './roles';
export {
  MAX_HORIZON_DAYS,
  canCancel,
  cancellationDeadline,
  checkBookingTime,
} from './booking/rules';
export type {
  BookingTimeQuery,
  BookingTimeRefusal,
  CancellableAppointment,
  CancelRefusal,
} from './booking/rules';
export {
  IN_PERSON_ANSWER_MAX_LENGTH,
  IN_PERSON_REASON_MAX_LENGTH,
  canAnswerInPersonRequest,
  canRequestInPerson,
} from './booking/in-person-request';
export type { InPersonAnswerRefusal, InPersonRequestRefusal } from './booking/in-person-request';
export { canClinicCancel, canClinicMove, canMark, markableFrom } from './booking/status';
export type { ClinicCancelRefusal, ClinicSideAppointment, MarkRefusal } from './booking/status';

export { LINK_LIMITS, linkQuality } from './video/link-quality';
export type { LinkProblem, LinkQuality, LinkSample } from './video/link-quality';
export {
  VIDEO_CLOSES_AFTER,
  VIDEO_OPENS_BEFORE,
  canStartVideo,
  hasVideoRoom,
  isInVideoWindow,
  videoWindow,
} from './video/window';
export type {
  NoRoomRefusal,
  StartRefusal,
  VideoStartAppointment,
  WindowRefusal,
} from './video/window';
export {
  EMPTY_ROOM,
  PRESENCES,
  ROOM_ROLES,
  canEnterAsPractitioner,
  canWarmUp,
  isInRoom,
  nextRoomState,
  releasesMedia,
} from './video/room';
export type { EnterRefusal, Presence, RoomEvent, RoomRole, RoomState } from './video/room';
export { timeWaited } from './video/waiting';
export { PRACTITIONER_WHEREABOUTS, practitionerWhereabouts } from './video/whereabouts';
export {
  NEW_MEDIA_FLOW_CLOCK,
  PHONE_FALLBACK_CONNECT_MS,
  PHONE_FALLBACK_DROP_MS,
  PHONE_FALLBACK_REASONS,
  canNoteSwitchToPhone,
  nextMediaFlowClock,
  phoneFallbackAt,
  phoneFallbackDue,
} from './video/phone-fallback';
export type { MediaFlow, MediaFlowClock, PhoneFallbackReason } from './video/phone-fallback';
export type { PractitionerWhereabouts } from './video/whereabouts';
export {
  consultationMinutes,
  consultationSeconds,
  consultationState,
  waitedSeconds,
} from './video/consultation';
export type { ConsultationState, ConsultationTimes } from './video/consultation';
export { GUEST_ROLES, PARTICIPANT_ROLES } from './video/participants';
export {
  canAdmitGuest,
  canInviteGuest,
  canOpenGuestLink,
  canTakeGuestLink,
  canUseGuestLink,
  GUEST_BROWSER_IDLE,
  isPolite,
  MAX_GUESTS,
  MAX_PARTICIPANTS,
  nextGuestPresence,
  videoBitrateCap,
} from './video/guests';
export type {
  AdmitGuestRefusal,
  GuestBrowser,
  GuestEvent,
  GuestLinkRefusal,
  GuestLinkState,
  InviteGuestRefusal,
} from './video/guests';
export type { GuestRole, ParticipantRole } from './video/participants';
export {
  ID_PORTEN_LEVELS,
  IDENTIFICATION_METHODS,
  identifies,
  idPortenLevel,
  mustAskIdentification,
} from './video/identification';
export type {
  IdentificationFacts,
  IdentificationMethod,
  IdPortenLevel,
} from './video/identification';
export { canJoinRoom, canStartRoom, canStayInRoom, canWatch, roomRoleOf } from './video/access';
export type {
  JoinRefusal,
  RoomAppointment,
  RoomSession,
  StartRoomRefusal,
  StayRefusal,
  WatchRefusal,
} from './video/access';

export { normalizeEmail, normalizePhone } from './contact/phone';
export { safeReturnPath } from './auth/return-path';
export {
  DEFAULT_NOTIFICATION_SETTINGS,
  channelsFor,
  planBooking,
  planCancellation,
  planInPersonAnswer,
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
export { CONTACT_PREFERENCE } from './notifications/channel-rule';
export type { ContactChannel, PatientMessageKind } from './notifications/channel-rule';
export { reachableChannels } from './notifications/reachable';
export type { ContactState, PatientContactState } from './notifications/reachable';
export { clinicPlace } from './clinic/place';
export {
  checkBirthDate,
  EARLIEST_BIRTH_YEAR,
  isPossibleBirthDate,
  latestDateOnEarth,
} from './patient/birth-date';
export type { BirthDateRefusal } from './patient/birth-date';
export { isProfileComplete } from './patient/profile';
export type { PatientProfile } from './patient/profile';
