import type { GuestConnection, GuestVisit } from '@visitt/contracts';
import { useId } from 'react';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useT } from '../../../i18n';
import { useGuestCallSession } from '../call/use-guest-call-session';
import { useParticipantChanges } from '../hooks/use-participant-chime';
import { CallControls } from './call-controls';
import { CallFrame } from './call-frame';
import { DeviceSettings } from './device-settings';
import { MediaProblemAlert } from './media-problem';
import { MeshStage } from './mesh-stage';
import { ParticipantAnnouncement } from './participant-announcement';
import { ParticipantsBar } from './participants-bar';
import { WaitingPreview } from './waiting-stage';

/**
 * A guest's video room: camera and microphone to check while they wait for the practitioner to
 * let them in (nothing leaves this page until then), then the call with everyone in it, named
 * with their roles. **Forlat** leaves; the consultation goes on for the others.
 */
export function GuestRoom({
  connection,
  visit,
}: {
  connection: GuestConnection;
  visit: GuestVisit;
}) {
  const t = useT();
  const { snapshot, session } = useGuestCallSession(connection);
  const phase = snapshot?.phase ?? 'preparing';
  const change = useParticipantChanges(snapshot?.participants ?? [], connection.guestId, false);

  if (phase === 'ended' || phase === 'failed')
    return (
      <CallFrame title={t('guestRoom.endedTitle')} tone="light">
        <div className="call-end">
          {phase === 'failed' ? (
            <div role="alert" className="alert alert--error">
              <Icon name="alert" className="alert__icon" />
              <div className="alert__body">
                <p>
                  {snapshot?.error === 'guest_removed' ||
                  snapshot?.error === 'guest_link_revoked' ||
                  snapshot?.error === 'link_in_use'
                    ? t(`errors.${snapshot.error}`)
                    : t('guestRoom.failed')}
                </p>
              </div>
            </div>
          ) : (
            <p className="call-end__who">
              <Icon name="check" size={24} className="call-end__icon" />
              <span>
                {snapshot?.endedBy === 'guest' ? t('guestRoom.left') : t('guestRoom.ended')}
              </span>
            </p>
          )}
        </div>
      </CallFrame>
    );

  const inCall = phase === 'in_call' || phase === 'connecting' || phase === 'reconnecting';
  return (
    <CallFrame title={t('guestRoom.title', { clinic: visit.clinicName })} isTitleHidden>
      <div className={`room room--${inCall ? 'call' : 'waiting'}`}>
        {inCall && snapshot ? (
          <>
            <MeshStage snapshot={snapshot} />
            <ParticipantsBar participants={snapshot.participants} mySeat={snapshot.seat} />
          </>
        ) : (
          <GuestWaiting visit={visit} snapshot={snapshot} session={session} />
        )}
        <ParticipantAnnouncement change={change} />
        <CallControls
          snapshot={snapshot}
          session={session}
          onHangUp={() => session?.hangUp()}
          hangUpLabel={t('guestRoom.leave')}
        />
      </div>
    </CallFrame>
  );
}

function GuestWaiting({
  visit,
  snapshot,
  session,
}: {
  visit: GuestVisit;
  snapshot: ReturnType<typeof useGuestCallSession>['snapshot'];
  session: ReturnType<typeof useGuestCallSession>['session'];
}) {
  const t = useT();
  const format = useFormat();
  const headingId = useId();
  const isPreparing = (snapshot?.phase ?? 'preparing') === 'preparing';
  return (
    <div className="waiting">
      <WaitingPreview snapshot={snapshot} />
      <section className="waiting__panel" aria-labelledby={headingId}>
        <h2 id={headingId} className="waiting__title">
          {t('guestRoom.waitingTitle')}
        </h2>
        <p className="waiting__when">
          {t('guestRoom.when', {
            clinic: visit.clinicName,
            time: format.time(visit.start, visit.timeZone),
          })}
        </p>
        <p className="waiting__hint" role="status">
          {isPreparing ? null : t('guestRoom.waitingHint')}
        </p>
        <p className="waiting__hint">{t('guestRoom.previewPrivate')}</p>
        {snapshot?.mediaProblem ? <MediaProblemAlert problem={snapshot.mediaProblem} /> : null}
        <DeviceSettings snapshot={snapshot} session={session} />
      </section>
    </div>
  );
}
