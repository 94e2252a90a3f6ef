import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from '../../lib/router';
import { Alert, ErrorState } from '../../components/ui/alert';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { TimeZoneNote } from '../../features/booking/components/time-zone-note';
import { useCalendar, useStaffAppointment } from '../../features/calendar/api/calendar-api';
import { canClinicCancel, canMove } from '../../features/calendar/appointment-actions';
import {
  CALENDAR_PATH,
  calendarHref,
  readCalendarPlace,
  viewRange,
} from '../../features/calendar/calendar-view';
import { AppointmentFacts } from '../../features/calendar/components/appointment-facts';
import { AppointmentRoom } from '../../features/calendar/components/appointment-room';
import { InPersonRequestBox } from '../../features/workspace/components/in-person-request-box';
import { CalendarPeriod } from '../../features/calendar/components/calendar-period';
import { CalendarToolbar } from '../../features/calendar/components/calendar-toolbar';
import { CancelByClinic } from '../../features/calendar/components/cancel-by-clinic';
import type { FromCalendarState } from '../../features/calendar/components/calendar-entry';
import { MarkAppointment } from '../../features/calendar/components/mark-appointment';
import { MoveAppointment } from '../../features/calendar/components/move-appointment';
import { useClinicZone } from '../../features/calendar/hooks/use-clinic-zone';
import { patientName } from '../../features/workspace/room-state';
import { useFormat, useT } from '../../i18n';
import { localDateOf, todayIn } from '../../lib/dates';
import { useNow } from '../../lib/use-now';
import { Page } from '../layouts/page';

/**
 * `/arbeidsflate/kalender?dag=&visning=dag|uke`: the practitioner's day or week on the clinic's
 * clock, each appointment a link to its page. A patient who starts the video consultation is
 * marked "Venter nå" within a second (the live line the staff shell keeps open, whose waiting
 * alerts also ring here for today's patients).
 */
export function CalendarPage() {
  const t = useT();
  const now = useNow(15_000);
  const [searchParams] = useSearchParams();
  const zone = useClinicZone();
  const today = todayIn(zone, now);
  const place = readCalendarPlace(searchParams, today);
  const calendar = useCalendar(viewRange(place));

  return (
    <Page title={t('calendar.title')} back="/arbeidsflate" className="calendar-page">
      <p className="cal-links">
        <Link to="/arbeidsflate" className="text-link">
          <Icon name="clinic" size={18} />
          <span>{t('calendar.workspaceLink')}</span>
        </Link>
      </p>
      <CalendarToolbar place={place} today={today} />
      <TimeZoneNote timeZone={zone} />
      {calendar.isPending ? (
        <LoadingState label={t('calendar.loadingPeriod')} />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <div
          className={calendar.isPlaceholderData ? 'is-stale' : undefined}
          aria-busy={calendar.isPlaceholderData || undefined}
        >
          <CalendarPeriod
            place={place}
            today={today}
            appointments={calendar.data}
            now={now}
            from={calendarHref(place)}
          />
        </div>
      )}
    </Page>
  );
}

/** The calendar view the appointment was opened from (router state), if any. */
function calendarFrom(state: unknown): string | null {
  const from = (state as Partial<FromCalendarState> | null)?.calendar;
  return typeof from === 'string' && from.startsWith(`${CALENDAR_PATH}?`) ? from : null;
}

/**
 * `/arbeidsflate/kalender/:id`: one appointment for its practitioner — the patient, contact and
 * comment, the video room, and what the clinic can do: mark it, move it, cancel it. After each,
 * the lists are fetched again and focus goes to what happened.
 */
export function CalendarAppointmentPage() {
  const t = useT();
  const format = useFormat();
  const { id } = useParams();
  const location = useLocation();
  const now = useNow(15_000);
  const appointment = useStaffAppointment(id);
  const [notice, setNotice] = useState<{ text: string; key: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The form that was used may be gone (a cancelled appointment has none): focus the outcome.
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const data = appointment.data;
  const zone = data?.timeZone ?? 'Europe/Oslo';
  const today = todayIn(zone, now);
  const back =
    calendarFrom(location.state) ??
    (data ? calendarHref({ day: localDateOf(data.start, zone), view: 'day' }) : CALENDAR_PATH);
  const handleDone = (text: string) => setNotice((last) => ({ text, key: (last?.key ?? 0) + 1 }));

  return (
    <Page
      title={
        data
          ? patientName(data.patient, t('workspace.patientUnknown'))
          : t('calendar.detail.fallbackTitle')
      }
      // The patient's name stays out of the tab title and the browser history.
      documentTitle={
        data
          ? t('calendar.detail.documentTitle', { date: format.longDate(data.start, zone) })
          : t('calendar.detail.fallbackTitle')
      }
      appTitle={t('calendar.title')}
      back={back}
      className="appointment-page cal-appointment"
    >
      <div ref={noticeRef} tabIndex={-1} className="focus-target" role="status">
        {notice ? (
          <Alert key={notice.key} tone="success" live="none" className="alert--spaced">
            <p>{notice.text}</p>
          </Alert>
        ) : null}
      </div>
      {appointment.isPending ? (
        <LoadingState />
      ) : appointment.isError ? (
        <ErrorState error={appointment.error} onRetry={() => void appointment.refetch()} />
      ) : data ? (
        <>
          <p className="appointment-when">
            <Icon name={data.modality === 'video' ? 'video' : 'clock'} />
            <span>
              {format.dateTime(data.start, zone)}
              {' · '}
              {data.appointmentType.name}
            </span>
          </p>
          <TimeZoneNote timeZone={zone} />
          <div className="appointment-layout">
            <div className="appointment-layout__main">
              <AppointmentRoom appointment={data} now={now} />
              <InPersonRequestBox appointment={data} />
              <section className="card" aria-labelledby="cal-details">
                <h2 id="cal-details" className="section__title">
                  {t('calendar.detail.details')}
                </h2>
                <AppointmentFacts appointment={data} />
              </section>
              {canMove(data, now) ? (
                <MoveAppointment appointment={data} today={today} onDone={handleDone} />
              ) : null}
            </div>
            {data.status === 'cancelled' ? null : (
              <div className="appointment-layout__side">
                <MarkAppointment appointment={data} now={now} onDone={handleDone} />
                {canClinicCancel(data, now) ? (
                  <CancelByClinic appointment={data} onDone={handleDone} />
                ) : null}
              </div>
            )}
          </div>
        </>
      ) : null}
    </Page>
  );
}
