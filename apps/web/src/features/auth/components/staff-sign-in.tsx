import { useQueryClient } from '@tanstack/react-query';
import type { EnrolmentConfirmed, Me } from '@visitt/contracts';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { meQueryKey } from '../api/auth-api';
import { EnrolStep, enrolmentQueryKey, RecoveryCodesStep } from './staff-enrolment';
import { PasswordForm } from './staff-password-form';
import { SecondFactorForm } from './staff-second-factor-form';

type Step =
  | { kind: 'password' }
  | { kind: 'totp' }
  | { kind: 'enrol' }
  | { kind: 'recovery-codes'; confirmed: EnrolmentConfirmed };

/**
 * Staff sign-in in two steps, as the API has it: e-mail and password (the server keeps the
 * sign-in under way in a short-lived cookie), then the code from the authenticator app or a
 * recovery code — or, the first time, setting the app up (QR code, key, a code to confirm) and
 * seeing the recovery codes once. `onSignedIn` runs once the session has started and the user is
 * known; `beforeForm` (e.g. the HelseID button) shows on the first step only. `initialEmail`
 * fills in the address (the signed-in user's).
 */
export function StaffSignIn({
  onSignedIn,
  onSessionStarted,
  beforeForm,
  initialEmail = '',
}: {
  onSignedIn: () => void;
  /**
   * The session has started but the recovery codes are still shown: the page must not move on
   * by itself (e.g. when the signed-in user is fetched again), or they would be lost.
   */
  onSessionStarted?: () => void;
  beforeForm?: ReactNode;
  initialEmail?: string;
}) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [email, setEmail] = useState(initialEmail);
  const region = useRef<HTMLDivElement>(null);
  const isFirstRender = useRef(true);

  // Each new step moves focus to its heading, so screen readers start reading from there.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    // A step that put focus into one of its fields itself keeps it there.
    if (
      document.activeElement instanceof HTMLInputElement &&
      region.current?.contains(document.activeElement)
    )
      return;
    region.current?.querySelector<HTMLElement>('[data-step-focus]')?.focus();
  }, [step.kind]);

  function finish(me: Me) {
    // Another person's cached data (a patient signed in before on this device) must go.
    queryClient.removeQueries({
      predicate: (query) => query.queryKey[0] !== 'outbox' && query.queryKey[0] !== 'me',
    });
    queryClient.setQueryData(meQueryKey, me);
    onSignedIn();
  }

  function startOver() {
    queryClient.removeQueries({ queryKey: enrolmentQueryKey });
    setStep({ kind: 'password' });
  }

  return (
    <div className="sign-in" ref={region}>
      {step.kind === 'password' ? (
        <>
          {beforeForm}
          <PasswordForm
            email={email}
            onEmailChange={setEmail}
            onNext={(next) => setStep({ kind: next })}
          />
        </>
      ) : step.kind === 'totp' ? (
        <SecondFactorForm email={email} onSignedIn={finish} onStartOver={startOver} />
      ) : step.kind === 'enrol' ? (
        <EnrolStep
          onConfirmed={(confirmed) => {
            onSessionStarted?.();
            setStep({ kind: 'recovery-codes', confirmed });
          }}
          onStartOver={startOver}
        />
      ) : (
        <RecoveryCodesStep
          codes={step.confirmed.recoveryCodes}
          onContinue={() => finish(step.confirmed.me)}
        />
      )}
    </div>
  );
}
