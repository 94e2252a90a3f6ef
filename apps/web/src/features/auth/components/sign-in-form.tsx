import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Email, Phone, type CodeSent } from '@visitt/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from '../../../lib/router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useI18n, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { formatTime } from '../../../lib/dates';
import { readSession, writeSession } from '../../../lib/session-storage';
import { useHasOutbox } from '../../dev-outbox/api/outbox-api';
import { meQueryKey, requestCode, verifyCode } from '../api/auth-api';
import { changeAddressKey } from '../sign-in-helpers';

type Channel = 'email' | 'phone';

interface Pending {
  channel: Channel;
  address: string;
  sent: CodeSent;
  sentAt: number;
}

const PENDING_KEY = 'visitt.sign-in';

/** A code that was sent and has not expired, kept across a visit to the demo inbox or a reload. */
function readPending(now: number): Pending | null {
  try {
    const pending = JSON.parse(readSession(PENDING_KEY) ?? 'null') as Pending | null;
    return pending && pending.sentAt + pending.sent.expiresIn * 1000 > now ? pending : null;
  } catch {
    return null;
  }
}

interface FieldError {
  field: 'address' | 'code';
  message: string;
}

/**
 * Sign-in with a one-time code: choose e-mail or mobile, send the code, type it in. Calls
 * `onSignedIn` once the session cookie is set. `suggestion` fills in the address (signing in
 * again with the one the user has).
 */
