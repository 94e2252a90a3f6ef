import type { Participant } from '@visitt/contracts';
import type { ReactNode } from 'react';
import { Icon } from '../../../components/ui/icon';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { useT } from '../../../i18n';
import type { CallSnapshot } from '../call/types';
import { useActiveSpeaker } from '../hooks/use-active-speaker';
import { useStreamElement } from '../hooks/use-stream-element';
import { initials } from '../video-labels';
import { MediaProblemAlert } from './media-problem';
import { SelfView } from './self-view';

const inCall = (p: Participant) =>
  p.admitted && (p.presence === 'in_call' || p.presence === 'reconnecting');
const isParty = (seat: string) => seat === 'patient' || seat === 'practitioner';

/** What a participant sends to this page: the main connection's stream, or their link's. */
export function streamOf(snapshot: CallSnapshot, seat: string): MediaStream | null {
  if (isParty(seat) && isParty(snapshot.seat)) return snapshot.remoteStream;
  return snapshot.remoteStreams[seat] ?? null;
}

/**
 * A call of three or four: everyone else as a picture of their own, named with their role. On a
 * large screen the one speaking now is large and the others are tiles beside; on a phone they
 * are stacked. Oneself is always a thumbnail.
 */
export function MeshStage({
  snapshot,
  notice,
}: {
  snapshot: CallSnapshot;
  /** Shown first among the notices (the phone when video fails, on the patient's and practitioner's pages). */
  notice?: ReactNode;
}) {
  const t = useT();
  const others = snapshot.participants.filter((p) => p.seat !== snapshot.seat && inCall(p));
  const streams = Object.fromEntries(others.map((p) => [p.seat, streamOf(snapshot, p.seat)]));
  const speaker = useActiveSpeaker(streams);
  const large = others.find((p) => p.seat === speaker) ?? others[0];

  return (
    <div className={`stage mesh mesh--${others.length}`}>
      <div className="mesh__tiles">
        {others.map((p) => (
          <Tile
            key={p.seat}
            participant={p}
            stream={streams[p.seat] ?? null}
            isLarge={p.seat === large?.seat}
          />
        ))}
      </div>
      <div className="stage__notices">
        {notice}
        <div role="status">
          {snapshot.phase === 'reconnecting' && !snapshot.phoneFallback ? (
            <div className="stage__notice stage__notice--warning">
              <Spinner />
              <div>
                <p className="stage__notice-title">{t('videoRoom.reconnecting')}</p>
                <p>{t('videoRoom.reconnectingHint')}</p>
              </div>
            </div>
          ) : null}
        </div>
        {snapshot.mediaProblem ? <MediaProblemAlert problem={snapshot.mediaProblem} /> : null}
      </div>
      <div className="stage__self">
        <SelfView stream={snapshot.localStream} camera={snapshot.camera} variant="thumb" />
      </div>
    </div>
  );
}

function Tile({
  participant,
  stream,
  isLarge,
}: {
  participant: Participant;
  stream: MediaStream | null;
  isLarge: boolean;
}) {
  const t = useT();
  const { ref, isBlocked, play } = useStreamElement(stream);
  const hasVideo = participant.camera && (stream?.getVideoTracks().length ?? 0) > 0;
  const role = t(`participants.roles.${participant.role}`);
  const connecting = !stream || stream.getTracks().length === 0;
  return (
    <figure className={`mesh__tile${isLarge ? ' is-large' : ''}`} data-seat={participant.seat}>
      <video
        ref={ref}
        className={`stage__video${hasVideo ? '' : ' is-hidden'}`}
        autoPlay
        playsInline
      />
      {hasVideo ? null : (
        <div className="stage__avatar">
          <span className="avatar" aria-hidden="true">
            {initials(participant.name)}
          </span>
          <p className="stage__avatar-text">
            {connecting
              ? t('videoRoom.mesh.connecting', { name: participant.name })
              : participant.camera
                ? null
                : t('videoRoom.mesh.cameraOff', { name: participant.name })}
          </p>
        </div>
      )}
      <figcaption className="stage__caption">
        <span className="visually-hidden">
          {t('videoRoom.mesh.tile', { name: participant.name, role })}
        </span>
        <span className="stage__name" aria-hidden="true">
          {participant.name} · {role}
        </span>
        {participant.mic ? null : (
          <span className="stage__muted">
            <Icon name="micOff" size={18} />
            <span className="visually-hidden">
              {t('videoRoom.mesh.micOff', { name: participant.name })}
            </span>
          </span>
        )}
      </figcaption>
      {isBlocked ? (
        <div className="mesh__blocked">
          <Button variant="secondary" onClick={play}>
            {t('videoRoom.playAudio')}
          </Button>
        </div>
      ) : null}
    </figure>
  );
}
