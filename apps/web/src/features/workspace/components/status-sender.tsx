import { STATUS_TEXT_MAX_LENGTH, type StaffAppointment } from '@visitt/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useFormat, useT } from '../../../i18n';
import { useSendStatus } from '../api/workspace-api';

/**
 * A short status to the waiting patient: three quick "I am about N minutes late" and a text of
 * one's own (at most 200 characters). What was sent, and when, is confirmed below.
 */
export function StatusSender({ appointment }: { appointment: StaffAppointment }) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const ids = { heading: useId(), field: useId(), hint: useId() };
  const [text, setText] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const send = useSendStatus(appointment.id);
  const last = appointment.video?.room.statusMessage ?? null;

  function sendText(value: string) {
    const trimmed = value.trim();
    if (trimmed === '' || send.isPending) return;
    setConfirmation('');
    send.mutate(trimmed, {
      onSuccess: () => {
        setConfirmation(
          t('workspace.sent', {
            time: format.time(new Date().toISOString(), appointment.timeZone),
            text: trimmed,
          }),
        );
        if (trimmed === text.trim()) setText('');
      },
    });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    sendText(text);
  }

  return (
    // A group, not a landmark: each waiting patient has one, under the same heading.
    <div className="status-sender" role="group" aria-labelledby={ids.heading}>
      <h4 id={ids.heading} className="status-sender__title">
        {t('workspace.statusTitle')}
      </h4>
      <div className="status-sender__quick">
        {(['quick5', 'quick10', 'quick15'] as const).map((key) => (
          <Button key={key} variant="secondary" onClick={() => sendText(t(`workspace.${key}`))}>
            {t(`workspace.${key}`)}
          </Button>
        ))}
      </div>
      <form className="status-sender__form" onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={ids.field} className="field__label">
            {t('workspace.customLabel')}
          </label>
          <p id={ids.hint} className="field__hint">
            {t('workspace.customHint', { max: STATUS_TEXT_MAX_LENGTH })}
          </p>
          <div className="status-sender__row">
            <input
              id={ids.field}
              className="input"
              type="text"
              maxLength={STATUS_TEXT_MAX_LENGTH}
              value={text}
              onChange={(event) => setText(event.target.value.slice(0, STATUS_TEXT_MAX_LENGTH))}
              aria-describedby={ids.hint}
            />
            <Button type="submit" isBusy={send.isPending}>
              {send.isPending ? t('workspace.sending') : t('workspace.send')}
            </Button>
          </div>
        </div>
      </form>
      <div role="status" className="status-sender__result">
        {send.isError ? (
          <p className="field__error">{errorMessage(send.error)}</p>
        ) : confirmation ? (
          <p className="status-sender__sent">{confirmation}</p>
        ) : last ? (
          <p className="muted">
            {t('workspace.lastSent', {
              time: format.time(last.at, appointment.timeZone),
              text: last.text,
            })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
