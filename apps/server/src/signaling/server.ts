import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ClientMessage, type ServerMessage, type SignalingErrorCode } from '@visitt/contracts';
import {
  canJoinRoom,
  canUseGuestLink,
  canWarmUp,
  canStayInRoom,
  canWatch,
  nextGuestPresence,
  nextRoomState,
  type GuestEvent,
  type PractitionerId,
  type JoinRefusal,
  type StayRefusal,
  type RoomEvent,
  type WatchRefusal,
  type Instant,
  type RoomRole,
  type UserId,
} from '@visitt/domain';
import type { FastifyBaseLogger } from 'fastify';
import { WebSocket, WebSocketServer } from 'ws';
import { writeAudit } from '../db/audit';
import {
  endGuestsOf,
  findGuest,
  findGuestByBrowser,
  touchGuestBrowser,
  updateGuestInRoom,
} from '../db/guests';
import { sha256 } from '../lib/crypto';
import { withTransaction } from '../db/pool';
import {
  findSession,
  isStrongAuthMethod,
  keepLiveSessions,
  sessionTokenHash,
  touchSession,
  type AuthMethod,
} from '../db/sessions';
import {
  findPractitionerIdsOfUsers,
  findVideoAppointments,
  findUserPractitionerIds,
  findVideoAppointment,
  lockRoom,
  saveRoom,
  type RoomRow,
  type VideoAppointment,
} from '../db/video';
import type { AppDeps } from '../deps';
import type { Audience } from './bus';
import { peerState, roomMessage } from './messages';
import { announceParticipants } from './participants';

export const SIGNALING_PATH = '/api/v1/signaling';

/** Largest message accepted (an SDP offer with many codecs is 5–15 kB). */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** Messages a socket may send: a burst (ICE candidates come in bursts) and a steady rate. */
const BUCKET_SIZE = 200;
const REFILL_PER_SECOND = 40;
const HEARTBEAT_MS = 25_000;
/** How often the sessions of open sockets are checked again (idle and absolute expiry). */
const SWEEP_MS = 5_000;
/** Open sockets one user may have on one instance (tabs, devices); the next is refused. */
export const MAX_SOCKETS_PER_USER = 16;
/** The close code for a socket whose session has ended: the client is signed out. */
export const SESSION_ENDED_CLOSE = 4401;

/** The patient's or the practitioner's place in a room. */
interface PartyMembership {
  role: RoomRole;
  /** Whom signals of the call are addressed to: the role itself. */
  seat: RoomRole;
  guest: null;
  sessionId: string;
  appointment: VideoAppointment;
  /**
   * A practitioner's workspace that readied a connection (`stand_by`) and has not entered: it
   * may exchange signals with the patient, nothing else (no media state, no hang-up).
   */
  standby: boolean;
}

/** A guest's place in a room: waiting until the practitioner lets them in. */
interface GuestMembership {
  role: null;
  /** The guest's id. */
  seat: string;
  /** Let in by the practitioner: kept in step by the `participants` list on every instance. */
  guest: { admitted: boolean; listVersion: number };
  sessionId: string;
  appointmentId: string;
  standby: false;
}

type Membership = PartyMembership | GuestMembership;

interface Connection {
  readonly id: number;
  readonly ws: WebSocket;
  readonly userId: UserId;
  /** How the socket's session signed in (a clinic may require strong sign-in for video). */
  readonly authMethod: AuthMethod;
  readonly token: string;
  /** The session's token hash in hex, as the bus names it when the session ends. */
  readonly sessionHash: string;
  /** The session signed in as staff must: only then may it enter as practitioner or watch. */
  readonly staff: boolean;
  readonly rooms: Map<string, Membership>;
  readonly watching: Set<PractitionerId>;
  /**
   * The guest link this browser holds, if any: the socket may join that link's room as the
   * guest. A browser may hold one beside a session (a clinician invited to a colleague's
   * consultation, a patient invited as a relative).
   */
  readonly guest: {
    readonly id: string;
    readonly appointmentId: string;
    /** The guest cookie (only its hash is stored). */
    readonly cookie: string;
  } | null;
  /**
   * The socket came with a session. Without one it is a guest's only (`userId` is then
   * `guest:{id}`, for the per-user socket bound), and may do nothing but be that guest.
   */
  readonly hasSession: boolean;
  tokens: number;
  lastRefill: number;
  alive: boolean;
}

