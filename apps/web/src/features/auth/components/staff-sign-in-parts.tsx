import { useId, type ReactNode, type Ref } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { needsRestart, useStaffSignInError } from './staff-errors';

/**
 * The heading of a step of the staff sign-in, with "Steg 2 av 2" above it. It takes focus when
 * the step opens (`data-step-focus`).
 */
export function StepHeading({ step, children }: { step?: string; children: ReactNode }) {
  return (
    <>
      {step ? <p className="sign-in__step">{step}</p> : null}
      <h2 className="sign-in__title" tabIndex={-1} data-step-focus>
        {children}
      </h2>
    </>
  );
}

/**
 * A refusal that is not about the field: said at once, with "Start på nytt" when the sign-in
 * under way is over (expired, too many wrong codes, a locked account).
 */
export function StepError({ error, onStartOver }: { error: unknown; onStartOver: () => void }) {
  const t = useT();
  const message = useStaffSignInError();
  return (
    <Alert tone="error">
      <p>{message(error)}</p>
      {needsRestart(error) ? (
        <Button variant="secondary" onClick={onStartOver} className="alert__action">
          {t('staffAuth.startOver')}
        </Button>
      ) : null}
    </Alert>
  );
}

interface CodeInputProps {
  label: string;
  hint: string;
  error: string | null;
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/** Six digits from the authenticator app: numeric keyboard, and the phone may offer the code. */
export function TotpCodeInput({ label, hint, error, value, onChange, ref }: CodeInputProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        className="input input--code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        value={value}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, 6))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        required
      />
    </div>
  );
}
