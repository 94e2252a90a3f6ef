import { ButtonLink } from '../../components/ui/button';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <ButtonLink to="/" variant="secondary" icon="home">
        {t('notFound.home')}
      </ButtonLink>
    </Page>
  );
}
