import { CANCELLATION_MESSAGE_MAX_LENGTH, type StaffAppointmentDetail } from '@visitt/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useFormat, useT } from '../../../i18n';
import { patientName } from '../../workspace/room-state';
import { useCancelByClinic } from '../api/calendar-api';

/** Where the live counter speaks up: quiet while typing, then at these many characters left. */
const ANNOUNCE_AT = [100, 50, 20, 10, 0];

/**
 * The clinic cancels: a message to the patient (required, plain text, at most 500 characters),
 * then a confirmation. The patient is told by the server, with the message.
 */
export function CancelByClinic({
  appointment,
  onDone,
}: {
  appointment: StaffAppointmentDetail;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const format = useFormat();
  const ids = { heading: useId(), field: useId(), hint: useId(), counter: useId(), error: useId() };
  const field = useRef<HTMLTextAreaElement>(null);
  const [message, setMessage] = useState('');
  const [isMissing, setIsMissing] = useState(false);
  const [isOpen, setIsOpen] = useState(false);
  const cancel = useCancelByClinic(appointment.id, () => {
    setIsOpen(false);
    onDone(t('calendar.cancel.done'));
  });
  const left = CANCELLATION_MESSAGE_MAX_LENGTH - message.length;
  const announced = ANNOUNCE_AT.find((mark) => left <= mark && left > mark - 5);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (message.trim() === '') {
      setIsMissing(true);
      field.current?.focus();
      return;
    }
    cancel.reset();
    setIsOpen(true);
  }

  function handleConfirm() {
    if (cancel.isPending) return;
    cancel.mutate(message.trim());
  }

  function handleClose() {
    if (!cancel.isPending) setIsOpen(false);
  }

  return (
    <section className="card" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="section__title">
        {t('calendar.cancel.heading')}
      </h2>
      <p className="note">{t('calendar.cancel.intro')}</p>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor={ids.field} className="field__label">
            {t('calendar.cancel.messageLabel')}
          </label>
          <p id={ids.hint} className="field__hint">
            {t('calendar.cancel.messageHint', { max: CANCELLATION_MESSAGE_MAX_LENGTH })}
          </p>
          {isMissing ? (
            <p id={ids.error} className="field__error">
              {t('calendar.cancel.required')}
            </p>
          ) : null}
          <textarea
            ref={field}
            id={ids.field}
            className="input textarea"
            rows={4}
            maxLength={CANCELLATION_MESSAGE_MAX_LENGTH}
            value={message}
            required
            aria-invalid={isMissing || undefined}
            aria-describedby={[isMissing ? ids.error : '', ids.hint, ids.counter]
              .filter(Boolean)
              .join(' ')}
            onChange={(event) => {
              setMessage(event.target.value.slice(0, CANCELLATION_MESSAGE_MAX_LENGTH));
              if (event.target.value.trim() !== '') setIsMissing(false);
            }}
          />
          <p id={ids.counter} className={`field__counter${left <= 20 ? ' is-low' : ''}`}>
            {t('booking.charsLeft', { count: left })}
          </p>
          <p className="visually-hidden" aria-live="polite">
            {announced != null ? t('booking.charsLeft', { count: left }) : ''}
          </p>
        </div>
        <div>
          <Button type="submit" variant="danger-outline">
            {t('calendar.cancel.submit')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        isOpen={isOpen}
        title={t('calendar.cancel.dialogTitle')}
        onClose={handleClose}
        onConfirm={handleConfirm}
        keepLabel={t('calendar.cancel.keep')}
        confirmLabel={t('calendar.cancel.confirm')}
        busyLabel={t('calendar.cancel.cancelling')}
        isBusy={cancel.isPending}
        error={cancel.error}
      >
        <p>
          {t('calendar.cancel.dialogText', {
            when: format.dateTime(appointment.start, appointment.timeZone),
            name: patientName(appointment.patient, t('workspace.patientUnknown')),
          })}
        </p>
        <p className="cal-quote details__comment">{message.trim()}</p>
      </ConfirmDialog>
    </section>
  );
}
