import type { Appointment } from '@visitt/contracts';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useFormat, useT } from '../../../i18n';
import { useCancelAppointment } from '../api/appointments-api';

/**
 * Cancelling: while `canCancel`, the "Avbestill" button and a confirmation dialog; after the
 * deadline, until when it could have been done and that the clinic must be called.
 */
export function CancelAppointment({
  appointment,
  block = false,
}: {
  appointment: Appointment;
  block?: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const cancel = useCancelAppointment();
  const [isOpen, setIsOpen] = useState(false);
  const [justCancelled, setJustCancelled] = useState(false);
  const cancelledNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The dialog and its trigger are gone once cancelled: put focus on the outcome.
    if (justCancelled) cancelledNotice.current?.focus();
  }, [justCancelled]);
  const zone = appointment.timeZone;
  const deadline = format.dateTime(appointment.cancellableUntil, zone);

  if (appointment.status === 'cancelled') {
    return (
      <div ref={cancelledNotice} tabIndex={-1} className="focus-target">
        <Alert tone={justCancelled ? 'success' : 'info'} live="status">
          <p>
            {appointment.cancelledAt && !justCancelled
              ? t('appointment.cancelledAt', {
                  when: format.dateTime(appointment.cancelledAt, zone),
                })
              : t('appointment.cancelledNotice')}
          </p>
        </Alert>
      </div>
    );
  }
  if (appointment.status !== 'booked') return null;

  if (!appointment.canCancel) {
    return <p className="note">{t('appointment.deadlinePassed', { when: deadline })}</p>;
  }

  function handleConfirm() {
    if (cancel.isPending) return;
    cancel.mutate(appointment.id, {
      onSuccess: () => {
        setIsOpen(false);
        setJustCancelled(true);
      },
    });
  }

  function handleClose() {
    if (!cancel.isPending) {
      setIsOpen(false);
      cancel.reset();
    }
  }

  return (
    <>
      <p className="note">{t('appointment.canCancelUntil', { when: deadline })}</p>
      <Button variant="danger-outline" block={block} onClick={() => setIsOpen(true)}>
        {t('appointment.cancel')}
      </Button>
      <ConfirmDialog
        isOpen={isOpen}
        title={t('appointment.cancelDialogTitle')}
        onClose={handleClose}
        onConfirm={handleConfirm}
        keepLabel={t('appointment.keep')}
        confirmLabel={t('appointment.confirmCancel')}
        busyLabel={t('appointment.cancelling')}
        isBusy={cancel.isPending}
        error={cancel.error}
      >
        <p>
          {t('appointment.cancelDialogText', {
            when: format.dateTime(appointment.start, zone),
            practitioner: appointment.practitioner.name,
          })}
        </p>
      </ConfirmDialog>
    </>
  );
}
