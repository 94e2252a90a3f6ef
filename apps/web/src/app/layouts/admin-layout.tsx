import { Navigate, Outlet, useLocation, useParams } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { ButtonLink } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/spinner';
import { adminMembershipOf, adminMemberships } from '../../features/admin/admin-access';
import { AdminNav } from '../../features/admin/components/admin-nav';
import type { AdminContext } from '../../features/admin/hooks/use-admin-context';
import { useMe } from '../../features/auth/hooks/use-me';
import { isPractitioner, staffSignInPath } from '../../features/auth/staff';
import { useT } from '../../i18n';
import { Page } from './page';

/**
 * The frame of `/admin/:clinicId/*`: the clinic's name above a sub-navigation of its six pages,
 * and the page. Only for a staff sign-in (others go to it and come back here) of an
 * administrator of this clinic (others are told so plainly). The server checks every call again.
 */
export function AdminLayout() {
  const t = useT();
  const { me, isLoading, error } = useMe();
  const { clinicId } = useParams();
  const location = useLocation();
  if (isLoading) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => window.location.reload()} />;
  if (!me?.staffSession)
    return <Navigate to={staffSignInPath(location.pathname + location.search)} replace />;
  const membership = adminMembershipOf(me, clinicId);
  if (!membership) return <OnlyForAdmins hasAny={adminMemberships(me).length > 0} />;

  const context: AdminContext = {
    clinicId: membership.clinicId,
    clinicName: membership.clinicName,
  };
  return (
    <div className="admin-area">
      <div className="admin-area__context">
        <span className="admin-area__eyebrow">{t('admin.area')}</span>
        <span className="admin-area__clinic">{membership.clinicName}</span>
      </div>
      <div className="admin-area__body">
        <AdminNav clinicId={context.clinicId} clinicName={context.clinicName} />
        <div className="admin-area__page">
          <Outlet context={context} />
        </div>
      </div>
    </div>
  );
}

/**
 * The plain answer for a signed-in staff member who does not administer the clinic asked for
 * (`hasAny` false: no clinic at all).
 */
export function OnlyForAdmins({ hasAny }: { hasAny: boolean }) {
  const t = useT();
  const { me } = useMe();
  return (
    <Page title={t('admin.onlyAdmins.title')} className="page--narrow">
      <p className="lead">{hasAny ? t('admin.onlyAdmins.text') : t('admin.onlyAdmins.noneText')}</p>
      <div className="action-row">
        {isPractitioner(me) ? (
          <ButtonLink to="/arbeidsflate" icon="clinic">
            {t('admin.onlyAdmins.toWorkspace')}
          </ButtonLink>
        ) : (
          <ButtonLink to="/" icon="home">
            {t('admin.onlyAdmins.toHome')}
          </ButtonLink>
        )}
        {hasAny ? (
          <ButtonLink to="/admin" variant="secondary">
            {t('admin.home.title')}
          </ButtonLink>
        ) : null}
      </div>
    </Page>
  );
}
