import type {
  PhoneFallbackReason,
  PhoneSwitch,
  PractitionerWhereaboutsAnswer,
  VideoConnection,
  VideoJoin,
} from '@visitt/contracts';
import {
  HOUR,
  canJoinRoom,
  canNoteSwitchToPhone,
  canStayInRoom,
  canStartRoom,
  practitionerWhereabouts,
  nextRoomState,
  videoWindow,
  type Instant,
  type JoinRefusal,
  type RoomRole,
} from '@visitt/domain';
import { writeAudit } from '../db/audit';
import { identifyFromSignIn } from './identification';
import { findUserChannels, insertPlanned } from '../db/notifications';
import { withTransaction } from '../db/pool';
import { isStrongAuthMethod } from '../db/sessions';
import {
  findUserPractitionerIds,
  findVideoAppointment,
  isPractitionerInAnotherCall,
  lockPhoneSwitch,
  lockRoom,
  openRoom,
  savePhoneSwitch,
  saveRoom,
  saveStatusMessage,
  type PhoneSwitchRow,
  type VideoAppointment,
} from '../db/video';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { iceServersFor } from '../lib/turn';
import { formatZoned } from '../lib/zoned-format';
import { roomMessage } from '../signaling/messages';

export const SIGNALING_PATH = '/api/v1/signaling';

/** Refusals of the domain's room rules as the API's error codes. */
const refusalCode = {
  not_found: 'not_found',
  strong_sign_in_required: 'strong_auth_required',
  too_early: 'too_early',
  too_late: 'too_late',
  not_video: 'not_video',
  cancelled: 'not_allowed',
  not_started: 'not_started',
} as const satisfies Record<JoinRefusal, string>;

/**
 * The appointment behind a video room, with what the domain's room rules need to know of it and
 * of the signed-in session; 404 when there is no such appointment.
 */
async function loadRoomFacts(ctx: SignedInContext, id: string) {
  const appointment = await findVideoAppointment(ctx.db, id);
  if (!appointment) throw fail('not_found');
  const practitionerIds = await findUserPractitionerIds(ctx.db, ctx.actor.userId);
  return {
    appointment,
    room: { ...appointment, startedAt: appointment.room?.startedAt ?? null },
    session: {
      userId: ctx.actor.userId,
      isStaff: ctx.actor.staff,
      isStrongSignIn: isStrongAuthMethod(ctx.actor.authMethod),
      practitionerIds,
    },
  };
}

/**
 * The appointment if the signed-in session may enter its room as its practitioner now (the
 * domain's `canJoinRoom`); anyone but its practitioner gets 404, exactly as for a missing one.
 */
async function enterAsPractitioner(
  ctx: SignedInContext,
  id: string,
  now: Instant,
): Promise<VideoAppointment> {
  const { appointment, room, session } = await loadRoomFacts(ctx, id);
  const decision = canJoinRoom(room, session, now, 'practitioner');
  if (!decision.ok) throw fail(refusalCode[decision.reason]);
  return appointment;
}

function presentConnection(
  ctx: SignedInContext,
  a: VideoAppointment,
  role: RoomRole,
): VideoConnection {
  const now = ctx.clock.now();
  const { iceServers, expiresAt } = iceServersFor(ctx.config.ice, ctx.actor.userId, now);
  return {
    appointmentId: a.id,
    role,
    iceServers,
    iceTransportPolicy: ctx.config.ice.transportPolicy,
    credentialsExpireAt: expiresAt ? formatZoned(expiresAt, a.timeZone) : null,
    signalingPath: SIGNALING_PATH,
  };
}

function presentJoin(ctx: SignedInContext, a: VideoAppointment, role: RoomRole): VideoJoin {
  return {
    ...presentConnection(ctx, a, role),
    peerName: role === 'patient' ? a.practitionerName : a.patientName,
    peerBirthDate: role === 'practitioner' ? a.patientBirthDate : null,
    start: formatZoned(a.start, a.timeZone),
    closesAt: formatZoned(videoWindow(a.start).closesAt, a.timeZone),
    timeZone: a.timeZone,
    // For the phone when video fails: the patient's number only once they have verified it, so
    // the practitioner never calls a number typed in by mistake (or by someone else).
    phone: { clinic: a.clinicPhone, patient: a.patientVerifiedPhone },
  };
}

