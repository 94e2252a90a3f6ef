import type { PractitionerHours, SavedHours } from '@visitt/contracts';
import { useId } from 'react';
import { useFormat, useI18n } from '../../../../i18n';
import { weekdayNames } from '../../../../lib/dates';
import { isLocalDate } from '../../../../lib/calendar-dates';
import { useSaveHours } from '../api/schedule-api';
import {
  toHoursDraft,
  toPutHoursBody,
  validateHoursDraft,
  type HoursDraft,
  type HoursProblem,
} from '../hours-draft';
import { CheckboxField } from '../../components/form-fields';
import { useConfirmableSave } from '../hooks/use-confirmable-save';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { SaveFooter } from './save-footer';
import { ExceptionsEditor } from './exceptions-editor';
import { WeeklyHoursEditor } from './weekly-hours-editor';

interface HoursFormProps {
  clinicId: string;
  practitioner: { id: string; name: string };
  /** The clinic's zone: every time here is on its wall clock. */
  timeZone: string;
  today: string;
  saved: PractitionerHours;
  draft: HoursDraft;
  isDirty: boolean;
  onDraftChange: (draft: HoursDraft) => void;
  /** Saved: the page starts a new draft from what the API kept. */
  onSaved: (saved: SavedHours) => void;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A practitioner's weekly template and dated exceptions, saved together (`PUT …/hours`).
 * Problems are shown after the first attempt to save and follow every change from then on.
 * If the change puts booked appointments outside the hours, the API refuses (409) and lists
 * them; the dialog asks, and saving anyway sends the same body with `confirm: true`. After
 * such a save the appointments still booked outside are listed as a warning.
 */
export function HoursForm({
  clinicId,
  practitioner,
  timeZone,
  today,
  saved,
  draft,
  isDirty,
  onDraftChange,
  onSaved,
}: HoursFormProps) {
  const { t, intlLocale } = useI18n();
  const format = useFormat();
  const prefix = useId();
  const saving = useConfirmableSave({
    save: useSaveHours(clinicId, practitioner.id),
    hasProblems: () => validateHoursDraft(draft).length > 0,
    toBody: () => toPutHoursBody(draft),
    onSaved,
  });

  const idOf = (field: string) => `${prefix}-${field}`;
  const hintId = idOf('time-hint');
  const problems: HoursProblem[] = saving.isChecked ? validateHoursDraft(draft) : [];
  const problemOf = new Map<string, HoursProblem>();
  for (const p of problems) if (!problemOf.has(p.field)) problemOf.set(p.field, p);
  const errorOf = (field: string) => {
    const problem = problemOf.get(field);
    return problem ? t(`adminSchedule.problems.${problem.code}`) : null;
  };

  // Where a problem is, in words, for the summary at the top.
  const dayNames = weekdayNames(intlLocale, 'long');
  function locate(field: string): string | null {
    const parts = field.split('.');
    if (parts[0] === 'weekly') {
      const day = Number(parts[1]) as keyof HoursDraft['weekly'];
      const index = draft.weekly[day]?.findIndex((b) => b.key === parts[2]) ?? -1;
      return t('adminSchedule.hours.blockLocation', {
        day: capitalize(dayNames[day - 1] ?? ''),
        n: index + 1,
      });
    }
    if (parts[0] === 'exceptions') {
      const row = draft.exceptions.find((e) => e.key === parts[1]);
      if (!row) return null;
      const kind = t(`adminSchedule.exceptions.kinds.${row.kind}`);
      return isLocalDate(row.from)
        ? t('adminSchedule.exceptions.rowDate', { kind, date: format.plainDate(row.from) })
        : kind;
    }
    return null;
  }
  const summary: SummaryItem[] = problems.map((p) => {
    const where = locate(p.field);
    const message = t(`adminSchedule.problems.${p.code}`);
    return {
      id: p.field === 'general' ? idOf('save') : idOf(p.field),
      text: where ? `${where}: ${message}` : message,
    };
  });

  return (
    <form className="sched-hours" onSubmit={saving.handleSubmit} noValidate>
      <ErrorSummary items={summary} ref={saving.refs.summary} />
      <section className="section sched-section" aria-labelledby={idOf('weekly-title')}>
        <h2 id={idOf('weekly-title')} className="section__title">
          {t('adminSchedule.hours.weeklyTitle', { name: practitioner.name })}
        </h2>
        <p id={hintId} className="field__hint sched-hint">
          {t('adminSchedule.hours.timeHint', { zone: timeZone })}
        </p>
        <WeeklyHoursEditor
          weekly={draft.weekly}
          onChange={(weekly) => onDraftChange({ ...draft, weekly })}
          idOf={idOf}
          errorOf={errorOf}
          hintId={hintId}
        />
        <CheckboxField
          label={t('adminSchedule.hours.worksHolidays')}
          hint={t('adminSchedule.hours.worksHolidaysHint')}
          checked={draft.worksHolidays}
          onChange={(worksHolidays) => onDraftChange({ ...draft, worksHolidays })}
        />
      </section>

      <section className="section sched-section" aria-labelledby={idOf('exceptions-title')}>
        <h2 id={idOf('exceptions-title')} className="section__title">
          {t('adminSchedule.exceptions.title')}
        </h2>
        <p className="field__hint sched-hint">{t('adminSchedule.exceptions.intro')}</p>
        <ExceptionsEditor
          exceptions={draft.exceptions}
          onChange={(exceptions) => onDraftChange({ ...draft, exceptions })}
          idOf={idOf}
          errorOf={errorOf}
          hintId={hintId}
          today={today}
        />
      </section>

      <SaveFooter
        saving={saving}
        isDirty={isDirty}
        saveId={idOf('save')}
        saveLabel={t('adminSchedule.hours.save')}
        savedText={t('adminSchedule.hours.saved', { name: practitioner.name })}
        timeZone={timeZone}
        onUndo={() => onDraftChange(toHoursDraft(saved))}
      />
    </form>
  );
}
