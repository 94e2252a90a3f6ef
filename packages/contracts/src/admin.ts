// Contracts of clinic administration: profile, staff and invitations, appointment types,
// practitioners' hours, closures, the free-slot preview and the audit log.
import { ACTOR_ROLES, MAX_HORIZON_DAYS, isNorwegianHoliday, type LocalDate } from '@visitt/domain';
import { z } from 'zod';
import { StaffRole } from './auth';
import { ApiError } from './errors';
import {
  DateTime,
  Email,
  Locale,
  LocalDateString,
  Modality,
  Phone,
  PlainText,
  SingleLine,
  Uuid,
} from './common';
import { Slot } from './clinics';

const Name = PlainText(120).pipe(z.string().min(1));
const OptionalText = (max: number) => PlainText(max).nullable().optional();

/** Whether the runtime knows the IANA zone (the server checks again with Temporal). */
const isKnownTimeZone = (zone: string): boolean => {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const TimeZoneName = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, 'An IANA time zone such as Europe/Oslo');

/** Roles of a staff member: at least one, each once. */
export const StaffRoles = z
  .array(StaffRole)
  .min(1)
  .max(2)
  .refine((roles) => new Set(roles).size === roles.length, 'Each role once');

export const InvitationParams = z.strictObject({ clinicId: Uuid, invitationId: Uuid });
export const StaffParams = z.strictObject({ clinicId: Uuid, userId: Uuid });
export const AppointmentTypeParams = z.strictObject({ clinicId: Uuid, typeId: Uuid });
export const PractitionerParams = z.strictObject({ clinicId: Uuid, practitionerId: Uuid });
/** The token of an invitation link: 32 random bytes, base64url. */
export const InvitationTokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'An invitation token'),
});

// ---------------------------------------------------------------------------------------------
// Clinic profile

/** The most characters the clinic's own information before a video consultation may have. */
export const VIDEO_INFO_MAX_LENGTH = 2000;

export const AdminClinic = z
  .object({
    id: Uuid,
    name: z.string(),
    address: z.string().nullable(),
    town: z.string().nullable(),
    /** IANA zone: every wall-clock time of the clinic (hours, closures) is read in it. */
    timeZone: z.string(),
    /** Shown in the patients' clinic search (patients who have been here find it regardless). */
    listed: z.boolean(),
    /** Patients must have signed in strongly (OpenID Connect, e.g. ID-porten) to start a video consultation. */
    requireStrongAuthForVideo: z.boolean(),
    /** The language of the clinic's own documents, such as the consultation record's PDF. */
    language: Locale,
    /**
     * What the patient reads before a video consultation's waiting room, as plain text with line
     * breaks; null for Visitt's standard text in the patient's language.
     */
    videoInfo: z.string().nullable(),
    /**
     * The clinic's phone number (E.164), shown to a patient whose video fails; null when not set.
     */
    phone: z.string().nullable(),
  })
  .meta({ id: 'AdminClinic' });
export type AdminClinic = z.infer<typeof AdminClinic>;

/**
 * The clinic's profile, replaced as a whole. Changing the time zone moves every wall-clock hour
 * to the new zone, so it is checked like a change of hours (409 `hours_conflict`, `confirm`).
 */
export const UpdateClinicBody = z
  .strictObject({
    name: Name,
    address: OptionalText(200),
    town: OptionalText(120),
    timeZone: TimeZoneName,
    listed: z.boolean(),
    requireStrongAuthForVideo: z.boolean(),
    /** The language of the clinic's documents; left as it is when not given. */
    language: Locale.optional(),
    /**
     * What the patient reads before a video consultation's waiting room: plain text, line breaks
     * allowed, at most {@link VIDEO_INFO_MAX_LENGTH} characters. Null or empty (after trimming)
     * means Visitt's standard text; left as it is when not given.
     */
    videoInfo: PlainText(VIDEO_INFO_MAX_LENGTH).nullable().optional(),
    /**
     * The clinic's phone number, as a patient would dial it ("22 33 44 55", "+47 22 33 44 55");
     * null to remove it; left as it is when not given.
     */
    phone: Phone.nullable().optional(),
    /** Save even though booked appointments end up outside the hours (they stay booked). */
    confirm: z.boolean().optional(),
  })
  .meta({ id: 'UpdateClinicBody' });
