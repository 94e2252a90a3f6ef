import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { browserTimeZone, isSameTimeZone } from '../../../lib/dates';

/** Says that times are on the clinic's clock — only when the patient's own zone differs. */
export function TimeZoneNote({ timeZone }: { timeZone: string }) {
  const t = useT();
  if (isSameTimeZone(browserTimeZone(), timeZone)) return null;
  return (
    <p className="note note--zone">
      <Icon name="globe" size={18} />
      <span>{t('booking.timeZoneNote', { zone: timeZone })}</span>
    </p>
  );
}
