import { useNavigate, usePrefetch } from '../../../lib/router';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { useMe } from '../../auth/hooks/use-me';
import { signInPath } from '../../auth/return-path';

const FIND_CLINIC = '/finn-klinikk';

/**
 * The way into booking: the green **Start** in the app, the blue **Start helsehjelp** at the
 * top right of the portal. Signed-out users sign in first and then land on clinic search.
 */
export function StartBookingButton({
  layout,
  describedBy,
}: {
  layout: 'app' | 'portal';
  describedBy?: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useMe();
  const target = me ? FIND_CLINIC : signInPath(FIND_CLINIC);
  usePrefetch(target);

  function handleClick() {
    void navigate(target);
  }

  return layout === 'app' ? (
    <Button
      variant="start"
      size="lg"
      block
      onClick={handleClick}
      aria-describedby={describedBy}
      className="start-button"
    >
      {t('nav.start')}
    </Button>
  ) : (
    <Button variant="primary" onClick={handleClick} aria-describedby={describedBy}>
      {t('nav.startHealthcare')}
    </Button>
  );
}
