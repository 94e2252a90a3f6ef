import type { ReactNode } from 'react';
import { useT } from '../../../../i18n';
import { normalizeTime } from '../time-of-day';

interface TimeFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Shown by the caller under the row, with the id `<id>-error` (see {@link TimeErrors}). */
  error: string | null;
  /** Id of the shared "HH:MM" hint. */
  hintId: string;
}

/**
 * A wall-clock time typed as `HH:MM` (a text field, not `type="time"`: the end of the day is
 * 24:00, which a time picker cannot hold). `8`, `800` or `8.00` become `08:00` on leaving it.
 */
export function TimeField({ id, label, value, onChange, error, hintId }: TimeFieldProps) {
  const t = useT();
  const errorId = `${id}-error`;
  return (
    <div className={`sched-time${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="sched-time__label">
        {label}
      </label>
      <input
        id={id}
        className="input sched-time__input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('adminSchedule.hours.timePlaceholder')}
        maxLength={5}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => {
          const normal = normalizeTime(value);
          if (normal !== value) onChange(normal);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
    </div>
  );
}

/**
 * The errors of a row's time fields, on a line of their own under the row (so the fields stay
 * side by side), each with the id its field points to.
 */
export function TimeErrors({ fields }: { fields: { id: string; error: string | null }[] }) {
  const shown = fields.filter((f) => f.error);
  if (shown.length === 0) return null;
  return (
    <div className="sched-time-errors">
      {shown.map((f) => (
        <p key={f.id} id={`${f.id}-error`} className="field__error">
          {f.error}
        </p>
      ))}
    </div>
  );
}
