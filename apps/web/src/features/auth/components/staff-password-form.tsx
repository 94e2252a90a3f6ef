import { useMutation } from '@tanstack/react-query';
import type { PasswordStep } from '@visitt/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { submitPassword } from '../api/auth-api';
import { useStaffSignInError } from './staff-errors';
import { StepHeading } from './staff-sign-in-parts';

type Field = 'email' | 'password';

/**
 * Step one: e-mail and password. Wrong credentials, a locked account and too many attempts (with
 * the time to try again) are said above the form; empty fields next to themselves.
 */
export function PasswordForm({
  email,
  onEmailChange,
  onNext,
}: {
  email: string;
  onEmailChange: (email: string) => void;
  onNext: (next: PasswordStep['next']) => void;
}) {
  const t = useT();
  const errorText = useStaffSignInError();
  const ids = { email: useId(), password: useId(), emailError: useId(), passwordError: useId() };
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Field[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const check = useMutation({ mutationFn: submitPassword });

  useEffect(() => {
    if (missing.length > 0) summary.current?.focus();
  }, [missing]);

  useEffect(() => {
    // The e-mail known already (signed in, or back from the second step): the password next.
    if (email !== '') passwordInput.current?.focus();
    // Only when the form opens.
  }, []);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (check.isPending) return;
    const empty: Field[] = [];
    if (email.trim() === '') empty.push('email');
    if (password === '') empty.push('password');
    setMissing(empty);
    if (empty.length > 0) return;
    check.mutate(
      { email: email.trim(), password },
      { onSuccess: (step) => onNext(step.next), onError: () => setPassword('') },
    );
  }

  const message = (field: Field) =>
    field === 'email' ? t('staffAuth.emailRequired') : t('staffAuth.passwordRequired');

  return (
    <>
      {missing.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p className="error-summary__title">{t('auth.errorSummary')}</p>
          <ul>
            {missing.map((field) => (
              <li key={field}>
                <a
                  href={`#${ids[field]}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(ids[field])?.focus();
                  }}
                >
                  {message(field)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {check.isError ? (
        <Alert tone="error">
          <p>{errorText(check.error)}</p>
        </Alert>
      ) : null}
      <form className="form card" onSubmit={handleSubmit} noValidate>
        <div>
          <StepHeading>{t('staffAuth.passwordStep')}</StepHeading>
        </div>
        <div className="field">
          <label htmlFor={ids.email} className="field__label">
            {t('staffAuth.email')}
          </label>
          {missing.includes('email') ? (
            <p id={ids.emailError} className="field__error">
              {message('email')}
            </p>
          ) : null}
          <input
            id={ids.email}
            className="input"
            type="email"
            inputMode="email"
            autoComplete="username"
            value={email}
            onChange={(event) => onEmailChange(event.target.value)}
            aria-invalid={missing.includes('email') || undefined}
            aria-describedby={missing.includes('email') ? ids.emailError : undefined}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password} className="field__label">
            {t('staffAuth.password')}
          </label>
          {missing.includes('password') ? (
            <p id={ids.passwordError} className="field__error">
              {message('password')}
            </p>
          ) : null}
          <input
            ref={passwordInput}
            id={ids.password}
            className="input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={missing.includes('password') || undefined}
            aria-describedby={missing.includes('password') ? ids.passwordError : undefined}
            required
          />
        </div>
        <Button type="submit" size="lg" block isBusy={check.isPending}>
          {check.isPending ? t('staffAuth.passwordSubmitting') : t('staffAuth.passwordSubmit')}
        </Button>
      </form>
    </>
  );
}