/**
 * The patient starts the video consultation (or comes back to it): allowed from 15 minutes
 * before the start to 2 hours after, checked here because the client's clock may lie. Opens
 * the room, puts the patient in it as waiting, and tells the practitioner's workspace at once.
 * A clinic that requires strong sign-in refuses a session signed in by one-time code (403
 * `strong_auth_required`).
 */
export async function startVideo(ctx: SignedInContext, id: string): Promise<VideoJoin> {
  const { appointment, room: facts, session } = await loadRoomFacts(ctx, id);
  const now = ctx.clock.now();
  const decision = canStartRoom(facts, session, now);
  if (!decision.ok) throw fail(refusalCode[decision.reason]);
  const room = await withTransaction(ctx.db, async (tx) => {
    const opened = await openRoom(tx, appointment.id, now);
    // The practitioner also gets a push, once per consultation, on the devices they turned it on.
    const practitionerUser = appointment.practitionerUserId;
    if (practitionerUser && (await findUserChannels(tx, practitionerUser)).push) {
      await insertPlanned(
        tx,
        { userId: practitionerUser, appointmentId: appointment.id, version: null, now },
        [
          {
            kind: 'patient_started',
            channel: 'push',
            dueAt: now,
            sendBefore: (now + 15 * 60_000) as Instant,
            key: `${appointment.id}:patient_started:${opened.startedAt}`,
          },
        ],
      );
    }
    const locked = (await lockRoom(tx, appointment.id))!;
    const next = {
      ...locked,
      state: nextRoomState(locked.state, { type: 'joined', role: 'patient' }),
    };
    await saveRoom(tx, next, now);
    // Signed in through ID-porten: that is how the patient was identified.
    const idPorten = await identifyFromSignIn(tx, ctx, appointment.id, now);
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'patient',
      action: 'video.start',
      entityType: 'appointment',
      entityIds: [appointment.id],
      clinicIds: [appointment.clinicId],
      ip: ctx.ip,
      ...(idPorten ? { details: { identification: 'id_porten', level: idPorten } } : {}),
    });
    return next;
  });
  await ctx.bus.publish(
    { practitioner: appointment.practitionerId },
    roomMessage(room, appointment.timeZone),
  );
  return presentJoin(ctx, appointment, 'patient');
}

/** The appointment's practitioner enters the room the patient has started. */
export async function joinVideo(ctx: SignedInContext, id: string): Promise<VideoJoin> {
  const now = ctx.clock.now();
  const appointment = await enterAsPractitioner(ctx, id, now);
  await writeAudit(ctx.db, {
    at: now,
    actorUserId: ctx.actor.userId,
    actorRole: 'practitioner',
    action: 'video.join',
    entityType: 'appointment',
    entityIds: [appointment.id],
    clinicIds: [appointment.clinicId],
    ip: ctx.ip,
  });
  return presentJoin(ctx, appointment, 'practitioner');
}

/**
 * What the practitioner's workspace readies a connection to the waiting patient with, before the
 * practitioner enters (decision 0027): ICE servers and the signaling path, under the same rule as
 * entering (`canJoinRoom` as practitioner). It names nobody and changes nothing, so it is not
 * audited; entering (`joinVideo`) is.
 */
export async function prepareVideo(ctx: SignedInContext, id: string): Promise<VideoConnection> {
  const appointment = await enterAsPractitioner(ctx, id, ctx.clock.now());
  return presentConnection(ctx, appointment, 'practitioner');
}

