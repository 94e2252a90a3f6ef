import {
  ServerMessage,
  type ClientMessage,
  type GuestConnection,
  type Participant,
  type PeerState,
  type SignalingErrorCode,
  type VideoConnection,
} from '@visitt/contracts';
import {
  NEW_MEDIA_FLOW_CLOCK,
  isInRoom,
  isPolite,
  nextMediaFlowClock,
  phoneFallbackAt,
  phoneFallbackDue,
  releasesMedia,
  videoBitrateCap,
  type MediaFlow,
} from '@visitt/domain';
import {
  nextShown,
  readLink,
  type InboundTotals,
  type ShownQuality,
  type StatsEntry,
} from './link-stats';
import { PeerLink } from './peer-link';
import type { CallPhase, CallSnapshot, MediaProblem } from './types';

/** The way into a call: the patient's or the practitioner's, or a guest's. */
export type CallJoin = VideoConnection | GuestConnection;
const isGuestJoin = (join: CallJoin): join is GuestConnection => 'guestId' in join;
/** The patient's and the practitioner's seats; every other seat is a guest's. */
const isPartySeat = (seat: string) => seat === 'patient' || seat === 'practitioner';
/** In the call (let in, page there or coming back). */
const isInCall = (p: Participant) =>
  p.admitted && (p.presence === 'in_call' || p.presence === 'reconnecting');

export interface CallOptions {
  /** The signaling socket's address; by default the page's origin and `join.signalingPath`. */
  socketUrl?: string;
  /**
   * Asks the server for a fresh way in (new TURN credentials) before the current ones run out,
   * so a long call can still restart ICE through TURN.
   */
  renew?: () => Promise<CallJoin>;
}

/** Renew this long before the TURN credentials expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

/** Codes after which trying again cannot help: the room is not (or no longer) open to us. */
const TERMINAL_ERRORS: readonly SignalingErrorCode[] = [
  'not_found',
  'not_allowed',
  'too_late',
  'too_early',
  'not_waiting',
];
const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 10_000];
const PING_MS = 25_000;
/** How long ICE may stay `disconnected` before we restart it ourselves. */
const ICE_GRACE_MS = 2500;
/**
 * While the phone is offered, how often the practitioner's side starts ICE over: a relay that
 * could not be reached gave no candidates at all, and nothing else would look again.
 */
const ICE_RETRY_MS = 10_000;
/**
 * A drop is counted from the last statistics reading that found media arriving (ICE itself
 * notices only some seconds later), but from no further back than this.
 */
const DROP_BACKDATE_MAX_MS = 10_000;

const newSessionId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
};

/** Sorts getUserMedia failures into what the person can do something about. */
export function classifyMediaError(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'permission_denied';
    case 'NotReadableError':
    case 'AbortError':
      return 'device_in_use';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no_device';
    default:
      return 'unknown';
  }
}

/** Whether a camera track shows a picture within `ms`: some video inputs never deliver a frame. */
function deliversFrames(track: MediaStreamTrack, ms = 2000): Promise<boolean> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  return new Promise((resolve) => {
    const finish = (result: boolean) => {
      clearTimeout(timer);
      video.srcObject = null;
      resolve(result);
    };
    const timer = setTimeout(() => finish(false), ms);
    video.requestVideoFrameCallback(() => finish(true));
    video.play().catch(() => finish(false));
  });
}

const KINDS = ['audio', 'video'] as const;
/**
 * A sender's first video frames go out at half size: a 720p camera at full size waits about 300 ms
 * for its first frame (the encoder drops frames while the start bitrate is too low for the size),
 * at half size about 100 ms. Then full size, after a stall of one frame or two (decision 0027).
 */
const QUICK_START_SCALE = 2;
const FULL_SIZE_AFTER_MS = 1500;

/** How often the call reads its link's quality. */
const QUALITY_EVERY_MS = 2000;
/** How long into the call before the quality is shown: the bitrate estimate climbs at first. */
const QUALITY_AFTER_MS = 6000;
const UNSHOWN: ShownQuality = { level: null, candidate: null, streak: 0 };

/**
 * One side of a video consultation: camera and microphone, the signaling socket, and the
 * peer-to-peer connection, with the "perfect negotiation" pattern (the patient is the polite
 * peer). It recovers by itself: a lost socket reconnects and rejoins; ICE that disconnects is
 * restarted; a peer that reloads its page gets a fresh connection. UI frameworks read it through
 * `subscribe` and `getSnapshot`.
 *
 * The connection always has one audio and one video transceiver, offered by the practitioner;
 * what each side sends on them is the domain's `releasesMedia`: nothing until the practitioner
 * is in the room. So the practitioner's workspace may ready the connection while the patient
 * waits (`standBy`, decision 0027) and entering only puts the tracks on it (`enter`).
 */
export class CallSession {
  private snapshot: CallSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly sessionId = newSessionId();
  private readonly polite: boolean;
  /** Our seat: `patient`, `practitioner`, or the guest's id. */
  private readonly seat: string;
  private readonly isGuest: boolean;
  /** A connection of its own to each participant in a pair with a guest in it, by seat. */
  private readonly links = new Map<string, PeerLink>();
  /** The version of the newest participants list taken. */
  private listVersion = 0;
  /** What each video sender may use now (`videoBitrateCap`); null with two in the call. */
  private videoCap: number | null = null;
  private ws: WebSocket | null = null;
  private pc: RTCPeerConnection | null = null;
  private peerSessionId: string | null = null;
  private remoteStream: MediaStream | null = null;
  private makingOffer = false;
  private ignoreOffer = false;
  private inbox: Promise<void> = Promise.resolve();
  private reconnectAttempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private iceTimer: ReturnType<typeof setTimeout> | null = null;
  private finished = false;
  private mediaReady = false;
  private readonly blindCameras = new Set<string>();
  private earlyCandidates: RTCIceCandidateInit[] = [];
  private joinedOnce = false;
  /** The socket opened again after the room was joined: a `joined` then is a rejoin. */
  private socketReopened = false;
  /** A readied connection of the practitioner's workspace: in the room as `ready`, not entered. */
  private standby = false;
  /** `join` sent from a readied connection; nothing is sent until the server has let us in. */
  private entering = false;
  private acquiring: Promise<void> | null = null;
  /** Counts camera and microphone requests: one given back (`stopMedia`) ends what it started. */
  private acquisition = 0;
  /** Video senders that have had a track: they are past their quick start. */
  private readonly startedSenders = new WeakSet<RTCRtpSender>();
  private fullSizeTimer: ReturnType<typeof setTimeout> | null = null;

