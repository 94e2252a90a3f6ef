import { useId } from 'react';
import { Alert, ErrorState } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/spinner';
import { useOutbox } from '../../features/dev-outbox/api/outbox-api';
import { OutboxList } from '../../features/dev-outbox/components/outbox-list';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

/** The demo's mail catcher: messages sent, newest first, with the sign-in codes. */
export function OutboxPage() {
  const t = useT();
  const outbox = useOutbox(3_000);
  const noteId = useId();
  return (
    <Page
      title={t('outbox.title')}
      appTitle={t('outbox.title')}
      back="/"
      headerAside={
        <Button
          variant="secondary"
          icon="inbox"
          onClick={() => void outbox.refetch()}
          isBusy={outbox.isFetching}
          aria-describedby={noteId}
        >
          {t('outbox.refresh')}
        </Button>
      }
    >
      <p className="lead">{t('outbox.intro')}</p>
      <p id={noteId} className="muted">
        {t('outbox.autoRefresh')}
      </p>
      {outbox.isPending ? (
        <LoadingState />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.data == null ? (
        <Alert tone="info">
          <p>{t('outbox.unavailable')}</p>
        </Alert>
      ) : outbox.data.length === 0 ? (
        <p className="empty">{t('outbox.empty')}</p>
      ) : (
        <OutboxList messages={outbox.data} />
      )}
    </Page>
  );
}
