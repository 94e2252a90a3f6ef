import type { ClinicClosures, SavedClosures } from '@visitt/contracts';
import { useId, useMemo } from 'react';
import { Button } from '../../../../components/ui/button';
import { useFormat, useI18n } from '../../../../i18n';
import { formatPlainDate } from '../../../../lib/dates';
import { isLocalDate } from '../../../../lib/calendar-dates';
import { useSaveClosures } from '../api/schedule-api';
import {
  closureFieldId,
  comingHolidays,
  isClosedOn,
  MAX_REASON_LENGTH,
  newClosure,
  nextDateOf,
  toClosuresBody,
  toClosuresDraft,
  toOpenHolidaysBody,
  validateClosures,
  type ClosureDraft,
  type ClosureProblem,
} from '../closures-draft';
import { useFocusRequest } from '../hooks/use-focus-request';
import { useConfirmableSave } from '../hooks/use-confirmable-save';
import { DraftRow } from './draft-row';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { SaveFooter } from './save-footer';
import { ScheduleField } from './schedule-field';

interface ClosuresFormProps {
  clinicId: string;
  timeZone: string;
  today: string;
  saved: ClinicClosures;
  draft: ClosureDraft[];
  /** Public holidays the clinic is open on, in the draft. */
  openHolidays: string[];
  isDirty: boolean;
  onDraftChange: (draft: ClosureDraft[]) => void;
  onOpenHolidaysChange: (dates: string[]) => void;
  onSaved: (saved: SavedClosures) => void;
}

/**
 * Days the whole clinic is closed: dates on its calendar, both ends inclusive, with a reason,
 * with one-click closures of Christmas Eve and New Year's Eve. Below them the coming year's
 * public holidays (closed unless ticked open). Saved together (`PUT …/closures`), with the same
 * conflict check as hours.
 */
