import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  STAFF_PASSWORD_MIN_LENGTH,
  type AcceptedInvitation,
  type Me,
  type StaffRole,
} from '@visitt/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from '../../../lib/router';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { useI18n, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { forgetPushOnThisDevice } from '../../push/forget-push';
import { logout, meQueryKey } from '../api/auth-api';
import { acceptInvitation, invitationQueryKey } from '../api/invitation-api';
import { signInPath } from '../return-path';
import { staffSignInPath } from '../staff';

const PASSWORD_MAX_LENGTH = 200;

/** "behandler og administrator": the roles as words, in the current language. */
export function useRoleList(): (roles: readonly StaffRole[]) => string {
  const { t, intlLocale } = useI18n();
  return (roles) =>
    new Intl.ListFormat(intlLocale, { type: 'conjunction' }).format(
      roles.map((role) => t(`invitation.roleNames.${role}`)),
    );
}

/** Where a new staff member starts: the workspace for practitioners, else administration. */
export function staffHome(roles: readonly StaffRole[]): string {
  return roles.includes('practitioner') ? '/arbeidsflate' : '/admin';
}

/**
 * Accepting an invitation as the signed-in user: the server takes it only from the account whose
 * verified e-mail it was sent to. A user without a staff session (signed in with a one-time code,
 * as the invited usually are) chooses the password for the staff sign-in here; one with a staff
 * session has a password already. "Logg inn med en annen e-postadresse" signs out and back in.
 */
