import type { Slot, StaffAppointmentDetail } from '@visitt/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert, ErrorState, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { LoadingState } from '../../../components/ui/spinner';
import { useFormat, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { localDateOf } from '../../../lib/dates';
import { useMonthSlots } from '../../booking/api/booking-api';
import { patientName } from '../../workspace/room-state';
import { useMoveAppointment } from '../api/calendar-api';
import { firstMoveDay, moveChoices, moveMonths } from '../appointment-actions';

/**
 * Moving to another free time of the same practitioner and type: a day (of those with free
 * times, this month and the next), a time on it, then a confirmation. The free times are the
 * ones patients can book (the booking's own API); the server tells the patient.
 */
export function MoveAppointment({
  appointment,
  today,
  onDone,
}: {
  appointment: StaffAppointmentDetail;
  today: string;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const ids = {
    heading: useId(),
    day: useId(),
    legend: useId(),
    error: useId(),
  };
  const zone = appointment.timeZone;
  const params = {
    clinicId: appointment.clinic.id,
    practitionerId: appointment.practitioner.id,
    appointmentTypeId: appointment.appointmentType.id,
  };
  const [first, second] = moveMonths(localDateOf(appointment.start, zone), today);
  const thisMonth = useMonthSlots(params, first, zone);
  const nextMonth = useMonthSlots(params, second, zone);
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [isMissing, setIsMissing] = useState(false);
  const [isOpen, setIsOpen] = useState(false);
  const timesRef = useRef<HTMLFieldSetElement>(null);
  const move = useMoveAppointment(appointment, (moved) => {
    setIsOpen(false);
    setChosen(null);
    onDone(t('calendar.move.done', { when: format.dateTime(moved.start, moved.timeZone) }));
  });

  const error = thisMonth.error ?? nextMonth.error;
  const choices = moveChoices(
    [...(thisMonth.data ?? []), ...(nextMonth.data ?? [])],
    appointment,
    today,
  );
  const day =
    chosenDay != null && choices.has(chosenDay) ? chosenDay : firstMoveDay(choices, appointment);
  const times = day ? (choices.get(day) ?? []) : [];
  const picked = chosen && times.some((s) => s.start === chosen.start) ? chosen : null;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!picked) {
      setIsMissing(true);
      timesRef.current?.querySelector('input')?.focus();
      return;
    }
    move.reset();
    setIsOpen(true);
  }

  function handleConfirm() {
    if (!picked || move.isPending) return;
    move.mutate(picked.start);
  }

  function handleClose() {
    if (!move.isPending) setIsOpen(false);
  }

  let body;
  if (thisMonth.isPending || nextMonth.isPending) {
    body = <LoadingState label={t('calendar.move.loading')} />;
  } else if (isApiError(error, 'not_found')) {
    // The slots API lists only types bookable online.
    body = <p className="note">{t('calendar.move.notBookable')}</p>;
  } else if (error) {
    body = (
      <ErrorState
        error={error}
        onRetry={() => {
          void thisMonth.refetch();
          void nextMonth.refetch();
        }}
      />
    );
  } else if (!day) {
    body = <p className="empty">{t('calendar.move.noSlots')}</p>;
  } else {
    body = (
      <form className="form" onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor={ids.day} className="field__label">
            {t('calendar.move.dayLabel')}
          </label>
          <select
            id={ids.day}
            className="input select"
            value={day}
            onChange={(event) => {
              setChosenDay(event.target.value);
              setChosen(null);
            }}
          >
            {[...choices].map(([date, slots]) => (
              <option key={date} value={date}>
                {t('calendar.move.dayOption', {
                  date: format.plainDate(date),
                  count: slots.length,
                })}
              </option>
            ))}
          </select>
        </div>
        <fieldset
          ref={timesRef}
          className="choice-group"
          aria-describedby={isMissing && !picked ? ids.error : undefined}
        >
          <legend id={ids.legend}>
            {t('calendar.move.timesLegend', { date: format.plainDate(day) })}
          </legend>
          {isMissing && !picked ? (
            <p id={ids.error} className="field__error">
              {t('calendar.move.chooseTime')}
            </p>
          ) : null}
          <div className="cal-times">
            {times.map((slot) => (
              <label
                key={slot.start}
                className={`cal-times__option${picked?.start === slot.start ? ' is-checked' : ''}`}
              >
                <input
                  type="radio"
                  name={`${ids.legend}-time`}
                  value={slot.start}
                  checked={picked?.start === slot.start}
                  onChange={() => {
                    setChosen(slot);
                    setIsMissing(false);
                  }}
                />
                {format.time(slot.start, zone)}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <Button type="submit" variant="secondary">
            {t('calendar.move.submit')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <section className="card" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="section__title">
        {t('calendar.move.heading')}
      </h2>
      <p className="note">
        {t('calendar.move.intro', { practitioner: appointment.practitioner.name })}
      </p>
      {body}
      <Dialog
        isOpen={isOpen}
        title={t('calendar.move.dialogTitle')}
        onClose={handleClose}
        actions={
          <>
            <Button variant="secondary" onClick={handleClose}>
              {t('calendar.move.keep')}
            </Button>
            <Button
              onClick={handleConfirm}
              isBusy={move.isPending}
              aria-disabled={move.isPending || undefined}
            >
              {move.isPending ? t('calendar.move.moving') : t('calendar.move.confirm')}
            </Button>
          </>
        }
      >
        <p>
          {picked
            ? t('calendar.move.dialogText', {
                name: patientName(appointment.patient, t('workspace.patientUnknown')),
                from: format.dateTime(appointment.start, zone),
                to: format.dateTime(picked.start, zone),
              })
            : null}
        </p>
        {move.isError ? (
          <Alert tone="error">
            <p>{errorMessage(move.error)}</p>
          </Alert>
        ) : null}
      </Dialog>
    </section>
  );
}
