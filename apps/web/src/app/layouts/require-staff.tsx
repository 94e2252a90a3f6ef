import { Navigate, Outlet, useLocation } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { ButtonLink } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/hooks/use-me';
import { isClinicAdmin, staffAccess, staffSignInPath } from '../../features/auth/staff';
import { useT } from '../../i18n';
import { Page } from './page';

/**
 * Renders the child routes for a staff session (password and authenticator code, or HelseID);
 * sends everyone else — signed out, or signed in as a patient with a one-time code or ID-porten,
 * practitioners included — to the staff sign-in and back here after. With `practitioner` (the
 * default: the workspace and its video room) a staff session without a practitioner role is told
 * plainly that the page is for practitioners. The server checks again on every call.
 */
export function RequireStaff({ practitioner = true }: { practitioner?: boolean }) {
  const { me, isLoading, error } = useMe();
  const location = useLocation();
  if (isLoading) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => window.location.reload()} />;
  switch (staffAccess(me, { practitioner })) {
    case 'sign-in':
      return <Navigate to={staffSignInPath(location.pathname + location.search)} replace />;
    case 'not-practitioner':
      return <OnlyForPractitioners isAdmin={isClinicAdmin(me)} />;
    case 'allowed':
      return <Outlet />;
  }
}

function OnlyForPractitioners({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  return (
    <Page title={t('workspace.onlyPractitionersTitle')} className="page--narrow">
      <p className="lead">{t('staffAuth.notPractitionerText')}</p>
      <div className="action-row">
        {isAdmin ? (
          <ButtonLink to="/admin" icon="clinic">
            {t('staffAuth.toAdmin')}
          </ButtonLink>
        ) : null}
        <ButtonLink to="/" variant="secondary" icon="home">
          {t('notFound.home')}
        </ButtonLink>
      </div>
    </Page>
  );
}
