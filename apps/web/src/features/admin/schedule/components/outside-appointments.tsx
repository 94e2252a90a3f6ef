import type { OutsideAppointment } from '@visitt/contracts';
import type { Ref } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { useFormat, useT } from '../../../../i18n';

/** Booked appointments outside the open hours: when, who, with whom, what. */
export function OutsideAppointmentList({
  appointments,
  timeZone,
}: {
  appointments: readonly OutsideAppointment[];
  timeZone: string;
}) {
  const t = useT();
  const format = useFormat();
  const sorted = [...appointments].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return (
    <ul className="sched-outside">
      {sorted.map((a) => (
        <li key={a.id} className="sched-outside__item">
          <span className="sched-outside__when">
            {t('adminSchedule.outside.when', {
              date: format.longDate(a.start, timeZone),
              start: format.time(a.start, timeZone),
              end: format.time(a.end, timeZone),
            })}
          </span>
          <span>
            {t('adminSchedule.outside.who', {
              patient: a.patient.name,
              practitioner: a.practitioner.name,
            })}
          </span>
          <span className="muted">{a.appointmentType.name}</span>
        </li>
      ))}
    </ul>
  );
}

interface OutsideWarningProps {
  appointments: readonly OutsideAppointment[];
  timeZone: string;
  title: string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The warning after a confirmed save (or on opening the page): these appointments are still
 * booked although they lie outside the hours, and someone has to move or cancel them. Focusable,
 * so the page can move focus here after saving.
 */
export function OutsideWarning({ appointments, timeZone, title, ref }: OutsideWarningProps) {
  const t = useT();
  return (
    <div ref={ref} tabIndex={-1} className="focus-target sched-outside-warning">
      <Alert tone="warning" title={title}>
        <p>{t('adminSchedule.outside.stillBooked')}</p>
        <OutsideAppointmentList appointments={appointments} timeZone={timeZone} />
      </Alert>
    </div>
  );
}