export function SignInForm({
  onSignedIn,
  suggestion,
}: {
  onSignedIn: () => void;
  suggestion?: { channel: Channel; address: string } | null;
}) {
  const t = useT();
  const { intlLocale } = useI18n();
  const queryClient = useQueryClient();
  const hasOutbox = useHasOutbox();
  const ids = {
    address: useId(),
    addressHint: useId(),
    addressError: useId(),
    code: useId(),
    codeHint: useId(),
    codeError: useId(),
  };

  const [pending, setPending] = useState<Pending | null>(() => readPending(Date.now()));
  const [channel, setChannel] = useState<Channel>(
    pending?.channel ?? suggestion?.channel ?? 'email',
  );
  const [address, setAddress] = useState(pending?.address ?? suggestion?.address ?? '');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const [status, setStatus] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);
  const addressInput = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  const send = useMutation({
    mutationFn: (body: { email: string } | { phone: string }) => requestCode(body),
  });
  const verify = useMutation({
    mutationFn: (body: { email: string; code: string } | { phone: string; code: string }) =>
      verifyCode(body),
  });

  useEffect(() => {
    if (fieldError) summary.current?.focus();
  }, [fieldError]);

  function rateLimitMessage(error: unknown): string | null {
    if (!isApiError(error, 'rate_limited')) return null;
    const seconds = error.retryAfterSeconds;
    if (seconds == null || seconds < 60) return t('auth.retrySoon');
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return t('auth.retryAt', {
      time: formatTime(Date.now() + seconds * 1000, browserZone, intlLocale),
    });
  }

  function apiMessage(error: unknown, field: FieldError['field']): FieldError | string {
    const rateLimited = rateLimitMessage(error);
    if (rateLimited) return rateLimited;
    if (isApiError(error, 'validation_failed')) {
      return {
        field,
        message:
          field === 'code'
            ? t('auth.invalidCodeFormat')
            : t(channel === 'email' ? 'auth.invalidEmail' : 'auth.invalidPhone'),
      };
    }
    if (isApiError(error, 'invalid_code'))
      return { field: 'code', message: t('errors.invalid_code') };
    return isApiError(error) ? t(`errors.${error.code}`) : t('errors.unexpected');
  }

  function handleSend(event?: FormEvent) {
    event?.preventDefault();
    if (send.isPending) return;
    const value = address.trim();
    const valid =
      channel === 'email' ? Email.safeParse(value).success : Phone.safeParse(value).success;
    if (!valid) {
      setFieldError({
        field: 'address',
        message: t(channel === 'email' ? 'auth.invalidEmail' : 'auth.invalidPhone'),
      });
      return;
    }
    setFieldError(null);
    verify.reset();
    const isResend = pending != null;
    send.mutate(channel === 'email' ? { email: value } : { phone: value }, {
      onSuccess: (sent) => {
        const next: Pending = { channel, address: value, sent, sentAt: Date.now() };
        setPending(next);
        writeSession(PENDING_KEY, JSON.stringify(next));
        setCode('');
        setStatus(isResend ? t('auth.codeResent') : '');
        // Wait for the code field to exist before moving focus into it.
        window.setTimeout(() => codeInput.current?.focus(), 0);
      },
      onError: (error) => {
        const outcome = apiMessage(error, 'address');
        if (typeof outcome !== 'string') setFieldError(outcome);
      },
    });
  }

  function handleVerify(event: FormEvent) {
    event.preventDefault();
    if (!pending || verify.isPending) return;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setFieldError({ field: 'code', message: t('auth.invalidCodeFormat') });
      return;
    }
    setFieldError(null);
    const body =
      pending.channel === 'email'
        ? { email: pending.address, code: digits }
        : { phone: pending.address, code: digits };
    verify.mutate(body, {
      onSuccess: (me) => {
        writeSession(PENDING_KEY, null);
        queryClient.setQueryData(meQueryKey, me);
        onSignedIn();
      },
      onError: (error) => {
        const outcome = apiMessage(error, 'code');
        if (typeof outcome !== 'string') setFieldError(outcome);
      },
    });
  }

  function handleChangeAddress() {
    setPending(null);
    writeSession(PENDING_KEY, null);
    setFieldError(null);
    send.reset();
    verify.reset();
    setCode('');
    window.setTimeout(() => addressInput.current?.focus(), 0);
  }

  const sendError = send.isError ? apiMessage(send.error, 'address') : null;
  const verifyError = verify.isError ? apiMessage(verify.error, 'code') : null;
  const generalError = [sendError, verifyError].find((e): e is string => typeof e === 'string');
  const fieldId = fieldError?.field === 'code' ? ids.code : ids.address;
  const errorId = fieldError?.field === 'code' ? ids.codeError : ids.addressError;

  return (
    <div className="sign-in">
      {fieldError ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p className="error-summary__title">{t('auth.errorSummary')}</p>
          <ul>
            <li>
              <a
                href={`#${fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(fieldId)?.focus();
                }}
              >
                {fieldError.message}
              </a>
            </li>
          </ul>
        </div>
      ) : null}
      {generalError ? (
        <Alert tone="error">
          <p>{generalError}</p>
        </Alert>
      ) : null}

      {pending == null ? (
        <form className="form card" onSubmit={handleSend} noValidate>
          <fieldset className="choice-group">
            <legend>{t('auth.channelLegend')}</legend>
            <div className="segmented">
              {(['email', 'phone'] as const).map((option) => (
                <label
                  key={option}
                  className={`segmented__option${channel === option ? ' is-checked' : ''}`}
                >
                  <input
                    type="radio"
                    name="channel"
                    value={option}
                    checked={channel === option}
                    onChange={() => {
                      setChannel(option);
                      setAddress('');
                      setFieldError(null);
                    }}
                  />
                  <span>{t(option === 'email' ? 'auth.channelEmail' : 'auth.channelPhone')}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className={`field${fieldError?.field === 'address' ? ' field--error' : ''}`}>
            <label htmlFor={ids.address} className="field__label">
              {t(channel === 'email' ? 'auth.emailLabel' : 'auth.phoneLabel')}
            </label>
            <p id={ids.addressHint} className="field__hint">
              {t(channel === 'email' ? 'auth.emailHint' : 'auth.phoneHint')}
            </p>
            {fieldError?.field === 'address' ? (
              <p id={ids.addressError} className="field__error">
                {fieldError.message}
              </p>
            ) : null}
            <input
              ref={addressInput}
              id={ids.address}
              className="input"
              type={channel === 'email' ? 'email' : 'tel'}
              inputMode={channel === 'email' ? 'email' : 'tel'}
              autoComplete={channel === 'email' ? 'email' : 'tel'}
              value={address}
              onChange={(event) => setAddress(event.target.value)}
              aria-invalid={fieldError?.field === 'address' || undefined}
              aria-describedby={`${ids.addressHint}${fieldError?.field === 'address' ? ` ${errorId}` : ''}`}
              required
            />
          </div>
          <Button type="submit" size="lg" block isBusy={send.isPending}>
            {send.isPending ? t('auth.sending') : t('auth.sendCode')}
          </Button>
        </form>
      ) : (
        <form className="form card" onSubmit={handleVerify} noValidate>
          <p className="sign-in__sent" role="status">
            {t(pending.sent.channel === 'sms' ? 'auth.codeSentSms' : 'auth.codeSentEmail', {
              address: pending.address,
              minutes: Math.max(1, Math.round(pending.sent.expiresIn / 60)),
            })}
            {status ? ` ${status}` : null}
          </p>
          <div className={`field${fieldError?.field === 'code' ? ' field--error' : ''}`}>
            <label htmlFor={ids.code} className="field__label">
              {t('auth.codeLabel')}
            </label>
            <p id={ids.codeHint} className="field__hint">
              {t('auth.codeHint')}
            </p>
            {fieldError?.field === 'code' ? (
              <p id={ids.codeError} className="field__error">
                {fieldError.message}
              </p>
            ) : null}
            <input
              ref={codeInput}
              id={ids.code}
              className="input input--code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
              aria-invalid={fieldError?.field === 'code' || undefined}
              aria-describedby={`${ids.codeHint}${fieldError?.field === 'code' ? ` ${errorId}` : ''}`}
              required
            />
          </div>
          <Button type="submit" size="lg" block isBusy={verify.isPending}>
            {verify.isPending ? t('auth.verifying') : t('auth.verify')}
          </Button>
          <div className="form__secondary">
            <button
              type="button"
              className="link-button"
              onClick={() => handleSend()}
              disabled={send.isPending}
            >
              {t('auth.resend')}
            </button>
            <button type="button" className="link-button" onClick={handleChangeAddress}>
              {t(changeAddressKey(pending.channel))}
            </button>
          </div>
        </form>
      )}

      {hasOutbox ? (
        <Alert tone="info" title={t('auth.demoTitle')} className="sign-in__demo">
          <p>{t('auth.demoNote')}</p>
          <p>
            <Link to="/utboks" target="_blank" rel="noopener" className="text-link">
              {t('auth.demoOutbox')} <span className="muted">{t('app.opensInNewTab')}</span>
            </Link>
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