export type UpdateClinicBody = z.infer<typeof UpdateClinicBody>;

// ---------------------------------------------------------------------------------------------
// Staff and invitations

export const StaffMember = z
  .object({
    userId: Uuid,
    name: z.string().nullable(),
    email: z.string().nullable(),
    roles: z.array(StaffRole),
    active: z.boolean(),
    deactivatedAt: DateTime.nullable(),
    /** Has set up an authenticator app (staff sign-in needs one; the first sign-in sets it up). */
    authenticator: z.boolean(),
    /** The member's practitioner row at this clinic, when they have one. */
    practitioner: z
      .object({ id: Uuid, name: z.string(), title: z.string().nullable(), active: z.boolean() })
      .nullable(),
    since: DateTime,
  })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof StaffMember>;

/** `pending` until accepted, revoked or past `expiresAt`. */
export const InvitationState = z.enum(['pending', 'expired', 'accepted', 'revoked']);
export type InvitationState = z.infer<typeof InvitationState>;

export const StaffInvitation = z
  .object({
    id: Uuid,
    email: z.string(),
    roles: z.array(StaffRole),
    practitionerName: z.string().nullable(),
    practitionerTitle: z.string().nullable(),
    /** The practitioner (without an account) this invitation is for, if any. */
    practitionerId: Uuid.nullable(),
    state: InvitationState,
    invitedBy: z.object({ userId: Uuid, name: z.string().nullable() }).nullable(),
    createdAt: DateTime,
    expiresAt: DateTime,
  })
  .meta({ id: 'StaffInvitation' });
export type StaffInvitation = z.infer<typeof StaffInvitation>;

/** A practitioner row of the clinic (some have no user account; their hours are kept all the same). */
export const AdminPractitioner = z
  .object({
    id: Uuid,
    name: z.string(),
    title: z.string().nullable(),
    active: z.boolean(),
    userId: Uuid.nullable(),
  })
  .meta({ id: 'AdminPractitioner' });
export type AdminPractitioner = z.infer<typeof AdminPractitioner>;

export const StaffOverview = z
  .object({
    members: z.array(StaffMember),
    /** Invitations not accepted or revoked (expired ones too, so they can be sent again). */
    invitations: z.array(StaffInvitation),
    practitioners: z.array(AdminPractitioner),
  })
  .meta({ id: 'StaffOverview' });
export type StaffOverview = z.infer<typeof StaffOverview>;

export const INVITATION_VALID_DAYS = 7;

/**
 * Invites someone by e-mail. A practitioner needs the name (and title) patients will see.
 * A new invitation to the same address replaces an earlier one still pending.
 */
export const InviteStaffBody = z
  .strictObject({
    email: Email,
    roles: StaffRoles,
    practitionerName: Name.optional(),
    practitionerTitle: PlainText(120).optional(),
    /**
     * A practitioner of the clinic without an account: accepting gives that practitioner row
     * to the new account (its hours and appointments stay), instead of making a new one.
     */
    practitionerId: Uuid.optional(),
  })
  .refine((b) => b.practitionerId === undefined || b.roles.includes('practitioner'), {
    message: 'An invitation for a practitioner includes the practitioner role',
    path: ['roles'],
  })
  .refine((b) => !b.roles.includes('practitioner') || b.practitionerName !== undefined, {
    message: 'A practitioner needs the name patients will see',
    path: ['practitionerName'],
  })
  .meta({ id: 'InviteStaffBody' });
export type InviteStaffBody = z.infer<typeof InviteStaffBody>;