export function AcceptInvitationForm({
  token,
  me,
  onAccepted,
}: {
  token: string;
  me: Me;
  onAccepted: (accepted: AcceptedInvitation) => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const ids = {
    password: useId(),
    passwordHint: useId(),
    passwordError: useId(),
    repeat: useId(),
    repeatError: useId(),
  };
  const needsPassword = !me.staffSession;
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const passwordInput = useRef<HTMLInputElement>(null);
  const repeatInput = useRef<HTMLInputElement>(null);
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token, needsPassword ? { password } : {}),
  });
  // As signing out does: this browser stops getting the user's push notifications first.
  const signOut = useMutation({
    mutationFn: async () => {
      await forgetPushOnThisDevice();
      return logout();
    },
  });
  const here = `/invitasjon/${token}`;

  function handleOtherAddress() {
    signOut.mutate(undefined, {
      onSettled: () => {
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'outbox' });
        queryClient.setQueryData(meQueryKey, null);
        void navigate(signInPath(here));
      },
    });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (accept.isPending) return;
    const found: { password?: string; repeat?: string } = {};
    if (needsPassword) {
      if (password.length < STAFF_PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
        found.password = t('invitation.passwordTooShort', { min: STAFF_PASSWORD_MIN_LENGTH });
      else if (repeat !== password) found.repeat = t('invitation.passwordMismatch');
    }
    setErrors(found);
    if (found.password) return passwordInput.current?.focus();
    if (found.repeat) return repeatInput.current?.focus();
    accept.mutate(undefined, {
      onSuccess: (accepted) => {
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
        onAccepted(accepted);
      },
      onError: (error) => {
        // Expired, used or withdrawn meanwhile: the page shows the invitation's state.
        if (isApiError(error, 'invitation_expired', 'invitation_used', 'invitation_revoked'))
          void queryClient.invalidateQueries({ queryKey: invitationQueryKey(token) });
        if (isApiError(error, 'validation_failed')) {
          setErrors({
            password: t('invitation.passwordTooShort', { min: STAFF_PASSWORD_MIN_LENGTH }),
          });
          passwordInput.current?.focus();
        }
      },
    });
  }

  const mismatch = accept.isError && isApiError(accept.error, 'invitation_email_mismatch');
  const otherError =
    accept.isError && !isApiError(accept.error, 'validation_failed') ? accept.error : null;

  return (
    <>
      {otherError ? (
        <Alert tone="error">
          <p>{errorMessage(otherError)}</p>
          {mismatch ? (
            <Button
              variant="secondary"
              className="alert__action"
              onClick={handleOtherAddress}
              isBusy={signOut.isPending}
            >
              {t('invitation.otherAddress')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <form className="form card" onSubmit={handleSubmit} noValidate>
        <div>
          <p>
            {me.email
              ? t('invitation.signedInAs', { email: me.email })
              : t('invitation.signedInWithoutEmail')}
          </p>
          {mismatch ? null : (
            <button
              type="button"
              className="link-button"
              onClick={handleOtherAddress}
              disabled={signOut.isPending}
            >
              {t('invitation.otherAddress')}
            </button>
          )}
        </div>
        {needsPassword ? (
          <>
            <p>{t('invitation.passwordIntro')}</p>
            {/* For password managers: the account the new password belongs to. */}
            <input type="email" autoComplete="username" value={me.email ?? ''} readOnly hidden />
            <div className={`field${errors.password ? ' field--error' : ''}`}>
              <label htmlFor={ids.password} className="field__label">
                {t('invitation.passwordLabel')}
              </label>
              <p id={ids.passwordHint} className="field__hint">
                {t('invitation.passwordHint', { min: STAFF_PASSWORD_MIN_LENGTH })}
              </p>
              {errors.password ? (
                <p id={ids.passwordError} className="field__error" role="alert">
                  {errors.password}
                </p>
              ) : null}
              <input
                ref={passwordInput}
                id={ids.password}
                className="input"
                type="password"
                autoComplete="new-password"
                minLength={STAFF_PASSWORD_MIN_LENGTH}
                maxLength={PASSWORD_MAX_LENGTH}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={
                  errors.password ? `${ids.passwordHint} ${ids.passwordError}` : ids.passwordHint
                }
                required
              />
            </div>
            <div className={`field${errors.repeat ? ' field--error' : ''}`}>
              <label htmlFor={ids.repeat} className="field__label">
                {t('invitation.passwordRepeat')}
              </label>
              {errors.repeat ? (
                <p id={ids.repeatError} className="field__error" role="alert">
                  {errors.repeat}
                </p>
              ) : null}
              <input
                ref={repeatInput}
                id={ids.repeat}
                className="input"
                type="password"
                autoComplete="new-password"
                maxLength={PASSWORD_MAX_LENGTH}
                value={repeat}
                onChange={(event) => setRepeat(event.target.value)}
                aria-invalid={errors.repeat ? true : undefined}
                aria-describedby={errors.repeat ? ids.repeatError : undefined}
                required
              />
            </div>
            <p className="field__hint">{t('invitation.keepsPassword')}</p>
          </>
        ) : null}
        <Button type="submit" size="lg" block isBusy={accept.isPending}>
          {accept.isPending ? t('invitation.accepting') : t('invitation.accept')}
        </Button>
      </form>
    </>
  );
}

/** After accepting: the membership, and the next step — the staff sign-in, or straight on. */
export function InvitationAccepted({
  accepted,
  me,
}: {
  accepted: AcceptedInvitation;
  me: Me | null;
}) {
  const t = useT();
  const roleList = useRoleList();
  const home = staffHome(accepted.roles);
  const homeLabel =
    home === '/arbeidsflate' ? t('invitation.goToWorkspace') : t('staffAuth.toAdmin');
  return (
    <>
      <Alert tone="success" live="status">
        <p>
          {t('invitation.acceptedText', {
            roles: roleList(accepted.roles),
            clinic: accepted.clinicName,
          })}
        </p>
      </Alert>
      {me?.staffSession ? (
        <div className="card">
          <p>{t('invitation.readyText')}</p>
          <ButtonLink to={home} icon="clinic">
            {homeLabel}
          </ButtonLink>
        </div>
      ) : accepted.hasPassword ? (
        <section className="card" aria-labelledby="invitation-next">
          <h2 id="invitation-next" className="section__title">
            {t('invitation.nextStepTitle')}
          </h2>
          <p>{t('invitation.nextStepText')}</p>
          <ButtonLink to={staffSignInPath(home)} size="lg" icon="user">
            {t('invitation.staffSignIn')}
          </ButtonLink>
        </section>
      ) : (
        <Alert tone="warning">
          <p>{t('invitation.noPassword')}</p>
        </Alert>
      )}
    </>
  );
}
