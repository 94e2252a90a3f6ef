import type { PhoneFallbackReason, VideoJoin } from '@visitt/contracts';
import { isInRoom } from '@visitt/domain';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { formatPhoneNumber } from '../../notifications/contact-format';
import { switchToPhone } from '../api/video-api';
import type { CallSession } from '../call/call-session';
import type { CallSnapshot } from '../call/types';

/** A number as people read it, kept on one line. */
const readable = (phone: string) => formatPhoneNumber(phone).replace(/ /g, '\u00a0');

/**
 * The phone when video fails (the call engine's `phoneFallback`: no connection in 20 s, or a drop
 * of 30 s). The patient is told the practitioner can call them, and given the clinic's number;
 * the practitioner gets **Ring pasienten** with the patient's verified mobile number, which notes
 * the switch on the consultation (its record says so) before the phone app takes over. What it
 * says of the video is what the call engine does: it tries again by itself until the switch
 * (the practitioner's side, every 10 s), then only on **Prøv video igjen**; with the other side
 * gone from the room, it connects when they come back. Gone again when the video is back.
 */
export function PhoneFallback({
  join,
  snapshot,
  session,
}: {
  join: VideoJoin;
  snapshot: CallSnapshot;
  session: CallSession | null;
}) {
  const t = useT();
  const titleId = useId();
  const reason = snapshot.phoneFallback;
  if (reason === null) return null;
  const isPeerHere = isInRoom(snapshot.peer.presence);
  const isSwitched = snapshot.phoneSwitch !== null;
  return (
    <section className="stage__notice phone-fallback" aria-labelledby={titleId}>
      <Icon name="mobile" />
      <div className="phone-fallback__body">
        <h2 id={titleId} className="stage__notice-title phone-fallback__title">
          {t(`videoRoom.phone.title.${reason}`)}
        </h2>
        {join.role === 'practitioner' ? (
          <CallThePatient
            join={join}
            reason={reason}
            isSwitched={isSwitched}
            isPeerHere={isPeerHere}
            session={session}
          />
        ) : (
          <PatientCanBeCalled join={join} isCalling={isSwitched} isPeerHere={isPeerHere} />
        )}
        {isPeerHere && !isSwitched ? <p>{t('videoRoom.phone.stillTrying')}</p> : null}
      </div>
    </section>
  );
}

function PatientCanBeCalled({
  join,
  isCalling,
  isPeerHere,
}: {
  join: VideoJoin;
  isCalling: boolean;
  isPeerHere: boolean;
}) {
  const t = useT();
  const mine = join.phone.patient;
  const clinic = join.phone.clinic;
  const lead = !isPeerHere
    ? t('videoRoom.phone.patient.peerGone')
    : isCalling
      ? mine
        ? t('videoRoom.phone.patient.calling', { phone: readable(mine) })
        : t('videoRoom.phone.patient.callingNoNumber')
      : mine
        ? t('videoRoom.phone.patient.canCall', { phone: readable(mine) })
        : t('videoRoom.phone.patient.canCallNoNumber');
  return (
    <>
      <p role="status" className="phone-fallback__lead">
        {lead}
      </p>
      {clinic ? (
        <p>
          {t('videoRoom.phone.patient.clinic')}{' '}
          <a className="phone-fallback__number" href={`tel:${clinic}`}>
            {readable(clinic)}
          </a>
        </p>
      ) : null}
    </>
  );
}

function CallThePatient({
  join,
  reason,
  isSwitched,
  isPeerHere,
  session,
}: {
  join: VideoJoin;
  reason: PhoneFallbackReason;
  isSwitched: boolean;
  isPeerHere: boolean;
  session: CallSession | null;
}) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const mobile = join.phone.patient;
  const note = () => {
    setState('busy');
    switchToPhone(join.appointmentId, reason).then(
      (noted) => {
        setState('idle');
        session?.notePhoneSwitch(noted);
      },
      () => setState('failed'),
    );
  };
  return (
    <>
      {isPeerHere ? null : <p>{t('videoRoom.phone.practitioner.peerGone')}</p>}
      {mobile ? (
        <p className="phone-fallback__call">
          <a className="btn btn--primary btn--md" href={`tel:${mobile}`} onClick={note}>
            <Icon name="mobile" />
            <span>{t('videoRoom.phone.practitioner.call')}</span>
          </a>
          <span className="phone-fallback__number">{readable(mobile)}</span>
        </p>
      ) : (
        <>
          <p>{t('videoRoom.phone.practitioner.noNumber')}</p>
          <p>
            <Button variant="primary" icon="mobile" isBusy={state === 'busy'} onClick={note}>
              {t('videoRoom.phone.practitioner.call')}
            </Button>
          </p>
        </>
      )}
      <p role="status">
        {state === 'failed'
          ? t('videoRoom.phone.practitioner.failed')
          : isSwitched
            ? t('videoRoom.phone.practitioner.noted')
            : t('videoRoom.phone.practitioner.hint')}
      </p>
      {isSwitched && isPeerHere ? (
        <>
          <p>{t('videoRoom.phone.practitioner.paused')}</p>
          <p>
            <Button variant="secondary" icon="video" onClick={() => void session?.retryVideo()}>
              {t('videoRoom.phone.practitioner.retry')}
            </Button>
          </p>
        </>
      ) : null}
    </>
  );
}
