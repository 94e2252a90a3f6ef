import type { Me } from '@visitt/contracts';
import { safeReturnPath } from '@visitt/domain';
import { Link, Navigate, useNavigate, useSearchParams } from '../../lib/router';
import { IdentityProviderOption } from '../../features/auth/components/identity-provider-option';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { SignInRefusal } from '../../features/auth/components/sign-in-refusal';
import { useMe } from '../../features/auth/hooks/use-me';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

/**
 * `/logg-inn?neste=&igjen=&feil=`: sign in with a one-time code, or with the patients' identity
 * provider (ID-porten) where one is configured; then `neste`. `feil` is a refusal from the
 * identity provider, shown here (also to a signed-in user, who then stays on the page).
 */
export function SignInPage() {
  const t = useT();
  const { me } = useMe();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeReturnPath(searchParams.get('neste'), '/');
  const refusal = searchParams.get('feil');
  // Signing in again although signed in: the server wants a recent sign-in for some changes (or
  // the identity provider refused to link the signed-in account).
  const isAgain = me != null && (searchParams.get('igjen') === '1' || refusal != null);

  if (me && !isAgain) return <Navigate to={next} replace />;

  return (
    <Page
      title={isAgain ? t('auth.againTitle') : t('auth.title')}
      appTitle={t('app.name')}
      back={isAgain ? next : '/'}
      className="page--narrow"
    >
      <p className="lead">{isAgain ? t('auth.againIntro') : t('auth.intro')}</p>
      <SignInRefusal code={refusal} />
      {/* Signed in already: the identity is linked to this account, not signed in to another. */}
      <IdentityProviderOption kind="patient" next={next} link={me != null} />
      <SignInForm
        onSignedIn={() => void navigate(next, { replace: true })}
        suggestion={isAgain ? ownAddress(me) : null}
      />
      <p className="after-list">
        <Link to="/ansatt/logg-inn" className="text-link sign-in__staff">
          {t('staffAuth.link')}
        </Link>
      </p>
    </Page>
  );
}

/** The address to sign in again with: the verified e-mail, else the verified mobile number. */
function ownAddress(me: Me): { channel: 'email' | 'phone'; address: string } | null {
  if (me.email && me.emailVerified) return { channel: 'email', address: me.email };
  if (me.phone && me.phoneVerified) return { channel: 'phone', address: me.phone };
  return null;
}
