import type { LinkQuality, PhoneFallbackReason } from '@visitt/domain';
import type {
  Participant,
  Presence,
  RoomRole,
  SignalingErrorCode,
  StatusMessage,
} from '@visitt/contracts';

/**
 * Where the call stands from this side:
 * - `preparing`: asking for camera and microphone, connecting signaling;
 * - `waiting`: in the room, the other side is not (the patient's waiting room);
 * - `connecting`: both are in the room, media is being set up;
 * - `in_call`: media flows both ways;
 * - `reconnecting`: the network or the other side dropped; recovering by itself;
 * - `ended`: someone hung up (see `endedBy`);
 * - `failed`: cannot go on (see `error`), e.g. the room closed or access was refused.
 */
export type CallPhase =
  'preparing' | 'waiting' | 'connecting' | 'in_call' | 'reconnecting' | 'ended' | 'failed';

/** Why camera or microphone could not be used, for plain guidance on screen. */
export type MediaProblem = 'permission_denied' | 'device_in_use' | 'no_device' | 'unknown';

export interface PeerView {
  presence: Presence;
  mic: boolean;
  camera: boolean;
}

/** Everything the video room shows; a new object on every change (for useSyncExternalStore). */
export interface CallSnapshot {
  phase: CallPhase;
  /** The patient's or the practitioner's side; `guest` for a guest's page. */
  role: RoomRole | 'guest';
  /** Our place in the call: the role, or the guest's id. */
  seat: string;
  /**
   * Everyone in the call (and guests waiting to be let in) as the server last listed them, with
   * names and roles; empty until the first list.
   */
  participants: Participant[];
  /** A guest's page: let in by the practitioner (always true for the patient and practitioner). */
  admitted: boolean;
  /**
   * What each participant connected through a connection of its own sends (every pair with a
   * guest in it), by seat; the other of patient and practitioner is `remoteStream`.
   */
  remoteStreams: Record<string, MediaStream>;
  /** The other side as the server last reported it. */
  peer: PeerView;
  localStream: MediaStream | null;
  /** The other side's audio and video, once they arrive. */
  remoteStream: MediaStream | null;
  mic: boolean;
  camera: boolean;
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  cameraId: string | null;
  microphoneId: string | null;
  /**
   * How good the link is for what we send (`mine`) and for what the other side sends us
   * (`theirs`), by the domain's `linkQuality`; null until the call has run long enough to say.
   */
  quality: { mine: LinkQuality | null; theirs: LinkQuality | null };
  /**
   * **Bare lyd**: no video either way. `mine` when we chose it (only we undo it), `theirs` when
   * the other side did.
   */
  audioOnly: { mine: boolean; theirs: boolean };
  /**
   * The phone is offered because video failed (the domain's `phoneFallbackDue`): it could not
   * connect in 20 s, or a drop has lasted 30 s; null while media flows or no call is wanted.
   */
  phoneFallback: PhoneFallbackReason | null;
  /** The practitioner went over to the phone (**Ring pasienten**), as the server told us. */
  phoneSwitch: { at: string; reason: PhoneFallbackReason } | null;
  /** A status from the practitioner to the waiting patient. */
  statusMessage: StatusMessage | null;
  /** The signaling socket: `reconnecting` while it is away (the call may still flow). */
  signaling: 'connecting' | 'open' | 'reconnecting';
  /** Set when the camera or microphone could not be had; the call goes on without them. */
  mediaProblem: MediaProblem | null;
  /** Who ended it; `guest` when this guest's page left. */
  endedBy: RoomRole | 'guest' | null;
  /**
   * Set with phase `failed`; for a guest, also their link revoked, them removed, or the link
   * taken by another page (`link_in_use`).
   */
  error:
    | SignalingErrorCode
    | 'network'
    | 'unauthorized'
    | 'guest_removed'
    | 'guest_link_revoked'
    | 'link_in_use'
    | null;
}