export interface SignalingServer {
  /** Open sockets on this instance. */
  readonly size: number;
  /**
   * Checks the sessions of all open sockets in one query and closes (4401) those whose session
   * has expired or is gone. Runs on a timer; callable directly (tests).
   */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

const other = (role: RoomRole): RoomRole => (role === 'patient' ? 'practitioner' : 'patient');

/**
 * The domain's room refusals as signaling errors: no room for cancelled and in-person
 * appointments, nor for a patient whose clinic requires strong sign-in (the HTTP start already
 * told them why), nor for a session that is not staff watching a workspace.
 */
const refusalCode = {
  not_found: 'not_found',
  too_early: 'too_early',
  too_late: 'too_late',
  not_started: 'not_started',
  cancelled: 'not_allowed',
  not_video: 'not_allowed',
  strong_sign_in_required: 'not_allowed',
  not_staff: 'not_allowed',
} as const satisfies Record<JoinRefusal | StayRefusal | WatchRefusal, SignalingErrorCode>;

class Refusal extends Error {
  constructor(readonly code: SignalingErrorCode) {
    super(code);
  }
}

const refusalMessages: Record<SignalingErrorCode, string> = {
  bad_message: 'The message does not match the signaling protocol.',
  not_found: 'No such video room.',
  not_allowed: 'This video room is not open to you.',
  too_early: 'The video consultation has not opened yet.',
  too_late: 'The video consultation has closed.',
  not_started: 'The consultation has not been started.',
  not_waiting: 'The patient is not waiting, or you are in the room already.',
  rate_limited: 'Too many messages.',
};

/**
 * The signaling WebSocket at /api/v1/signaling. Every connection is authenticated by the
 * session cookie and its Origin checked at the upgrade; every message is parsed by its
 * contract and authorized here (only the appointment's patient and practitioner ever enter its
 * room); SDP and ICE candidates are relayed, never inspected. Room presence lives in the
 * database (one truth for all instances) and changes by the domain's `nextRoomState`.
 */
export function attachSignaling(
  server: Server,
  deps: AppDeps,
  options: {
    parseCookie: (header: string) => Record<string, string | undefined>;
    cookieName: string;
    /** The cookie of a browser that holds a guest link (a guest has no session). */
    guestCookieName: string;
    log: FastifyBaseLogger;
    /** How often the sweep runs (default every 5 s). */
    sweepMs?: number;
  },
): SignalingServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const connections = new Set<Connection>();
  // Work still running for closed sockets (presence updates), awaited before shutting down.
  const pending = new Set<Promise<void>>();
  const byRoom = new Map<string, Set<Connection>>();
  const byPractitioner = new Map<string, Set<Connection>>();
  const bySession = new Map<string, Set<Connection>>();
  const byUser = new Map<string, Set<Connection>>();
  let nextId = 1;

  const add = (index: Map<string, Set<Connection>>, key: string, conn: Connection) => {
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    set.add(conn);
  };
  const remove = (index: Map<string, Set<Connection>>, key: string, conn: Connection) => {
    const set = index.get(key);
    set?.delete(conn);
    if (set?.size === 0) index.delete(key);
  };

  const send = (conn: Connection, message: ServerMessage) => {
    if (conn.ws.readyState === WebSocket.OPEN) conn.ws.send(JSON.stringify(message));
  };
  const refuse = (conn: Connection, code: SignalingErrorCode, appointmentId?: string) =>
    send(conn, {
      type: 'error',
      code,
      message: refusalMessages[code],
      ...(appointmentId ? { appointmentId } : {}),
    });

  // Everything published by any instance reaches the sockets of this one.
  deps.bus.onMessage((to: Audience, message) => {
    if ('practitioner' in to) {
      for (const conn of byPractitioner.get(to.practitioner) ?? []) send(conn, message);
      return;
    }
    for (const conn of [...(byRoom.get(to.room) ?? [])]) {
      const membership = conn.rooms.get(to.room);
      if (!membership) continue;
      if (to.role && (membership.guest || membership.role !== to.role)) continue;
      if (to.seat && membership.seat !== to.seat) continue;
      if (to.session && membership.sessionId !== to.session) continue;
      if (mayReceive(conn, to.room, membership, message)) send(conn, message);
    }
  });

