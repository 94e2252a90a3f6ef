import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../components/ui/alert';
import { ButtonLink } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/hooks/use-me';
import { isPractitioner, staffSignInPath } from '../../features/auth/staff';
import { useT } from '../../i18n';
import { Page } from './page';

/**
 * Renders the child routes for a signed-in practitioner; sends the signed-out to the staff
 * sign-in (and back here after), and tells everyone else plainly that this is for practitioners.
 * The server checks again on every call.
 */
export function RequireStaff() {
  const { me, isLoading, error } = useMe();
  const location = useLocation();
  if (isLoading) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => window.location.reload()} />;
  if (!me) return <Navigate to={staffSignInPath(location.pathname + location.search)} replace />;
  if (!isPractitioner(me)) return <OnlyForPractitioners />;
  return <Outlet />;
}

function OnlyForPractitioners() {
  const t = useT();
  return (
    <Page title={t('workspace.onlyPractitionersTitle')} className="page--narrow">
      <p className="lead">{t('workspace.onlyPractitionersText')}</p>
      <div className="action-row">
        <ButtonLink to="/timer" icon="calendar">
          {t('nav.myCalendar')}
        </ButtonLink>
        <ButtonLink to="/ansatt/logg-inn" variant="secondary" icon="user">
          {t('workspace.signInAsStaff')}
        </ButtonLink>
      </div>
    </Page>
  );
}
