import type { Me } from '@visitt/contracts';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useMe } from '../../features/auth/hooks/use-me';
import { safeReturnPath } from '../../features/auth/return-path';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

export function SignInPage() {
  const t = useT();
  const { me } = useMe();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeReturnPath(searchParams.get('neste'));
  // Signing in again although signed in: the server wants a recent sign-in for some changes.
  const isAgain = me != null && searchParams.get('igjen') === '1';

  if (me && !isAgain) return <Navigate to={next} replace />;

  return (
    <Page
      title={isAgain ? t('auth.againTitle') : t('auth.title')}
      appTitle={t('app.name')}
      back={isAgain ? next : '/'}
      className="page--narrow"
    >
      <p className="lead">{isAgain ? t('auth.againIntro') : t('auth.intro')}</p>
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
