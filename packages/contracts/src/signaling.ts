import { z } from 'zod';
import { PARTICIPANT_ROLES } from '@visitt/domain';
import { DateTime, RawText, SingleLine, Uuid } from './common';
import { PhoneFallbackReason, Presence, RoomRole, StatusMessage } from './video';

/**
 * Messages on the signaling WebSocket (`/api/v1/signaling`, same origin, authenticated by the
 * session cookie). Every message is one JSON object; the server parses each by these schemas and
 * decides who may send it. SDP and ICE candidates are relayed unchanged to the other side.
 */

/** Random per page load: tells a reconnecting socket from a reloaded page (which needs a new call). */
export const SessionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * A place in the call: the patient's, the practitioner's, or a guest's (their id). Signals of a
 * call with guests are addressed by seat: each pair of participants has a connection of its own.
 */
export const Seat = z.union([z.enum(['patient', 'practitioner']), Uuid]);
export type Seat = z.infer<typeof Seat>;

export const SessionDescription = z.object({
  type: z.enum(['offer', 'answer', 'rollback']),
  sdp: RawText(60_000).optional(),
});

export const IceCandidate = z.object({
  candidate: SingleLine(2_000),
  sdpMid: SingleLine(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: SingleLine(256).nullable().optional(),
});

export const ClientMessage = z.discriminatedUnion('type', [
  /** Enter the room of an appointment (after video/start or video/join over HTTP). */
  z.strictObject({
    type: z.literal('join'),
    appointmentId: Uuid,
    sessionId: SessionId,
    mic: z.boolean(),
    camera: z.boolean(),
  }),
  /**
   * The practitioner's workspace readies a connection to the waiting patient without entering
   * (presence `ready`): signals flow, media does not. A `join` with the same `sessionId` enters.
   */
  z.strictObject({
    type: z.literal('stand_by'),
    appointmentId: Uuid,
    sessionId: SessionId,
  }),
  /** An offer, answer or ICE candidate for the other side (perfect negotiation). */
  z.strictObject({
    type: z.literal('signal'),
    appointmentId: Uuid,
    /** The page of the other side it is for (its `sessionId`); pages of theirs still open ignore it. */
    to: SessionId.optional(),
    /** The participant it is for; without it, the other of patient and practitioner. */
    seat: Seat.optional(),
    description: SessionDescription.optional(),
    /** `null` is the end of candidates. */
    candidate: IceCandidate.nullable().optional(),
  }),
  /** My microphone or camera was turned on or off. */
  z.strictObject({
    type: z.literal('media'),
    appointmentId: Uuid,
    mic: z.boolean(),
    camera: z.boolean(),
  }),
  /** The red phone: ends the consultation for everyone; a guest's leaves it. */
  z.strictObject({ type: z.literal('hang_up'), appointmentId: Uuid }),
  /** The practitioner's workspace asks for live updates of its appointments' rooms. */
  z.strictObject({ type: z.literal('watch') }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const PeerState = z.object({
  role: RoomRole,
  presence: Presence,
  sessionId: SessionId.nullable(),
  mic: z.boolean(),
  camera: z.boolean(),
});
export type PeerState = z.infer<typeof PeerState>;

/** One person in the call as everyone in it sees them: who, in which role, and how they are. */
export const Participant = z.object({
  seat: Seat,
  role: z.enum(PARTICIPANT_ROLES),
  name: z.string(),
  presence: Presence,
  sessionId: SessionId.nullable(),
  mic: z.boolean(),
  camera: z.boolean(),
  /** A guest let in by the practitioner (the patient and the practitioner always are). */
  admitted: z.boolean(),
});
export type Participant = z.infer<typeof Participant>;

export const SignalingErrorCode = z.enum([
  'bad_message',
  'not_found',
  'not_allowed',
  'too_early',
  'too_late',
  'not_started',
  'not_waiting',
  'rate_limited',
]);
export type SignalingErrorCode = z.infer<typeof SignalingErrorCode>;

export const ServerMessage = z.discriminatedUnion('type', [
  /** You are in the room; this is the other side as it stands. */
  z.object({
    type: z.literal('joined'),
    appointmentId: Uuid,
    role: RoomRole,
    peer: PeerState,
    statusMessage: StatusMessage.nullable(),
  }),
  /** The other side came, dropped (reconnecting), changed mic/camera, or left. */
  z.object({ type: z.literal('peer'), appointmentId: Uuid, peer: PeerState }),
  z.object({
    type: z.literal('signal'),
    appointmentId: Uuid,
    /** The page (`sessionId`) of the other side it comes from (absent from older servers). */
    from: SessionId.optional(),
    /** The participant it comes from. */
    fromSeat: Seat.optional(),
    description: SessionDescription.optional(),
    candidate: IceCandidate.nullable().optional(),
  }),
  /**
   * Everyone in the call (and the guests waiting to be let in), after any change: to the
   * patient, the practitioner and the guests let in; never to a guest still waiting.
   */
  z.object({
    type: z.literal('participants'),
    appointmentId: Uuid,
    participants: z.array(Participant),
    /**
     * When the list was true (the latest change it includes, epoch ms): lists may arrive out of
     * order, and an older one never replaces a newer one.
     */
    version: z.number().int().nonnegative(),
  }),
  /** To a guest: you are in the room and wait for the practitioner to let you in. */
  z.object({ type: z.literal('lobby'), appointmentId: Uuid, seat: Uuid }),
  /**
   * A guest's link was revoked (`removed`: they were taken out of the call): their page leaves,
   * and every instance lets their sockets go.
   */
  z.object({
    type: z.literal('guest_revoked'),
    appointmentId: Uuid,
    guestId: Uuid,
    removed: z.boolean(),
  }),
  /** A status from the practitioner to the waiting patient. */
  z.object({ type: z.literal('status'), appointmentId: Uuid, statusMessage: StatusMessage }),
  /**
   * The practitioner is calling the patient by phone, video having failed (to the patient and the
   * practitioner's pages): when it was noted and why.
   */
  z.object({
    type: z.literal('phone_switch'),
    appointmentId: Uuid,
    at: DateTime,
    reason: PhoneFallbackReason,
  }),
  /** Someone hung up: the consultation is over for both. */
  z.object({ type: z.literal('ended'), appointmentId: Uuid, by: RoomRole }),
  /** Workspace: the room of one of your appointments changed (the patient started, came, left…). */
  z.object({
    type: z.literal('room'),
    appointmentId: Uuid,
    startedAt: DateTime.nullable(),
    patient: Presence,
    practitioner: Presence,
  }),
  /**
   * Workspace and calendar: an appointment of this practitioner was booked, moved, cancelled or
   * marked. Carries no personal data, only which appointment: the page fetches its lists (and
   * that appointment, when it is open) again over the audited HTTP API.
   */
  z.object({ type: z.literal('appointments_changed'), practitionerId: Uuid, appointmentId: Uuid }),
  z.object({
    type: z.literal('error'),
    code: SignalingErrorCode,
    message: z.string(),
    appointmentId: Uuid.optional(),
  }),
  z.object({ type: z.literal('pong') }),
  /**
   * Workspace: `watch` holds from now on; changes from here on arrive as `room` messages, so
   * lists read after this miss nothing.
   */
  z.object({ type: z.literal('watching') }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
