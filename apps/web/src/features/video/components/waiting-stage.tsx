import type { StatusMessage, VideoJoin } from '@visitt/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Icon } from '../../../components/ui/icon';
import { Spinner } from '../../../components/ui/spinner';
import { useFormat, useT } from '../../../i18n';
import { getPractitionerWhereabouts } from '../api/video-api';
import type { CallSession } from '../call/call-session';
import type { CallSnapshot } from '../call/types';
import { peerDisplayName } from '../video-labels';
import { DeviceSettings } from './device-settings';
import { MediaProblemAlert } from './media-problem';
import { PhoneFallback } from './phone-fallback';
import { SelfView } from './self-view';

/**
 * Until both are in: one's own camera large, camera and microphone to check, and — for the
 * patient — that the practitioner has been told, with any status the practitioner sends.
 */
export function WaitingStage({
  join,
  snapshot,
  session,
}: {
  join: VideoJoin;
  snapshot: CallSnapshot | null;
  session: CallSession | null;
}) {
  const t = useT();
  const peerName = peerDisplayName(join.peerName, join.role, t);
  const format = useFormat();
  const headingId = useId();
  const isPatient = join.role === 'patient';
  const isPreparing = (snapshot?.phase ?? 'preparing') === 'preparing';
  const heading = isPatient
    ? t('videoRoom.waitingTitle')
    : isPreparing
      ? t('videoRoom.connecting', { name: peerName })
      : t('videoRoom.patientAbsentTitle');

  return (
    <div className="waiting">
      <WaitingPreview snapshot={snapshot} />
      <section className="waiting__panel" aria-labelledby={headingId}>
        <h2 id={headingId} className="waiting__title">
          {heading}
        </h2>
        {isPatient ? (
          <>
            <p className="waiting__when">
              {t('videoRoom.appointmentWith', {
                name: peerName,
                time: format.time(join.start, join.timeZone),
              })}
            </p>
            <p className="waiting__notified">
              <Icon name="check" />
              <span>{t('videoRoom.practitionerNotified')}</span>
            </p>
            <PractitionerWhereabouts appointmentId={join.appointmentId} />
            <StatusMessageRegion
              message={snapshot?.statusMessage ?? null}
              timeZone={join.timeZone}
            />
            <p className="waiting__hint">{t('videoRoom.waitingHint')}</p>
            <p className="waiting__hint">{t('videoRoom.previewPrivate')}</p>
          </>
        ) : isPreparing ? null : (
          <>
            <p className="waiting__when">{t('videoRoom.patientAbsent', { name: peerName })}</p>
            <p className="waiting__hint">{t('videoRoom.patientAbsentHint')}</p>
          </>
        )}
        {snapshot ? <PhoneFallback join={join} snapshot={snapshot} session={session} /> : null}
        {snapshot?.mediaProblem ? <MediaProblemAlert problem={snapshot.mediaProblem} /> : null}
        <DeviceSettings snapshot={snapshot} session={session} />
      </section>
    </div>
  );
}

/** The practitioner's status ("Jeg er ca. 10 minutter forsinket"), announced when it comes. */
function StatusMessageRegion({
  message,
  timeZone,
}: {
  message: StatusMessage | null;
  timeZone: string;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="status-region" aria-live="polite">
      {message ? (
        <div className="status-message">
          <Icon name="mail" size={22} className="status-message__icon" />
          <div>
            <p className="status-message__from">
              {t('videoRoom.statusFrom', { time: format.time(message.at, timeZone) })}
            </p>
            <p className="status-message__text">{message.text}</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * One's own camera large while waiting (to check it), with "Gjør klart …" until camera and
 * microphone are there: the patient's, the practitioner's and a guest's waiting room.
 */
export function WaitingPreview({ snapshot }: { snapshot: CallSnapshot | null }) {
  const t = useT();
  const isPreparing = (snapshot?.phase ?? 'preparing') === 'preparing';
  return (
    <div className="waiting__preview">
      <SelfView
        stream={snapshot?.localStream ?? null}
        camera={snapshot?.camera ?? false}
        variant="large"
      />
      {isPreparing && !snapshot?.localStream ? (
        <p className="waiting__preparing">
          <Spinner />
          <span>{t('videoRoom.preparing')}</span>
        </p>
      ) : null}
    </div>
  );
}

/** How often the waiting room asks where the practitioner is. */
const WHEREABOUTS_EVERY_MS = 15_000;

/**
 * Where the practitioner is, for the waiting patient: not yet in, in another consultation, or
 * free with the patient on their list; asked for every 15 seconds while the patient waits, and
 * read out when it changes. Nothing when the practitioner is here (the call begins) or the
 * answer did not come.
 */
function PractitionerWhereabouts({ appointmentId }: { appointmentId: string }) {
  const t = useT();
  const { data } = useQuery({
    queryKey: ['practitioner-whereabouts', appointmentId],
    queryFn: ({ signal }) => getPractitionerWhereabouts(appointmentId, signal),
    refetchInterval: WHEREABOUTS_EVERY_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
  const whereabouts = data?.whereabouts;
  return (
    <p className="waiting__whereabouts" aria-live="polite">
      {whereabouts && whereabouts !== 'here' ? (
        <>
          <Icon name={whereabouts === 'in_another_consultation' ? 'clock' : 'user'} />
          <span>{t(`videoRoom.whereabouts.${whereabouts}`)}</span>
        </>
      ) : null}
    </p>
  );
}
