import {
  PHONE_FALLBACK_REASONS,
  PRACTITIONER_WHEREABOUTS,
  PRESENCES,
  ROOM_ROLES,
} from '@visitt/domain';
import { z } from 'zod';
import { DateTime, Email, LocalDateString, Modality, PlainText, Uuid } from './common';
import { AppointmentStatus } from './appointments';
import { InPersonRequest } from './in-person';

export const RoomRole = z.enum(ROOM_ROLES);
export type RoomRole = z.infer<typeof RoomRole>;

/** See the domain's `Presence`: absent, waiting (the waiting room), in_call, reconnecting, left. */
export const Presence = z.enum(PRESENCES);
export type Presence = z.infer<typeof Presence>;

/** One STUN or TURN server as RTCPeerConnection takes it. */
export const IceServer = z.object({
  urls: z.array(z.string()),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** Everything a client needs to enter the video room of one appointment. */
export const VideoJoin = z
  .object({
    appointmentId: Uuid,
    role: RoomRole,
    iceServers: z.array(IceServer),
    /** `relay` sends all media through TURN (the clinic hides addresses, or a test forces it). */
    iceTransportPolicy: z.enum(['all', 'relay']),
    /** When the TURN credentials stop working; ask again (start/join) before then. */
    credentialsExpireAt: DateTime.nullable(),
    /** WebSocket path for signaling, on the same origin. */
    signalingPath: z.string(),
    /** Who is on the other side, for the screen: the practitioner's or the patient's name. */
    peerName: z.string(),
    /** For the practitioner, the patient's date of birth (`YYYY-MM-DD`) once given; else null. */
    peerBirthDate: z.string().nullable(),
    start: DateTime,
    closesAt: DateTime,
    timeZone: z.string(),
    /**
     * For the phone when video fails (the domain's `phoneFallbackDue`): the clinic's phone
     * number, and the patient's verified mobile number (to the patient and to the practitioner),
     * both E.164; null when there is none.
     */
    phone: z.object({ clinic: z.string().nullable(), patient: z.string().nullable() }),
  })
  .meta({ id: 'VideoJoin' });
export type VideoJoin = z.infer<typeof VideoJoin>;

/**
 * What a connection to the room needs and no more (no names): what the practitioner's workspace
 * readies a connection with before they enter (`…/video/prepare`).
 */
export const VideoConnection = VideoJoin.pick({
  appointmentId: true,
  role: true,
  iceServers: true,
  iceTransportPolicy: true,
  credentialsExpireAt: true,
  signalingPath: true,
}).meta({ id: 'VideoConnection' });
export type VideoConnection = z.infer<typeof VideoConnection>;

export const STATUS_TEXT_MAX_LENGTH = 200;

/** A short status from the practitioner to the waiting patient ("Jeg er ca. 10 minutter forsinket"). */
export const StatusMessageBody = z
  .strictObject({ text: PlainText(STATUS_TEXT_MAX_LENGTH).pipe(z.string().min(1)) })
  .meta({ id: 'StatusMessageBody' });
export type StatusMessageBody = z.infer<typeof StatusMessageBody>;

export const StatusMessage = z.object({ text: z.string(), at: DateTime });
export type StatusMessage = z.infer<typeof StatusMessage>;

/** The live state of a video room as the practitioner's workspace shows it. */
export const RoomStatus = z.object({
  /** When the patient started the consultation; null until then. */
  startedAt: DateTime.nullable(),
  patient: Presence,
  practitioner: Presence,
  statusMessage: StatusMessage.nullable(),
});
export type RoomStatus = z.infer<typeof RoomStatus>;

export const StaffAppointmentsQuery = z.strictObject({
  /** A day on the clinic's calendar, `YYYY-MM-DD`; today when left out. */
  date: LocalDateString.optional(),
});
export type StaffAppointmentsQuery = z.infer<typeof StaffAppointmentsQuery>;

/** An appointment as its practitioner sees it in the workspace. */
export const StaffAppointment = z
  .object({
    id: Uuid,
    status: AppointmentStatus,
    start: DateTime,
    end: DateTime,
    timeZone: z.string(),
    modality: Modality,
    comment: z.string().nullable(),
    clinic: z.object({ id: Uuid, name: z.string() }),
    practitioner: z.object({ id: Uuid, name: z.string() }),
    appointmentType: z.object({ id: Uuid, name: z.string(), durationMinutes: z.number().int() }),
    patient: z.object({
      /** Given and family name once the patient has given them; null when no name is known. */
      name: z.string().nullable(),
      /** `YYYY-MM-DD`, for finding the journal; null until the patient has given it. */
      birthDate: z.string().nullable(),
      email: Email.nullable(),
      phone: z.string().nullable(),
    }),
    video: z.object({ opensAt: DateTime, closesAt: DateTime, room: RoomStatus }).nullable(),
    /** The patient's request for an in-person appointment instead, and the answer once given. */
    inPersonRequest: InPersonRequest.nullable(),
  })
  .meta({ id: 'StaffAppointment' });
export type StaffAppointment = z.infer<typeof StaffAppointment>;
export const StaffAppointmentList = z.array(StaffAppointment);
export type StaffAppointmentList = z.infer<typeof StaffAppointmentList>;

/** The clinic moves an appointment to another free time of the same practitioner. */
export const MoveAppointmentBody = z
  .strictObject({ start: DateTime })
  .meta({ id: 'MoveAppointmentBody' });
export type MoveAppointmentBody = z.infer<typeof MoveAppointmentBody>;

/**
 * What the test page's connection test needs: ICE servers with TURN credentials that last a few
 * minutes. With a relay (TURN) configured, the test sends everything through it (`relay`), the
 * path a call takes when nothing better is open, so a test that passes means a call gets through.
 */
export const ConnectionTest = z
  .object({
    iceServers: z.array(IceServer),
    iceTransportPolicy: z.enum(['all', 'relay']),
    /** Whether a TURN relay is configured: without one the test cannot measure the network. */
    hasRelay: z.boolean(),
    credentialsExpireAt: DateTime.nullable(),
  })
  .meta({ id: 'ConnectionTest' });
export type ConnectionTest = z.infer<typeof ConnectionTest>;

/** What the waiting patient is told of their practitioner (see the domain's rule). */
export const PractitionerWhereaboutsAnswer = z
  .object({ whereabouts: z.enum(PRACTITIONER_WHEREABOUTS) })
  .meta({ id: 'PractitionerWhereabouts' });
export type PractitionerWhereaboutsAnswer = z.infer<typeof PractitionerWhereaboutsAnswer>;

export const PhoneFallbackReason = z.enum(PHONE_FALLBACK_REASONS);
export type PhoneFallbackReason = z.infer<typeof PhoneFallbackReason>;

/**
 * The practitioner calls the patient because video failed (**Ring pasienten**): why (what their
 * page saw, the domain's `phoneFallbackDue`). Noted once on the consultation; the patient's page
 * is told.
 */
export const PhoneSwitchBody = z
  .strictObject({ reason: PhoneFallbackReason })
  .meta({ id: 'PhoneSwitchBody' });
export type PhoneSwitchBody = z.infer<typeof PhoneSwitchBody>;

/** The consultation went over to the phone: when (the first time it was noted) and why. */
export const PhoneSwitch = z
  .object({ at: DateTime, reason: PhoneFallbackReason })
  .meta({ id: 'PhoneSwitch' });
export type PhoneSwitch = z.infer<typeof PhoneSwitch>;
