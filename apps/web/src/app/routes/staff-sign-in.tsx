import { useState } from 'react';
import { safeReturnPath } from '@visitt/domain';
import { Link, Navigate, useNavigate, useSearchParams } from '../../lib/router';
import { Alert } from '../../components/ui/alert';
import { LoadingState } from '../../components/ui/spinner';
import { IdentityProviderOption } from '../../features/auth/components/identity-provider-option';
import { SignInRefusal } from '../../features/auth/components/sign-in-refusal';
import { StaffSignIn } from '../../features/auth/components/staff-sign-in';
import { useMe } from '../../features/auth/hooks/use-me';
import { hasStaffSession } from '../../features/auth/staff';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

/**
 * `/ansatt/logg-inn?neste=&feil=`: staff sign-in — e-mail and password, then the code from the
 * authenticator app (or setting it up the first time) — or HelseID where configured; then
 * `neste` (the workspace by default). `feil` is a refusal from the HelseID sign-in. A user with a
 * staff session goes straight on; one signed in as a patient (one-time code, ID-porten) signs in
 * here as staff, which ends that session.
 */
export function StaffSignInPage() {
  const t = useT();
  const { me, isLoading } = useMe();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeReturnPath(searchParams.get('neste'), '/arbeidsflate');
  const refusal = searchParams.get('feil');
  // While the recovery codes are shown the session exists already: stay until "Fortsett".
  const [showingCodes, setShowingCodes] = useState(false);

  if (hasStaffSession(me) && !showingCodes) return <Navigate to={next} replace />;

  return (
    <Page title={t('staffAuth.title')} appTitle={t('app.name')} back="/" className="page--narrow">
      <p className="lead">{t('staffAuth.intro')}</p>
      {isLoading ? (
        <LoadingState />
      ) : (
        <StaffSignIn
          initialEmail={me?.email ?? ''}
          onSignedIn={() => void navigate(next, { replace: true })}
          onSessionStarted={() => setShowingCodes(true)}
          beforeForm={
            <>
              <SignInRefusal code={refusal} />
              {me ? (
                <Alert tone="info">
                  <p>{t('staffAuth.patientSession')}</p>
                </Alert>
              ) : null}
              <IdentityProviderOption kind="staff" next={next} />
            </>
          }
        />
      )}
      <p className="after-list">
        <Link to="/logg-inn" className="text-link">
          {t('staffAuth.patientLink')}
        </Link>
      </p>
    </Page>
  );
}
