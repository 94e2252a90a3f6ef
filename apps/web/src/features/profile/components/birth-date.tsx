import { useI18n, useT } from '../../../i18n';
import { formatBirthDate } from '../profile-form';

/**
 * A patient's date of birth for staff screens, "f. 17.05.1980", read as "Fødselsdato 17.05.1980";
 * nothing when it is not known.
 */
export function BirthDate({ date, className }: { date: string | null; className?: string }) {
  const t = useT();
  const { intlLocale } = useI18n();
  if (!date) return null;
  const formatted = formatBirthDate(date, intlLocale);
  return (
    <span className={className}>
      <span aria-hidden="true">{t('profile.born', { date: formatted })}</span>
      <span className="visually-hidden">
        {t('profile.bornLabel')} {formatted}
      </span>
    </span>
  );
}
