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

  if (me) return <Navigate to={next} replace />;

  return (
    <Page title={t('auth.title')} appTitle={t('app.name')} back="/" className="page--narrow">
      <p className="lead">{t('auth.intro')}</p>
      <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
      <p className="after-list">
        <Link to="/ansatt/logg-inn" className="text-link sign-in__staff">
          {t('staffAuth.link')}
        </Link>
      </p>
    </Page>
  );
}
