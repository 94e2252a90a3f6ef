import { DeviceTest } from '../../features/device-test/components/device-test';
import { deviceTestTexts } from '../../features/device-test/texts';
import { useI18n } from '../../i18n';
import { Page } from '../layouts/page';

/** `/test`: camera, sound and network, tried any time, without signing in. */
export function DeviceTestPage() {
  const { locale } = useI18n();
  return (
    <Page title={deviceTestTexts[locale].title} className="device-test-page">
      <DeviceTest />
    </Page>
  );
}
