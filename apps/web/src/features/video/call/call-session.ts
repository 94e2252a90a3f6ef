import {
  ServerMessage,
  type ClientMessage,
  type PeerState,
  type SignalingErrorCode,
  type VideoJoin,
} from '@visitt/contracts';
import type { CallPhase, CallSnapshot, MediaProblem, PeerView } from './types';

export interface CallOptions {
  /** The signaling socket's address; by default the page's origin and `join.signalingPath`. */
  socketUrl?: string;
  /**
   * Asks the server for a fresh way in (new TURN credentials) before the current ones run out,
   * so a long call can still restart ICE through TURN.
   */
  renew?: () => Promise<VideoJoin>;
}

/** Renew this long before the TURN credentials expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

/** Codes after which trying again cannot help: the room is not (or no longer) open to us. */
const TERMINAL_ERRORS: readonly SignalingErrorCode[] = [
  'not_found',
  'not_allowed',
  'too_late',
  'too_early',
];
const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 10_000];
const PING_MS = 25_000;
/** How long ICE may stay `disconnected` before we restart it ourselves. */
const ICE_GRACE_MS = 2500;

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

const isHere = (presence: PeerView['presence']) =>
  presence === 'waiting' || presence === 'in_call' || presence === 'reconnecting';

/**
 * One side of a video consultation: camera and microphone, the signaling socket, and the
 * peer-to-peer connection, with the "perfect negotiation" pattern (the patient is the polite
 * peer). It recovers by itself: a lost socket reconnects and rejoins; ICE that disconnects is
 * restarted; a peer that reloads its page gets a fresh connection. UI frameworks read it through
 * `subscribe` and `getSnapshot`.
 */
export class CallSession {
  private snapshot: CallSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly sessionId = newSessionId();
  private readonly polite: boolean;
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

