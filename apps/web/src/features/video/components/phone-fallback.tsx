import type { PhoneFallbackReason, VideoJoin } from '@visitt/contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { formatPhoneNumber } from '../../notifications/contact-format';
import { switchToPhone } from '../api/video-api';
import type { CallSnapshot } from '../call/types';

/** A number as people read it, kept on one line. */
const readable = (phone: string) => formatPhoneNumber(phone).replace(/ /g, '\u00a0');

/**
 * The phone when video fails (the call engine's `phoneFallback`: no connection in 20 s, or a drop
 * of 30 s). The patient is told the practitioner can call them, and given the clinic's number;
 * the practitioner gets **Ring pasienten** with the patient's verified mobile number, which notes
 * the switch on the consultation (its record says so) before the phone app takes over. Gone
 * again when the video comes back; the call keeps trying meanwhile.
 */
export function PhoneFallback({ join, snapshot }: { join: VideoJoin; snapshot: CallSnapshot }) {
  const t = useT();
  const reason = snapshot.phoneFallback;
  if (reason === null) return null;
  return (
    <section className="stage__notice phone-fallback" aria-labelledby="phone-fallback-title">
      <Icon name="mobile" />
      <div className="phone-fallback__body">
        <h2 id="phone-fallback-title" className="stage__notice-title phone-fallback__title">
          {t(`videoRoom.phone.title.${reason}`)}
        </h2>
        {join.role === 'practitioner' ? (
          <CallThePatient join={join} reason={reason} switched={snapshot.phoneSwitch !== null} />
        ) : (
          <PatientCanBeCalled join={join} isCalling={snapshot.phoneSwitch !== null} />
        )}
        <p>{t('videoRoom.phone.stillTrying')}</p>
      </div>
    </section>
  );
}

function PatientCanBeCalled({ join, isCalling }: { join: VideoJoin; isCalling: boolean }) {
  const t = useT();
  const mine = join.phone.patient;
  const clinic = join.phone.clinic;
  return (
    <>
      <p role="status" className="phone-fallback__lead">
        {isCalling
          ? mine
            ? t('videoRoom.phone.patient.calling', { phone: readable(mine) })
            : t('videoRoom.phone.patient.callingNoNumber')
          : mine
            ? t('videoRoom.phone.patient.canCall', { phone: readable(mine) })
            : t('videoRoom.phone.patient.canCallNoNumber')}
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
  switched,
}: {
  join: VideoJoin;
  reason: PhoneFallbackReason;
  switched: boolean;
}) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const mobile = join.phone.patient;
  const note = () => {
    setState('busy');
    switchToPhone(join.appointmentId, reason).then(
      () => setState('idle'),
      () => setState('failed'),
    );
  };
  return (
    <>
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
          : switched
            ? t('videoRoom.phone.practitioner.noted')
            : t('videoRoom.phone.practitioner.hint')}
      </p>
    </>
  );
}
