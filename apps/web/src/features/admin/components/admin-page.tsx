import type { ReactNode } from 'react';
import { Page } from '../../../app/layouts/page';
import { useT } from '../../../i18n';
import { useAdminContext } from '../hooks/use-admin-context';

/**
 * One page of the admin area: its h1, and a document title that names the clinic too
 * ("Ansatte – Demo legesenter – Visitt").
 */
export function AdminPage({
  title,
  className,
  children,
}: {
  title: string;
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  const { clinicName } = useAdminContext();
  return (
    <Page
      title={title}
      documentTitle={t('admin.documentTitle', { page: title, clinic: clinicName })}
      appTitle={t('admin.area')}
      className={`admin-page${className ? ` ${className}` : ''}`}
    >
      {children}
    </Page>
  );
}
