import { useId, useState } from 'react';
import { useT } from '../../../i18n';
import { useMe } from '../../auth/hooks/use-me';
import { ProfileForm } from './profile-form';

/**
 * **Om deg**: the patient's given name, family name and date of birth, to see and change. The
 * clinic sees them with every booking.
 */
export function ProfileSection() {
  const t = useT();
  const { me } = useMe();
  const titleId = useId();
  const [saved, setSaved] = useState(0);
  if (!me) return null;
  return (
    <section className="card profile-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="section__title">
        {t('profile.sectionTitle')}
      </h2>
      <p className="field__hint">{t('profile.sectionIntro')}</p>
      <ProfileForm
        // A fresh form after each save shows what the server stored (trimmed).
        key={saved}
        me={me}
        submitLabel={t('profile.save')}
        onSaved={() => setSaved((n) => n + 1)}
      />
      <p className="profile-section__saved" role="status">
        {saved > 0 ? t('profile.saved') : ''}
      </p>
    </section>
  );
}
