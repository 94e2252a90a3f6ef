import type { ClientMessage } from '@visitt/contracts';

/** How long ICE may stay `disconnected` before the link restarts it itself. */
const ICE_GRACE_MS = 2500;
/** As the main connection: first video frames at half size, then full size (decision 0027). */
const QUICK_START_SCALE = 2;
const FULL_SIZE_AFTER_MS = 1500;
/**
 * An offer unanswered this long was lost (sent while the signaling socket was away, or to a page
 * that has since gone): it is taken back and made again, with ICE started over.
 */
const OFFER_ANSWER_MS = 10_000;

type Signal = Omit<Extract<ClientMessage, { type: 'signal' }>, 'type' | 'appointmentId'>;

export interface PeerLinkOptions {
  /** The other participant's seat and the page of theirs this link is with. */
  readonly seat: string;
  readonly sessionId: string | null;
  /** Yields when offers cross (the domain's `isPolite`). */
  readonly polite: boolean;
  readonly iceServers: RTCIceServer[];
  readonly iceTransportPolicy: RTCIceTransportPolicy;
  /** Sends a signal to them (the session adds the appointment). */
  readonly send: (signal: Signal) => void;
  /** The link's stream or connection state changed. */
  readonly onChange: () => void;
}

/**
 * The connection between this page and one other participant of a call with guests: its own
 * RTCPeerConnection (DTLS-SRTP, end to end between the two browsers), negotiated with the
 * "perfect negotiation" pattern, one audio and one video transceiver offered by the impolite
 * side. The call keeps one of these per other participant (a full mesh of at most four).
 */
export class PeerLink {
  readonly seat: string;
  readonly sessionId: string | null;
  readonly pc: RTCPeerConnection;
  /** What they send: a new object on every added track, so players re-render. */
  stream: MediaStream = new MediaStream();
  private makingOffer = false;
  private ignoreOffer = false;
  private earlyCandidates: RTCIceCandidateInit[] = [];
  private iceTimer: ReturnType<typeof setTimeout> | null = null;
  private offerTimer: ReturnType<typeof setTimeout> | null = null;
  private fullSizeTimer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private closed = false;
  /** The largest video bitrate each of our senders may use here; null: no cap. */
  private maxBitrate: number | null = null;

