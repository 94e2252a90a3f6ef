import { useMutation } from '@tanstack/react-query';
import { Email, type CodeSent, type ContactCodeBody } from '@visitt/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from '../../../lib/router';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { useI18n } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { browserTimeZone, formatTime } from '../../../lib/dates';
import { signInAgainPath } from '../../auth/return-path';
import { useHasOutbox } from '../../dev-outbox/api/outbox-api';
import { requestContactCode, useVerifyContact } from '../api/notifications-api';
import { clearContactDraft, saveContactDraft } from '../contact-draft';
import {
  formatPhoneNumber,
  isCurrentAddress,
  normalizeEmailInput,
  normalizePhoneInput,
  type ContactKind,
} from '../contact-format';

/** Where the user comes back to after signing in again. */
const RETURN_PATH = '/varsler';

/** What went wrong, and where it is shown. */
type Problem =
  | { type: 'field'; field: 'address' | 'code'; message: string }
  | { type: 'general'; message: string }
  | { type: 'reauth' };

interface Sent {
  /** The address in the server's form (E.164 for mobile numbers). */
  address: string;
  code: CodeSent;
  isResend: boolean;
}

interface ContactChangeFormProps {
  kind: ContactKind;
  /** The user's address now, and whether it is verified (then typing it again is pointless). */
  current: { address: string | null; verified: boolean };
  initialAddress: string;
  /** Opened again after signing in anew: says how to go on. */
  isResumed: boolean;
  /** Move focus into the address field when the form opens (not when the page loads). */
  shouldFocus: boolean;
  /** The address is now the user's, verified; `address` as it should be shown. */
  onDone: (address: string) => void;
  onCancel: () => void;
}

/**
 * A new e-mail address or mobile number in two steps: type it and get a code sent there, then
 * type the code. Focus moves to the code field once the code is on its way and to the field at
 * fault after an error; `onDone` takes it on after success. A sign-in older than 15 minutes is
 * refused by the server: the typed address is kept while the user signs in again.
 */