/** What anyone holding the link may learn of an invitation: no address, no names of people. */
export const PublicInvitation = z
  .object({
    clinicName: z.string(),
    roles: z.array(StaffRole),
    state: InvitationState,
    expiresAt: DateTime,
  })
  .meta({ id: 'PublicInvitation' });
export type PublicInvitation = z.infer<typeof PublicInvitation>;

export const STAFF_PASSWORD_MIN_LENGTH = 12;

/**
 * Accepting may set the account's password, which staff sign in with (then the authenticator
 * app). Only an account without one gets it; an existing password is left as it is.
 */
export const AcceptInvitationBody = z
  .strictObject({
    password: SingleLine(200).min(STAFF_PASSWORD_MIN_LENGTH).optional(),
  })
  .meta({ id: 'AcceptInvitationBody' });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

/** The membership the signed-in user has after accepting. */
export const AcceptedInvitation = z
  .object({
    clinicId: Uuid,
    clinicName: z.string(),
    roles: z.array(StaffRole),
    practitionerId: Uuid.nullable(),
    /** The account has a password: staff sign-in (password, then the authenticator app) works. */
    hasPassword: z.boolean(),
  })
  .meta({ id: 'AcceptedInvitation' });
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;

/**
 * Changes a member's roles or deactivates them. Deactivating ends all their sessions at once;
 * a practitioner row becomes inactive with the membership (its appointments stay as they are).
 */
export const UpdateStaffBody = z
  .strictObject({
    roles: StaffRoles.optional(),
    active: z.boolean().optional(),
    /** Used when the member becomes a practitioner and has no practitioner row here yet. */
    practitionerName: Name.optional(),
    practitionerTitle: PlainText(120).optional(),
  })
  .refine((b) => b.roles !== undefined || b.active !== undefined, {
    message: 'Give `roles` or `active`',
  })
  .meta({ id: 'UpdateStaffBody' });
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;

// ---------------------------------------------------------------------------------------------
// Appointment types

export const AdminAppointmentType = z
  .object({
    id: Uuid,
    name: z.string(),
    description: z.string().nullable(),
    durationMinutes: z.number().int(),
    /** Distance between slot starts; null means the duration. */
    slotStepMinutes: z.number().int().nullable(),
    modality: Modality,
    minimumNoticeMinutes: z.number().int(),
    horizonDays: z.number().int(),
    cancellationDeadlineMinutes: z.number().int(),
    bookableOnline: z.boolean(),
    /** Inactive types are kept for the appointments booked with them; nobody can book them. */
    active: z.boolean(),
    practitionerIds: z.array(Uuid),
  })
  .meta({ id: 'AdminAppointmentType' });
export type AdminAppointmentType = z.infer<typeof AdminAppointmentType>;

const Minutes = (max: number) => z.number().int().min(0).max(max);

export const AppointmentTypeBody = z
  .strictObject({
    name: Name,
    description: OptionalText(500),
    durationMinutes: z.number().int().min(5).max(480),
    slotStepMinutes: z.number().int().min(5).max(480).nullable().optional(),
    modality: Modality,
    /** How long before the start patients must book at the latest. */
    minimumNoticeMinutes: Minutes(60 * 24 * 90),
    /** How far ahead patients may book. */
    horizonDays: z.number().int().min(1).max(MAX_HORIZON_DAYS),
    /** How long before the start patients may cancel online at the latest. */
    cancellationDeadlineMinutes: Minutes(60 * 24 * 30),
    bookableOnline: z.boolean(),
    active: z.boolean().optional(),
    /** Practitioners of this clinic who offer the type. */
    practitionerIds: z
      .array(Uuid)
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, 'Each practitioner once'),
  })
  .meta({ id: 'AppointmentTypeBody' });
export type AppointmentTypeBody = z.infer<typeof AppointmentTypeBody>;

/** A type with appointments is deactivated (kept for them); one without is deleted. */
export const DeletedAppointmentType = z
  .object({ result: z.enum(['deleted', 'deactivated']) })
  .meta({ id: 'DeletedAppointmentType' });
