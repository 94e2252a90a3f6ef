import type { Me } from '@visitt/contracts';
import { Dialog } from '../../../components/ui/dialog';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { ProfileForm } from './profile-form';

/**
 * **Hvem er du?**: the one short step before a patient's first booking, in a modal dialog. The
 * booking page keeps the chosen time and the comment behind it; `onSaved` continues the booking.
 */
export function ProfileStep({
  isOpen,
  me,
  onSaved,
  onClose,
}: {
  isOpen: boolean;
  me: Me | null;
  onSaved: (me: Me) => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog isOpen={isOpen} title={t('profile.stepTitle')} onClose={onClose} actions={null}>
      <p className="dialog__intro">{t('profile.stepIntro')}</p>
      {/* Mounted only while open, so that it starts from what the server has each time. */}
      {isOpen ? (
        <ProfileForm
          me={me}
          submitLabel={t('profile.saveAndBook')}
          onSaved={onSaved}
          actions={
            <Button variant="secondary" onClick={onClose}>
              {t('profile.cancel')}
            </Button>
          }
        />
      ) : null}
    </Dialog>
  );
}
