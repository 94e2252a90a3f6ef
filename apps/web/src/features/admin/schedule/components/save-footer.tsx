import { Alert, useErrorMessage } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { useT } from '../../../../i18n';
import { HoursConflictDialog } from '../../components/hours-conflict-dialog';
import type { ConfirmableSave } from '../hooks/use-confirmable-save';
import { OutsideWarning } from './outside-appointments';

interface SaveFooterProps {
  saving: ConfirmableSave;
  isDirty: boolean;
  /** Id of the save button, where the summary's general problems link to. */
  saveId: string;
  saveLabel: string;
  /** Announced after a save. */
  savedText: string;
  /** The clinic's zone, for the appointments left outside the hours. */
  timeZone: string;
  /** Back to the saved version. */
  onUndo: () => void;
}

/**
 * The end of a schedule form saved with `useConfirmableSave`: the failure or the result (with
 * the appointments still booked outside the hours), the save bar with undo, and the dialog that
 * asks before saving a change that conflicts with booked appointments.
 */
export function SaveFooter({
  saving,
  isDirty,
  saveId,
  saveLabel,
  savedText,
  timeZone,
  onUndo,
}: SaveFooterProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { error, result, refs } = saving;
  const isSaving = saving.isPending && !saving.conflict;

  return (
    <>
      {error ? (
        <div ref={refs.error} tabIndex={-1} className="focus-target">
          <Alert tone="error">
            <p>{errorMessage(error)}</p>
          </Alert>
        </div>
      ) : null}
      {result ? (
        <div ref={refs.result} tabIndex={-1} className="focus-target sched-result">
          <Alert tone="success" live="status">
            <p>{savedText}</p>
          </Alert>
          {result.outside.length > 0 ? (
            <OutsideWarning
              appointments={result.outside}
              timeZone={timeZone}
              title={t('adminSchedule.outside.afterSaveTitle', { count: result.outside.length })}
            />
          ) : null}
        </div>
      ) : null}

      <div className="sched-savebar">
        <p className={`sched-savebar__state${isDirty ? ' is-dirty' : ''}`}>
          {isDirty ? t('adminSchedule.unsavedChanges') : t('adminSchedule.noChanges')}
        </p>
        <div className="sched-savebar__actions">
          {isDirty ? (
            <Button
              variant="ghost"
              onClick={() => {
                saving.uncheck();
                onUndo();
              }}
            >
              {t('adminSchedule.undo')}
            </Button>
          ) : null}
          <Button id={saveId} type="submit" isBusy={isSaving}>
            {isSaving ? t('adminSchedule.saving') : saveLabel}
          </Button>
        </div>
      </div>

      <HoursConflictDialog
        conflict={saving.conflict}
        busy={saving.isPending}
        onConfirm={saving.confirm}
        onCancel={saving.dismissConflict}
      />
    </>
  );
}