export function ContactChangeForm({
  kind,
  current,
  initialAddress,
  isResumed,
  shouldFocus,
  onDone,
  onCancel,
}: ContactChangeFormProps) {
  const { t, intlLocale } = useI18n();
  const errorMessage = useErrorMessage();
  const hasOutbox = useHasOutbox();
  const ids = {
    address: useId(),
    addressHint: useId(),
    addressError: useId(),
    code: useId(),
    codeHint: useId(),
    codeError: useId(),
    sent: useId(),
    resumed: useId(),
  };
  const [address, setAddress] = useState(initialAddress);
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // A new object each time, so asking twice for the same field moves focus again.
  const [focusRequest, setFocusRequest] = useState<{ field: 'address' | 'code' } | null>(null);
  const addressInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const reauthAlert = useRef<HTMLDivElement>(null);

  const send = useMutation({ mutationFn: (body: ContactCodeBody) => requestContactCode(body) });
  const verify = useVerifyContact();

  useEffect(() => {
    if (shouldFocus) addressInput.current?.focus();
    else if (isResumed) {
      // Back from signing in again: after the page has focused its h1, on to where the user was.
      const timer = window.setTimeout(() => addressInput.current?.focus(), 0);
      return () => window.clearTimeout(timer);
    }
    // Only when the form opens.
  }, []);

  useEffect(() => {
    // After the step's form is on the screen (a timer could run before React has rendered it).
    if (focusRequest) (focusRequest.field === 'code' ? codeInput : addressInput).current?.focus();
  }, [focusRequest]);

  useEffect(() => {
    if (problem?.type === 'field')
      (problem.field === 'code' ? codeInput : addressInput).current?.focus();
    else if (problem?.type === 'reauth') reauthAlert.current?.focus();
  }, [problem]);

  // A number in a sentence is kept on one line.
  const shown = (value: string) =>
    kind === 'sms' ? formatPhoneNumber(value).replace(/ /g, '\u00a0') : value;

  function retryMessage(error: unknown): string | null {
    if (!isApiError(error, 'rate_limited')) return null;
    const seconds = error.retryAfterSeconds;
    if (seconds == null || seconds < 60) return t('auth.retrySoon');
    return t('auth.retryAt', {
      time: formatTime(Date.now() + seconds * 1000, browserTimeZone(), intlLocale),
    });
  }

  function problemOf(error: unknown, step: 'address' | 'code'): Problem {
    if (isApiError(error, 'reauth_required')) return { type: 'reauth' };
    const retry = retryMessage(error);
    if (retry) return { type: 'general', message: retry };
    if (isApiError(error, 'validation_failed'))
      return step === 'code'
        ? { type: 'field', field: 'code', message: t('notifications.invalidCodeFormat') }
        : { type: 'field', field: 'address', message: t(`notifications.${kind}.invalid`) };
    if (isApiError(error, 'invalid_code'))
      return { type: 'field', field: 'code', message: t('errors.invalid_code') };
    if (isApiError(error, 'address_in_use'))
      return { type: 'general', message: t(`notifications.${kind}.inUse`) };
    if (isApiError(error, 'channel_unavailable'))
      return { type: 'general', message: t(`notifications.${kind}.unavailable`) };
    return { type: 'general', message: errorMessage(error) };
  }

  /** The typed address in the server's form, or a problem with it. */
  function checkAddress(value: string): string | Problem {
    const normal = kind === 'email' ? normalizeEmailInput(value) : normalizePhoneInput(value);
    const isValid = kind === 'email' ? Email.safeParse(normal).success : normal != null;
    if (!normal || !isValid)
      return { type: 'field', field: 'address', message: t(`notifications.${kind}.invalid`) };
    if (current.verified && isCurrentAddress(kind, value, current.address))
      return { type: 'field', field: 'address', message: t(`notifications.${kind}.same`) };
    return normal;
  }

  function sendCode(target: string, isResend: boolean) {
    if (send.isPending) return;
    setProblem(null);
    verify.reset();
    send.mutate(kind === 'email' ? { email: target } : { phone: target }, {
      onSuccess: (codeSent) => {
        clearContactDraft();
        setSent({ address: target, code: codeSent, isResend });
        setCode('');
        setFocusRequest({ field: 'code' });
      },
      onError: (error) => {
        const next = problemOf(error, 'address');
        if (next.type === 'reauth') saveContactDraft(kind, address.trim());
        // A new code for the same address: there is no address field to point at.
        setProblem(
          isResend && next.type === 'field' ? { type: 'general', message: next.message } : next,
        );
      },
    });
  }

  function handleSend(event: FormEvent) {
    event.preventDefault();
    const checked = checkAddress(address);
    if (typeof checked !== 'string') {
      setProblem(checked);
      return;
    }
    sendCode(checked, false);
  }

  function handleVerify(event: FormEvent) {
    event.preventDefault();
    if (!sent || verify.isPending) return;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setProblem({ type: 'field', field: 'code', message: t('notifications.invalidCodeFormat') });
      return;
    }
    setProblem(null);
    const body =
      kind === 'email'
        ? { email: sent.address, code: digits }
        : { phone: sent.address, code: digits };
    verify.mutate(body, {
      onSuccess: (settings) => {
        clearContactDraft();
        onDone(shown(settings[kind].address ?? sent.address));
      },
      onError: (error) => {
        const next = problemOf(error, 'code');
        if (next.type === 'reauth') saveContactDraft(kind, address.trim());
        setProblem(next);
      },
    });
  }

  function handleOtherAddress() {
    setSent(null);
    setProblem(null);
    send.reset();
    verify.reset();
    setCode('');
    setFocusRequest({ field: 'address' });
  }

  const fieldError = (field: 'address' | 'code') =>
    problem?.type === 'field' && problem.field === field ? problem.message : null;
  const addressError = fieldError('address');
  const codeError = fieldError('code');

  const problems = (
    <>
      {problem?.type === 'general' ? (
        <Alert tone="error" className="contact-form__alert">
          <p>{problem.message}</p>
        </Alert>
      ) : null}
      {problem?.type === 'reauth' ? (
        <div ref={reauthAlert} tabIndex={-1} className="focus-target">
          <Alert
            tone="warning"
            live="alert"
            title={t('notifications.reauthTitle')}
            className="contact-form__alert"
          >
            <p>{t('notifications.reauthText')}</p>
            <ButtonLink
              to={signInAgainPath(RETURN_PATH)}
              variant="secondary"
              icon="user"
              className="alert__action"
            >
              {t('notifications.reauthButton')}
            </ButtonLink>
          </Alert>
        </div>
      ) : null}
    </>
  );

  if (sent == null) {
    return (
      <form key="address" className="form contact-form" onSubmit={handleSend} noValidate>
        {isResumed ? (
          <p id={ids.resumed} className="contact-form__resumed">
            {t('notifications.resumed')}
          </p>
        ) : null}
        <div className={`field${addressError ? ' field--error' : ''}`}>
          <label htmlFor={ids.address} className="field__label">
            {t(`notifications.${kind}.newLabel`)}
          </label>
          <p id={ids.addressHint} className="field__hint">
            {t(`notifications.${kind}.newHint`)}
          </p>
          {addressError ? (
            <p id={ids.addressError} className="field__error">
              {addressError}
            </p>
          ) : null}
          <input
            ref={addressInput}
            id={ids.address}
            className="input contact-form__input"
            type={kind === 'email' ? 'email' : 'tel'}
            inputMode={kind === 'email' ? 'email' : 'tel'}
            autoComplete={kind === 'email' ? 'email' : 'tel'}
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            aria-invalid={addressError ? true : undefined}
            aria-describedby={`${isResumed ? `${ids.resumed} ` : ''}${ids.addressHint}${addressError ? ` ${ids.addressError}` : ''}`}
            required
          />
        </div>
        {problems}
        <div className="contact-form__actions">
          <Button type="submit" isBusy={send.isPending}>
            {send.isPending ? t('notifications.sending') : t('notifications.sendCode')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('notifications.cancel')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form key="code" className="form contact-form" onSubmit={handleVerify} noValidate>
      <p id={ids.sent} className="contact-form__sent" role="status">
        {t('notifications.codeSent', {
          address: shown(sent.address),
          minutes: Math.max(1, Math.round(sent.code.expiresIn / 60)),
        })}
        {sent.isResend ? ` ${t('notifications.codeResent')}` : null}
      </p>
      <div className={`field${codeError ? ' field--error' : ''}`}>
        <label htmlFor={ids.code} className="field__label">
          {t('notifications.codeLabel')}
        </label>
        <p id={ids.codeHint} className="field__hint">
          {t('notifications.codeHint')}
        </p>
        {codeError ? (
          <p id={ids.codeError} className="field__error">
            {codeError}
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
          aria-invalid={codeError ? true : undefined}
          aria-describedby={`${ids.sent} ${ids.codeHint}${codeError ? ` ${ids.codeError}` : ''}`}
          required
        />
      </div>
      {problems}
      <div className="contact-form__actions">
        <Button type="submit" isBusy={verify.isPending}>
          {verify.isPending ? t('notifications.confirming') : t('notifications.confirm')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('notifications.cancel')}
        </Button>
      </div>
      <div className="form__secondary">
        <button
          type="button"
          className="link-button"
          onClick={() => sendCode(sent.address, true)}
          disabled={send.isPending}
        >
          {t('notifications.resend')}
        </button>
        <button type="button" className="link-button" onClick={handleOtherAddress}>
          {t(`notifications.${kind}.other`)}
        </button>
      </div>
      {hasOutbox ? (
        <Alert tone="info" className="contact-form__demo">
          <p>{t('notifications.demoNote')}</p>
          <p>
            <Link to="/utboks" target="_blank" rel="noopener" className="text-link">
              {t('notifications.demoOutbox')}{' '}
              <span className="muted">{t('app.opensInNewTab')}</span>
            </Link>
          </p>
        </Alert>
      ) : null}
    </form>
  );
}
