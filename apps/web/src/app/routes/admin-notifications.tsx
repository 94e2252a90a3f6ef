import { ErrorState } from '../../components/ui/alert';
import { LoadingState } from '../../components/ui/spinner';
import { useNotificationSettings } from '../../features/admin/api/admin-api';
import { AdminPage } from '../../features/admin/components/admin-page';
import { NotificationSettingsForm } from '../../features/admin/components/notification-settings-form';
import { useAdminContext } from '../../features/admin/hooks/use-admin-context';
import { useT } from '../../i18n';

/** `/admin/:clinicId/varsler`: which messages the clinic sends, on which channels, and when. */
export function AdminNotificationsPage() {
  const t = useT();
  const { clinicId } = useAdminContext();
  const settings = useNotificationSettings(clinicId);
  return (
    <AdminPage title={t('admin.notificationSettings.title')}>
      <p className="lead">{t('admin.notificationSettings.intro')}</p>
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <NotificationSettingsForm clinicId={clinicId} settings={settings.data} />
      )}
    </AdminPage>
  );
}
