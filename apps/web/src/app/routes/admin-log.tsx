import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { useAdminClinic, useAuditLog, useStaffOverview } from '../../features/admin/api/admin-api';
import {
  auditFilterParams,
  hasAuditFilters,
  readAuditFilters,
  type AuditFilters,
} from '../../features/admin/audit-filters';
import { AdminPage } from '../../features/admin/components/admin-page';
import { AuditFiltersForm } from '../../features/admin/components/audit-filters-form';
import { AuditLog } from '../../features/admin/components/audit-log';
import { useAdminContext } from '../../features/admin/hooks/use-admin-context';
import { useT } from '../../i18n';
import { useShell } from '../layouts/shell-context';

/**
 * `/admin/:clinicId/logg?fra=&til=&handling=&hvem=&gjelder=`: the clinic's audit log, newest
 * first, filtered by the address (so a filtered view can be linked to and survives a reload),
 * and paged with "Vis flere" (focus moves to the first entry loaded).
 */
export function AdminLogPage() {
  const t = useT();
  const { isWide } = useShell();
  const { clinicId, clinicName } = useAdminContext();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readAuditFilters(searchParams);
  const filterKey = auditFilterParams(filters).toString();
  const clinic = useAdminClinic(clinicId);
  const staff = useStaffOverview(clinicId);
  const log = useAuditLog(clinicId, filters);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const focusRef = useRef<HTMLElement>(null);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const timeZone = clinic.data?.timeZone;
  const chosenActor = filters.actorUserId
    ? entries.find((e) => e.actor?.userId === filters.actorUserId)?.actor
    : undefined;
  const chosenActorName = chosenActor ? (chosenActor.name ?? chosenActor.email) : null;

  useEffect(() => {
    if (focusIndex !== null && focusIndex < entries.length) focusRef.current?.focus();
  }, [focusIndex, entries.length]);

  function apply(next: AuditFilters) {
    setFocusIndex(null);
    setSearchParams(auditFilterParams(next));
  }

  const isReady = log.data !== undefined && timeZone !== undefined;

  return (
    <AdminPage title={t('admin.audit.title')} className="admin-log">
      <p className="lead">{t('admin.audit.intro')}</p>
      <AuditFiltersForm
        key={filterKey}
        clinicId={clinicId}
        filters={filters}
        staff={staff.data?.members ?? []}
        actorName={chosenActorName}
        onApply={apply}
      />
      <div className="admin-log__toolbar">
        {timeZone ? (
          <p className="field__hint">{t('admin.audit.timeZoneNote', { zone: timeZone })}</p>
        ) : null}
        <div className="admin-log__toolbar-actions">
          {hasAuditFilters(filters) ? (
            <Button variant="ghost" onClick={() => apply({})}>
              {t('admin.audit.clear')}
            </Button>
          ) : null}
          <Button
            variant="secondary"
            onClick={() => {
              setFocusIndex(null);
              void log.refetch();
            }}
            isBusy={log.isRefetching && !log.isFetchingNextPage}
          >
            {t('admin.audit.refresh')}
          </Button>
        </div>
      </div>

      {log.isPending || (log.data !== undefined && clinic.isPending) ? (
        <LoadingState />
      ) : log.isError && log.data === undefined ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : clinic.isError ? (
        <ErrorState error={clinic.error} onRetry={() => void clinic.refetch()} />
      ) : isReady && entries.length === 0 ? (
        <div className="empty-card">
          <Icon name="info" size={32} className="muted" />
          <p>
            {hasAuditFilters(filters) ? t('admin.audit.emptyFiltered') : t('admin.audit.empty')}
          </p>
        </div>
      ) : isReady ? (
        <>
          <AuditLog
            entries={entries}
            timeZone={timeZone}
            isWide={isWide}
            caption={t('admin.audit.caption', { clinic: clinicName })}
            onOnlyEntity={(entityId) => apply({ ...filters, entityId })}
            onOnlyActor={(actorUserId) => apply({ ...filters, actorUserId })}
            focusIndex={focusIndex}
            focusRef={focusRef}
          />
          <div className="admin-log__more">
            <p className="field__hint" aria-live="polite">
              {t('admin.audit.shown', { count: entries.length })}
              {log.hasNextPage ? null : ` ${t('admin.audit.end')}`}
            </p>
            {log.hasNextPage ? (
              <Button
                variant="secondary"
                isBusy={log.isFetchingNextPage}
                onClick={() => {
                  const next = entries.length;
                  void log.fetchNextPage().then((result) => {
                    if (result.isSuccess) setFocusIndex(next);
                  });
                }}
              >
                {t('admin.audit.more')}
              </Button>
            ) : null}
          </div>
          {log.isFetchNextPageError ? (
            <ErrorState error={log.error} onRetry={() => void log.fetchNextPage()} />
          ) : null}
        </>
      ) : null}
    </AdminPage>
  );
}