  private renewTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private join: VideoJoin,
    private readonly options: CallOptions = {},
  ) {
    this.polite = join.role === 'patient';
    this.snapshot = {
      phase: 'preparing',
      role: join.role,
      peer: { presence: 'absent', mic: true, camera: true },
      localStream: null,
      remoteStream: null,
      mic: true,
      camera: true,
      cameras: [],
      microphones: [],
      cameraId: null,
      microphoneId: null,
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
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private derivePhase(s: CallSnapshot): CallPhase {
    if (s.endedBy) return 'ended';
    if (s.error) return 'failed';
    if (!this.joinedOnce) return 'preparing';
    if (!isHere(s.peer.presence)) return 'waiting';
    const ice = this.pc?.iceConnectionState;
    if (s.peer.presence === 'reconnecting' || ice === 'disconnected' || ice === 'failed')
      return 'reconnecting';
    if (ice === 'connected' || ice === 'completed') return 'in_call';
    return s.signaling === 'reconnecting' ? 'reconnecting' : 'connecting';
  }

  /** Asks for camera and microphone, then enters the room. */
  async start(): Promise<void> {
    // The socket opens while camera and microphone start; we join once both are ready.
    this.connect();
    await this.acquireMedia();
    if (this.finished) return;
    this.mediaReady = true;
    this.sendJoin();
    void this.refreshDevices();
    this.scheduleRenewal();
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
          this.scheduleRenewal();
        })
        .catch(() => {
          // The window may have closed; try again a little later while the call lasts.
          this.renewTimer = setTimeout(() => this.scheduleRenewal(), 60_000);
        });
    }, delay);
  }

  // ---------------------------------------------------------------- media

  private async acquireMedia(): Promise<void> {
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
    if (this.finished) {
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

  /** Puts a new track of `kind` in the local stream and on the connection, stopping the old one. */
  private async useTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    const stream = new MediaStream();
    for (const existing of this.snapshot.localStream?.getTracks() ?? []) {
      if (existing.kind === kind) existing.stop();
      else stream.addTrack(existing);
    }
    if (track) stream.addTrack(track);
    const sender = this.sender(kind);
    if (sender) await sender.replaceTrack(track);
    else if (track && this.pc) this.pc.addTrack(track, stream);
    this.update({
      localStream: stream,
      ...(kind === 'video'
        ? { cameraId: track?.getSettings().deviceId ?? this.snapshot.cameraId }
        : { microphoneId: track?.getSettings().deviceId ?? this.snapshot.microphoneId }),
    });
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
    if (!sender || this.pc?.connectionState !== 'connected') return deliversFrames(track, ms);
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

  /** Enters the room, when both the socket and our camera and microphone are ready. */
  private sendJoin(): void {
    if (!this.mediaReady) return;
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
        this.update({ statusMessage: message.statusMessage ?? this.snapshot.statusMessage });
        this.onPeer(message.peer);
        // Back on signaling after a drop: if media is not flowing, start ICE over.
        if (
          this.pc &&
          this.pc.iceConnectionState !== 'connected' &&
          this.pc.iceConnectionState !== 'completed'
        ) {
          this.pc.restartIce();
        }
        return;
      case 'peer':
        this.onPeer(message.peer);
        return;
      case 'signal':
        if (message.description) await this.onDescription(message.description);
        if (message.candidate) await this.onCandidate(message.candidate);
        return;
      case 'status':
        this.update({ statusMessage: message.statusMessage });
        return;
      case 'ended':
        this.finish(message.by);
        return;
      case 'error':
        // Before the first join any refusal of the room ends the attempt; after it, only
        // `not_allowed`: the server took us out of the room (the appointment was cancelled, or we
        // may no longer be in it). Other refusals then are races of a reconnect.
        if (
          message.code === 'not_allowed' ||
          (TERMINAL_ERRORS.includes(message.code) && !this.joinedOnce)
        )
          this.fail(message.code);
        return;
      case 'room':
      case 'appointments_changed':
      case 'pong':
        return;
    }
  }

  private onPeer(peer: PeerState): void {
    this.update({ peer: { presence: peer.presence, mic: peer.mic, camera: peer.camera } });
    // Gone for good (taken out of the room by the server): nothing more is sent to them.
    if (peer.presence === 'left') {
      this.closePeerConnection();
      this.peerSessionId = null;
      this.update({ remoteStream: null });
      return;
    }
    const present = peer.presence === 'waiting' || peer.presence === 'in_call';
    // A new session of the peer is a reloaded page: its old connection is gone for good.
    if (present && peer.sessionId && peer.sessionId !== this.peerSessionId) {
      this.peerSessionId = peer.sessionId;
      this.createPeerConnection();
    }
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
    // addTrack (not addTransceiver), so the answering side's own tracks pair with the offer's
    // sections instead of asking for more; a device turned on later renegotiates by itself.
    const local = this.snapshot.localStream;
    for (const track of local?.getTracks() ?? []) pc.addTrack(track, local!);
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
    pc.oniceconnectionstatechange = () => {
      if (pc !== this.pc) return;
      const state = pc.iceConnectionState;
      if (this.iceTimer) clearTimeout(this.iceTimer);
      if (state === 'failed') pc.restartIce();
      if (state === 'disconnected') {
        // Often it comes back by itself; if not, start ICE over (new candidates, same call).
        this.iceTimer = setTimeout(() => {
          if (pc === this.pc && pc.iceConnectionState === 'disconnected') pc.restartIce();
        }, ICE_GRACE_MS);
      }
      this.update({});
    };
  }

  private sendDescription(pc: RTCPeerConnection): void {
    const description = pc.localDescription;
    if (!description) return;
    this.send({
      type: 'signal',
      appointmentId: this.join.appointmentId,
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
      await pc.setLocalDescription();
      this.sendDescription(pc);
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

  private closePeerConnection(): void {
    if (this.iceTimer) clearTimeout(this.iceTimer);
    this.earlyCandidates = [];
    if (!this.pc) return;
    const pc = this.pc;
    this.pc = null;
    pc.ontrack = pc.onicecandidate = pc.onnegotiationneeded = pc.oniceconnectionstatechange = null;
    pc.close();
  }

  // ---------------------------------------------------------------- ending

  /** The red phone: ends the consultation for both sides. */
  hangUp(): void {
    this.send({ type: 'hang_up', appointmentId: this.join.appointmentId });
    this.finish(this.join.role);
  }

  private finish(by: CallSnapshot['endedBy']): void {
    this.teardown();
    this.update({ endedBy: by, remoteStream: null });
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
    this.closePeerConnection();
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