  /**
   * What a member of a room gets of what is published to it. A guest not let in gets nothing of
   * the call (no list, no signals): only that it ended, or that their link was revoked. The list
   * also tells a guest's socket, on whichever instance, that they were let in. A readied
   * practitioner's page talks to the patient only.
   */
  function mayReceive(
    conn: Connection,
    appointmentId: string,
    membership: Membership,
    message: ServerMessage,
  ): boolean {
    if (message.type === 'guest_revoked') {
      // Another guest's news is the call's: not for a guest still waiting.
      if (message.guestId !== membership.seat)
        return !membership.guest || membership.guest.admitted;
      // Their link stopped working: out of the room, and told so.
      conn.rooms.delete(appointmentId);
      remove(byRoom, appointmentId, conn);
      send(conn, message);
      return false;
    }
    if (membership.guest && message.type === 'participants') {
      // An older list (published late) does not undo a newer one.
      if (message.version < membership.guest.listVersion) return false;
      membership.guest.listVersion = message.version;
      // Let in is this page of the browser holding the link: not a page of a browser that held
      // it before, nor an older page.
      const me = message.participants.find((p) => p.seat === membership.seat);
      const was = membership.guest.admitted;
      membership.guest.admitted =
        me !== undefined && me.admitted && me.sessionId === membership.sessionId;
      // Out of the call now (another page of the link's holds it): this list, once, tells the
      // page so.
      if (was && !membership.guest.admitted) return true;
    }
    if (membership.guest && !membership.guest.admitted) return message.type === 'ended';
    if (membership.standby)
      return (
        message.type !== 'participants' &&
        (message.type !== 'signal' ||
          message.fromSeat === 'patient' ||
          message.fromSeat === undefined)
      );
    return true;
  }

  /** Closes the sockets of ended sessions; their messages still queued are not handled. */
  const endSessions = (hashes: Iterable<string>) => {
    for (const hash of hashes) {
      for (const conn of bySession.get(hash) ?? [])
        conn.ws.close(SESSION_ENDED_CLOSE, 'session ended');
    }
  };
  // A session deleted on any instance (sign-out, deactivation, reset, expiry) ends here too.
  deps.bus.onSessionsEnded(endSessions);

  const publish = (to: Audience, message: ServerMessage) =>
    deps.bus
      .publish(to, message)
      .catch((error: unknown) =>
        options.log.error({ err: { message: String(error) } }, 'bus publish failed'),
      );

  /** Applies a room event under the row lock and tells the other side and the workspace. */
  async function changeRoom(
    membership: PartyMembership,
    event: RoomEvent,
    change: (room: RoomRow, before: RoomRow) => RoomRow = (room) => room,
    onlyIfSession?: string,
  ): Promise<RoomRow | null> {
    const { appointment, role } = membership;
    const now = deps.clock.now();
    const room = await withTransaction(deps.db, async (tx) => {
      const locked = await lockRoom(tx, appointment.id);
      if (!locked) return null;
      // A socket of a page that has since been reloaded must not mark the new page as gone.
      if (onlyIfSession !== undefined && locked.sessions[role] !== onlyIfSession) return null;
      const next = change({ ...locked, state: nextRoomState(locked.state, event) }, locked);
      await saveRoom(tx, next, now, {
        ...(event.type === 'hung_up' ? { endedBy: role } : {}),
        practitionerEntered: event.type === 'joined' && role === 'practitioner',
      });
      if (event.type === 'hung_up') {
        // Ended for everyone: the guests have left it too.
        await endGuestsOf(tx, appointment.id, now);
        await writeAudit(tx, {
          at: now,
          actorUserId: role === 'patient' ? appointment.patientId : appointment.practitionerUserId,
          actorRole: role,
          action: 'video.end',
          entityType: 'appointment',
          entityIds: [appointment.id],
          clinicIds: [appointment.clinicId],
          ip: null,
        });
      }
      return next;
    });
    if (!room) return null;
    await publish(
      { practitioner: appointment.practitionerId },
      roomMessage(room, appointment.timeZone),
    );
    await announceParticipants(deps.db, deps.bus, appointment.id);
    return room;
  }

  /**
   * Applies a guest's event to their presence (the domain's `nextGuestPresence`), under the row
   * locks of the room and then the guest (the order every change of guests takes), and tells
   * everyone in the call who is in it now. Returns whether they are let in.
   */
  async function changeGuest(
    appointmentId: string,
    guestId: string,
    event: GuestEvent,
    change: { session?: string; mic?: boolean; camera?: boolean; onlyIfSession?: string } = {},
  ): Promise<boolean | null> {
    const now = deps.clock.now();
    const admitted = await withTransaction(deps.db, async (tx) => {
      await lockRoom(tx, appointmentId);
      const guest = await findGuest(tx, appointmentId, guestId, { lock: true });
      if (!guest || guest.revokedAt !== null) return null;
      const admitted = guest.admittedAt !== null && event !== 'left';
      const changed = await updateGuestInRoom(
        tx,
        guestId,
        {
          presence: nextGuestPresence(guest.presence, admitted, event),
          ...(change.session !== undefined ? { session: change.session } : {}),
          ...(change.mic !== undefined ? { mic: change.mic, camera: change.camera } : {}),
          clearAdmission: event === 'left',
          ...(change.onlyIfSession !== undefined ? { onlyIfSession: change.onlyIfSession } : {}),
        },
        now,
      );
      return changed ? admitted : null;
    });
    if (admitted !== null) await announceParticipants(deps.db, deps.bus, appointmentId);
    return admitted;
  }