  private renewTimer: ReturnType<typeof setTimeout> | null = null;
  /** Reads the link's quality every {@link QUALITY_EVERY_MS} while in the call. */
  private qualityTimer: ReturnType<typeof setInterval> | null = null;
  private inboundTotals: InboundTotals | null = null;
  private shownQuality = { mine: UNSHOWN, theirs: UNSHOWN };
  /** Whether and since when media has not flowed, for the phone when video fails. */
  private flowClock = NEW_MEDIA_FLOW_CLOCK;
  private fallbackTimer: ReturnType<typeof setTimeout> | null = null;
  private fallbackAt: number | null = null;
  private iceRetryTimer: ReturnType<typeof setInterval> | null = null;
  /** When a statistics reading last found media from the other side arriving (epoch ms). */
  private mediaSeenAt: number | null = null;

  constructor(
    private join: CallJoin,
    private readonly options: CallOptions = {},
  ) {
    this.isGuest = isGuestJoin(join);
    this.seat = isGuestJoin(join) ? join.guestId : join.role;
    this.polite = this.seat === 'patient';
    this.snapshot = {
      phase: 'preparing',
      role: isGuestJoin(join) ? 'guest' : join.role,
      seat: this.seat,
      participants: [],
      admitted: !this.isGuest,
      remoteStreams: {},
      peer: { presence: 'absent', mic: true, camera: true },
      localStream: null,
      remoteStream: null,
      mic: true,
      camera: true,
      cameras: [],
      microphones: [],
      cameraId: null,
      microphoneId: null,
      quality: { mine: null, theirs: null },
      audioOnly: { mine: false, theirs: false },
      phoneFallback: null,
      phoneSwitch: null,
      statusMessage: null,
      signaling: 'connecting',
      mediaProblem: null,
      endedBy: null,
      error: null,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallSnapshot => this.snapshot;

  private update(changes: Partial<CallSnapshot>): void {
    const next = { ...this.snapshot, ...changes };
    next.phase = this.derivePhase(next);
    next.phoneFallback = this.watchFlow(next);
    // Video back: a switch to the phone told before is over for the screen (the record keeps it).
    if (next.phase === 'in_call') next.phoneSwitch = null;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private derivePhase(s: CallSnapshot): CallPhase {
    if (s.endedBy) return 'ended';
    if (s.error) return 'failed';
    if (!this.joinedOnce) return 'preparing';
    // A guest: waiting until let in, then in the call once connected to anyone in it.
    if (this.isGuest) {
      if (!s.admitted) return 'waiting';
      const links = [...this.links.values()];
      if (links.some((l) => l.isConnected)) return 'in_call';
      if (links.some((l) => l.isReconnecting) || s.signaling === 'reconnecting')
        return 'reconnecting';
      return 'connecting';
    }
    if (!isInRoom(s.peer.presence)) return 'waiting';
    const ice = this.pc?.iceConnectionState;
    if (s.peer.presence === 'reconnecting' || ice === 'disconnected' || ice === 'failed')
      return 'reconnecting';
    if (ice === 'connected' || ice === 'completed') return 'in_call';
    return s.signaling === 'reconnecting' ? 'reconnecting' : 'connecting';
  }

  /**
   * What we see of the media between patient and practitioner (the domain's `MediaFlow`): it
   * flows in the call, or while the other side's page is away but the connection holds; it is
   * wanted and not flowing while connecting or reconnecting, and once it has flowed, while the
   * other side is gone from the room. A guest's page and a readied connection want none.
   */
  private mediaFlow(s: CallSnapshot): MediaFlow {
    if (this.isGuest || this.standby || this.finished) return 'not_wanted';
    const ice = this.pc?.iceConnectionState;
    const isUp = ice === 'connected' || ice === 'completed';
    switch (s.phase) {
      case 'in_call':
        return 'flowing';
      case 'reconnecting':
        return isUp ? 'flowing' : 'not_flowing';
      case 'connecting':
        return 'not_flowing';
      case 'waiting':
        return this.flowClock.hasFlowed ? 'not_flowing' : 'not_wanted';
      case 'preparing':
      case 'ended':
      case 'failed':
        return 'not_wanted';
    }
  }

  /**
   * Moves the media clock on and says whether the phone is offered now; sets one timer for the
   * moment it will be, so the offer appears on time without anything else changing.
   */
  private watchFlow(s: CallSnapshot): CallSnapshot['phoneFallback'] {
    const now = Date.now();
    const flow = this.mediaFlow(s);
    // A drop began when media stopped arriving: no earlier than the last reading that saw it
    // grow (nothing arrived after it, or the next one would have).
    const isNewDrop =
      flow === 'not_flowing' && this.flowClock.hasFlowed && this.flowClock.notFlowingSince === null;
    const since =
      isNewDrop && this.mediaSeenAt !== null
        ? Math.min(now, Math.max(this.mediaSeenAt, now - DROP_BACKDATE_MAX_MS))
        : now;
    this.flowClock = nextMediaFlowClock(this.flowClock, flow, since);
    const due = phoneFallbackDue(this.flowClock, now);
    const at = due === null ? (phoneFallbackAt(this.flowClock)?.at ?? null) : null;
    if (at !== this.fallbackAt) {
      if (this.fallbackTimer) clearTimeout(this.fallbackTimer);
      this.fallbackTimer = null;
      this.fallbackAt = at;
      if (at !== null)
        this.fallbackTimer = setTimeout(() => {
          this.fallbackTimer = null;
          this.fallbackAt = null;
          if (!this.finished) this.update({});
        }, at - now);
    }
    // Not once on the phone (see isOnPhone).
    this.retryIce(due !== null && !this.polite && s.phoneSwitch === null);
    return due;
  }

  /**
   * The switch to the phone as the server answered it, for a page whose socket may not carry the
   * `phone_switch` message (away at the moment).
   */
  notePhoneSwitch(phoneSwitch: NonNullable<CallSnapshot['phoneSwitch']>): void {
    if (!this.finished) this.update({ phoneSwitch });
  }

  /**
   * Whether the practitioner has gone over to the phone and the video has not come back since:
   * then neither side starts ICE over by itself (video coming back in the middle of the phone
   * call would play both ways twice); **Prøv video igjen** ({@link retryVideo}) does.
   */
  private isOnPhone(): boolean {
    return this.snapshot.phoneSwitch !== null;
  }

  /** Tries the video again every {@link ICE_RETRY_MS} while `on`. */
  private retryIce(on: boolean): void {
    if (on === (this.iceRetryTimer !== null)) return;
    if (this.iceRetryTimer) clearInterval(this.iceRetryTimer);
    this.iceRetryTimer = on ? setInterval(() => void this.retryVideo(), ICE_RETRY_MS) : null;
  }

  /**
   * Starts ICE over on a connection that is not up (new candidates, same call), while signaling
   * is up to carry the offer. An offer of ours still unanswered (sent while the other side's
   * socket was away, and so lost) is rolled back first: `restartIce` makes no new one before.
   */
  async retryVideo(): Promise<void> {
    const pc = this.pc;
    const ice = pc?.iceConnectionState;
    if (!pc || ice === 'connected' || ice === 'completed') return;
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    if (pc.signalingState === 'have-local-offer' && !this.makingOffer) {
      try {
        await pc.setLocalDescription({ type: 'rollback' });
      } catch {
        return;
      }
    }
    if (pc === this.pc && !this.finished) pc.restartIce();
  }

  /** Asks for camera and microphone, then enters the room. */
  async start(): Promise<void> {
    // The socket opens while camera and microphone start; we join once both are ready.
    this.connect();
    this.watchQuality();
    await this.startMedia();
    if (this.finished) return;
    this.mediaReady = true;
    this.sendJoin();
    void this.refreshDevices();
    this.scheduleRenewal();
  }

  /**
   * The practitioner's workspace readies the connection to the waiting patient without entering
   * (presence `ready`): signaling, ICE and DTLS are done, and neither side sends anything, since
   * neither has entered; no camera or microphone is even asked for. {@link enter} goes in.
   */
  standBy(): void {
    if (this.seat !== 'practitioner' || this.joinedOnce || this.finished) return;
    this.standby = true;
    this.mediaReady = true;
    this.connect();
    this.watchQuality();
    this.scheduleRenewal();
  }

  /** Whether the connection is up (ICE and DTLS done) and this session still going. */
  isConnected(): boolean {
    return !this.finished && this.pc?.connectionState === 'connected';
  }

  /**
   * Starts camera and microphone (once): while readied they stay on this page until
   * {@link enter}; {@link stopMedia} gives them back if entering does not happen.
   */
  startMedia(): Promise<void> {
    return (this.acquiring ??= this.acquireMedia(++this.acquisition));
  }

  /** Stops camera and microphone of a readied connection that did not enter after all. */
  stopMedia(): void {
    if (!this.standby) return;
    for (const track of this.snapshot.localStream?.getTracks() ?? []) track.stop();
    this.acquiring = null;
    this.acquisition += 1;
    this.update({ localStream: null });
  }

  /**
   * Enters the room from a readied connection: the room is told at once (the patient starts
   * sending), and our tracks go on the connection as soon as camera and microphone give them.
   */
  async enter(): Promise<void> {
    if (!this.standby || this.entering || this.finished) return;
    this.entering = true;
    this.sendJoin();
    await this.startMedia();
    if (this.finished) return;
    // Sent once the server has answered the join (see `receive`), or now if it has.
    await this.syncSenders();
    this.sendMedia();
    void this.refreshDevices();
  }

  /** Fetches fresh ICE servers before the TURN credentials expire and hands them to the connection. */
  private scheduleRenewal(): void {
    const { renew } = this.options;
    const expiresAt = this.join.credentialsExpireAt
      ? Date.parse(this.join.credentialsExpireAt)
      : null;
    if (!renew || expiresAt === null || this.finished) return;
    const delay = Math.max(10_000, expiresAt - RENEW_BEFORE_MS - Date.now());
    this.renewTimer = setTimeout(() => {
      renew()
        .then((fresh) => {
          if (this.finished) return;
          this.join = fresh;
          this.pc?.setConfiguration({
            iceServers: fresh.iceServers,
            iceTransportPolicy: fresh.iceTransportPolicy,
          });
          for (const link of this.links.values())
            link.setIceServers(fresh.iceServers, fresh.iceTransportPolicy);
          this.scheduleRenewal();
        })
        .catch(() => {
          // The window may have closed; try again a little later while the call lasts.
          this.renewTimer = setTimeout(() => this.scheduleRenewal(), 60_000);
        });
    }, delay);
  }

  // ---------------------------------------------------------------- media

  private async acquireMedia(attempt: number): Promise<void> {
    const md = navigator.mediaDevices as MediaDevices | undefined;
    if (!md?.getUserMedia) {
      this.update({ mediaProblem: 'unknown' });
      return;
    }
    let stream: MediaStream | null = null;
    let problem: MediaProblem | null = null;
    try {
      stream = await md.getUserMedia({
        audio: true,
        video: { width: { ideal: 1280 }, height: { ideal: 720 } },
      });
    } catch (error) {
      problem = classifyMediaError(error);
      // Whatever still works is better than nothing: try each device on its own.
      for (const constraints of [{ audio: true }, { video: true }] as MediaStreamConstraints[]) {
        try {
          const partial = await md.getUserMedia(constraints);
          stream ??= new MediaStream();
          for (const track of partial.getTracks()) stream.addTrack(track);
        } catch {
          // that device is not available either
        }
      }
    }
    // Finished, or given back meanwhile (stopMedia): these tracks are nobody's.
    if (this.finished || attempt !== this.acquisition) {
      stream?.getTracks().forEach((t) => t.stop());
      return;
    }
    const audio = stream?.getAudioTracks()[0];
    const video = stream?.getVideoTracks()[0];
    this.update({
      localStream: stream,
      mediaProblem: problem,
      mic: Boolean(audio),
      camera: Boolean(video),
      microphoneId: audio?.getSettings().deviceId ?? null,
      cameraId: video?.getSettings().deviceId ?? null,
    });
  }

  private async refreshDevices(): Promise<void> {
    try {
      const devices = await navigator.mediaDevices.enumerateDevices();
      this.update({
        cameras: devices.filter((d) => d.kind === 'videoinput' && d.deviceId),
        microphones: devices.filter((d) => d.kind === 'audioinput' && d.deviceId),
      });
    } catch {
      // device lists are a convenience
    }
  }

  private sender(kind: 'audio' | 'video'): RTCRtpSender | undefined {
    return this.pc?.getTransceivers().find((t) => t.receiver.track.kind === kind)?.sender;
  }

  /**
   * **Bare lyd** on or off, for our side of the two-person call: the video section goes
   * `inactive` (a new negotiation, so neither side sends nor receives video; sound goes on),
   * and back to `sendrecv`. Either side may choose it; the one who chose it undoes it.
   */
  setAudioOnly(on: boolean): void {
    if (this.isGuest) return;
    this.update({ audioOnly: { ...this.snapshot.audioOnly, mine: on } });
    void this.syncSenders();
  }

  /** Sets the video section's direction to what our choice of **Bare lyd** says. */
  private applyAudioOnly(): void {
    const video = this.pc
      ?.getTransceivers()
      .find((t) => t.receiver.track.kind === 'video' && t.currentDirection !== 'stopped');
    if (!video) return;
    const direction = this.snapshot.audioOnly.mine ? 'inactive' : 'sendrecv';
    if (video.direction !== direction) video.direction = direction;
  }

  /** After a negotiation: whether the other side has chosen **Bare lyd** (video inactive). */
  private readAudioOnly(): void {
    const video = this.pc?.getTransceivers().find((t) => t.receiver.track.kind === 'video');
    const theirs = !this.snapshot.audioOnly.mine && video?.currentDirection === 'inactive';
    if (theirs !== this.snapshot.audioOnly.theirs)
      this.update({ audioOnly: { ...this.snapshot.audioOnly, theirs } });
  }

  /**
   * Puts on each transceiver the local track it should send now, or none: the domain's
   * `releasesMedia` (nothing before the practitioner has entered), and no video under our
   * **Bare lyd**, at once, before the new negotiation has gone through.
   */
  private async syncSenders(): Promise<void> {
    // Every connection to a guest (or, on a guest's page, to anyone) is made in the call only:
    // what we have goes on it.
    const tracks = this.snapshot.localStream?.getTracks() ?? [];
    await Promise.all([...this.links.values()].map((link) => link.sync(tracks)));
    const pc = this.pc;
    if (!pc || isGuestJoin(this.join)) return;
    this.applyAudioOnly();
    const release = releasesMedia(
      this.join.role,
      this.standby ? 'ready' : 'entered',
      this.snapshot.peer.presence,
    );
    const local = this.snapshot.localStream;
    await Promise.all(
      pc.getTransceivers().map(async (transceiver) => {
        if (transceiver.currentDirection === 'stopped') return;
        const { sender } = transceiver;
        const kind = transceiver.receiver.track.kind;
        const track =
          (release &&
            !(kind === 'video' && this.snapshot.audioOnly.mine) &&
            local?.getTracks().find((t) => t.kind === kind)) ||
          null;
        if (sender.track === track) return;
        if (track?.kind === 'video' && !this.startedSenders.has(sender)) {
          this.startedSenders.add(sender);
          this.fullSizeTimer = setTimeout(
            () => void this.scaleVideo(sender, 1),
            FULL_SIZE_AFTER_MS,
          );
        }
        try {
          await sender.replaceTrack(track);
        } catch {
          // a connection closed meanwhile
        }
      }),
    );
  }

  /** Sends the video of `sender` at 1/`scale` of the camera's size (see QUICK_START_SCALE). */
  private async scaleVideo(sender: RTCRtpSender, scale: number): Promise<void> {
    const parameters = sender.getParameters();
    const [encoding] = parameters.encodings;
    if (!encoding || encoding.scaleResolutionDownBy === scale) return;
    encoding.scaleResolutionDownBy = scale;
    try {
      await sender.setParameters(parameters);
    } catch {
      // not negotiated yet, or closed: it starts at full size, only a little later
    }
  }

  /** Puts a new track of `kind` in the local stream and on the connection, stopping the old one. */
  private async useTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    const stream = new MediaStream();
    for (const existing of this.snapshot.localStream?.getTracks() ?? []) {
      if (existing.kind === kind) existing.stop();
      else stream.addTrack(existing);
    }
    if (track) stream.addTrack(track);
    this.update({
      localStream: stream,
      ...(kind === 'video'
        ? { cameraId: track?.getSettings().deviceId ?? this.snapshot.cameraId }
        : { microphoneId: track?.getSettings().deviceId ?? this.snapshot.microphoneId }),
    });
    await this.syncSenders();
  }

  /** Turns the microphone on or off for the other side (the track stays, muted). */
  setMic(on: boolean): void {
    for (const track of this.snapshot.localStream?.getAudioTracks() ?? []) track.enabled = on;
    this.update({ mic: on });
    this.sendMedia();
  }

  /** Turns the camera off (releasing it, so its light goes out) or on again. */
  async setCamera(on: boolean): Promise<void> {
    if (!on) {
      await this.useTrack('video', null);
      this.update({ camera: false });
      this.sendMedia();
      return;
    }
    try {
      const id = this.snapshot.cameraId;
      const stream = await navigator.mediaDevices.getUserMedia({
        video: id ? { deviceId: { exact: id } } : true,
      });
      await this.useTrack('video', stream.getVideoTracks()[0] ?? null);
      this.update({ camera: true, mediaProblem: null });
    } catch (error) {
      this.update({ mediaProblem: classifyMediaError(error) });
    }
    this.sendMedia();
  }

  /**
   * Changes to the next camera that gives a picture (front and back on a phone), keeping the call
   * running. Cameras that deliver nothing to send (infrared or depth cameras beside a laptop's
   * webcam) are passed over and not offered again.
   */
  async switchCamera(): Promise<void> {
    const cameras = this.snapshot.cameras.filter((c) => !this.blindCameras.has(c.deviceId));
    if (cameras.length < 2) return;
    const original = this.snapshot.cameraId;
    const index = cameras.findIndex((c) => c.deviceId === original);
    for (let step = 1; step < cameras.length; step++) {
      const { deviceId } = cameras[(index + step) % cameras.length]!;
      let track: MediaStreamTrack | undefined;
      try {
        track = (
          await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: deviceId } } })
        ).getVideoTracks()[0];
      } catch {
        continue;
      }
      if (!track) continue;
      await this.useTrack('video', track);
      this.update({ camera: true, cameraId: deviceId, mediaProblem: null });
      if (await this.sendsPicture(track)) {
        this.sendMedia();
        return;
      }
      this.blindCameras.add(deviceId);
    }
    // No other camera gives a picture: back to the one we had.
    if (original) await this.selectCamera(original);
  }

  /**
   * Whether a new camera track gives a picture: in a call, the encoder must be producing frames
   * from it; before the call, a video element must show one.
   */
  private async sendsPicture(track: MediaStreamTrack, ms = 2500): Promise<boolean> {
    const sender = this.sender('video');
    // Not sending it (no call yet, or nothing sent before the practitioner enters): a video
    // element must show a frame.
    if (!sender || sender.track !== track || this.pc?.connectionState !== 'connected')
      return deliversFrames(track, ms);
    const encoded = async () => {
      let frames = 0;
      (await sender.getStats()).forEach((r: { type: string; framesEncoded?: number }) => {
        if (r.type === 'outbound-rtp') frames = Math.max(frames, r.framesEncoded ?? 0);
      });
      return frames;
    };
    const before = await encoded();
    for (const deadline = Date.now() + ms; Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 250));
      if ((await encoded()) > before + 2) return true;
    }
    return false;
  }

  async selectCamera(deviceId: string): Promise<void> {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { deviceId: { exact: deviceId } },
      });
      await this.useTrack('video', stream.getVideoTracks()[0] ?? null);
      this.update({ camera: true, cameraId: deviceId, mediaProblem: null });
      this.sendMedia();
    } catch (error) {
      this.update({ mediaProblem: classifyMediaError(error) });
    }
  }

  async selectMicrophone(deviceId: string): Promise<void> {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: { deviceId: { exact: deviceId } },
      });
      const track = stream.getAudioTracks()[0] ?? null;
      if (track) track.enabled = this.snapshot.mic;
      await this.useTrack('audio', track);
      this.update({ microphoneId: deviceId, mediaProblem: null });
    } catch (error) {
      this.update({ mediaProblem: classifyMediaError(error) });
    }
  }

  // ---------------------------------------------------------------- signaling

  private socketUrl(): string {
    if (this.options.socketUrl) return this.options.socketUrl;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}${this.join.signalingPath}`;
  }

  private send(message: ClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  /** Enters the room (or readies the connection), when the socket and our devices are ready. */
  private sendJoin(): void {
    if (!this.mediaReady) return;
    if (this.standby && !this.entering) {
      this.send({
        type: 'stand_by',
        appointmentId: this.join.appointmentId,
        sessionId: this.sessionId,
      });
      return;
    }
    this.send({
      type: 'join',
      appointmentId: this.join.appointmentId,
      sessionId: this.sessionId,
      mic: this.snapshot.mic,
      camera: this.snapshot.camera,
    });
  }

  private sendMedia(): void {
    this.send({
      type: 'media',
      appointmentId: this.join.appointmentId,
      mic: this.snapshot.mic,
      camera: this.snapshot.camera,
    });
  }

  private connect(): void {
    if (this.finished) return;
    const ws = new WebSocket(this.socketUrl());
    this.ws = ws;
    ws.onopen = () => {
      this.reconnectAttempt = 0;
      this.socketReopened = this.joinedOnce;
      this.update({ signaling: 'open' });
      this.sendJoin();
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_MS);
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      let message: ServerMessage;
      try {
        message = ServerMessage.parse(JSON.parse(event.data));
      } catch {
        return;
      }
      // One message at a time: descriptions and candidates must be applied in order.
      this.inbox = this.inbox.then(() => this.receive(message)).catch(() => undefined);
    };
    ws.onclose = (event) => {
      if (this.pingTimer) clearInterval(this.pingTimer);
      if (this.ws !== ws || this.finished) return;
      this.ws = null;
      // The session ended (signed out, expired, deactivated): signed out, not a room refusal.
      if (event.code === 4401) {
        this.fail('unauthorized');
        return;
      }
      // A readied connection whose socket cannot get in (the server refuses more sockets, or is
      // away) is not worth retrying: entering works without it.
      if (this.standby && !this.joinedOnce && this.reconnectAttempt >= 2) {
        this.fail('network');
        return;
      }
      this.update({ signaling: 'reconnecting' });
      const delay =
        RECONNECT_DELAYS_MS[Math.min(this.reconnectAttempt++, RECONNECT_DELAYS_MS.length - 1)]!;
      this.reconnectTimer = setTimeout(() => this.connect(), delay);
    };
  }

  private async receive(message: ServerMessage): Promise<void> {
    switch (message.type) {
      case 'joined':
        this.joinedOnce = true;
        // The answer to entering from a readied connection: in the room now, our media may go.
        if (this.entering) this.standby = this.entering = false;
        // A readied connection whose socket came back: the patient let the old connection go
        // when we were away (`absent`), so a fresh one.
        else if (this.standby && this.socketReopened) {
          this.closePeerConnection();
          this.peerSessionId = null;
        }
        this.update({ statusMessage: message.statusMessage ?? this.snapshot.statusMessage });
        this.onPeer(message.peer);
        // Back on signaling after a drop: if media is not flowing, start ICE over. (Not when
        // entering from a readied connection on the same socket: its ICE may still be forming.)
        // The connections to guests too: an offer made while the socket was away was lost.
        if (this.socketReopened) for (const link of this.links.values()) void link.renegotiate();
        if (
          this.socketReopened &&
          this.pc &&
          this.pc.iceConnectionState !== 'connected' &&
          this.pc.iceConnectionState !== 'completed' &&
          !this.isOnPhone()
        ) {
          this.pc.restartIce();
        }
        return;
      case 'peer':
        this.onPeer(message.peer);
        return;
      case 'signal':
        // A pair with a guest in it has a connection of its own.
        if (message.fromSeat && !(isPartySeat(message.fromSeat) && isPartySeat(this.seat))) {
          await this.onLinkSignal(message);
          return;
        }
        // Only from the page of theirs we are connected with (another tab of theirs may talk too).
        if (this.peerSessionId !== null && message.from && message.from !== this.peerSessionId)
          return;
        if (message.description) await this.onDescription(message.description);
        if (message.candidate) await this.onCandidate(message.candidate);
        return;
      case 'status':
        this.update({ statusMessage: message.statusMessage });
        return;
      case 'phone_switch':
        this.update({ phoneSwitch: { at: message.at, reason: message.reason } });
        return;
      case 'ended':
        this.finish(message.by);
        return;
      case 'error':
        // A readied connection another page of the practitioner's took over, or refused; or
        // entering refused: nothing more to do here.
        if (
          (this.standby && message.code === 'not_waiting') ||
          (this.entering &&
            (TERMINAL_ERRORS.includes(message.code) || message.code === 'not_started'))
        ) {
          this.fail(message.code);
          return;
        }
        // Before the first join any refusal of the room ends the attempt; after it, only
        // `not_allowed`: the server took us out of the room (the appointment was cancelled, or we
        // may no longer be in it). Other refusals then are races of a reconnect.
        if (
          message.code === 'not_allowed' ||
          (TERMINAL_ERRORS.includes(message.code) && !this.joinedOnce)
        )
          this.fail(message.code);
        return;
      case 'lobby':
        // A guest in the room, waiting to be let in.
        this.joinedOnce = true;
        this.update({ admitted: false });
        return;
      case 'participants':
        // Lists may arrive out of order: an older one never replaces a newer one.
        if (message.version < this.listVersion) return;
        this.listVersion = message.version;
        this.joinedOnce ||= this.isGuest;
        if (this.isGuest) {
          const me = message.participants.find((p) => p.seat === this.seat);
          // Let in before, and now another page (another tab or browser) holds the link: this
          // one is out.
          if (this.snapshot.admitted && me?.admitted && me.sessionId !== this.sessionId) {
            this.fail('link_in_use');
            return;
          }
        }
        this.update({
          participants: message.participants,
          // Let in is this page: not an older page of this browser.
          admitted:
            !this.isGuest ||
            message.participants.some(
              (p) => p.seat === this.seat && p.admitted && p.sessionId === this.sessionId,
            ),
        });
        // The list is the room as it stands (versioned): where the other side's last `peer`
        // went missing or came late, it sets it right.
        if (!this.isGuest && !this.standby) {
          const them = message.participants.find(
            (p) => p.seat !== this.seat && (p.seat === 'patient' || p.seat === 'practitioner'),
          );
          const { peer } = this.snapshot;
          if (
            them &&
            (them.presence !== peer.presence ||
              them.mic !== peer.mic ||
              them.camera !== peer.camera)
          )
            this.onPeer({
              role: them.seat === 'patient' ? 'patient' : 'practitioner',
              presence: them.presence,
              sessionId: them.sessionId,
              mic: them.mic,
              camera: them.camera,
            });
        }
        await this.syncLinks();
        // A guest's socket came back: connections whose offer was lost meanwhile start over.
        if (this.isGuest && this.socketReopened) {
          this.socketReopened = false;
          for (const link of this.links.values()) void link.renegotiate();
        }
        return;
      case 'guest_revoked':
        if (message.guestId === this.seat) {
          this.fail(message.removed ? 'guest_removed' : 'guest_link_revoked');
          return;
        }
        // Out of the call at once: off the list (so a late offer of theirs opens nothing).
        this.update({
          participants: this.snapshot.participants.filter((p) => p.seat !== message.guestId),
        });
        this.closeLink(message.guestId);
        return;
      case 'room':
      case 'appointments_changed':
      case 'watching':
      case 'pong':
        return;
    }
  }

  // ---------------------------------------------------------------- guests

  /** Whether we are in the call ourselves, as the server lists us. */
  private isInCallNow(): boolean {
    if (this.standby || this.finished) return false;
    const me = this.snapshot.participants.find((p) => p.seat === this.seat);
    // This page, not an older one of ours still open.
    return me !== undefined && isInCall(me) && me.sessionId === this.sessionId;
  }

  /**
   * Keeps one connection to each participant in the call that we pair with through a link of
   * its own (everyone, on a guest's page; the guests, on the patient's and the practitioner's):
   * made when they are in, replaced when their page is a new one, closed when they are gone.
   * With three or four in the call, every video sender is capped (the domain's
   * `videoBitrateCap`) so that a phone's uplink holds all its streams.
   */
  private async syncLinks(): Promise<void> {
    const inCall = this.snapshot.participants.filter(isInCall);
    const wanted = this.isInCallNow()
      ? inCall.filter(
          (p) => p.seat !== this.seat && !(isPartySeat(p.seat) && isPartySeat(this.seat)),
        )
      : [];
    for (const seat of [...this.links.keys()])
      if (!wanted.some((p) => p.seat === seat)) this.closeLink(seat);
    const tracks = this.snapshot.localStream?.getTracks() ?? [];
    for (const participant of wanted) {
      const existing = this.links.get(participant.seat);
      // Replaced only for another page of theirs (a reload); a link made before their page was
      // known stays.
      if (
        existing &&
        (participant.sessionId === null ||
          existing.sessionId === null ||
          existing.sessionId === participant.sessionId)
      )
        continue;
      if (existing) this.closeLink(participant.seat);
      this.openLink(participant.seat, participant.sessionId).start(tracks);
    }
    const cap = videoBitrateCap(inCall.length);
    this.videoCap = cap;
    await Promise.all([...this.links.values()].map((link) => link.capVideo(cap)));
    await this.capMainVideo(cap);
    this.publishLinks();
  }

  private openLink(seat: string, sessionId: string | null): PeerLink {
    const link = new PeerLink({
      seat,
      sessionId,
      polite: isPolite(this.seat, seat),
      iceServers: this.join.iceServers,
      iceTransportPolicy: this.join.iceTransportPolicy,
      send: (signal) =>
        this.send({ type: 'signal', appointmentId: this.join.appointmentId, ...signal }),
      onChange: () => this.publishLinks(),
    });
    this.links.set(seat, link);
    return link;
  }

  private closeLink(seat: string): void {
    this.links.get(seat)?.close();
    this.links.delete(seat);
    this.publishLinks();
  }

  private publishLinks(): void {
    const remoteStreams: Record<string, MediaStream> = {};
    for (const [seat, link] of this.links) remoteStreams[seat] = link.stream;
    this.update({ remoteStreams });
  }

  /** A signal of a pair with a guest in it, for that pair's connection. */
  private async onLinkSignal(message: Extract<ServerMessage, { type: 'signal' }>): Promise<void> {
    const seat = message.fromSeat!;
    let link = this.links.get(seat);
    // Their offer may come before our list shows them in the call: only from someone the list
    // has let in, and while we are in ourselves.
    const listed = this.snapshot.participants.find((p) => p.seat === seat);
    if (
      !link &&
      message.description?.type === 'offer' &&
      listed !== undefined &&
      isInCall(listed) &&
      this.isInCallNow()
    )
      link = this.openLink(seat, message.from ?? null);
    if (!link || (link.sessionId && message.from && message.from !== link.sessionId)) return;
    if (message.description) {
      await link.onDescription(message.description);
      await link.sync(this.snapshot.localStream?.getTracks() ?? []);
    }
    if (message.candidate) await link.onCandidate(message.candidate);
  }

  /** The same cap on the patient–practitioner connection's video sender. */
  private async capMainVideo(maxBitrate: number | null): Promise<void> {
    const sender = this.sender('video');
    if (!sender) return;
    const parameters = sender.getParameters();
    const [encoding] = parameters.encodings;
    if (!encoding || (encoding.maxBitrate ?? null) === maxBitrate) return;
    if (maxBitrate === null) delete encoding.maxBitrate;
    else encoding.maxBitrate = maxBitrate;
    try {
      await sender.setParameters(parameters);
    } catch {
      // not negotiated yet
    }
  }

  private onPeer(peer: PeerState): void {
    this.update({ peer: { presence: peer.presence, mic: peer.mic, camera: peer.camera } });
    // Gone for good (taken out of the room by the server, or a readied workspace that went away):
    // nothing more is sent to them.
    if (peer.presence === 'left' || (peer.presence === 'absent' && this.peerSessionId)) {
      this.closePeerConnection();
      this.peerSessionId = null;
      this.update({ remoteStream: null });
      return;
    }
    const present =
      peer.presence === 'waiting' || peer.presence === 'in_call' || peer.presence === 'ready';
    // A new session of the peer is a reloaded page: its old connection is gone for good.
    if (present && peer.sessionId && peer.sessionId !== this.peerSessionId) {
      this.peerSessionId = peer.sessionId;
      this.createPeerConnection();
    }
    // The practitioner came in (or is ready but not in): what we send follows.
    void this.syncSenders();
  }

  // ---------------------------------------------------------------- peer connection

  private createPeerConnection(): void {
    this.closePeerConnection();
    const pc = new RTCPeerConnection({
      iceServers: this.join.iceServers,
      iceTransportPolicy: this.join.iceTransportPolicy,
    });
    this.pc = pc;
    this.remoteStream = new MediaStream();
    this.update({ remoteStream: this.remoteStream });
    // The practitioner (the impolite peer, who makes the first offer) offers one audio and one
    // video section both ways; the patient's answer takes them (see onDescription). Tracks are put
    // on them by syncSenders, so entering, a device switched and a camera turned on again never
    // need a new negotiation.
    if (!this.polite) {
      for (const kind of KINDS)
        pc.addTransceiver(kind, {
          direction: 'sendrecv',
          ...(kind === 'video'
            ? {
                sendEncodings: [
                  {
                    scaleResolutionDownBy: QUICK_START_SCALE,
                    ...(this.videoCap !== null ? { maxBitrate: this.videoCap } : {}),
                  },
                ],
              }
            : {}),
        });
      void this.syncSenders();
    }
    pc.ontrack = ({ track }) => {
      if (pc !== this.pc || !this.remoteStream) return;
      for (const old of this.remoteStream.getTracks())
        if (old.kind === track.kind) this.remoteStream.removeTrack(old);
      this.remoteStream.addTrack(track);
      // A new object, so players re-render with the added track.
      this.remoteStream = new MediaStream(this.remoteStream.getTracks());
      this.update({ remoteStream: this.remoteStream });
    };
    pc.onicecandidate = ({ candidate }) => {
      if (pc !== this.pc || !candidate) return;
      this.send({
        type: 'signal',
        appointmentId: this.join.appointmentId,
        ...this.addressee(),
        candidate: candidate.toJSON() as never,
      });
    };
    pc.onnegotiationneeded = async () => {
      if (pc !== this.pc) return;
      // The first offer of a connection comes from the practitioner (the impolite peer): both
      // sides create their connection when they see each other, and racing offers at that moment
      // would leave the polite side's early ICE candidates with an offer that was ignored.
      if (this.polite && !pc.remoteDescription) return;
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        this.sendDescription(pc);
      } catch {
        // a later negotiationneeded or the peer's offer will get us there
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onsignalingstatechange = () => {
      if (pc === this.pc && pc.signalingState === 'stable') this.readAudioOnly();
    };
    pc.oniceconnectionstatechange = () => {
      if (pc !== this.pc) return;
      const state = pc.iceConnectionState;
      if (this.iceTimer) clearTimeout(this.iceTimer);
      // On the phone instead (see isOnPhone), ICE is not started over by itself.
      if (state === 'failed' && !this.isOnPhone()) pc.restartIce();
      if (state === 'disconnected') {
        // Often it comes back by itself; if not, start ICE over (new candidates, same call).
        this.iceTimer = setTimeout(() => {
          if (pc === this.pc && pc.iceConnectionState === 'disconnected' && !this.isOnPhone())
            pc.restartIce();
        }, ICE_GRACE_MS);
      }
      this.update({});
    };
  }

  /** Signals go to the page of theirs this connection is with. */
  private addressee(): { to?: string } {
    return this.peerSessionId ? { to: this.peerSessionId } : {};
  }

  private sendDescription(pc: RTCPeerConnection): void {
    const description = pc.localDescription;
    if (!description) return;
    this.send({
      type: 'signal',
      appointmentId: this.join.appointmentId,
      ...this.addressee(),
      description: {
        type: description.type as 'offer' | 'answer' | 'rollback',
        sdp: description.sdp,
      },
    });
  }

  private async onDescription(description: RTCSessionDescriptionInit): Promise<void> {
    if (!this.pc) this.createPeerConnection();
    const pc = this.pc!;
    const collision =
      description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) return;
    // The polite peer rolls its own offer back implicitly and takes the other one.
    await pc.setRemoteDescription(description);
    if (description.type === 'offer') {
      // Answer the practitioner's sections as sending too, so that tracks can go on them later
      // without another negotiation; until then they carry nothing (syncSenders).
      for (const transceiver of pc.getTransceivers())
        if (transceiver.direction === 'recvonly') transceiver.direction = 'sendrecv';
      await pc.setLocalDescription();
      this.sendDescription(pc);
      // Negotiated: the video sender can be given its quick start before it gets a track.
      for (const transceiver of pc.getTransceivers())
        if (
          transceiver.receiver.track.kind === 'video' &&
          !this.startedSenders.has(transceiver.sender)
        )
          await this.scaleVideo(transceiver.sender, QUICK_START_SCALE);
      // A connection made anew (a reload) in a call of three or four: capped as the others.
      await this.capMainVideo(this.videoCap);
      await this.syncSenders();
    }
    // Candidates that came before their description can be used now.
    for (const candidate of this.earlyCandidates.splice(0)) await this.onCandidate(candidate);
  }

  private async onCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    const pc = this.pc;
    if (!pc) return;
    if (!pc.remoteDescription) {
      this.earlyCandidates.push(candidate);
      return;
    }
    try {
      await pc.addIceCandidate(candidate);
    } catch {
      // Candidates of an offer we ignored on purpose, or of a connection since replaced, fail:
      // expected and harmless.
    }
  }

  /**
   * Every {@link QUALITY_EVERY_MS} in the call: the link's quality at both ends from the
   * connection's statistics (`readLink`), each shown once it has held (`nextShown`). Not before
   * the call has run {@link QUALITY_AFTER_MS}: the bitrate estimate climbs at first.
   */
  private watchQuality(): void {
    if (this.qualityTimer || this.isGuest) return;
    let inCallSince: number | null = null;
    this.qualityTimer = setInterval(() => {
      const pc = this.pc;
      if (!pc || this.snapshot.phase !== 'in_call') {
        inCallSince = null;
        this.inboundTotals = null;
        this.shownQuality = { mine: UNSHOWN, theirs: UNSHOWN };
        if (this.snapshot.quality.mine || this.snapshot.quality.theirs)
          this.update({ quality: { mine: null, theirs: null } });
        return;
      }
      inCallSince ??= Date.now();
      void pc.getStats().then(
        (report) => {
          if (pc !== this.pc || this.finished || this.snapshot.phase !== 'in_call') return;
          const entries: StatsEntry[] = [];
          report.forEach((entry: StatsEntry) => entries.push(entry));
          const reading = readLink(entries, this.inboundTotals);
          const { theirs, totals } = reading;
          if (this.inboundTotals && totals.received > this.inboundTotals.received)
            this.mediaSeenAt = Date.now();
          // Sending no video (camera off, Bare lyd), the send estimate stays low: no verdict.
          // Nor with guests: our video is capped then, and the estimate follows what we send.
          const judgesBitrate =
            this.snapshot.camera &&
            !this.snapshot.audioOnly.mine &&
            !this.snapshot.audioOnly.theirs &&
            this.videoCap === null;
          const mine = judgesBitrate ? reading.mine : { ...reading.mine, bitrateKbps: null };
          this.inboundTotals = totals;
          if (Date.now() - (inCallSince ?? Date.now()) < QUALITY_AFTER_MS) return;
          this.shownQuality = {
            mine: nextShown(this.shownQuality.mine, mine),
            theirs: nextShown(this.shownQuality.theirs, theirs),
          };
          const quality = {
            mine: this.shownQuality.mine.level,
            theirs: this.shownQuality.theirs.level,
          };
          if (
            quality.mine !== this.snapshot.quality.mine ||
            quality.theirs !== this.snapshot.quality.theirs
          )
            this.update({ quality });
        },
        () => undefined,
      );
    }, QUALITY_EVERY_MS);
  }

  private closePeerConnection(): void {
    if (this.iceTimer) clearTimeout(this.iceTimer);
    if (this.fullSizeTimer) clearTimeout(this.fullSizeTimer);
    this.earlyCandidates = [];
    if (!this.pc) return;
    const pc = this.pc;
    this.pc = null;
    pc.ontrack = pc.onicecandidate = pc.onnegotiationneeded = pc.oniceconnectionstatechange = null;
    pc.onsignalingstatechange = null;
    pc.close();
  }

  // ---------------------------------------------------------------- ending

  /** The red phone: ends the consultation for everyone; a guest's page leaves it. */
  hangUp(): void {
    this.send({ type: 'hang_up', appointmentId: this.join.appointmentId });
    this.finish(isGuestJoin(this.join) ? 'guest' : this.join.role);
  }

  private finish(by: CallSnapshot['endedBy']): void {
    this.teardown();
    this.update({ endedBy: by, remoteStream: null, remoteStreams: {} });
  }

  private fail(error: CallSnapshot['error']): void {
    this.teardown();
    this.update({ error });
  }

  private teardown(): void {
    this.finished = true;
    if (this.renewTimer) clearTimeout(this.renewTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.qualityTimer) clearInterval(this.qualityTimer);
    if (this.fallbackTimer) clearTimeout(this.fallbackTimer);
    if (this.iceRetryTimer) clearInterval(this.iceRetryTimer);
    this.closePeerConnection();
    for (const link of this.links.values()) link.close();
    this.links.clear();
    const ws = this.ws;
    this.ws = null;
    // Let a just-sent hang-up leave before closing.
    if (ws) setTimeout(() => ws.close(1000), 100);
    for (const track of this.snapshot.localStream?.getTracks() ?? []) track.stop();
  }

  /** Leaves the page without ending the consultation (the other side sees "reconnecting"). */
  dispose(): void {
    if (this.finished) return;
    this.teardown();
    this.listeners.clear();
  }
}
