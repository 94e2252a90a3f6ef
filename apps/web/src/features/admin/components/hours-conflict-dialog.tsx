import type { OutsideAppointment } from '@visitt/contracts';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useFormat, useT } from '../../../i18n';
import { wallClockAsUtc } from '../hours-conflict';

interface HoursConflictDialogProps {
  /**
   * The appointments of the 409 `hours_conflict` answer (see `readHoursConflict`); the dialog
   * is open while this is non-null.
   */
  conflict: readonly OutsideAppointment[] | null;
  /** Send the same change again with `confirm: true`. */
  onConfirm: () => void;
  /** Keep editing; nothing was saved. */
  onCancel: () => void;
  /** The confirmed save is under way. */
  busy: boolean;
}

/**
 * Asks whether to save a change of hours, closures or time zone that puts booked appointments
 * outside the open hours, listing them on the clinic's clock (as the API wrote them). Saving
 * anyway leaves them booked: the administrator moves or cancels them afterwards.
 */
export function HoursConflictDialog({
  conflict,
  onConfirm,
  onCancel,
  busy,
}: HoursConflictDialogProps) {
  const t = useT();
  const format = useFormat();
  const appointments = conflict ?? [];

  return (
    <Dialog
      isOpen={conflict !== null}
      title={t('admin.hoursConflict.title')}
      onClose={() => {
        if (!busy) onCancel();
      }}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {t('admin.hoursConflict.cancel')}
          </Button>
          <Button variant="danger" onClick={onConfirm} isBusy={busy}>
            {t('admin.hoursConflict.saveAnyway')}
          </Button>
        </>
      }
    >
      <p>{t('admin.hoursConflict.intro')}</p>
      <p className="hours-conflict__count">
        {appointments.length === 1
          ? t('admin.hoursConflict.countOne')
          : t('admin.hoursConflict.count', { count: appointments.length })}
      </p>
      <ul className="hours-conflict__list">
        {appointments.map((appointment) => {
          const start = wallClockAsUtc(appointment.start);
          const end = wallClockAsUtc(appointment.end);
          return (
            <li key={appointment.id} className="hours-conflict__item">
              <p className="hours-conflict__when">
                {t('admin.hoursConflict.when', {
                  date: format.longDate(start, 'UTC'),
                  start: format.time(start, 'UTC'),
                  end: format.time(end, 'UTC'),
                })}
              </p>
              <p>
                {t('admin.hoursConflict.with', {
                  patient: appointment.patient.name,
                  practitioner: appointment.practitioner.name,
                })}
              </p>
              <p className="hours-conflict__type">{appointment.appointmentType.name}</p>
              {appointment.newlyOutside ? null : (
                <p className="hours-conflict__note">{t('admin.hoursConflict.alreadyOutside')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
