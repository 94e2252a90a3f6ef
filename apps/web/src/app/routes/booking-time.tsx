import type { Clinic } from '@visitt/contracts';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { usePrefetch, useSearchParams } from '../../lib/router';
import { Alert, ErrorState } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/spinner';
import {
  useAppointmentTypes,
  useMonthSlots,
  usePractitioners,
} from '../../features/booking/api/booking-api';
import { bookingPath } from '../../features/booking/booking-path';
import { typeWithDuration } from '../../features/booking/type-label';
import { BookingSteps } from '../../features/booking/components/booking-steps';
import { InvalidBookingLink } from '../../features/booking/components/invalid-booking-link';
import { MonthCalendar } from '../../features/booking/components/month-calendar';
import { TimeList } from '../../features/booking/components/time-list';
import { TimeZoneNote } from '../../features/booking/components/time-zone-note';
import { shownDay } from '../../features/booking/shown-day';
import { completeChoice, useBookingChoice } from '../../features/booking/hooks/use-booking-choice';
import { useClinic } from '../../features/clinics/api/clinics-api';
import { useFormat, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { groupSlotsByDay, localDateOf, monthOf, todayIn } from '../../lib/dates';
import { addDays, addMonths, compareMonths, isLocalDate, isMonth } from '../../lib/calendar-dates';
import { useNow } from '../../lib/use-now';
import { Page } from '../layouts/page';

type Choice = NonNullable<ReturnType<typeof completeChoice>>;

/** Why the patient was sent back here from the confirm step. */
const RETURN_REASONS = ['slot_taken', 'slot_unavailable', 'too_soon', 'beyond_horizon'] as const;
type ReturnReason = (typeof RETURN_REASONS)[number];
const isReturnReason = (value: string | null): value is ReturnReason =>
  RETURN_REASONS.includes(value as ReturnReason);

/** Step 4: a month calendar with the days that have free slots, and the chosen day's times. */
export function BookingTimePage() {
  // The next step's page, fetched while this one is read.
  usePrefetch('/klinikk/_/bestill/bekreft');
  const t = useT();
  const raw = useBookingChoice();
  const choice = completeChoice(raw, ['practitionerId', 'appointmentTypeId']);
  const clinic = useClinic(choice?.clinicId);
  const title = t('booking.timeTitle');
  if (!choice) {
    return (
      <Page title={title} back="/finn-klinikk">
        <InvalidBookingLink clinicId={raw.clinicId} />
      </Page>
    );
  }
  const page = (children: ReactNode) => (
    <Page
      title={title}
      appTitle={t(choice.modality === 'video' ? 'booking.flowVideo' : 'booking.flowOrdinary')}
      back={bookingPath('type', choice)}
      before={<BookingSteps current="time" choice={choice} />}
    >
      {children}
    </Page>
  );
  if (clinic.isPending) return page(<LoadingState />);
  if (clinic.isError)
    return page(<ErrorState error={clinic.error} onRetry={() => void clinic.refetch()} />);
  return page(<TimeStep choice={choice} clinic={clinic.data} />);
}

function TimeStep({ choice, clinic }: { choice: Choice; clinic: Clinic }) {
  const t = useT();
  const format = useFormat();
  const [searchParams, setSearchParams] = useSearchParams();
  const now = useNow(60_000);
  const zone = clinic.timeZone;
  const timesRef = useRef<HTMLDivElement>(null);

  const types = useAppointmentTypes(choice.clinicId, choice.practitionerId, choice.modality);
  const practitioners = usePractitioners(choice.clinicId, choice.modality);
  const type = types.data?.find((candidate) => candidate.id === choice.appointmentTypeId);
  const practitioner = practitioners.data?.find(
    (candidate) => candidate.id === choice.practitionerId,
  );

  const today = todayIn(zone, now);
  const minMonth = monthOf(today);
  const maxMonth = monthOf(addDays(today, type?.horizonDays ?? 92));
  const dayParam = searchParams.get('dag');
  const monthParam = searchParams.get('maaned');
  const reasonParam = searchParams.get('feil');
  const selectedDay = isLocalDate(dayParam) ? dayParam : null;
  const suggestedMonth = practitioner?.nextFreeSlot
    ? monthOf(localDateOf(practitioner.nextFreeSlot, zone))
    : minMonth;
  const wantedMonth = selectedDay
    ? monthOf(selectedDay)
    : isMonth(monthParam)
      ? monthParam
      : suggestedMonth;
  const month =
    compareMonths(wantedMonth, minMonth) < 0
      ? minMonth
      : compareMonths(wantedMonth, maxMonth) > 0
        ? maxMonth
        : wantedMonth;

  const slots = useMonthSlots(choice, month, zone);
  const isMonthLoading = slots.isPending || slots.isPlaceholderData;
  const byDay = useMemo(
    () =>
      slots.data && !slots.isPlaceholderData
        ? groupSlotsByDay(slots.data, zone)
        : new Map<string, never[]>(),
    [slots.data, slots.isPlaceholderData, zone],
  );
  const availableDays = useMemo(() => new Set(byDay.keys()), [byDay]);
  const firstAvailable = [...availableDays].sort()[0];
  // Opens on the first free day with its times shown; a day the patient chose wins.
  const day = shownDay(selectedDay, availableDays, isMonthLoading);
  const daySlots = day ? (byDay.get(day) ?? []) : [];

  // The next month is likely wanted next: fetch it in the background.
  useMonthSlots(choice, compareMonths(month, maxMonth) < 0 ? addMonths(month, 1) : month, zone);

  function update(changes: Record<string, string | null>) {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('feil');
        for (const [key, value] of Object.entries(changes)) {
          if (value == null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }

  function handleSelectDay(day: string) {
    update({ dag: day, maaned: monthOf(day) });
  }

  function handleChangeMonth(next: string) {
    update({ maaned: next, dag: null });
  }

  useEffect(() => {
    if (!selectedDay) return;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    timesRef.current?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }, [selectedDay]);

  const reason = isReturnReason(reasonParam) ? reasonParam : null;

  return (
    <>
      {reason ? (
        <Alert tone="error" className="alert--spaced">
          <p>{reason === 'slot_taken' ? t('booking.slotTaken') : t(`errors.${reason}`)}</p>
        </Alert>
      ) : null}
      <div className="summary-line">
        <span>{clinic.name}</span>
        {practitioner ? <span>{practitioner.name}</span> : null}
        {type ? (
          <span>
            {typeWithDuration(
              type.name,
              type.durationMinutes,
              t('booking.duration', { minutes: type.durationMinutes }),
            )}
          </span>
        ) : null}
      </div>
      <TimeZoneNote timeZone={zone} />
      <div className="time-step">
        <div className="time-step__calendar">
          <MonthCalendar
            month={month}
            availableDays={availableDays}
            selectedDay={day}
            today={today}
            minMonth={minMonth}
            maxMonth={maxMonth}
            isLoading={isMonthLoading}
            onSelectDay={handleSelectDay}
            onChangeMonth={handleChangeMonth}
          />
          <p className="visually-hidden" role="status">
            {isMonthLoading
              ? t('booking.loadingSlots')
              : t('booking.slotsLoaded', { month: format.month(month) })}
          </p>
        </div>
        <div className="time-step__times" ref={timesRef}>
          {slots.isError && !isApiError(slots.error, 'unauthorized') ? (
            <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />
          ) : isMonthLoading ? (
            <LoadingState label={t('booking.loadingSlots')} />
          ) : day ? (
            <>
              <TimeList
                day={day}
                slots={daySlots}
                timeZone={zone}
                hrefFor={(slot) => bookingPath('bekreft', { ...choice, start: slot.start })}
              />
              {daySlots.length === 0 && firstAvailable ? (
                <Button variant="secondary" onClick={() => handleSelectDay(firstAvailable)}>
                  {t('booking.goToFirstFree', { date: format.plainDate(firstAvailable) })}
                </Button>
              ) : null}
              <p className="visually-hidden" role="status">
                {t('booking.slotCount', { count: daySlots.length })}
              </p>
            </>
          ) : availableDays.size === 0 ? (
            <div className="empty-card">
              <p>{t('booking.noSlotsMonth', { month: format.month(month) })}</p>
              {compareMonths(month, maxMonth) < 0 ? (
                <Button
                  variant="secondary"
                  icon="chevronRight"
                  onClick={() => handleChangeMonth(addMonths(month, 1))}
                >
                  {t('booking.nextMonth')}
                </Button>
              ) : null}
            </div>
          ) : (
            <div className="empty-card">
              <p>{t('booking.chooseDay')}</p>
              {firstAvailable ? (
                <>
                  <p className="muted">
                    {t('booking.firstFreeDay', { date: format.plainDate(firstAvailable) })}
                  </p>
                  <Button variant="secondary" onClick={() => handleSelectDay(firstAvailable)}>
                    {t('booking.goToFirstFree', { date: format.plainDate(firstAvailable) })}
                  </Button>
                </>
              ) : null}
            </div>
          )}
        </div>
      </div>
    </>
  );
}
