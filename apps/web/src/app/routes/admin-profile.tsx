import { ErrorState } from '../../components/ui/alert';
import { LoadingState } from '../../components/ui/spinner';
import { useAdminClinic } from '../../features/admin/api/admin-api';
import { AdminPage } from '../../features/admin/components/admin-page';
import { ClinicProfileForm } from '../../features/admin/components/clinic-profile-form';
import { useAdminContext } from '../../features/admin/hooks/use-admin-context';
import { useT } from '../../i18n';

/** `/admin/:clinicId/profil`: the clinic's name, address, town, time zone and settings. */
export function AdminProfilePage() {
  const t = useT();
  const { clinicId } = useAdminContext();
  const clinic = useAdminClinic(clinicId);
  return (
    <AdminPage title={t('admin.profile.title')}>
      <p className="lead">{t('admin.profile.intro')}</p>
      {clinic.isPending ? (
        <LoadingState />
      ) : clinic.isError ? (
        <ErrorState error={clinic.error} onRetry={() => void clinic.refetch()} />
      ) : (
        <ClinicProfileForm key={clinic.data.id} clinic={clinic.data} />
      )}
    </AdminPage>
  );
}
