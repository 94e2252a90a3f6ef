import { useMutation, useQuery } from '@tanstack/react-query';
import type { EnrolmentConfirmed } from '@visitt/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/spinner';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { confirmTotpEnrolment, startTotpEnrolment } from '../api/auth-api';
import { useCopy } from '../hooks/use-copy';
import { groupedSecret, svgDataUri } from '../sign-in-helpers';
import { StepError, StepHeading, TotpCodeInput } from './staff-sign-in-parts';

/** The new authenticator secret of the sign-in under way (one per sign-in: removed after it). */
export const enrolmentQueryKey = ['totp-enrolment'] as const;

/**
 * Step two the first time: set up the authenticator app. The server makes a new secret (asked
 * once: a second request would replace it), shown as a QR code, as an `otpauth:` link for an app
 * on this very device and as the key to type by hand; a code from the app confirms it and starts
 * the session.
 */
export function EnrolStep({
  onConfirmed,
  onStartOver,
}: {
  onConfirmed: (confirmed: EnrolmentConfirmed) => void;
  onStartOver: () => void;
}) {
  const t = useT();
  const enrolment = useQuery({
    queryKey: enrolmentQueryKey,
    // No abort signal: leaving and coming back must not ask for (and so replace) the secret again.
    queryFn: () => startTotpEnrolment(),
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const confirm = useMutation({ mutationFn: confirmTotpEnrolment });
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const secretLabel = useId();
  const { copy, status } = useCopy();

  function refuse(message: string) {
    setFieldError(message);
    setCode('');
    input.current?.focus();
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (confirm.isPending) return;
    if (!/^\d{6}$/.test(code)) return refuse(t('staffAuth.codeRequired'));
    setFieldError(null);
    confirm.mutate(code, {
      onSuccess: onConfirmed,
      onError: (error) => {
        if (isApiError(error, 'invalid_code', 'validation_failed'))
          refuse(t('staffAuth.wrongCode'));
      },
    });
  }

  const stepError =
    (confirm.isError && !isApiError(confirm.error, 'invalid_code', 'validation_failed')
      ? confirm.error
      : null) ?? (enrolment.isError ? enrolment.error : null);

  return (
    <>
      {stepError ? <StepError error={stepError} onStartOver={onStartOver} /> : null}
      <div className="card">
        <StepHeading step={t('staffAuth.codeStep')}>{t('staffAuth.enrolTitle')}</StepHeading>
        <p>{t('staffAuth.enrolIntro')}</p>
        {enrolment.isPending ? (
          <LoadingState label={t('staffAuth.enrolLoading')} />
        ) : enrolment.data ? (
          <ol className="enrol-steps">
            <li>
              <p className="enrol-steps__title">{t('staffAuth.enrolInstall')}</p>
            </li>
            <li>
              <p className="enrol-steps__title">{t('staffAuth.enrolScan')}</p>
              <img
                className="totp-qr"
                src={svgDataUri(enrolment.data.qrSvg)}
                alt={t('staffAuth.enrolQrAlt')}
                width={200}
                height={200}
              />
              <p>
                <a className="text-link" href={enrolment.data.otpauthUri}>
                  {t('staffAuth.enrolOpenApp')}
                </a>
              </p>
              <p id={secretLabel}>{t('staffAuth.enrolManual')}</p>
              <div className="totp-secret">
                <code className="code-text" aria-labelledby={secretLabel} data-testid="totp-secret">
                  {groupedSecret(enrolment.data.secret)}
                </code>
                <Button variant="secondary" onClick={() => copy(enrolment.data.secret)}>
                  {t('staffAuth.copySecret')}
                </Button>
              </div>
              <p className="copy-status" role="status">
                {status}
              </p>
            </li>
            <li>
              <form className="form" onSubmit={handleSubmit} noValidate>
                <p className="enrol-steps__title">{t('staffAuth.enrolEnterCode')}</p>
                <TotpCodeInput
                  ref={input}
                  label={t('staffAuth.codeLabel')}
                  hint={t('staffAuth.codeHint')}
                  error={fieldError}
                  value={code}
                  onChange={setCode}
                />
                <Button type="submit" size="lg" block isBusy={confirm.isPending}>
                  {confirm.isPending ? t('staffAuth.submitting') : t('staffAuth.enrolConfirm')}
                </Button>
              </form>
            </li>
          </ol>
        ) : null}
        <div className="sign-in__restart">
          <button type="button" className="link-button" onClick={onStartOver}>
            {t('staffAuth.startOver')}
          </button>
        </div>
      </div>
    </>
  );
}

/**
 * The recovery codes, shown this once after the app is set up: "save these now", a copy button
 * and **Fortsett**. The session has started already; the page goes on only from here, so the
 * codes are not skipped by accident.
 */
export function RecoveryCodesStep({
  codes,
  onContinue,
}: {
  codes: string[];
  onContinue: () => void;
}) {
  const t = useT();
  const listLabel = useId();
  const { copy, status } = useCopy();
  return (
    <div className="card">
      <StepHeading>{t('staffAuth.recoveryTitle')}</StepHeading>
      <Alert tone="success" live="status">
        <p>{t('staffAuth.appReady')}</p>
      </Alert>
      <p>{t('staffAuth.recoveryText')}</p>
      <Alert tone="warning">
        <p>{t('staffAuth.recoveryOnce')}</p>
      </Alert>
      <p id={listLabel} className="enrol-steps__title">
        {t('staffAuth.recoveryListLabel')}
      </p>
      <ol className="recovery-codes code-text" aria-labelledby={listLabel}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="action-row">
        <Button variant="secondary" onClick={() => copy(codes.join('\n'))}>
          {t('staffAuth.copyCodes')}
        </Button>
        <Button variant="primary" onClick={onContinue}>
          {t('staffAuth.continue')}
        </Button>
      </div>
      <p className="copy-status" role="status">
        {status}
      </p>
    </div>
  );
}
