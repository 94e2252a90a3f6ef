import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useT } from '../../../i18n';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  /** Shown under the field, linked to it and marking it invalid. */
  error?: string | null;
  /** Says "(valgfritt)" after the label. */
  isOptional?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled text input with its hint and error, both linked by `aria-describedby`, the error
 * first so it is read before the hint.
 */
export function TextField({
  label,
  hint,
  error,
  isOptional = false,
  ref,
  className,
  ...input
}: TextFieldProps) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
        {isOptional ? (
          <span className="admin-field__optional"> ({t('admin.form.optional')})</span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        className={`input${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface CheckboxFieldProps {
  label: string;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  ref?: Ref<HTMLInputElement>;
  /** Ids of further text that describes the box (e.g. a group's error). */
  describedBy?: string;
}

/** A checkbox with its label to the right and an optional hint under it. */
export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
  disabled,
  ref,
  describedBy,
}: CheckboxFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const described = [describedBy, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="admin-check">
      <input
        ref={ref}
        id={id}
        type="checkbox"
        className="admin-check__box"
        checked={checked}
        disabled={disabled}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="admin-check__text">
        <label htmlFor={id} className="admin-check__label">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="field__hint">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
