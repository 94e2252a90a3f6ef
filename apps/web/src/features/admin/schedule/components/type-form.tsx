import type { AdminAppointmentType, AdminPractitioner } from '@visitt/contracts';
import { MODALITIES } from '@visitt/domain';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, useErrorMessage } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { Dialog } from '../../../../components/ui/dialog';
import { useT } from '../../../../i18n';
import { isApiError } from '../../../../lib/api';
import { useDeleteType, useSaveType } from '../api/schedule-api';
import { useUnsavedChangesGuard } from '../hooks/use-unsaved-changes';
import {
  emptyTypeDraft,
  fieldsOfIssues,
  isTypeDraftChanged,
  readTypeDraft,
  TIME_UNITS,
  toTypeDraft,
  TYPE_FIELDS,
  type AmountDraft,
  type TypeDraft,
  type TypeField,
} from '../type-draft';

interface TypeFormProps {
  clinicId: string;
  /** The type to change, or null for a new one. */
  type: AdminAppointmentType | null;
  practitioners: readonly AdminPractitioner[];
  /** Saved; `message` says so. */
  onSaved: (message: string, typeId: string) => void;
  /** Deleted or deactivated; `message` says which. */
  onRemoved: (message: string) => void;
  onCancel: () => void;
}

/**
 * Creates or changes an appointment type: name and description, duration (and the distance
 * between slot starts), video or at the clinic, who offers it, minimum notice, how far ahead,
 * cancellation deadline, bookable online, active. Checked with the API's own contract before
 * sending; what the API refuses all the same is shown next to its field. A type with booked
 * appointments cannot be deleted: the API deactivates it instead, and the page says so.
 */
