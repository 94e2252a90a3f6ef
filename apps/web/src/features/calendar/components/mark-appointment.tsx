import type { StaffAppointmentDetail } from '@visitt/contracts';
import { useId } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useFormat, useT } from '../../../i18n';
import { useMarkAppointment } from '../api/calendar-api';
import { availableMarks, marksFrom, type Mark } from '../appointment-actions';

/**
 * Marking completed or no-show, once the appointment has begun (a video one when its room
 * opens). Before that, from when; a mark can be corrected to the other. Not for a cancelled
 * appointment (the page leaves it out). What the server refuses
 * is said under the buttons.
 */
export function MarkAppointment({
  appointment,
  now,
  onDone,
}: {
  appointment: StaffAppointmentDetail;
  now: number;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const mark = useMarkAppointment(appointment.id, (detail) => {
    if (detail.status === 'completed' || detail.status === 'no_show')
      onDone(t(`calendar.mark.done.${detail.status}`));
  });
  const marks = availableMarks(appointment, now);

  function handleMark(status: Mark) {
    if (mark.isPending) return;
    mark.mutate(status);
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('calendar.mark.heading')}
      </h2>
      {marks.length === 0 ? (
        <p className="note">
          {t('calendar.mark.from', {
            when: format.dateTime(marksFrom(appointment), appointment.timeZone),
          })}
        </p>
      ) : (
        <div className="cal-actions">
          {marks.map((status) => (
            <Button
              key={status}
              variant="secondary"
              icon={status === 'completed' ? 'check' : undefined}
              isBusy={mark.isPending && mark.variables === status}
              aria-disabled={mark.isPending || undefined}
              onClick={() => handleMark(status)}
            >
              {mark.isPending && mark.variables === status
                ? t('calendar.mark.saving')
                : t(`calendar.mark.${status}`)}
            </Button>
          ))}
        </div>
      )}
      {mark.isError ? (
        <Alert tone="error" className="alert--spaced">
          <p>{errorMessage(mark.error)}</p>
        </Alert>
      ) : null}
    </section>
  );
}
