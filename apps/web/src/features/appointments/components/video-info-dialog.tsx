import type { Appointment, InPersonRequest } from '@visitt/contracts';
import { IN_PERSON_REASON_MAX_LENGTH } from '@visitt/domain';
import { useId, useState } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Spinner } from '../../../components/ui/spinner';
import { useFormat, useT } from '../../../i18n';
import { useRequestInPerson, useVideoInfo } from '../api/in-person-api';

/**
 * The information step before the waiting room: what a video consultation is, that nothing is
 * recorded, how the data are handled, and that the patient may ask to come in instead — in the
 * clinic's own words where it has written them, else the standard text in the patient's
 * language. **Gå til venterommet** goes on; **Be om oppmøte i stedet** sends the clinic that
 * request (with the patient's reason if they give one) and shows where it stands.
 */
export function VideoInfoDialog({
  appointment,
  isOpen,
  onClose,
  onContinue,
  isStarting,
}: {
  appointment: Appointment;
  isOpen: boolean;
  onClose: () => void;
  /** **Gå til venterommet**; none where the room is not open (asking from the appointment). */
  onContinue?: () => void;
  isStarting?: boolean;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const info = useVideoInfo(appointment.id, isOpen);
  const [isAsking, setIsAsking] = useState(false);
  const [isSent, setIsSent] = useState(false);
  const textId = useId();
  const request = info.data?.inPersonRequest ?? null;

  return (
    <Dialog
      isOpen={isOpen}
      title={t('videoInfo.title')}
      onClose={onClose}
      describedBy={textId}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('app.close')}
          </Button>
          {isAsking || request || !info.data ? null : (
            <Button variant="secondary" onClick={() => setIsAsking(true)}>
              {t('videoInfo.askInPerson')}
            </Button>
          )}
          {onContinue ? (
            <Button variant="primary" icon="video" onClick={onContinue} isBusy={isStarting}>
              {t('videoInfo.continue')}
            </Button>
          ) : null}
        </>
      }
    >
      <div id={textId} className="video-info">
        {info.isPending ? (
          <Spinner />
        ) : info.isError ? (
          <Alert tone="error">{errorMessage(info.error)}</Alert>
        ) : info.data.clinicText ? (
          <>
            <p className="video-info__from">
              {t('videoInfo.fromClinic', { clinic: appointment.clinic.name })}
            </p>
            <p className="video-info__text">{info.data.clinicText}</p>
          </>
        ) : (
          <p className="video-info__text">{t('videoInfo.defaultText')}</p>
        )}
      </div>
      {request ? (
        <InPersonRequestStatus
          appointment={appointment}
          request={request}
          onAskAgain={() => {
            setIsAsking(true);
            setIsSent(false);
          }}
        />
      ) : null}
      {isAsking && (!request || request.answer !== null) ? (
        <InPersonRequestForm
          appointmentId={appointment.id}
          onSent={() => {
            setIsAsking(false);
            setIsSent(true);
          }}
        />
      ) : null}
      <p role="status" className="in-person-request__sent">
        {isSent ? t('videoInfo.sent') : ''}
      </p>
    </Dialog>
  );
}

/** Where the request stands: sent and waiting, or the clinic's answer. */
export function InPersonRequestStatus({
  appointment,
  request,
  onAskAgain,
}: {
  appointment: Pick<Appointment, 'timeZone'>;
  request: InPersonRequest;
  onAskAgain?: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const zone = appointment.timeZone;
  return (
    <section className="in-person-request" aria-live="polite">
      <h3 className="in-person-request__title">{t('videoInfo.requestTitle')}</h3>
      {request.answer === null || request.answeredAt === null ? (
        <p>{t('videoInfo.pending', { when: format.dateTime(request.requestedAt, zone) })}</p>
      ) : (
        <>
          <p>{t('videoInfo.answered', { when: format.dateTime(request.answeredAt, zone) })}</p>
          <p className="in-person-request__answer">{request.answer}</p>
          {onAskAgain ? (
            <Button variant="secondary" onClick={onAskAgain}>
              {t('videoInfo.askAgain')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}

function InPersonRequestForm({
  appointmentId,
  onSent,
}: {
  appointmentId: string;
  onSent: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const send = useRequestInPerson(appointmentId);
  const [reason, setReason] = useState('');
  const ids = { field: useId(), hint: useId() };
  return (
    <form
      className="in-person-form"
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate(reason, { onSuccess: onSent });
      }}
    >
      <div className="field">
        <label htmlFor={ids.field} className="field__label">
          {t('videoInfo.reasonLabel')}
        </label>
        <p id={ids.hint} className="field__hint">
          {t('videoInfo.reasonHint')}
        </p>
        <textarea
          id={ids.field}
          className="input textarea"
          rows={3}
          // Opened by a press on "Be om oppmøte i stedet", which is then gone: focus comes here.
          autoFocus
          maxLength={IN_PERSON_REASON_MAX_LENGTH}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-describedby={ids.hint}
        />
      </div>
      {send.error ? <Alert tone="error">{errorMessage(send.error)}</Alert> : null}
      <Button type="submit" variant="primary" isBusy={send.isPending}>
        {t('videoInfo.send')}
      </Button>
    </form>
  );
}
