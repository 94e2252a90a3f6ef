import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useI18n, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { browserTimeZone, formatTime } from '../../../lib/dates';
import { meQueryKey, signInWithPassword } from '../api/auth-api';

type Field = 'email' | 'password';

/**
 * Staff sign-in with e-mail and password. Wrong credentials and too many attempts (with the
 * time to try again) are said above the form; empty fields next to themselves.
 */
export function StaffSignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const queryClient = useQueryClient();
  const ids = { email: useId(), password: useId(), emailError: useId(), passwordError: useId() };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Field[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const signIn = useMutation({ mutationFn: signInWithPassword });

  useEffect(() => {
    if (missing.length > 0) summary.current?.focus();
  }, [missing]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    const empty: Field[] = [];
    if (email.trim() === '') empty.push('email');
    if (password === '') empty.push('password');
    setMissing(empty);
    if (empty.length > 0) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (me) => {
          // Another person's cached data (a patient signed in before on this device) must go.
          queryClient.removeQueries({
            predicate: (query) => query.queryKey[0] !== 'outbox' && query.queryKey[0] !== 'me',
          });
          queryClient.setQueryData(meQueryKey, me);
          onSignedIn();
        },
      },
    );
  }

  function errorText(error: unknown): string {
    if (isApiError(error, 'rate_limited')) {
      const seconds = error.retryAfterSeconds;
      if (seconds == null || seconds < 60) return t('auth.retrySoon');
      return t('auth.retryAt', {
        time: formatTime(Date.now() + seconds * 1000, browserTimeZone(), intlLocale),
      });
    }
    if (isApiError(error, 'validation_failed')) return t('auth.invalidEmail');
    return isApiError(error) ? t(`errors.${error.code}`) : t('errors.unexpected');
  }

  const message = (field: Field) =>
    field === 'email' ? t('staffAuth.emailRequired') : t('staffAuth.passwordRequired');

  return (
    <div className="sign-in">
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
      {signIn.isError ? (
        <Alert tone="error">
          <p>{errorText(signIn.error)}</p>
        </Alert>
      ) : null}
      <form className="form card" onSubmit={handleSubmit} noValidate>
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
            onChange={(event) => setEmail(event.target.value)}
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
        <Button type="submit" size="lg" block isBusy={signIn.isPending}>
          {signIn.isPending ? t('staffAuth.submitting') : t('staffAuth.submit')}
        </Button>
      </form>
    </div>
  );
}
