import type { StaffMember } from '@visitt/contracts';
import { useState } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../i18n';
import { useUpdateStaff } from '../api/admin-api';

interface DeactivateDialogProps {
  clinicId: string;
  /** The member to deactivate; the dialog is open while this is non-null. */
  member: StaffMember | null;
  name: string;
  onClose: () => void;
  onDone: (member: StaffMember) => void;
}

/**
 * Asks before deactivating a member: their sessions end at once, and as a practitioner they can
 * no longer be booked (their booked appointments stay).
 */
export function DeactivateDialog({
  clinicId,
  member,
  name,
  onClose,
  onDone,
}: DeactivateDialogProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const update = useUpdateStaff(clinicId);
  const [failure, setFailure] = useState<string | null>(null);

  function close() {
    setFailure(null);
    onClose();
  }

  return (
    <Dialog
      isOpen={member !== null}
      title={t('admin.staff.deactivateDialog.title', { name })}
      onClose={() => {
        if (!update.isPending) close();
      }}
      actions={
        <>
          <Button variant="secondary" onClick={close} disabled={update.isPending}>
            {t('admin.form.cancel')}
          </Button>
          <Button
            variant="danger"
            isBusy={update.isPending}
            onClick={() => {
              if (!member) return;
              setFailure(null);
              update.mutate(
                { userId: member.userId, body: { active: false } },
                {
                  onSuccess: (saved) => {
                    setFailure(null);
                    onDone(saved);
                  },
                  onError: (error) => setFailure(errorMessage(error)),
                },
              );
            }}
          >
            {t('admin.staff.deactivateDialog.confirm')}
          </Button>
        </>
      }
    >
      <p>{t('admin.staff.deactivateDialog.text', { name })}</p>
      {member?.practitioner ? (
        <p>{t('admin.staff.deactivateDialog.practitionerText', { name })}</p>
      ) : null}
      {failure ? (
        <Alert tone="error">
          <p>{failure}</p>
        </Alert>
      ) : null}
    </Dialog>
  );
}
