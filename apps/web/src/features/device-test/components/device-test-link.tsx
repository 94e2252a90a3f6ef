import { Link } from '../../../lib/router';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';

/** The way to the test page, where a video appointment is shown. */
export function DeviceTestLink() {
  const t = useT();
  return (
    <Link to="/test" className="text-link device-test-link">
      <Icon name="video" size={18} />
      <span>{t('videoTest.link')}</span>
    </Link>
  );
}
