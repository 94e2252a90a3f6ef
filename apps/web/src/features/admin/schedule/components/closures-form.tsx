import type {
  ClinicClosures,
  OutsideAppointment,
  PutClosuresBody,
  SavedClosures,
} from '@visitt/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, useErrorMessage } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { useFormat, useT } from '../../../../i18n';
import { isLocalDate } from '../../../../lib/dates';
import { HoursConflictDialog } from '../../components/hours-conflict-dialog';
import { readHoursConflict } from '../../hours-conflict';
import { useSaveClosures } from '../api/schedule-api';
import {
  closureFieldId,
  MAX_REASON_LENGTH,
  newClosure,
  toClosuresBody,
  toClosuresDraft,
  validateClosures,
  type ClosureDraft,
  type ClosureProblem,
} from '../closures-draft';
import { useFocusRequest } from '../hooks/use-focus-request';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { OutsideWarning } from './outside-appointments';

interface ClosuresFormProps {
  clinicId: string;
  timeZone: string;
  today: string;
  saved: ClinicClosures;
  draft: ClosureDraft[];
  isDirty: boolean;
  onDraftChange: (draft: ClosureDraft[]) => void;
  onSaved: (saved: SavedClosures) => void;
}

type Focus = 'summary' | 'error' | 'result';

/**
 * Days the whole clinic is closed (holidays, say): dates on its calendar, both ends inclusive,
 * with a reason. Saved on their own (`PUT …/closures`), with the same conflict check as hours.
 */
export function ClosuresForm({
  clinicId,
  timeZone,
  today,
  saved,
  draft,
  isDirty,
  onDraftChange,
  onSaved,
}: ClosuresFormProps) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const prefix = useId();
  const focus = useFocusRequest();
  const save = useSaveClosures(clinicId);
  const [isChecked, setIsChecked] = useState(false);
  const [conflict, setConflict] = useState<{
    body: PutClosuresBody;
    appointments: OutsideAppointment[];
  } | null>(null);
  const [result, setResult] = useState<{ outside: OutsideAppointment[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [focusTarget, setFocusTarget] = useState<{ to: Focus } | null>(null);
  const refs = {
    summary: useRef<HTMLDivElement>(null),
    error: useRef<HTMLDivElement>(null),
    result: useRef<HTMLDivElement>(null),
  };

  useEffect(() => {
    if (focusTarget) refs[focusTarget.to].current?.focus();
    // refs are stable
  }, [focusTarget]);

  const idOf = (field: string) => `${prefix}-${field}`;
  const addId = idOf('add');
  const problems: ClosureProblem[] = isChecked ? validateClosures(draft) : [];
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

  function send(body: PutClosuresBody) {
    setError(null);
    save.mutate(body, {
      onSuccess: (answer) => {
        setConflict(null);
        setIsChecked(false);
        setResult({ outside: answer.outside });
        onSaved(answer);
        setFocusTarget({ to: 'result' });
      },
      onError: (failure) => {
        const appointments = readHoursConflict(failure);
        if (appointments) {
          setConflict({ body, appointments });
          return;
        }
        setConflict(null);
        setError(failure);
        setFocusTarget({ to: 'error' });
      },
    });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    setResult(null);
    setIsChecked(true);
    if (validateClosures(draft).length > 0) {
      setFocusTarget({ to: 'summary' });
      return;
    }
    send({ closures: toClosuresBody(draft) });
  }

  const update = (key: string, patch: Partial<ClosureDraft>) =>
    onDraftChange(draft.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const input = (
    row: ClosureDraft,
    part: 'from' | 'to' | 'reason',
    label: string,
    hint?: string,
  ) => {
    const field = closureFieldId(row.key, part);
    const error = errorOf(field);
    const hintId = `${idOf(field)}-hint`;
    const errorId = `${idOf(field)}-error`;
    return (
      <div
        className={`field${part === 'reason' ? ' sched-closure__reason' : ' sched-date'}${error ? ' field--error' : ''}`}
      >
        <label htmlFor={idOf(field)} className="field__label">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="field__hint">
            {hint}
          </p>
        ) : null}
        <input
          id={idOf(field)}
          className="input"
          type={part === 'reason' ? 'text' : 'date'}
          maxLength={part === 'reason' ? MAX_REASON_LENGTH : undefined}
          value={row[part]}
          onChange={(event) => update(row.key, { [part]: event.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
          }
        />
        {error ? (
          <p id={errorId} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form className="sched-closures" onSubmit={handleSubmit} noValidate>
      <ErrorSummary items={summary} ref={refs.summary} />
      {draft.length === 0 ? (
        <p className="muted">{t('adminSchedule.closures.none')}</p>
      ) : (
        <ul className="sched-exception-list">
          {draft.map((row) => (
            <li key={row.key} className="sched-exception">
              <fieldset className="sched-exception__fields">
                <legend className="sched-exception__title">{describe(row)}</legend>
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
                <Button
                  variant="ghost"
                  className="sched-remove"
                  aria-label={t('adminSchedule.closures.removeNamed', { what: describe(row) })}
                  onClick={() => {
                    onDraftChange(draft.filter((r) => r.key !== row.key));
                    focus(addId);
                  }}
                >
                  {t('adminSchedule.remove')}
                </Button>
              </fieldset>
            </li>
          ))}
        </ul>
      )}
      <div className="action-row sched-exceptions__add">
        <Button
          id={addId}
          variant="secondary"
          icon="plus"
          onClick={() => {
            const row = newClosure(today);
            onDraftChange([...draft, row]);
            focus(idOf(closureFieldId(row.key, 'from')));
          }}
        >
          {t('adminSchedule.closures.add')}
        </Button>
      </div>

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
            <p>{t('adminSchedule.closures.saved')}</p>
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
                setIsChecked(false);
                onDraftChange(toClosuresDraft(saved.closures));
              }}
            >
              {t('adminSchedule.undo')}
            </Button>
          ) : null}
          <Button id={idOf('save')} type="submit" isBusy={save.isPending && !conflict}>
            {save.isPending && !conflict
              ? t('adminSchedule.saving')
              : t('adminSchedule.closures.save')}
          </Button>
        </div>
      </div>

      <HoursConflictDialog
        conflict={conflict?.appointments ?? null}
        busy={save.isPending}
        onConfirm={() => {
          if (conflict && !save.isPending) send({ ...conflict.body, confirm: true });
        }}
        onCancel={() => setConflict(null)}
      />
    </form>
  );
}
