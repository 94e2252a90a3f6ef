import { useMutation } from '@tanstack/react-query';
import { RecoveryCode, type Me, type SecondFactorBody } from '@visitt/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useHasOutbox } from '../../dev-outbox/api/outbox-api';
import { submitSecondFactor } from '../api/auth-api';
import { StepError, StepHeading, TotpCodeInput } from './staff-sign-in-parts';

type Mode = 'app' | 'recovery';

/**
 * Step two: the six digits from the authenticator app, or — from "Bruk en gjenopprettingskode" —
 * one of the recovery codes. A wrong code empties the field and says so there; an expired or
 * ended sign-in offers to start again.
 */
export function SecondFactorForm({
  email,
  onSignedIn,
  onStartOver,
}: {
  email: string;
  onSignedIn: (me: Me) => void;
  onStartOver: () => void;
}) {
  const t = useT();
  const hasOutbox = useHasOutbox();
  const [mode, setMode] = useState<Mode>('app');
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const recoveryIds = { input: useId(), hint: useId(), error: useId() };
  const verify = useMutation({ mutationFn: submitSecondFactor });
  const modeChanged = useRef(false);

  useEffect(() => {
    if (modeChanged.current) input.current?.focus();
  }, [mode]);

  function switchMode(next: Mode) {
    modeChanged.current = true;
    setMode(next);
    setValue('');
    setFieldError(null);
    verify.reset();
  }

  function refuse(message: string) {
    setFieldError(message);
    setValue('');
    input.current?.focus();
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (verify.isPending) return;
    let body: SecondFactorBody;
    if (mode === 'app') {
      if (!/^\d{6}$/.test(value)) return refuse(t('staffAuth.codeRequired'));
      body = { code: value };
    } else {
      const parsed = RecoveryCode.safeParse(value);
      if (!parsed.success) return refuse(t('staffAuth.recoveryFormat'));
      body = { recoveryCode: parsed.data };
    }
    setFieldError(null);
    verify.mutate(body, {
      onSuccess: onSignedIn,
      onError: (error) => {
        if (isApiError(error, 'invalid_code'))
          refuse(t(mode === 'app' ? 'staffAuth.wrongCode' : 'staffAuth.wrongRecoveryCode'));
        else if (isApiError(error, 'validation_failed'))
          refuse(t(mode === 'app' ? 'staffAuth.codeRequired' : 'staffAuth.recoveryFormat'));
      },
    });
  }

  const generalError =
    verify.isError && !isApiError(verify.error, 'invalid_code', 'validation_failed')
      ? verify.error
      : null;

  return (
    <>
      {generalError ? <StepError error={generalError} onStartOver={onStartOver} /> : null}
      <form className="form card" onSubmit={handleSubmit} noValidate>
        <div>
          <StepHeading step={t('staffAuth.codeStep')}>
            {mode === 'app' ? t('staffAuth.codeTitle') : t('staffAuth.recoveryLabel')}
          </StepHeading>
          <p className="sign-in__sent">
            {mode === 'app' ? t('staffAuth.codeIntro') : t('staffAuth.recoveryIntro')}
          </p>
        </div>
        {mode === 'app' ? (
          <TotpCodeInput
            ref={input}
            label={t('staffAuth.codeLabel')}
            hint={t('staffAuth.codeHint')}
            error={fieldError}
            value={value}
            onChange={setValue}
          />
        ) : (
          <div className={`field${fieldError ? ' field--error' : ''}`}>
            <label htmlFor={recoveryIds.input} className="field__label">
              {t('staffAuth.recoveryLabel')}
            </label>
            <p id={recoveryIds.hint} className="field__hint">
              {t('staffAuth.recoveryHint')}
            </p>
            {fieldError ? (
              <p id={recoveryIds.error} className="field__error" role="alert">
                {fieldError}
              </p>
            ) : null}
            <input
              ref={input}
              id={recoveryIds.input}
              className="input code-text"
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              maxLength={20}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={
                fieldError ? `${recoveryIds.hint} ${recoveryIds.error}` : recoveryIds.hint
              }
              required
            />
          </div>
        )}
        <Button type="submit" size="lg" block isBusy={verify.isPending}>
          {verify.isPending ? t('staffAuth.submitting') : t('staffAuth.submit')}
        </Button>
        <div className="form__secondary">
          <button
            type="button"
            className="link-button"
            onClick={() => switchMode(mode === 'app' ? 'recovery' : 'app')}
          >
            {mode === 'app' ? t('staffAuth.useRecoveryCode') : t('staffAuth.useAppCode')}
          </button>
          <button type="button" className="link-button" onClick={onStartOver}>
            {t('staffAuth.startOver')}
          </button>
        </div>
      </form>
      {hasOutbox && mode === 'app' ? <DemoCodeNote email={email} /> : null}
    </>
  );
}

/** Demo only: where to read the code of a demo staff account, which has no real app. */
export function DemoCodeNote({ email }: { email: string }) {
  const t = useT();
  const address = email.trim();
  if (!address.toLowerCase().endsWith('@example.com')) return null;
  return (
    <Alert tone="info" title={t('staffAuth.demoTitle')} className="sign-in__demo">
      <p>{t('staffAuth.demoCode')}</p>
      <p>
        <a
          href={`/api/v1/dev/totp?email=${encodeURIComponent(address)}`}
          target="_blank"
          rel="noopener"
          className="text-link"
        >
          {t('staffAuth.demoCodeLink', { email: address })}{' '}
          <span className="muted">{t('app.opensInNewTab')}</span>
        </a>
      </p>
    </Alert>
  );
}
