import type { InputHTMLAttributes } from 'react';

interface ScheduleFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'className' | 'onChange'
> {
  /** The input's id, which the error summary links to; its error has the id `<id>-error`. */
  id: string;
  label: string;
  hint?: string;
  /** Id of the hint; `<id>-hint` unless given. */
  hintId?: string;
  error: string | null;
  /** Classes of the field besides `field` (e.g. `sched-date`). */
  className?: string;
  onChange: (value: string) => void;
}

/**
 * A labelled input of a schedule draft with its hint and error, both linked by
 * `aria-describedby`. Unlike the admin `TextField`, the id is the page's (the error summary
 * links to it) and the field is marked `field--error` while it has an error.
 */
export function ScheduleField({
  id,
  label,
  hint,
  hintId = `${id}-hint`,
  error,
  className,
  onChange,
  ...input
}: ScheduleFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={`field${className ? ` ${className}` : ''}${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        className="input"
        {...input}
        onChange={(event) => onChange(event.target.value)}
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
}
