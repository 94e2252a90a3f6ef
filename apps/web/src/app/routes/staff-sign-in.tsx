import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { StaffSignInForm } from '../../features/auth/components/staff-sign-in-form';
import { useMe } from '../../features/auth/hooks/use-me';
import { safeReturnPath } from '../../features/auth/return-path';
import { isPractitioner } from '../../features/auth/staff';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

/** `/ansatt/logg-inn?neste=`: staff sign-in with e-mail and password, then the workspace. */
export function StaffSignInPage() {
  const t = useT();
  const { me } = useMe();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeReturnPath(searchParams.get('neste'), '/arbeidsflate');

  if (isPractitioner(me)) return <Navigate to={next} replace />;

  return (
    <Page title={t('staffAuth.title')} appTitle={t('app.name')} back="/" className="page--narrow">
      <p className="lead">{t('staffAuth.intro')}</p>
      <StaffSignInForm onSignedIn={() => void navigate(next, { replace: true })} />
      <p className="after-list">
        <Link to="/logg-inn" className="text-link">
          {t('staffAuth.patientLink')}
        </Link>
      </p>
    </Page>
  );
}