/** A short status from the practitioner to the patient in the waiting room. */
export async function sendStatusMessage(
  ctx: SignedInContext,
  id: string,
  text: string,
): Promise<void> {
  const now = ctx.clock.now();
  const appointment = await enterAsPractitioner(ctx, id, now);
  await withTransaction(ctx.db, async (tx) => {
    await saveStatusMessage(tx, appointment.id, text, now);
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'practitioner',
      action: 'video.status',
      entityType: 'appointment',
      entityIds: [appointment.id],
      clinicIds: [appointment.clinicId],
      ip: ctx.ip,
    });
  });
  await ctx.bus.publish(
    { room: appointment.id, role: 'patient' },
    {
      type: 'status',
      appointmentId: appointment.id,
      statusMessage: { text, at: formatZoned(now, appointment.timeZone) },
    },
  );
}

/**
 * The practitioner goes over to the phone because video failed (**Ring pasienten**), with why
 * their page offered it (the domain's `phoneFallbackDue`). Noted on the consultation once: a
 * later call answers the switch noted first, unchanged, and is not audited again. Only the
 * appointment's practitioner (404 for anyone else), under the rule for staying in the room
 * (`canStayInRoom`: a call under way may outlive the window), in a call still on that they are
 * in (the domain's `canNoteSwitchToPhone`; 409 `not_in_call` before they entered or after it
 * ended; 403 `not_started` before the patient started). The patient's and the practitioner's
 * pages in the room are told,
 * on every instance (also on a repeat, for a page that came back after the first).
 */
export async function switchToPhone(
  ctx: SignedInContext,
  id: string,
  reason: PhoneFallbackReason,
): Promise<PhoneSwitch> {
  const now = ctx.clock.now();
  // The practitioner in a call under way, which may have outlived the window (as staying does).
  const { appointment, room: facts, session } = await loadRoomFacts(ctx, id);
  const stay = canStayInRoom(facts, session, 'practitioner');
  if (!stay.ok) throw fail(refusalCode[stay.reason]);
  const noted = await withTransaction(ctx.db, async (tx): Promise<PhoneSwitchRow> => {
    const room = await lockPhoneSwitch(tx, appointment.id);
    // canStayInRoom found the room started; it is never deleted but with its appointment.
    if (!room) throw fail('not_started');
    if (room.phoneSwitch) return room.phoneSwitch;
    if (!canNoteSwitchToPhone(room).ok)
      throw fail(
        'not_in_call',
        'Only in a call under way that you are in: the phone is for a call that failed.',
      );
    const phoneSwitch = { at: now, reason };
    await savePhoneSwitch(tx, appointment.id, phoneSwitch);
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'practitioner',
      action: 'video.phone_switch',
      entityType: 'appointment',
      entityIds: [appointment.id],
      clinicIds: [appointment.clinicId],
      ip: ctx.ip,
      details: { reason },
    });
    return phoneSwitch;
  });
  const answer: PhoneSwitch = {
    at: formatZoned(noted.at, appointment.timeZone),
    reason: noted.reason,
  };
  const message = { type: 'phone_switch', appointmentId: appointment.id, ...answer } as const;
  // Guests are not told: the phone call is between the patient and the practitioner.
  await Promise.all(
    (['patient', 'practitioner'] as const).map((role) =>
      ctx.bus.publish({ room: appointment.id, role }, message),
    ),
  );
  return answer;
}

/**
 * What the waiting patient is told of their practitioner (the domain's
 * `practitionerWhereabouts`): only the appointment's patient, while they may be in its room
 * (`canJoinRoom`; 404 for anyone else). It says where the practitioner is, nothing of the other
 * patient, so it is not audited; the waiting room asks for it every so often.
 */
export async function readPractitionerWhereabouts(
  ctx: SignedInContext,
  id: string,
): Promise<PractitionerWhereaboutsAnswer> {
  const { appointment, room, session } = await loadRoomFacts(ctx, id);
  const now = ctx.clock.now();
  const decision = canJoinRoom(room, session, now, 'patient');
  if (!decision.ok) throw fail(refusalCode[decision.reason]);
  const isBusy = await isPractitionerInAnotherCall(
    ctx.db,
    appointment.practitionerId,
    appointment.id,
    // An hour past its end, a call still marked as going is taken for one left behind.
    (now - HOUR) as Instant,
  );
  return {
    whereabouts: practitionerWhereabouts(appointment.room?.state.practitioner ?? 'absent', isBusy),
  };
}