export function TypeForm({
  clinicId,
  type,
  practitioners,
  onSaved,
  onRemoved,
  onCancel,
}: TypeFormProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const formId = useId();
  const [initial] = useState<TypeDraft>(() => (type ? toTypeDraft(type) : emptyTypeDraft()));
  const [draft, setDraft] = useState<TypeDraft>(initial);
  const [isChecked, setIsChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<Map<TypeField, string>>(new Map());
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [isDeleteOpen, setIsDeleteOpen] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ to: 'summary' | 'general' } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const general = useRef<HTMLDivElement>(null);
  const save = useSaveType(clinicId);
  const remove = useDeleteType(clinicId);
  const guard = useUnsavedChangesGuard(isTypeDraftChanged(draft, initial) && !save.isSuccess);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    if (focusTarget) (focusTarget.to === 'summary' ? summary : general).current?.focus();
  }, [focusTarget]);

  const idOf = (field: TypeField) => `${formId}-${field}`;
  const errorIdOf = (field: TypeField) => `${formId}-${field}-error`;
  const hintIdOf = (field: TypeField) => `${formId}-${field}-hint`;

  // After the first attempt to save, the form's own check follows every keystroke.
  const checked = isChecked ? readTypeDraft(draft) : null;
  const clientBad = new Set(checked && !checked.ok ? checked.fields : []);
  const errorOf = (field: TypeField): string | null =>
    serverErrors.get(field) ??
    (clientBad.has(field) ? t(`adminSchedule.typeForm.errors.${field}`) : null);
  const fieldsWithErrors = TYPE_FIELDS.filter((field) => errorOf(field) !== null);

  function update(patch: Partial<TypeDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    setGeneralError(null);
    setServerErrors(new Map());
    const read = readTypeDraft(draft);
    setIsChecked(true);
    if (!read.ok) {
      if (read.fields.length === 0) {
        setGeneralError(t('errors.validation_failed'));
        setFocusTarget({ to: 'general' });
      } else setFocusTarget({ to: 'summary' });
      return;
    }
    save.mutate(
      { typeId: type?.id ?? null, body: read.body },
      {
        onSuccess: (saved) => {
          guard.allowNavigation();
          onSaved(
            t(type ? 'adminSchedule.types.savedChanged' : 'adminSchedule.types.savedCreated', {
              name: saved.name,
            }),
            saved.id,
          );
        },
        onError: (error) => {
          if (isApiError(error, 'validation_failed') && error.issues.length > 0) {
            const { fields, hasOther } = fieldsOfIssues(error.issues);
            setServerErrors(
              new Map(fields.map((f) => [f, t(`adminSchedule.typeForm.errors.${f}`)])),
            );
            if (hasOther || fields.length === 0) setGeneralError(errorMessage(error));
            setFocusTarget({ to: fields.length > 0 ? 'summary' : 'general' });
          } else if (isApiError(error, 'unknown_practitioner')) {
            setServerErrors(new Map([['practitionerIds', t('errors.unknown_practitioner')]]));
            setFocusTarget({ to: 'summary' });
          } else {
            setGeneralError(errorMessage(error));
            setFocusTarget({ to: 'general' });
          }
        },
      },
    );
  }

  function handleDelete() {
    if (!type || remove.isPending) return;
    setDeleteError(null);
    remove.mutate(type.id, {
      onSuccess: ({ result }) => {
        guard.allowNavigation();
        setIsDeleteOpen(false);
        onRemoved(
          t(
            result === 'deleted'
              ? 'adminSchedule.types.deleted'
              : 'adminSchedule.types.deactivated',
            { name: type.name },
          ),
        );
      },
      onError: (error) => setDeleteError(errorMessage(error)),
    });
  }

  const describedBy = (field: TypeField, hasHint: boolean) =>
    [hasHint ? hintIdOf(field) : null, errorOf(field) ? errorIdOf(field) : null]
      .filter(Boolean)
      .join(' ') || undefined;

  const errorText = (field: TypeField) => {
    const error = errorOf(field);
    return error ? (
      <p id={errorIdOf(field)} className="field__error">
        {error}
      </p>
    ) : null;
  };

  const labelOf = (field: TypeField) => t(`adminSchedule.typeForm.labels.${field}`);

  const textField = (
    field: 'name' | 'durationMinutes' | 'slotStepMinutes' | 'horizonDays',
    value: string,
    options: { hint?: string; numeric?: boolean; maxLength?: number; suffix?: string },
  ) => (
    <div className={`field${errorOf(field) ? ' field--error' : ''}`}>
      <label htmlFor={idOf(field)} className="field__label">
        {labelOf(field)}
      </label>
      {options.hint ? (
        <p id={hintIdOf(field)} className="field__hint">
          {options.hint}
        </p>
      ) : null}
      {errorText(field)}
      <div className={options.suffix ? 'sched-suffixed' : undefined}>
        <input
          id={idOf(field)}
          className={`input${options.numeric ? ' sched-number' : ''}`}
          type="text"
          inputMode={options.numeric ? 'numeric' : undefined}
          autoComplete="off"
          maxLength={options.maxLength}
          value={value}
          onChange={(event) => update({ [field]: event.target.value })}
          aria-invalid={errorOf(field) ? true : undefined}
          aria-describedby={describedBy(field, Boolean(options.hint))}
          required={field !== 'slotStepMinutes'}
        />
        {options.suffix ? (
          <span className="sched-suffixed__unit" aria-hidden="true">
            {options.suffix}
          </span>
        ) : null}
      </div>
    </div>
  );

  const amountField = (
    field: 'minimumNoticeMinutes' | 'cancellationDeadlineMinutes',
    key: 'minimumNotice' | 'cancellationDeadline',
    hint: string,
  ) => {
    const amount: AmountDraft = draft[key];
    const unitId = `${idOf(field)}-unit`;
    return (
      <div className={`field${errorOf(field) ? ' field--error' : ''}`}>
        <label htmlFor={idOf(field)} className="field__label">
          {labelOf(field)}
        </label>
        <p id={hintIdOf(field)} className="field__hint">
          {hint}
        </p>
        {errorText(field)}
        <div className="sched-amount">
          <input
            id={idOf(field)}
            className="input sched-number"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={amount.value}
            onChange={(event) => update({ [key]: { ...amount, value: event.target.value } })}
            aria-invalid={errorOf(field) ? true : undefined}
            aria-describedby={describedBy(field, true)}
            required
          />
          <label htmlFor={unitId} className="visually-hidden">
            {t('adminSchedule.typeForm.unitLabel', {
              field: labelOf(field).charAt(0).toLowerCase() + labelOf(field).slice(1),
            })}
          </label>
          <select
            id={unitId}
            className="input select sched-amount__unit"
            value={amount.unit}
            onChange={(event) =>
              update({
                [key]: { ...amount, unit: event.target.value as AmountDraft['unit'] },
              })
            }
          >
            {TIME_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`adminSchedule.typeForm.units.${unit}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    );
  };

  const checkbox = (field: 'bookableOnline' | 'active', checked: boolean, hint: ReactNode) => (
    <div className="field">
      <label className="sched-check" htmlFor={idOf(field)}>
        <input
          id={idOf(field)}
          type="checkbox"
          checked={checked}
          onChange={(event) => update({ [field]: event.target.checked })}
          aria-describedby={hintIdOf(field)}
        />
        <span>{labelOf(field)}</span>
      </label>
      <p id={hintIdOf(field)} className="field__hint sched-check__hint">
        {hint}
      </p>
    </div>
  );

  return (
    <section className="sched-type-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} ref={heading} tabIndex={-1} className="section__title">
        {type
          ? t('adminSchedule.typeForm.editTitle', { name: type.name })
          : t('adminSchedule.typeForm.newTitle')}
      </h2>
      {fieldsWithErrors.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p className="error-summary__title">{t('adminSchedule.errorSummary')}</p>
          <ul>
            {fieldsWithErrors.map((field) => (
              <li key={field}>
                <a
                  href={`#${idOf(field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(idOf(field))?.focus();
                  }}
                >
                  {labelOf(field)}: {errorOf(field)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {generalError ? (
        <div ref={general} tabIndex={-1} className="focus-target">
          <Alert tone="error">
            <p>{generalError}</p>
          </Alert>
        </div>
      ) : null}
      <form className="form card sched-form" onSubmit={handleSubmit} noValidate>
        {textField('name', draft.name, { maxLength: 120 })}
        <div className={`field${errorOf('description') ? ' field--error' : ''}`}>
          <label htmlFor={idOf('description')} className="field__label">
            {labelOf('description')}
          </label>
          <p id={hintIdOf('description')} className="field__hint">
            {t('adminSchedule.typeForm.hints.description')}
          </p>
          {errorText('description')}
          <textarea
            id={idOf('description')}
            className="input textarea"
            maxLength={500}
            value={draft.description}
            onChange={(event) => update({ description: event.target.value })}
            aria-invalid={errorOf('description') ? true : undefined}
            aria-describedby={describedBy('description', true)}
          />
        </div>

        <fieldset
          className="choice-group"
          aria-describedby={errorOf('modality') ? errorIdOf('modality') : undefined}
        >
          <legend>{labelOf('modality')}</legend>
          {errorText('modality')}
          <div className="segmented">
            {MODALITIES.map((modality, index) => (
              <label
                key={modality}
                className={`segmented__option${draft.modality === modality ? ' is-checked' : ''}`}
              >
                <input
                  id={index === 0 ? idOf('modality') : undefined}
                  type="radio"
                  name={`${formId}-modality`}
                  value={modality}
                  checked={draft.modality === modality}
                  onChange={() => update({ modality })}
                />
                <span>{t(`modality.${modality}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="sched-form__grid">
          {textField('durationMinutes', draft.durationMinutes, {
            hint: t('adminSchedule.typeForm.hints.durationMinutes'),
            numeric: true,
            suffix: t('adminSchedule.typeForm.minutesSuffix'),
          })}
          {textField('slotStepMinutes', draft.slotStepMinutes, {
            hint: t('adminSchedule.typeForm.hints.slotStepMinutes'),
            numeric: true,
            suffix: t('adminSchedule.typeForm.minutesSuffix'),
          })}
        </div>

        <fieldset
          className="choice-group sched-practitioners"
          aria-describedby={`${hintIdOf('practitionerIds')}${errorOf('practitionerIds') ? ` ${errorIdOf('practitionerIds')}` : ''}`}
        >
          <legend>{labelOf('practitionerIds')}</legend>
          <p id={hintIdOf('practitionerIds')} className="field__hint">
            {t('adminSchedule.typeForm.hints.practitionerIds')}
          </p>
          {errorText('practitionerIds')}
          {practitioners.length === 0 ? (
            <p className="muted">{t('adminSchedule.typeForm.noPractitioners')}</p>
          ) : (
            <ul className="sched-checklist">
              {practitioners.map((practitioner, index) => (
                <li key={practitioner.id}>
                  <label className="sched-check">
                    <input
                      id={index === 0 ? idOf('practitionerIds') : undefined}
                      type="checkbox"
                      checked={draft.practitionerIds.includes(practitioner.id)}
                      onChange={(event) =>
                        update({
                          practitionerIds: event.target.checked
                            ? [...draft.practitionerIds, practitioner.id]
                            : draft.practitionerIds.filter((id) => id !== practitioner.id),
                        })
                      }
                    />
                    <span>
                      {practitioner.name}
                      {practitioner.title ? (
                        <span className="muted"> · {practitioner.title}</span>
                      ) : null}
                      {practitioner.active ? null : (
                        <span className="muted"> ({t('adminSchedule.inactivePractitioner')})</span>
                      )}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <div className="sched-form__rules">
          {amountField(
            'minimumNoticeMinutes',
            'minimumNotice',
            t('adminSchedule.typeForm.hints.minimumNoticeMinutes'),
          )}
          {textField('horizonDays', draft.horizonDays, {
            hint: t('adminSchedule.typeForm.hints.horizonDays'),
            numeric: true,
            suffix: t('adminSchedule.typeForm.daysSuffix'),
          })}
          {amountField(
            'cancellationDeadlineMinutes',
            'cancellationDeadline',
            t('adminSchedule.typeForm.hints.cancellationDeadlineMinutes'),
          )}
        </div>

        {checkbox(
          'bookableOnline',
          draft.bookableOnline,
          t('adminSchedule.typeForm.hints.bookableOnline'),
        )}
        {type ? checkbox('active', draft.active, t('adminSchedule.typeForm.hints.active')) : null}

        <div className="form-actions sched-form__actions">
          <Button type="submit" isBusy={save.isPending}>
            {save.isPending ? t('adminSchedule.saving') : t('adminSchedule.typeForm.save')}
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              guard.allowNavigation();
              onCancel();
            }}
          >
            {t('adminSchedule.cancel')}
          </Button>
          {type ? (
            <Button
              variant="danger-outline"
              className="sched-form__delete"
              onClick={() => {
                setDeleteError(null);
                setIsDeleteOpen(true);
              }}
            >
              {t('adminSchedule.typeForm.delete')}
            </Button>
          ) : null}
        </div>
      </form>

      {type ? (
        <Dialog
          isOpen={isDeleteOpen}
          title={t('adminSchedule.typeForm.deleteTitle', { name: type.name })}
          onClose={() => {
            if (!remove.isPending) setIsDeleteOpen(false);
          }}
          actions={
            <>
              <Button
                variant="secondary"
                onClick={() => setIsDeleteOpen(false)}
                disabled={remove.isPending}
              >
                {t('adminSchedule.typeForm.keep')}
              </Button>
              <Button variant="danger" onClick={handleDelete} isBusy={remove.isPending}>
                {t('adminSchedule.typeForm.deleteConfirm')}
              </Button>
            </>
          }
        >
          <p>{t('adminSchedule.typeForm.deleteText')}</p>
          {deleteError ? (
            <Alert tone="error">
              <p>{deleteError}</p>
            </Alert>
          ) : null}
        </Dialog>
      ) : null}
      {guard.dialog}
    </section>
  );
}
