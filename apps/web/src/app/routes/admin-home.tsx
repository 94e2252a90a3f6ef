import { Link, Navigate, useLocation } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { adminMemberships, adminPath } from '../../features/admin/admin-access';
import { useMe } from '../../features/auth/hooks/use-me';
import { staffSignInPath } from '../../features/auth/staff';
import { useT } from '../../i18n';
import { OnlyForAdmins } from '../layouts/admin-layout';
import { Page } from '../layouts/page';

/**
 * `/admin`: straight on to the clinic's profile for an administrator of one clinic; a choice
 * for one of several; a plain answer for staff who administer none.
 */
export function AdminHomePage() {
  const t = useT();
  const { me, isLoading, error } = useMe();
  const location = useLocation();
  if (isLoading) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => window.location.reload()} />;
  if (!me?.staffSession) return <Navigate to={staffSignInPath(location.pathname)} replace />;
  const clinics = adminMemberships(me);
  if (clinics.length === 0) return <OnlyForAdmins hasAny={false} />;
  if (clinics.length === 1)
    return <Navigate to={adminPath(clinics[0]!.clinicId, 'profil')} replace />;

  return (
    <Page title={t('admin.home.title')} className="page--narrow">
      <p className="lead">{t('admin.home.intro')}</p>
      <ul className="card-list" role="list" aria-label={t('admin.home.listLabel')}>
        {clinics.map((clinic) => (
          <li key={clinic.clinicId}>
            <Link to={adminPath(clinic.clinicId, 'profil')} className="choice-card">
              <Icon name="clinic" size={24} className="choice-card__icon" />
              <span className="choice-card__body">
                <span className="choice-card__title">{clinic.clinicName}</span>
              </span>
              <Icon name="chevronRight" className="choice-card__chevron" />
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