export type DeletedAppointmentType = z.infer<typeof DeletedAppointmentType>;

// ---------------------------------------------------------------------------------------------
// Hours, closures, conflicts and the preview

/** A wall-clock start, `00:00`–`23:59`. */
const StartTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00–23:59');
/** A wall-clock end, `00:01`–`24:00` (`24:00` is the end of the day). */
const EndTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM, 00:00–24:00');

export const WeeklyHoursBlock = z
  .strictObject({
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: z.number().int().min(1).max(7),
    start: StartTime,
    end: EndTime,
    /** First date the block applies, inclusive (open when null). */
    validFrom: LocalDateString.nullable().optional(),
    /** Last date the block applies, inclusive (open when null). */
    validUntil: LocalDateString.nullable().optional(),
  })
  .refine((b) => b.end > b.start, { message: '`end` must be after `start`', path: ['end'] })
  .refine((b) => !b.validFrom || !b.validUntil || b.validUntil >= b.validFrom, {
    message: '`validUntil` must not be before `validFrom`',
    path: ['validUntil'],
  })
  .meta({ id: 'WeeklyHoursBlock' });
export type WeeklyHoursBlock = z.infer<typeof WeeklyHoursBlock>;

/**
 * A dated change: `absence` takes time away (the whole day without times), `extra` adds the
 * given time.
 */
export const HoursException = z
  .strictObject({
    date: LocalDateString,
    kind: z.enum(['absence', 'extra']),
    start: StartTime.nullable().optional(),
    end: EndTime.nullable().optional(),
    note: OptionalText(200),
  })
  .refine((e) => (e.start == null) === (e.end == null), {
    message: 'Give both `start` and `end`, or neither (the whole day)',
    path: ['end'],
  })
  .refine((e) => e.kind === 'absence' || e.start != null, {
    message: 'Extra hours need `start` and `end`',
    path: ['start'],
  })
  .refine((e) => e.start == null || e.end == null || e.end > e.start, {
    message: '`end` must be after `start`',
    path: ['end'],
  })
  .meta({ id: 'HoursException' });
export type HoursException = z.infer<typeof HoursException>;

const rangesMeet = (
  a: { validFrom?: string | null | undefined; validUntil?: string | null | undefined },
  b: { validFrom?: string | null | undefined; validUntil?: string | null | undefined },
) =>
  (!a.validFrom || !b.validUntil || a.validFrom <= b.validUntil) &&
  (!b.validFrom || !a.validUntil || b.validFrom <= a.validUntil);

const hoursShape = {
  weekly: z.array(WeeklyHoursBlock).max(100),
  exceptions: z.array(HoursException).max(1000),
  /** The weekly hours apply on public holidays too; left out, the saved choice stays. */
  worksHolidays: z.boolean().optional(),
};

/** Blocks of one weekday may not overlap where their validity periods meet. */
const noOverlappingBlocks = (
  hours: { weekly: readonly WeeklyHoursBlock[] },
  ctx: z.RefinementCtx,
) => {
  hours.weekly.forEach((a, i) => {
    hours.weekly.forEach((b, j) => {
      if (
        j > i &&
        a.weekday === b.weekday &&
        a.start < b.end &&
        b.start < a.end &&
        rangesMeet(a, b)
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `Overlaps block ${i} on the same weekday`,
          path: ['weekly', j],
        });
      }
    });
  });
};

/** A practitioner's weekly template and dated exceptions, on the clinic's wall clock. */
export const PractitionerHours = z
  .object({
    practitioner: z.object({ id: Uuid, name: z.string(), active: z.boolean() }),
    timeZone: z.string(),
    weekly: z.array(WeeklyHoursBlock),
    exceptions: z.array(HoursException),
    /** Whether the weekly hours apply on public holidays (closed on them when false). */
    worksHolidays: z.boolean(),
  })
  .meta({ id: 'PractitionerHours' });
export type PractitionerHours = z.infer<typeof PractitionerHours>;