  /**
   * Tells the practitioner's page whose readied connection another page of theirs has taken over
   * (a second tab readied, or entered) that it is no longer the one: it lets its connection go.
   */
  const replacedReadied = (appointmentId: string, session: string) =>
    publish(
      { room: appointmentId, role: 'practitioner', session },
      {
        type: 'error',
        code: 'not_waiting',
        message: refusalMessages.not_waiting,
        appointmentId,
      },
    );

  /**
   * Puts the socket in the room it joined (or readied), tells it where the other side stands and
   * tells the other side it came; a page of the practitioner's it `replaced` as the one in the
   * room is told so. A readied page gets no status message: that is for the waiting patient.
   */
  async function admit(
    conn: Connection,
    membership: PartyMembership,
    room: RoomRow,
    replaced: string | null,
  ): Promise<void> {
    const { appointment, role, sessionId } = membership;
    if (replaced && replaced !== sessionId) await replacedReadied(appointment.id, replaced);
    conn.rooms.set(appointment.id, membership);
    add(byRoom, appointment.id, conn);
    send(conn, {
      type: 'joined',
      appointmentId: appointment.id,
      role,
      peer: peerState(room, other(role)),
      statusMessage:
        room.status && !membership.standby
          ? { text: room.status.text, at: new Date(room.status.at).toISOString() }
          : null,
    });
    await publish(
      { room: appointment.id, role: other(role) },
      { type: 'peer', appointmentId: appointment.id, peer: peerState(room, role) },
    );
  }

  const roomFacts = (appointment: VideoAppointment) => ({
    ...appointment,
    startedAt: appointment.room?.startedAt ?? null,
  });
  const roomSession = (conn: Connection, practitionerIds: readonly PractitionerId[]) => ({
    userId: conn.userId,
    isStaff: conn.staff,
    isStrongSignIn: isStrongAuthMethod(conn.authMethod),
    practitionerIds,
  });

  async function authorizeJoin(
    conn: Connection,
    appointmentId: string,
  ): Promise<{ role: RoomRole; appointment: VideoAppointment }> {
    const appointment = await findVideoAppointment(deps.db, appointmentId);
    if (!appointment) throw new Refusal('not_found');
    // Memberships and the clinic's rule are read at every join, not kept from the upgrade: a
    // practitioner removed from the clinic, or a clinic that turned strong sign-in on, counts now.
    const practitionerIds = await findUserPractitionerIds(deps.db, conn.userId);
    // Someone else's room is `not_found`: exactly as if it did not exist.
    const decision = canJoinRoom(
      roomFacts(appointment),
      roomSession(conn, practitionerIds),
      deps.clock.now(),
    );
    if (!decision.ok) throw new Refusal(refusalCode[decision.reason]);
    return { role: decision.value, appointment };
  }

  /**
   * Whether the guest link of a guest's socket still works now and is held by its browser (not
   * revoked, not taken by another browser, the room's window open).
   */
  async function guestLinkHeld(conn: Connection, now: Instant): Promise<boolean> {
    if (!conn.guest) return false;
    const guest = await findGuestByBrowser(deps.db, sha256(conn.guest.cookie));
    return (
      guest !== null &&
      guest.id === conn.guest.id &&
      canUseGuestLink(guest.appointment, guest, now).ok
    );
  }

  /**
   * A guest's page comes into the room of their link: they wait there until the practitioner
   * lets them in (or, let in before from this browser and dropped, are back in the call).
   */
  async function joinAsGuest(
    conn: Connection,
    message: Extract<ClientMessage, { type: 'join' }>,
  ): Promise<void> {
    const guest = conn.guest!;
    if (message.appointmentId !== guest.appointmentId) throw new Refusal('not_found');
    if (!(await guestLinkHeld(conn, deps.clock.now()))) throw new Refusal('not_allowed');
    const membership: GuestMembership = {
      role: null,
      seat: guest.id,
      guest: { admitted: false, listVersion: 0 },
      sessionId: message.sessionId,
      appointmentId: guest.appointmentId,
      standby: false,
    };
    // In the room before the change is announced, so the list reaches this socket too.
    conn.rooms.set(guest.appointmentId, membership);
    add(byRoom, guest.appointmentId, conn);
    const admitted = await changeGuest(guest.appointmentId, guest.id, 'joined', {
      session: message.sessionId,
      mic: message.mic,
      camera: message.camera,
    });
    if (admitted === null) {
      conn.rooms.delete(guest.appointmentId);
      remove(byRoom, guest.appointmentId, conn);
      throw new Refusal('not_allowed');
    }
    if (!admitted)
      send(conn, { type: 'lobby', appointmentId: guest.appointmentId, seat: guest.id });
  }

