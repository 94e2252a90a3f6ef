import type { StaffAppointment } from '@visitt/contracts';
import { IN_PERSON_ANSWER_MAX_LENGTH } from '@visitt/domain';
import { useId, useState } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useT } from '../../../i18n';
import { useAnswerInPersonRequest } from '../api/workspace-api';

/**
 * The patient's request to come in instead of the video consultation, where the practitioner
 * and the clinic see the appointment (the workspace's row, the calendar's details): the
 * patient's reason, and a way to answer. The answer goes to the patient as a message and stays
 * on their appointment.
 */
export function InPersonRequestBox({ appointment }: { appointment: StaffAppointment }) {
  const t = useT();
  const format = useFormat();
  const request = appointment.inPersonRequest;
  if (!request) return null;
  const zone = appointment.timeZone;
  return (
    <section className="in-person-box" aria-label={t('workspace.inPerson.title')}>
      <p className="in-person-box__title">
        <Icon name="clinic" size={18} />
        <span>
          {t('workspace.inPerson.asked', { when: format.dateTime(request.requestedAt, zone) })}
        </span>
      </p>
      {request.reason ? <p className="in-person-box__reason">{request.reason}</p> : null}
      {request.answer !== null && request.answeredAt !== null ? (
        <>
          <p className="in-person-box__answered">
            {t('workspace.inPerson.answered', { when: format.dateTime(request.answeredAt, zone) })}
          </p>
          <p className="in-person-box__reason">{request.answer}</p>
        </>
      ) : (
        <AnswerForm appointmentId={appointment.id} />
      )}
    </section>
  );
}

function AnswerForm({ appointmentId }: { appointmentId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const answer = useAnswerInPersonRequest(appointmentId);
  const [text, setText] = useState('');
  const [isMissing, setIsMissing] = useState(false);
  const ids = { field: useId(), hint: useId(), error: useId() };
  return (
    <form
      className="in-person-box__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return setIsMissing(true);
        answer.mutate(text);
      }}
    >
      <div className="field">
        <label htmlFor={ids.field} className="field__label">
          {t('workspace.inPerson.answerLabel')}
        </label>
        <p id={ids.hint} className="field__hint">
          {t('workspace.inPerson.answerHint')}
        </p>
        <textarea
          id={ids.field}
          className="input textarea"
          rows={3}
          maxLength={IN_PERSON_ANSWER_MAX_LENGTH}
          value={text}
          aria-invalid={isMissing || undefined}
          aria-describedby={isMissing ? `${ids.error} ${ids.hint}` : ids.hint}
          onChange={(event) => {
            setText(event.target.value);
            setIsMissing(false);
          }}
        />
        {isMissing ? (
          <p id={ids.error} className="field__error">
            {t('workspace.inPerson.answerMissing')}
          </p>
        ) : null}
      </div>
      {answer.error ? <Alert tone="error">{errorMessage(answer.error)}</Alert> : null}
      <Button type="submit" variant="primary" isBusy={answer.isPending}>
        {t('workspace.inPerson.send')}
      </Button>
    </form>
  );
}
