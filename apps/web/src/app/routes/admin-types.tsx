import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from '../../lib/router';
import { Alert, ErrorState } from '../../components/ui/alert';
import { ButtonLink } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/spinner';
import {
  useAdminTypes,
  useClinicPractitioners,
} from '../../features/admin/schedule/api/schedule-api';
import { TypeForm } from '../../features/admin/schedule/components/type-form';
import { editLinkId, TypeList } from '../../features/admin/schedule/components/type-list';
import { AdminPage } from '../../features/admin/components/admin-page';
import { useT } from '../../i18n';

/** `?timetype=ny` opens the form for a new type, `?timetype=<id>` the form for that one. */
const PARAM = 'timetype';
const NEW = 'ny';
const NEW_BUTTON_ID = 'type-new';
const NOTICE_ID = 'type-notice';

/**
 * **Timetyper** (`/admin/:clinicId/timetyper`): the clinic's appointment types, and the form
 * to create, change, deactivate or delete one. The form has its own address, so Back closes it.
 */
export function AdminTypesPage() {
  const t = useT();
  const { clinicId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = searchParams.get(PARAM);
  const types = useAdminTypes(clinicId);
  const practitioners = useClinicPractitioners(clinicId);
  // After saving or removing, focus goes to the message saying so (read out, and the list
  // follows it); after cancelling, back to the button that opened the form.
  const [notice, setNotice] = useState<{ text: string } | null>(null);
  const [focusAfterClose, setFocusAfterClose] = useState<{ id: string } | null>(null);

  useEffect(() => {
    if (focusAfterClose && selected === null) document.getElementById(focusAfterClose.id)?.focus();
  }, [focusAfterClose, selected]);

  const hrefFor = (value: string) => `?${new URLSearchParams({ [PARAM]: value }).toString()}`;
  const closeForm = () => setSearchParams({}, { preventScrollReset: true });

  const isLoading = types.isPending || practitioners.isPending;
  const error = types.error ?? practitioners.error;
  const type = selected && selected !== NEW ? types.data?.find((x) => x.id === selected) : null;

  let content;
  if (isLoading) content = <LoadingState />;
  else if (error)
    content = (
      <ErrorState
        error={error}
        onRetry={() => {
          void types.refetch();
          void practitioners.refetch();
        }}
      />
    );
  else if (selected !== null && selected !== NEW && !type)
    content = (
      <Alert tone="warning">
        <p>{t('adminSchedule.types.notFound')}</p>
        <ButtonLink to="?" variant="secondary" className="alert__action">
          {t('adminSchedule.types.backToList')}
        </ButtonLink>
      </Alert>
    );
  else if (selected !== null)
    content = (
      <TypeForm
        key={selected}
        clinicId={clinicId}
        type={type ?? null}
        practitioners={practitioners.data ?? []}
        onSaved={(text) => {
          setNotice({ text });
          setFocusAfterClose({ id: NOTICE_ID });
          closeForm();
        }}
        onRemoved={(text) => {
          setNotice({ text });
          setFocusAfterClose({ id: NOTICE_ID });
          closeForm();
        }}
        onCancel={() => {
          setNotice(null);
          setFocusAfterClose({ id: type ? editLinkId(type.id) : NEW_BUTTON_ID });
          closeForm();
        }}
      />
    );
  else
    content = (
      <>
        {notice ? (
          <div id={NOTICE_ID} tabIndex={-1} className="focus-target">
            <Alert tone="success" live="status">
              <p>{notice.text}</p>
            </Alert>
          </div>
        ) : null}
        <div className="action-row sched-types__actions">
          <ButtonLink
            id={NEW_BUTTON_ID}
            to={hrefFor(NEW)}
            icon="plus"
            onClick={() => setNotice(null)}
          >
            {t('adminSchedule.types.new')}
          </ButtonLink>
        </div>
        <TypeList
          types={types.data ?? []}
          practitioners={practitioners.data ?? []}
          editHref={(id) => hrefFor(id)}
        />
      </>
    );

  return (
    <AdminPage title={t('adminSchedule.types.title')} className="sched-page">
      <p className="lead">{t('adminSchedule.types.intro')}</p>
      {content}
    </AdminPage>
  );
}