  const handlers: {
    [T in ClientMessage['type']]: (
      conn: Connection,
      message: Extract<ClientMessage, { type: T }>,
    ) => Promise<void>;
  } = {
    async join(conn, message) {
      // A socket without a session is only its guest: another room is as one that is not there.
      if (!conn.hasSession) return joinAsGuest(conn, message);
      // A signed-in browser joins as the guest of the link it holds, unless its session is the
      // patient's or the practitioner's of that appointment.
      if (
        conn.guest?.appointmentId === message.appointmentId &&
        !(await authorizeJoin(conn, message.appointmentId).catch(() => null))
      )
        return joinAsGuest(conn, message);
      const { role, appointment } = await authorizeJoin(conn, message.appointmentId);
      const membership: PartyMembership = {
        role,
        seat: role,
        guest: null,
        appointment,
        sessionId: message.sessionId,
        standby: false,
      };
      let replaced: string | null = null;
      const room = await changeRoom(membership, { type: 'joined', role }, (r, before) => {
        if (role === 'practitioner' && before.state.practitioner === 'ready')
          replaced = before.sessions.practitioner;
        return {
          ...r,
          sessions: { ...r.sessions, [role]: message.sessionId },
          media: { ...r.media, [role]: { mic: message.mic, camera: message.camera } },
        };
      });
      if (!room) throw new Refusal('not_started');
      await admit(conn, membership, room, replaced);
      // The list went out as the room changed, before this socket was in it: again, for it too.
      await announceParticipants(deps.db, deps.bus, appointment.id);
    },

    async stand_by(conn, message) {
      if (!conn.hasSession) throw new Refusal('not_allowed');
      const { role, appointment } = await authorizeJoin(conn, message.appointmentId);
      // Only the practitioner readies a connection; the patient's start is their joining.
      if (role !== 'practitioner') throw new Refusal('not_allowed');
      const membership: PartyMembership = {
        role,
        seat: role,
        guest: null,
        appointment,
        sessionId: message.sessionId,
        standby: true,
      };
      // The domain's `canWarmUp`, under the row lock: a patient waiting, the practitioner not
      // been in the room (not in a call from another tab). The session is taken only when it
      // holds.
      let replaced: string | null = null;
      const room = await changeRoom(membership, { type: 'readied', role }, (next, before) => {
        if (!canWarmUp(before.state)) return before;
        replaced = before.state.practitioner === 'ready' ? before.sessions.practitioner : null;
        return { ...next, sessions: { ...next.sessions, practitioner: message.sessionId } };
      });
      if (!room) throw new Refusal('not_started');
      if (room.state.practitioner !== 'ready' || room.sessions.practitioner !== message.sessionId)
        throw new Refusal('not_waiting');
      await admit(conn, membership, room, replaced);
    },

    async signal(conn, message) {
      const membership = conn.rooms.get(message.appointmentId);
      // A guest not let in talks to nobody.
      if (!membership || (membership.guest && !membership.guest.admitted))
        throw new Refusal('not_found');
      const { type: _type, appointmentId, to, seat, ...payload } = message;
      // Without a seat, the other of patient and practitioner (as before there were guests).
      const target = seat ?? (membership.guest ? null : other(membership.role));
      if (!target || target === membership.seat) throw new Refusal('bad_message');
      // A readied practitioner's page talks to the patient only.
      if (membership.standby && target !== 'patient') throw new Refusal('not_found');
      await publish(
        { room: appointmentId, seat: target, ...(to ? { session: to } : {}) },
        {
          type: 'signal',
          appointmentId,
          from: membership.sessionId,
          fromSeat: membership.seat,
          ...payload,
        },
      );
    },

    async media(conn, message) {
      const membership = conn.rooms.get(message.appointmentId);
      if (!membership || membership.standby) throw new Refusal('not_found');
      if (membership.guest) {
        // Still in the room as they were (`joined` keeps a guest's presence): only the media.
        await changeGuest(message.appointmentId, membership.seat, 'joined', {
          mic: message.mic,
          camera: message.camera,
          onlyIfSession: membership.sessionId,
        });
        return;
      }
      const role = membership.role;
      const now = deps.clock.now();
      const room = await withTransaction(deps.db, async (tx) => {
        const locked = await lockRoom(tx, message.appointmentId);
        if (!locked) return null;
        const next = {
          ...locked,
          media: { ...locked.media, [role]: { mic: message.mic, camera: message.camera } },
        };
        await saveRoom(tx, next, now);
        return next;
      });
      if (room) {
        await publish(
          { room: message.appointmentId, role: other(role) },
          { type: 'peer', appointmentId: message.appointmentId, peer: peerState(room, role) },
        );
        await announceParticipants(deps.db, deps.bus, message.appointmentId);
      }
    },

    async hang_up(conn, message) {
      const membership = conn.rooms.get(message.appointmentId);
      if (!membership || membership.standby) throw new Refusal('not_found');
      conn.rooms.delete(message.appointmentId);
      remove(byRoom, message.appointmentId, conn);
      // A guest leaves; the call goes on for the others. Coming back, they are let in anew.
      if (membership.guest) {
        await changeGuest(message.appointmentId, membership.seat, 'left', {
          onlyIfSession: membership.sessionId,
        });
        return;
      }
      await changeRoom(membership, { type: 'hung_up', role: membership.role });
      await publish(
        { room: message.appointmentId },
        { type: 'ended', appointmentId: message.appointmentId, by: membership.role },
      );
    },

    async watch(conn) {
      if (!conn.hasSession) throw new Refusal('not_allowed');
      const decision = canWatch({
        isStaff: conn.staff,
        practitionerIds: await findUserPractitionerIds(deps.db, conn.userId),
      });
      if (!decision.ok) throw new Refusal(refusalCode[decision.reason]);
      for (const id of decision.value) {
        conn.watching.add(id);
        add(byPractitioner, id, conn);
      }
      send(conn, { type: 'watching' });
    },

    async ping(conn) {
      const now = deps.clock.now();
      // A guest's link must still work and be held by this browser.
      if (!conn.hasSession) {
        if (!(await guestLinkHeld(conn, now)))
          return conn.ws.close(SESSION_ENDED_CLOSE, 'guest link ended');
        await touchGuestBrowser(deps.db, conn.guest!.id, now);
        return send(conn, { type: 'pong' });
      }
      // The call keeps the session alive, and a session ended elsewhere ends the socket.
      const session = await findSession(deps.db, conn.token, now, deps.config.sessionIdleMs);
      if (!session) return conn.ws.close(SESSION_ENDED_CLOSE, 'session ended');
      await touchSession(deps.db, session, now);
      send(conn, { type: 'pong' });
    },
  };