/** Replaces the whole template and every exception. */
export const PutHoursBody = z
  .strictObject({
    ...hoursShape,
    /** Save even though booked appointments end up outside the hours (they stay booked). */
    confirm: z.boolean().optional(),
  })
  .superRefine(noOverlappingBlocks)
  .meta({ id: 'PutHoursBody' });
export type PutHoursBody = z.infer<typeof PutHoursBody>;

/** A booked appointment that lies (or would lie) outside its practitioner's open hours. */
export const OutsideAppointment = z
  .object({
    id: Uuid,
    start: DateTime,
    end: DateTime,
    modality: Modality,
    practitioner: z.object({ id: Uuid, name: z.string() }),
    patient: z.object({ name: z.string() }),
    appointmentType: z.object({ id: Uuid, name: z.string() }),
    /** True when the change asked for is what puts it outside; false when it already was. */
    newlyOutside: z.boolean(),
  })
  .meta({ id: 'OutsideAppointment' });
export type OutsideAppointment = z.infer<typeof OutsideAppointment>;

/**
 * 409 `hours_conflict`: the change would put booked appointments outside the hours. Nothing was
 * saved. `appointments` lists every booked future appointment outside the changed hours; send
 * the same body with `confirm: true` to save anyway, then move or cancel them.
 */
export const HoursConflict = ApiError.extend({
  error: z.literal('hours_conflict'),
  appointments: z.array(OutsideAppointment),
}).meta({ id: 'HoursConflict' });
export type HoursConflict = z.infer<typeof HoursConflict>;

/** Saved hours, with the booked future appointments now outside them (to move or cancel). */
export const SavedHours = PractitionerHours.extend({
  outside: z.array(OutsideAppointment),
}).meta({ id: 'SavedHours' });
export type SavedHours = z.infer<typeof SavedHours>;

export const ClinicClosure = z
  .strictObject({
    from: LocalDateString,
    /** Inclusive. */
    to: LocalDateString,
    reason: OptionalText(200),
  })
  .refine((c) => c.to >= c.from, { message: '`to` must not be before `from`', path: ['to'] })
  .meta({ id: 'ClinicClosure' });
export type ClinicClosure = z.infer<typeof ClinicClosure>;

/** A Norwegian public holiday (computed from the calendar: see the domain's holidays). */
const HolidayDate = LocalDateString.refine((d) => isNorwegianHoliday(d as LocalDate), {
  message: 'Not a Norwegian public holiday',
});
/** Public holidays the clinic is open on, as on ordinary days; left out, the saved ones stay. */
const OpenHolidays = z
  .array(HolidayDate)
  .max(200)
  .refine((dates) => new Set(dates).size === dates.length, { message: 'A date is listed twice' });

export const ClinicClosures = z
  .object({
    timeZone: z.string(),
    closures: z.array(ClinicClosure),
    /** Public holidays the clinic is open on, in date order; every other holiday is closed. */
    openHolidays: z.array(LocalDateString),
  })
  .meta({ id: 'ClinicClosures' });
export type ClinicClosures = z.infer<typeof ClinicClosures>;

/** Replaces every closure of the clinic. */
export const PutClosuresBody = z
  .strictObject({
    closures: z.array(ClinicClosure).max(500),
    openHolidays: OpenHolidays.optional(),
    confirm: z.boolean().optional(),
  })
  .meta({ id: 'PutClosuresBody' });
export type PutClosuresBody = z.infer<typeof PutClosuresBody>;

export const SavedClosures = ClinicClosures.extend({
  outside: z.array(OutsideAppointment),
}).meta({ id: 'SavedClosures' });
export type SavedClosures = z.infer<typeof SavedClosures>;

export const OutsideAppointments = z.array(OutsideAppointment);
export type OutsideAppointments = z.infer<typeof OutsideAppointments>;

export const PreviewQuery = z.strictObject({
  appointmentTypeId: Uuid,
  /** Any date of the week (Monday to Sunday, on the clinic's calendar). */
  week: LocalDateString,
});
export type PreviewQuery = z.infer<typeof PreviewQuery>;