  constructor(private readonly options: PeerLinkOptions) {
    this.seat = options.seat;
    this.sessionId = options.sessionId;
    const pc = new RTCPeerConnection({
      iceServers: options.iceServers,
      iceTransportPolicy: options.iceTransportPolicy,
    });
    this.pc = pc;
    pc.ontrack = ({ track }) => {
      const tracks = this.stream.getTracks().filter((t) => t.kind !== track.kind);
      this.stream = new MediaStream([...tracks, track]);
      options.onChange();
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.signal({ candidate: candidate.toJSON() as never });
    };
    pc.onnegotiationneeded = async () => {
      // The first offer comes from the impolite side; racing first offers would strand the polite
      // side's early candidates with an offer that was ignored.
      if (this.options.polite && !pc.remoteDescription) return;
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        this.sendDescription();
      } catch {
        // a later negotiationneeded or their offer will get us there
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onsignalingstatechange = () => {
      if (this.offerTimer) clearTimeout(this.offerTimer);
      if (pc.signalingState === 'have-local-offer')
        this.offerTimer = setTimeout(() => void this.renegotiate(), OFFER_ANSWER_MS);
    };
    pc.oniceconnectionstatechange = () => {
      const state = pc.iceConnectionState;
      if (this.iceTimer) clearTimeout(this.iceTimer);
      if (state === 'failed') pc.restartIce();
      if (state === 'disconnected') {
        this.iceTimer = setTimeout(() => {
          if (pc.iceConnectionState === 'disconnected') pc.restartIce();
        }, ICE_GRACE_MS);
      }
      options.onChange();
    };
  }

  /** Connected end to end (ICE and DTLS done). */
  get isConnected(): boolean {
    const state = this.pc.iceConnectionState;
    return state === 'connected' || state === 'completed';
  }

  get isReconnecting(): boolean {
    const state = this.pc.iceConnectionState;
    return state === 'disconnected' || state === 'failed';
  }

  /** The impolite side offers one audio and one video section both ways. */
  start(tracks: readonly MediaStreamTrack[]): void {
    if (this.options.polite) return;
    for (const kind of ['audio', 'video'] as const)
      this.pc.addTransceiver(kind, {
        direction: 'sendrecv',
        ...(kind === 'video'
          ? { sendEncodings: [{ scaleResolutionDownBy: QUICK_START_SCALE }] }
          : {}),
      });
    void this.sync(tracks);
  }

  /** Puts our current tracks on the transceivers (none for a kind we do not send). */
  async sync(tracks: readonly MediaStreamTrack[]): Promise<void> {
    if (this.closed) return;
    await Promise.all(
      this.pc.getTransceivers().map(async (transceiver) => {
        if (transceiver.currentDirection === 'stopped') return;
        const kind = transceiver.receiver.track.kind;
        const track = tracks.find((t) => t.kind === kind) ?? null;
        if (transceiver.sender.track === track) return;
        if (track?.kind === 'video' && !this.started) {
          this.started = true;
          this.fullSizeTimer = setTimeout(() => void this.tuneVideo(1), FULL_SIZE_AFTER_MS);
        }
        try {
          await transceiver.sender.replaceTrack(track);
        } catch {
          // closed meanwhile
        }
      }),
    );
  }

  /**
   * Caps what our video sender may use on this link, so that a phone's uplink holds all its
   * streams in a call of three or four (the domain's `videoBitrateCap`); null lifts the cap.
   */
  async capVideo(maxBitrate: number | null): Promise<void> {
    if (this.maxBitrate === maxBitrate) return;
    this.maxBitrate = maxBitrate;
    await this.tuneVideo(null);
  }

  /** Applies the size (1/`scale`, when given) and the bitrate cap to the video sender. */
  private async tuneVideo(scale: number | null): Promise<void> {
    const sender = this.pc.getTransceivers().find((t) => t.receiver.track.kind === 'video')?.sender;
    if (!sender) return;
    const parameters = sender.getParameters();
    const [encoding] = parameters.encodings;
    if (!encoding) return;
    if (scale !== null) encoding.scaleResolutionDownBy = scale;
    if (this.maxBitrate === null) delete encoding.maxBitrate;
    else encoding.maxBitrate = this.maxBitrate;
    try {
      await sender.setParameters(parameters);
    } catch {
      // not negotiated yet: applied again when it is
    }
  }

  async onDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const pc = this.pc;
    const collision =
      description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
    this.ignoreOffer = !this.options.polite && collision;
    if (this.ignoreOffer) return;
    await pc.setRemoteDescription(description);
    if (description.type === 'offer') {
      // Answer their sections as sending too, so our tracks go on them without renegotiating.
      for (const transceiver of pc.getTransceivers())
        if (transceiver.direction === 'recvonly') transceiver.direction = 'sendrecv';
      await pc.setLocalDescription();
      this.sendDescription();
    }
    await this.tuneVideo(this.started ? null : QUICK_START_SCALE);
    for (const candidate of this.earlyCandidates.splice(0)) await this.onCandidate(candidate);
  }

  async onCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    if (!this.pc.remoteDescription) {
      this.earlyCandidates.push(candidate);
      return;
    }
    try {
      await this.pc.addIceCandidate(candidate);
    } catch {
      // candidates of an offer ignored on purpose: expected and harmless
    }
  }

  /**
   * Gets a link that is not connected going again: an offer still unanswered is taken back (it
   * was lost), and ICE starts over with a new offer from the side that offers. For when the
   * signaling socket comes back, or an offer goes unanswered.
   */
  async renegotiate(): Promise<void> {
    if (this.closed || this.isConnected) return;
    if (this.pc.signalingState === 'have-local-offer') {
      try {
        await this.pc.setLocalDescription({ type: 'rollback' });
      } catch {
        // answered meanwhile
      }
    }
    this.pc.restartIce();
  }

  /** Fresh ICE servers (renewed TURN credentials) for the next ICE restart. */
  setIceServers(iceServers: RTCIceServer[], iceTransportPolicy: RTCIceTransportPolicy): void {
    this.pc.setConfiguration({ iceServers, iceTransportPolicy });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.iceTimer) clearTimeout(this.iceTimer);
    if (this.fullSizeTimer) clearTimeout(this.fullSizeTimer);
    if (this.offerTimer) clearTimeout(this.offerTimer);
    const pc = this.pc;
    pc.ontrack = pc.onicecandidate = pc.onnegotiationneeded = pc.oniceconnectionstatechange = null;
    pc.onsignalingstatechange = null;
    pc.close();
  }

  private signal(signal: Omit<Signal, 'seat' | 'to'>): void {
    if (this.closed) return;
    this.options.send({
      seat: this.seat,
      ...(this.sessionId ? { to: this.sessionId } : {}),
      ...signal,
    });
  }

  private sendDescription(): void {
    const description = this.pc.localDescription;
    if (!description) return;
    this.signal({
      description: {
        type: description.type as 'offer' | 'answer' | 'rollback',
        sdp: description.sdp,
      },
    });
  }
}
