import type { AppointmentStatus } from '@visitt/contracts';
import { useT } from '../../../i18n';

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const t = useT();
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
