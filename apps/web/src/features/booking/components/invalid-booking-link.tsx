import { Alert } from '../../../components/ui/alert';
import { ButtonLink } from '../../../components/ui/button';
import { useT } from '../../../i18n';

/** What a step shows when its link lacks a choice it needs (a hand-edited or truncated URL). */
export function InvalidBookingLink({ clinicId }: { clinicId: string | null }) {
  const t = useT();
  return (
    <Alert tone="warning">
      <p>{t('booking.invalidLink')}</p>
      <ButtonLink
        to={clinicId ? `/klinikk/${clinicId}` : '/finn-klinikk'}
        variant="secondary"
        className="alert__action"
      >
        {t('booking.startOver')}
      </ButtonLink>
    </Alert>
  );
}