  async function handle(conn: Connection, raw: string) {
    // A socket being closed (its session ended) acts no more, even on messages already queued.
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    const now = Date.now();
    conn.tokens = Math.min(
      BUCKET_SIZE,
      conn.tokens + ((now - conn.lastRefill) / 1000) * REFILL_PER_SECOND,
    );
    conn.lastRefill = now;
    if (conn.tokens < 1) {
      refuse(conn, 'rate_limited');
      return conn.ws.close(1008, 'rate limited');
    }
    conn.tokens -= 1;
    let parsed: ReturnType<typeof ClientMessage.safeParse>;
    try {
      parsed = ClientMessage.safeParse(JSON.parse(raw));
    } catch {
      return refuse(conn, 'bad_message');
    }
    if (!parsed.success) return refuse(conn, 'bad_message');
    const message = parsed.data;
    try {
      await (handlers[message.type] as (c: Connection, m: ClientMessage) => Promise<void>)(
        conn,
        message,
      );
    } catch (error) {
      if (error instanceof Refusal)
        return refuse(
          conn,
          error.code,
          'appointmentId' in message ? message.appointmentId : undefined,
        );
      options.log.error(
        { err: { message: (error as Error).message, stack: (error as Error).stack } },
        'signaling handler failed',
      );
    }
  }

  /**
   * Takes the socket out of a room, as a dropped connection (`disconnected`) or for good
   * (`removed`), and tells the other side.
   */
  async function leaveRoom(
    conn: Connection,
    appointmentId: string,
    membership: Membership,
    how: 'disconnected' | 'removed' = 'disconnected',
  ) {
    conn.rooms.delete(appointmentId);
    remove(byRoom, appointmentId, conn);
    if (membership.guest) {
      await changeGuest(
        appointmentId,
        membership.seat,
        how === 'removed' ? 'left' : 'disconnected',
        {
          onlyIfSession: membership.sessionId,
        },
      ).catch((error: unknown) =>
        options.log.error({ err: { message: String(error) } }, 'signaling disconnect failed'),
      );
      return;
    }
    try {
      const room = await changeRoom(
        membership,
        { type: how, role: membership.role },
        undefined,
        membership.sessionId,
      );
      if (room) {
        await publish(
          { room: appointmentId, role: other(membership.role) },
          { type: 'peer', appointmentId, peer: peerState(room, membership.role) },
        );
      }
    } catch (error) {
      options.log.error(
        { err: { message: (error as Error).message } },
        'signaling disconnect failed',
      );
    }
  }

