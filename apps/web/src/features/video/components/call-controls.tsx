import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import type { CallSession } from '../call/call-session';
import type { CallSnapshot } from '../call/types';

/**
 * The bar at the bottom: microphone and camera on/off (toggle buttons, `aria-pressed` is "on"),
 * switch camera where there is more than one, **Bare lyd** in a call of two (pressed: no video
 * either way, sound goes on), **Identifisering** and **Legg til** (a guest) for
 * the practitioner, and the red phone, **Avslutt** (a guest's **Forlat**).
 */
export function CallControls({
  snapshot,
  session,
  onHangUp,
  onIdentify,
  onInvite,
  hangUpLabel,
}: {
  snapshot: CallSnapshot | null;
  session: CallSession | null;
  onHangUp: () => void;
  /** The practitioner's side: records how the patient was identified. */
  onIdentify?: () => void;
  /** The practitioner's side: invites an interpreter, a relative or a second clinician. */
  onInvite?: () => void;
  /** What the red phone says (a guest's leaves: **Forlat**); **Avslutt** by default. */
  hangUpLabel?: string;
}) {
  const t = useT();
  const mic = snapshot?.mic ?? false;
  const camera = snapshot?.camera ?? false;
  const hasMic = (snapshot?.localStream?.getAudioTracks().length ?? 0) > 0;
  const cameras = snapshot?.cameras ?? [];
  const canUseMic = session != null && hasMic;
  // Bare lyd: in the call of two (a call with guests has connections of its own per pair).
  const audioOnly = snapshot?.audioOnly.mine ?? false;
  const canChooseAudioOnly =
    session != null &&
    snapshot != null &&
    snapshot.role !== 'guest' &&
    snapshot.phase === 'in_call' &&
    // The change reaches the other side as a new negotiation: only while signaling is up.
    snapshot.signaling === 'open' &&
    Object.keys(snapshot.remoteStreams).length === 0;

  return (
    <div className="controls" role="group" aria-label={t('videoRoom.controls')}>
      <button
        type="button"
        className="control"
        aria-pressed={mic}
        aria-disabled={!canUseMic || undefined}
        onClick={() => {
          if (canUseMic) session.setMic(!mic);
        }}
      >
        <span className="control__icon">
          <Icon name={mic ? 'mic' : 'micOff'} size={24} />
        </span>
        <span className="control__label">{t('videoRoom.mic')}</span>
      </button>
      <button
        type="button"
        className="control"
        aria-pressed={camera}
        aria-disabled={!session || undefined}
        onClick={() => {
          if (session) void session.setCamera(!camera);
        }}
      >
        <span className="control__icon">
          <Icon name={camera ? 'video' : 'videoOff'} size={24} />
        </span>
        <span className="control__label">{t('videoRoom.cameraToggle')}</span>
      </button>
      {cameras.length > 1 ? (
        <button
          type="button"
          className="control"
          aria-disabled={!session || !camera || undefined}
          onClick={() => {
            if (session && camera) void session.switchCamera();
          }}
        >
          <span className="control__icon">
            <Icon name="switchCamera" size={24} />
          </span>
          <span className="control__label">{t('videoRoom.switchCamera')}</span>
        </button>
      ) : null}
      {canChooseAudioOnly ? (
        <button
          type="button"
          className="control"
          aria-pressed={audioOnly}
          onClick={() => session.setAudioOnly(!audioOnly)}
        >
          <span className="control__icon">
            <Icon name="volume" size={24} />
          </span>
          <span className="control__label">{t('videoRoom.audioOnly.toggle')}</span>
        </button>
      ) : null}
      {onIdentify ? (
        <button type="button" className="control" onClick={onIdentify}>
          <span className="control__icon">
            <Icon name="check" size={24} />
          </span>
          <span className="control__label">{t('identification.open')}</span>
        </button>
      ) : null}
      {onInvite ? (
        <button type="button" className="control" onClick={onInvite}>
          <span className="control__icon">
            <Icon name="plus" size={24} />
          </span>
          <span className="control__label">{t('videoRoom.invite')}</span>
        </button>
      ) : null}
      <button
        type="button"
        className="control control--hang-up"
        aria-disabled={!session || undefined}
        onClick={() => {
          if (session) onHangUp();
        }}
      >
        <span className="control__icon">
          <Icon name="callEnd" size={30} fill="currentColor" stroke="none" />
        </span>
        <span className="control__label">{hangUpLabel ?? t('video.hangUp')}</span>
      </button>
    </div>
  );
}
