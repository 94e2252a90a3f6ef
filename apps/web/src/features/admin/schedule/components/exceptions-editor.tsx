import { Button } from '../../../../components/ui/button';
import { useFormat, useT } from '../../../../i18n';
import { isLocalDate } from '../../../../lib/calendar-dates';
import {
  hoursFieldId,
  MAX_NOTE_LENGTH,
  newException,
  type ExceptionDraft,
  type ExceptionKind,
} from '../hours-draft';
import { useFocusRequest } from '../hooks/use-focus-request';
import { DraftRow } from './draft-row';
import { ScheduleField } from './schedule-field';
import { TimeErrors, TimeField } from './time-field';

interface ExceptionsEditorProps {
  exceptions: ExceptionDraft[];
  onChange: (exceptions: ExceptionDraft[]) => void;
  idOf: (field: string) => string;
  errorOf: (field: string) => string | null;
  hintId: string;
  /** Today on the clinic's calendar: where a new row starts. */
  today: string;
}

const KINDS: readonly ExceptionKind[] = ['absence', 'extra'];
const ADD_FIELD = 'exceptions.add';

/**
 * Dated exceptions to the weekly template: absence (the whole day or part of it, for one date
 * or a range) and extra hours (from–to on a date or each date of a range).
 */
export function ExceptionsEditor({
  exceptions,
  onChange,
  idOf,
  errorOf,
  hintId,
  today,
}: ExceptionsEditorProps) {
  const t = useT();
  const format = useFormat();
  const focus = useFocusRequest();

  function add(kind: ExceptionKind) {
    const row = newException(kind, today);
    onChange([...exceptions, row]);
    focus(idOf(hoursFieldId('exceptions', row.key, 'from')));
  }

  const describe = (row: ExceptionDraft) => {
    const kind = t(`adminSchedule.exceptions.kinds.${row.kind}`);
    if (!isLocalDate(row.from)) return kind;
    const from = format.plainDate(row.from);
    return isLocalDate(row.to) && row.to !== row.from
      ? t('adminSchedule.exceptions.rowRange', { kind, from, to: format.plainDate(row.to) })
      : t('adminSchedule.exceptions.rowDate', { kind, date: from });
  };

  return (
    <div className="sched-exceptions">
      {exceptions.length === 0 ? (
        <p className="muted">{t('adminSchedule.exceptions.none')}</p>
      ) : (
        <ul className="sched-exception-list">
          {exceptions.map((row) => {
            const field = (part: 'from' | 'to' | 'start' | 'end' | 'note') =>
              hoursFieldId('exceptions', row.key, part);
            const kindId = idOf(`exceptions.${row.key}.kind`);
            const wholeDayId = idOf(`exceptions.${row.key}.wholeDay`);
            const toHintId = idOf(`exceptions.${row.key}.toHint`);
            const update = (patch: Partial<ExceptionDraft>) =>
              onChange(exceptions.map((e) => (e.key === row.key ? { ...e, ...patch } : e)));
            const hasTimes = row.kind === 'extra' || !row.wholeDay;
            const dateField = (part: 'from' | 'to', label: string, hint?: string) => (
              <ScheduleField
                id={idOf(field(part))}
                className="sched-date"
                label={label}
                hint={hint}
                hintId={toHintId}
                error={errorOf(field(part))}
                type="date"
                value={row[part]}
                onChange={(value) => update({ [part]: value })}
              />
            );
            return (
              <DraftRow
                key={row.key}
                title={describe(row)}
                removeLabel={t('adminSchedule.exceptions.removeNamed', { what: describe(row) })}
                onRemove={() => {
                  onChange(exceptions.filter((e) => e.key !== row.key));
                  focus(idOf(ADD_FIELD));
                }}
              >
                <div className="sched-exception__grid">
                  <div className="field">
                    <label htmlFor={kindId} className="field__label">
                      {t('adminSchedule.exceptions.kind')}
                    </label>
                    <select
                      id={kindId}
                      className="input select"
                      value={row.kind}
                      onChange={(event) => {
                        const kind = event.target.value as ExceptionKind;
                        update(
                          kind === 'extra'
                            ? {
                                kind,
                                wholeDay: false,
                                start: row.start || '08:00',
                                end: row.end || '12:00',
                              }
                            : { kind },
                        );
                      }}
                    >
                      {KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`adminSchedule.exceptions.kinds.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  {dateField('from', t('adminSchedule.exceptions.from'))}
                  {dateField(
                    'to',
                    t('adminSchedule.exceptions.to'),
                    t('adminSchedule.exceptions.toHint'),
                  )}
                </div>
                <div className="sched-exception__times">
                  {row.kind === 'absence' ? (
                    <label className="sched-check" htmlFor={wholeDayId}>
                      <input
                        id={wholeDayId}
                        type="checkbox"
                        checked={row.wholeDay}
                        onChange={(event) =>
                          update({
                            wholeDay: event.target.checked,
                            ...(event.target.checked
                              ? {}
                              : { start: row.start || '08:00', end: row.end || '12:00' }),
                          })
                        }
                      />
                      <span>{t('adminSchedule.exceptions.wholeDay')}</span>
                    </label>
                  ) : null}
                  {hasTimes ? (
                    <div className="sched-block sched-block--plain">
                      <TimeField
                        id={idOf(field('start'))}
                        label={t('adminSchedule.hours.from')}
                        value={row.start}
                        onChange={(start) => update({ start })}
                        error={errorOf(field('start'))}
                        hintId={hintId}
                      />
                      <TimeField
                        id={idOf(field('end'))}
                        label={t('adminSchedule.hours.to')}
                        value={row.end}
                        onChange={(end) => update({ end })}
                        error={errorOf(field('end'))}
                        hintId={hintId}
                      />
                      <TimeErrors
                        fields={[
                          { id: idOf(field('start')), error: errorOf(field('start')) },
                          { id: idOf(field('end')), error: errorOf(field('end')) },
                        ]}
                      />
                    </div>
                  ) : null}
                </div>
                <ScheduleField
                  id={idOf(field('note'))}
                  label={t('adminSchedule.exceptions.note')}
                  error={errorOf(field('note'))}
                  type="text"
                  maxLength={MAX_NOTE_LENGTH}
                  value={row.note}
                  onChange={(note) => update({ note })}
                />
              </DraftRow>
            );
          })}
        </ul>
      )}
      <div className="action-row sched-exceptions__add">
        <Button id={idOf(ADD_FIELD)} variant="secondary" icon="plus" onClick={() => add('absence')}>
          {t('adminSchedule.exceptions.addAbsence')}
        </Button>
        <Button variant="secondary" icon="plus" onClick={() => add('extra')}>
          {t('adminSchedule.exceptions.addExtra')}
        </Button>
      </div>
    </div>
  );
}