export function ClosuresForm({
  clinicId,
  timeZone,
  today,
  saved,
  draft,
  openHolidays,
  isDirty,
  onDraftChange,
  onOpenHolidaysChange,
  onSaved,
}: ClosuresFormProps) {
  const { t, intlLocale } = useI18n();
  const format = useFormat();
  const prefix = useId();
  const focus = useFocusRequest();
  const saving = useConfirmableSave({
    save: useSaveClosures(clinicId),
    hasProblems: () => validateClosures(draft).length > 0,
    toBody: () => ({
      closures: toClosuresBody(draft),
      openHolidays: toOpenHolidaysBody(openHolidays, today),
    }),
    onSaved,
  });

  const idOf = (field: string) => `${prefix}-${field}`;
  const addId = idOf('add');
  const holidays = useMemo(() => comingHolidays(today), [today]);
  const quickClosures = [
    { date: nextDateOf('12-24', today), label: 'closeChristmasEve', reason: 'christmasEve' },
    { date: nextDateOf('12-31', today), label: 'closeNewYearsEve', reason: 'newYearsEve' },
  ] as const;
  const addClosure = (date: string) => {
    const row = newClosure(date, '');
    onDraftChange([...draft, row]);
    focus(idOf(closureFieldId(row.key, 'from')));
  };
  // Christmas Eve and New Year's Eve close in one click: added and saved at once (a booked
  // appointment on the day asks first, as any save does). While other changes are unsaved the
  // day is only added to them, so one click never saves what the button did not say.
  const closeAtOnce = (date: string, reason: string) => {
    const next = [...draft, newClosure(date, reason)];
    onDraftChange(next);
    if (isDirty || validateClosures(next).length > 0) return;
    saving.saveNow({
      closures: toClosuresBody(next),
      openHolidays: toOpenHolidaysBody(openHolidays, today),
    });
  };
  const problems: ClosureProblem[] = saving.isChecked ? validateClosures(draft) : [];
  const errorOf = (field: string) => {
    const problem = problems.find((p) => p.field === field);
    return problem ? t(`adminSchedule.problems.${problem.code}`) : null;
  };
  const describe = (row: ClosureDraft) => {
    if (!isLocalDate(row.from)) return t('adminSchedule.closures.newRow');
    const from = format.plainDate(row.from);
    return isLocalDate(row.to) && row.to !== row.from
      ? t('adminSchedule.closures.rowRange', { from, to: format.plainDate(row.to) })
      : t('adminSchedule.closures.rowDate', { date: from });
  };
  const summary: SummaryItem[] = problems.map((p) => {
    const row = draft.find((r) => p.field.startsWith(`closures.${r.key}.`));
    const message = t(`adminSchedule.problems.${p.code}`);
    return {
      id: p.field === 'general' ? idOf('save') : idOf(p.field),
      text: row ? `${describe(row)}: ${message}` : message,
    };
  });

  const update = (key: string, patch: Partial<ClosureDraft>) =>
    onDraftChange(draft.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const input = (
    row: ClosureDraft,
    part: 'from' | 'to' | 'reason',
    label: string,
    hint?: string,
  ) => {
    const field = closureFieldId(row.key, part);
    return (
      <ScheduleField
        id={idOf(field)}
        className={part === 'reason' ? 'sched-closure__reason' : 'sched-date'}
        label={label}
        hint={hint}
        error={errorOf(field)}
        type={part === 'reason' ? 'text' : 'date'}
        maxLength={part === 'reason' ? MAX_REASON_LENGTH : undefined}
        value={row[part]}
        onChange={(value) => update(row.key, { [part]: value })}
      />
    );
  };

  return (
    <form className="sched-closures" onSubmit={saving.handleSubmit} noValidate>
      <ErrorSummary items={summary} ref={saving.refs.summary} />
      {draft.length === 0 ? (
        <p className="muted">{t('adminSchedule.closures.none')}</p>
      ) : (
        <ul className="sched-exception-list">
          {draft.map((row) => (
            <DraftRow
              key={row.key}
              title={describe(row)}
              removeLabel={t('adminSchedule.closures.removeNamed', { what: describe(row) })}
              onRemove={() => {
                onDraftChange(draft.filter((r) => r.key !== row.key));
                focus(addId);
              }}
            >
              <div className="sched-exception__grid sched-closure">
                {input(row, 'from', t('adminSchedule.closures.from'))}
                {input(
                  row,
                  'to',
                  t('adminSchedule.closures.to'),
                  t('adminSchedule.closures.toHint'),
                )}
                {input(row, 'reason', t('adminSchedule.closures.reason'))}
              </div>
            </DraftRow>
          ))}
        </ul>
      )}
      <div className="action-row sched-exceptions__add">
        <Button id={addId} variant="secondary" icon="plus" onClick={() => addClosure(today)}>
          {t('adminSchedule.closures.add')}
        </Button>
        {quickClosures.map((quick) =>
          isClosedOn(draft, quick.date) ? null : (
            <Button
              key={quick.label}
              variant="secondary"
              disabled={saving.isPending}
              onClick={() => closeAtOnce(quick.date, t(`adminSchedule.closures.${quick.reason}`))}
            >
              {t(`adminSchedule.closures.${quick.label}`)}
            </Button>
          ),
        )}
      </div>

      <fieldset className="sched-holidays">
        <legend className="sched-holidays__title">{t('adminSchedule.holidays.title')}</legend>
        <p className="field__hint sched-hint">{t('adminSchedule.holidays.intro')}</p>
        <ul className="sched-holiday-list">
          {holidays.map((holiday) => {
            const nameId = idOf(`holiday-${holiday.date}`);
            const boxId = `${nameId}-open`;
            const isOpen = openHolidays.includes(holiday.date);
            return (
              <li key={holiday.date} className="sched-holiday">
                <span id={nameId} className="sched-holiday__name">
                  {holiday.codes
                    .map((code) => t(`adminSchedule.holidays.names.${code}`))
                    .join(' / ')}
                  <span className="muted"> {formatPlainDate(holiday.date, intlLocale, true)}</span>
                </span>
                <label className="sched-check" htmlFor={boxId}>
                  <input
                    id={boxId}
                    type="checkbox"
                    checked={isOpen}
                    aria-labelledby={`${boxId}-label ${nameId}`}
                    onChange={(event) =>
                      onOpenHolidaysChange(
                        event.target.checked
                          ? [...openHolidays, holiday.date]
                          : openHolidays.filter((d) => d !== holiday.date),
                      )
                    }
                  />
                  <span id={`${boxId}-label`}>{t('adminSchedule.holidays.open')}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <SaveFooter
        saving={saving}
        isDirty={isDirty}
        saveId={idOf('save')}
        saveLabel={t('adminSchedule.closures.save')}
        savedText={t('adminSchedule.closures.saved')}
        timeZone={timeZone}
        onUndo={() => {
          onDraftChange(toClosuresDraft(saved.closures));
          onOpenHolidaysChange(saved.openHolidays);
        }}
      />
    </form>
  );
}
