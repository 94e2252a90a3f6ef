import type { ReactNode } from 'react';
import { Alert, useErrorMessage } from './alert';
import { Button } from './button';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  /** Closes without doing anything (the secondary button, Escape). */
  onClose: () => void;
  onConfirm: () => void;
  /** The secondary button, e.g. "Behold timen". */
  keepLabel: string;
  /** The danger button, e.g. "Avbestill timen". */
  confirmLabel: string;
  /** The danger button while `isBusy`. */
  busyLabel: string;
  isBusy: boolean;
  /** The failure of the last attempt, shown under the text; null when there is none. */
  error: unknown;
  children: ReactNode;
}

/**
 * A dialog that asks before something that cannot be undone (cancelling an appointment): keep
 * or confirm, the confirm button busy while it runs, and the failure, if any, under the text.
 */
export function ConfirmDialog({
  isOpen,
  title,
  onClose,
  onConfirm,
  keepLabel,
  confirmLabel,
  busyLabel,
  isBusy,
  error,
  children,
}: ConfirmDialogProps) {
  const errorMessage = useErrorMessage();
  return (
    <Dialog
      isOpen={isOpen}
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {keepLabel}
          </Button>
          <Button
            variant="danger"
            onClick={onConfirm}
            isBusy={isBusy}
            aria-disabled={isBusy || undefined}
          >
            {isBusy ? busyLabel : confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {error ? (
        <Alert tone="error">
          <p>{errorMessage(error)}</p>
        </Alert>
      ) : null}
    </Dialog>
  );
}