/** The preview of proposed (not yet saved) hours and closures. */
export const PreviewBody = z
  .strictObject({
    appointmentTypeId: Uuid,
    week: LocalDateString,
    /** Proposed hours; the saved ones when left out. */
    hours: z.strictObject(hoursShape).superRefine(noOverlappingBlocks).optional(),
    /** Proposed closures; the saved ones when left out. */
    closures: z.array(ClinicClosure).max(500).optional(),
    /** Proposed opened public holidays; the saved ones when left out. */
    openHolidays: OpenHolidays.optional(),
  })
  .meta({ id: 'PreviewBody' });
export type PreviewBody = z.infer<typeof PreviewBody>;

/** A week as patients would see it: the open hours and the free slots of a type. */
export const SlotPreview = z
  .object({
    timeZone: z.string(),
    /** Monday and Sunday of the week. */
    from: LocalDateString,
    to: LocalDateString,
    open: z.array(z.object({ start: DateTime, end: DateTime })),
    /** Free slots as patients could book them now (notice, horizon and booked time applied). */
    slots: z.array(Slot),
    /** The practitioner offers the type and it is bookable online. */
    bookable: z.boolean(),
  })
  .meta({ id: 'SlotPreview' });
export type SlotPreview = z.infer<typeof SlotPreview>;

// ---------------------------------------------------------------------------------------------
// Audit log

export const AUDIT_PAGE_MAX = 200;

/** A date is read on the clinic's calendar (from its first / to its last instant). */
const AuditTime = z.union([DateTime, LocalDateString]);

export const AuditQuery = z.strictObject({
  from: AuditTime.optional(),
  to: AuditTime.optional(),
  /** Exact action (`appointment.read`), or a prefix ending in `*` (`appointment.*`). */
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*(\.\*|\*)?$/, 'An action such as appointment.read or settings.*')
    .max(60)
    .optional(),
  actorUserId: Uuid.optional(),
  entityId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  /** Cursor: entries older than this id (the previous page's `nextBefore`). */
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

const AuditAppointment = z.object({ start: DateTime, practitioner: z.string() });

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: DateTime,
    actor: z
      .object({ userId: Uuid, name: z.string().nullable(), email: z.string().nullable() })
      .nullable(),
    role: z.enum(ACTOR_ROLES),
    action: z.string(),
    entityType: z.string(),
    entityId: Uuid.nullable(),
    /** When the entry concerns an appointment: its time and practitioner, to recognise it by. */
    appointment: AuditAppointment.nullable(),
    /**
     * A read of a list (one entry for the whole list): every record it showed, in order, with
     * the appointment's time and practitioner when it is one. Null for any other entry.
     */
    listed: z.array(z.object({ id: Uuid, appointment: AuditAppointment.nullable() })).nullable(),
    /** When the entry concerns a person (a staff member, an invitee's account): who. */
    person: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z
  .object({
    entries: z.array(AuditEntry),
    /** Pass as `before` for the next (older) page; null on the last page. */
    nextBefore: z.number().int().nullable(),
  })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;

export const AUDIT_ACTORS_MAX = 20;

/** People who appear in the clinic's log, by a part of their name or e-mail address. */
export const AuditActorsQuery = z.strictObject({
  q: SingleLine(100).default(''),
});
export type AuditActorsQuery = z.infer<typeof AuditActorsQuery>;

export const AuditActor = z
  .object({
    userId: Uuid,
    name: z.string().nullable(),
    email: z.string().nullable(),
    /** The roles they acted in at this clinic (a patient is `patient`). */
    roles: z.array(z.enum(ACTOR_ROLES)),
  })
  .meta({ id: 'AuditActor' });
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditActors = z
  .object({ actors: z.array(AuditActor).max(AUDIT_ACTORS_MAX) })
  .meta({ id: 'AuditActors' });
export type AuditActors = z.infer<typeof AuditActors>;