  async function closed(conn: Connection) {
    connections.delete(conn);
    for (const id of conn.watching) remove(byPractitioner, id, conn);
    for (const [appointmentId, membership] of [...conn.rooms])
      await leaveRoom(conn, appointmentId, membership);
  }

  const reject = (socket: Duplex, status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== SIGNALING_PATH) return reject(socket, '404 Not Found');
    // Browsers always send Origin on WebSocket handshakes: a foreign page may not ride the cookie.
    const origin = request.headers.origin;
    if (!origin || !deps.config.allowedOrigins.includes(origin))
      return reject(socket, '403 Forbidden');
    const cookies = options.parseCookie(request.headers.cookie ?? '');
    const token = cookies[options.cookieName];
    const guestToken = cookies[options.guestCookieName];
    if (!token && !guestToken) return reject(socket, '401 Unauthorized');
    const now = deps.clock.now();
    /**
     * Who the socket is: the session's user, and the guest whose link the browser holds (a link
     * that works now), either or both. Without a session, only the guest.
     */
    const identify = async () => {
      const session = token
        ? await findSession(deps.db, token, now, deps.config.sessionIdleMs)
        : null;
      const held = guestToken ? await findGuestByBrowser(deps.db, sha256(guestToken)) : null;
      const guest =
        held && canUseGuestLink(held.appointment, held, now).ok
          ? { id: held.id, appointmentId: held.appointmentId, cookie: guestToken! }
          : null;
      if (session)
        return {
          userId: session.userId,
          authMethod: session.authMethod,
          token: token!,
          sessionHash: sessionTokenHash(token!),
          staff: session.staff,
          guest,
          hasSession: true,
        };
      if (!guest) return null;
      return {
        userId: `guest:${guest.id}` as UserId,
        // Never asked: a socket without a session joins only as its guest.
        authMethod: 'code_email' as const,
        token: guestToken!,
        sessionHash: `guest:${sha256(guestToken!).toString('hex')}`,
        staff: false,
        guest,
        hasSession: false,
      };
    };
    identify()
      .then((who) => {
        if (!who) return reject(socket, '401 Unauthorized');
        // Checked and counted in the same tick (the upgrade below completes synchronously), so
        // simultaneous upgrades cannot slip past the bound together.
        if ((byUser.get(who.userId)?.size ?? 0) >= MAX_SOCKETS_PER_USER)
          return reject(socket, '429 Too Many Requests');
        wss.handleUpgrade(request, socket, head, (ws) => {
          const conn: Connection = {
            id: nextId++,
            ws,
            ...who,
            rooms: new Map(),
            watching: new Set(),
            tokens: BUCKET_SIZE,
            lastRefill: Date.now(),
            alive: true,
          };
          connections.add(conn);
          add(bySession, conn.sessionHash, conn);
          add(byUser, conn.userId, conn);
          // One message at a time per socket, in order: a join must finish before its signals.
          let queue = Promise.resolve();
          ws.on('message', (data, isBinary) => {
            if (isBinary) return refuse(conn, 'bad_message');
            const raw = (
              Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
            ).toString('utf8');
            queue = queue.then(() => handle(conn, raw));
          });
          ws.on('pong', () => {
            conn.alive = true;
            // A guest's open socket is the browser holding its link being heard from.
            if (conn.guest && [...conn.rooms.values()].some((m) => m.guest))
              void touchGuestBrowser(deps.db, conn.guest.id, deps.clock.now()).catch(
                () => undefined,
              );
          });
          ws.on('close', () => {
            // At once, not behind queued messages: a reconnect must find the slot free.
            remove(bySession, conn.sessionHash, conn);
            remove(byUser, conn.userId, conn);
            queue = queue.then(() => closed(conn));
            pending.add(queue);
            void queue.finally(() => pending.delete(queue));
          });
          ws.on('error', () => undefined);
        });
      })
      .catch(() => reject(socket, '500 Internal Server Error'));
  };
  server.on('upgrade', onUpgrade);

  // Sockets that stop answering pings (a vanished network) are closed, so the peer learns of it.
  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  // Expiry is not announced when it happens (a session simply gets too old), and announcements
  // missed while the bus reconnected are lost: the sweep catches both.
  async function sweepOnce(): Promise<void> {
    await sweepGuests();
    // Sockets without a session are the guests' (checked above by their links).
    const hashes = [...bySession.keys()].filter((hash) => !hash.startsWith('guest:'));
    if (hashes.length === 0) return;
    try {
      const live = await keepLiveSessions(
        deps.db,
        hashes,
        deps.clock.now(),
        deps.config.sessionIdleMs,
      );
      endSessions(hashes.filter((hash) => !live.has(hash)));
      // Whom each user practises as, read once for both checks below.
      const users = [...connections]
        .filter((conn) => conn.hasSession && (conn.watching.size > 0 || conn.rooms.size > 0))
        .map((conn) => conn.userId);
      if (users.length === 0) return;
      const practitioners = await findPractitionerIdsOfUsers(deps.db, [...new Set(users)]);
      rewatch(practitioners);
      await reauthorizeRooms(practitioners);
    } catch (error) {
      options.log.warn({ err: { message: String(error) } }, 'signaling session sweep failed');
    }
  }
  /**
   * A guest stays in the room only while their browser holds a link that works: revoked, taken
   * by another browser, or the room's window closed, they leave the call (everyone's list says
   * so, and nobody's media goes to them any more) and a socket that was only the guest's is
   * closed (4401).
   */
  async function sweepGuests(): Promise<void> {
    const now = deps.clock.now();
    for (const conn of connections) {
      if (!conn.guest || conn.ws.readyState !== WebSocket.OPEN) continue;
      try {
        if (await guestLinkHeld(conn, now)) continue;
        for (const [appointmentId, membership] of [...conn.rooms])
          if (membership.guest) await leaveRoom(conn, appointmentId, membership, 'removed');
        if (!conn.hasSession) conn.ws.close(SESSION_ENDED_CLOSE, 'guest link ended');
      } catch (error) {
        options.log.warn({ err: { message: String(error) } }, 'signaling guest sweep failed');
      }
    }
  }

  /**
   * A workspace keeps watching only the practitioners its user still is: a member who lost the
   * practitioner role, or a practitioner row made inactive, stops getting their rooms' alerts
   * within one sweep, decided by the same `canWatch` as the `watch` message.
   */
  function rewatch(current: ReadonlyMap<UserId, readonly PractitionerId[]>): void {
    for (const conn of connections) {
      if (conn.watching.size === 0) continue;
      const decision = canWatch({
        isStaff: conn.staff,
        practitionerIds: current.get(conn.userId) ?? [],
      });
      const allowed = new Set<string>(decision.ok ? decision.value : []);
      for (const id of [...conn.watching]) {
        if (allowed.has(id)) continue;
        conn.watching.delete(id);
        remove(byPractitioner, id, conn);
      }
    }
  }

  /**
   * Everyone in a room stays only while the domain's `canStayInRoom` allows it, checked again at
   * each sweep: a practitioner whose role was taken away, a cancelled appointment, a clinic that
   * now requires strong sign-in. Those who may not stay are taken out (their relayed signals
   * stop) and told `not_allowed`, which ends the call on their page; the other side sees them
   * `left` and closes its peer connection to them, so no media flows to them either. One query
   * for all rooms.
   */
  async function reauthorizeRooms(
    practitioners: ReadonlyMap<UserId, readonly PractitionerId[]>,
  ): Promise<void> {
    // Guests' sockets are checked by their links (`sweepGuests`).
    const members = [...connections].flatMap((conn) =>
      conn.ws.readyState === WebSocket.OPEN
        ? [...conn.rooms].flatMap(([appointmentId, membership]) =>
            membership.guest ? [] : [{ conn, appointmentId, membership }],
          )
        : [],
    );
    if (members.length === 0) return;
    const appointments = await findVideoAppointments(deps.db, [
      ...new Set(members.map((m) => m.appointmentId)),
    ]);
    for (const { conn, appointmentId, membership } of members) {
      const appointment = appointments.get(appointmentId);
      const decision = appointment
        ? canStayInRoom(
            roomFacts(appointment),
            roomSession(conn, practitioners.get(conn.userId) ?? []),
            membership.role,
          )
        : ({ ok: false, reason: 'not_found' } as const);
      if (decision.ok || conn.rooms.get(appointmentId) !== membership) continue;
      await leaveRoom(conn, appointmentId, membership, 'removed');
      // Always `not_allowed` to the one taken out: the code their page ends the call on.
      refuse(conn, 'not_allowed', appointmentId);
    }
  }

  // One sweep at a time: a slow database must not pile them up.
  let sweeping: Promise<void> | null = null;
  const sweep = (): Promise<void> => (sweeping ??= sweepOnce().finally(() => (sweeping = null)));
  const sweeper = setInterval(() => void sweep(), options.sweepMs ?? SWEEP_MS);
  sweeper.unref();

  return {
    get size() {
      return connections.size;
    },
    sweep,
    async close() {
      clearInterval(heartbeat);
      clearInterval(sweeper);
      await sweeping;
      server.off('upgrade', onUpgrade);
      for (const conn of connections) conn.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // Let the presence of the sockets just closed reach the database ("reconnecting").
      await Promise.allSettled([...pending]);
    },
  };
}
