import type { RoomRole, VideoJoin } from '@visitt/contracts';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { Spinner } from '../../../components/ui/spinner';
import { useT } from '../../../i18n';
import type { CallSnapshot } from '../call/types';
import { useStreamElement } from '../hooks/use-stream-element';
import { initials, peerDisplayName } from '../video-labels';
import { MediaProblemAlert } from './media-problem';
import { SelfView } from './self-view';
import { BirthDate } from '../../profile/components/birth-date';

const otherRole = (role: RoomRole): RoomRole => (role === 'patient' ? 'practitioner' : 'patient');

/**
 * Both in the room: the other side large (its `<video>` is never muted, so their voice plays,
 * and stays mounted with the camera off), oneself as a thumbnail. The other side's camera off
 * shows their initials and name; their microphone off a crossed microphone, in words too.
 * A dropped connection is "Kobler til igjen …", visible and announced — never "left".
 */
export function CallStage({
  join,
  snapshot,
  onAudioOnly,
  notice,
}: {
  join: VideoJoin;
  snapshot: CallSnapshot;
  /** Offered when the link is too weak for video: **Bare lyd**. */
  onAudioOnly?: () => void;
  /** Shown first among the notices (the phone when video fails). */
  notice?: ReactNode;
}) {
  const t = useT();
  const peerName = peerDisplayName(join.peerName, join.role, t);
  const { peer, phase, remoteStream } = snapshot;
  const peerRole = otherRole(join.role);
  const { ref, isBlocked, play } = useStreamElement(remoteStream);
  const isAudioOnly = snapshot.audioOnly.mine || snapshot.audioOnly.theirs;
  const hasVideo = !isAudioOnly && peer.camera && (remoteStream?.getVideoTracks().length ?? 0) > 0;
  const announcement = useCallAnnouncement(snapshot, join, peerRole);

  return (
    <div className="stage">
      <figure className="stage__peer">
        <video
          ref={ref}
          className={`stage__video${hasVideo ? '' : ' is-hidden'}`}
          autoPlay
          playsInline
        />
        {hasVideo ? null : (
          <div className="stage__avatar">
            <span className="avatar" aria-hidden="true">
              {initials(peerName)}
            </span>
            {peer.camera ? null : (
              <p className="stage__avatar-text">
                {t('videoRoom.peerCameraOff', { name: peerName })}
              </p>
            )}
          </div>
        )}
        <figcaption className="stage__caption">
          <span className="visually-hidden">{t('videoRoom.peerView', { name: peerName })}</span>
          <span className="stage__name" aria-hidden="true">
            {peerName}
          </span>
          {join.role === 'practitioner' ? (
            <BirthDate date={join.peerBirthDate} className="stage__born" />
          ) : null}
          {peer.mic ? null : (
            <span className="stage__muted">
              <Icon name="micOff" size={18} />
              <span className="visually-hidden">{t(`videoRoom.peerMicOff.${peerRole}`)}</span>
            </span>
          )}
        </figcaption>
      </figure>

      <div className="stage__notices">
        {notice}
        <div role="status">
          {snapshot.phoneFallback ? null : phase === 'reconnecting' ? (
            <div className="stage__notice stage__notice--warning">
              <Spinner />
              <div>
                <p className="stage__notice-title">{t('videoRoom.reconnecting')}</p>
                <p>{t('videoRoom.reconnectingHint')}</p>
              </div>
            </div>
          ) : phase === 'connecting' ? (
            <div className="stage__notice">
              <Spinner />
              <p className="stage__notice-title">{t('videoRoom.connecting', { name: peerName })}</p>
            </div>
          ) : snapshot.signaling === 'reconnecting' ? (
            <div className="stage__notice">
              <p>{t('videoRoom.signalingReconnecting')}</p>
            </div>
          ) : null}
        </div>
        {isBlocked ? (
          <div className="stage__notice">
            <p>{t('videoRoom.audioBlocked')}</p>
            <Button variant="secondary" onClick={play}>
              {t('videoRoom.playAudio')}
            </Button>
          </div>
        ) : null}
        {snapshot.mediaProblem ? <MediaProblemAlert problem={snapshot.mediaProblem} /> : null}
        <QualityNotices snapshot={snapshot} peerRole={peerRole} onAudioOnly={onAudioOnly} />
        <div role="status" className="stage__quality">
          {snapshot.audioOnly.mine ? (
            <div className="stage__notice">
              <Icon name="volume" />
              <p>{t('videoRoom.audioOnly.mine')}</p>
            </div>
          ) : snapshot.audioOnly.theirs ? (
            <div className="stage__notice">
              <Icon name="volume" />
              <p>{t(`videoRoom.audioOnly.theirs.${peerRole}`)}</p>
            </div>
          ) : null}
        </div>
      </div>

      <div className="stage__self">
        <SelfView stream={snapshot.localStream} camera={snapshot.camera} variant="thumb" />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/**
 * What a screen reader hears as the call goes: that the call is on, and when the other side
 * turns the microphone off or on (a camera change is in the picture's text).
 */
function useCallAnnouncement(snapshot: CallSnapshot, join: VideoJoin, peerRole: RoomRole): string {
  const t = useT();
  const peerName = peerDisplayName(join.peerName, join.role, t);
  const [message, setMessage] = useState('');
  const previous = useRef<{ phase: string; mic: boolean } | null>(null);
  const { phase } = snapshot;
  const { mic } = snapshot.peer;

  useEffect(() => {
    const before = previous.current;
    previous.current = { phase, mic };
    if (phase === 'in_call' && before?.phase !== 'in_call') {
      setMessage(t('videoRoom.inCall', { name: peerName }));
    } else if (before && before.mic !== mic) {
      setMessage(t(mic ? `videoRoom.peerMicOn.${peerRole}` : `videoRoom.peerMicOff.${peerRole}`));
    }
  }, [phase, mic, t, peerName, peerRole]);

  return message;
}

/**
 * The link's quality, when it is less than good, for both ends: ours ("Forbindelsen din er
 * svak", from what we send) and the other side's ("Forbindelsen til pasienten er svak", from what
 * reaches us of theirs). Read out as it changes; nothing while the link is good.
 */
function QualityNotices({
  snapshot,
  peerRole,
  onAudioOnly,
}: {
  snapshot: CallSnapshot;
  peerRole: RoomRole;
  onAudioOnly?: () => void;
}) {
  const t = useT();
  const { mine, theirs } = snapshot.quality;
  const isIn = snapshot.phase === 'in_call';
  // Too weak for video on either end, and video still on: both are offered sound alone.
  const offer =
    onAudioOnly &&
    !snapshot.audioOnly.mine &&
    !snapshot.audioOnly.theirs &&
    (mine === 'poor' || theirs === 'poor') ? (
      <Button variant="secondary" icon="volume" onClick={onAudioOnly}>
        {t('videoRoom.audioOnly.offer')}
      </Button>
    ) : null;
  return (
    <div role="status" className="stage__quality">
      {isIn && theirs && theirs !== 'good' ? (
        <div className={`stage__notice stage__notice--quality stage__notice--${theirs}`}>
          <Icon name="alert" />
          <div>
            <p className="stage__notice-title">
              {t(`videoRoom.quality.theirs.${peerRole}.${theirs}`)}
            </p>
            <p>{t('videoRoom.quality.theirsHint')}</p>
          </div>
        </div>
      ) : null}
      {isIn && mine && mine !== 'good' ? (
        <div className={`stage__notice stage__notice--quality stage__notice--${mine}`}>
          <Icon name="alert" />
          <div>
            <p className="stage__notice-title">{t(`videoRoom.quality.mine.${mine}`)}</p>
            <p>{t('videoRoom.quality.mineHint')}</p>
          </div>
        </div>
      ) : null}
      {isIn ? offer : null}
    </div>
  );
}
