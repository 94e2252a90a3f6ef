import type { AdminPractitioner } from '@visitt/contracts';
import { useId, useMemo, useState } from 'react';
import { useParams, useSearchParams } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { LoadingState } from '../../components/ui/spinner';
import {
  useAdminClinic,
  useAdminTypes,
  useClinicPractitioners,
  useClosures,
  useOutsideHours,
  usePractitionerHours,
} from '../../features/admin/schedule/api/schedule-api';
import {
  closuresSignature,
  toClosuresBody,
  toClosuresDraft,
  toOpenHolidaysBody,
  validateClosures,
  type ClosureDraft,
} from '../../features/admin/schedule/closures-draft';
import { ClosuresForm } from '../../features/admin/schedule/components/closures-form';
import { HoursForm } from '../../features/admin/schedule/components/hours-form';
import { OutsideWarning } from '../../features/admin/schedule/components/outside-appointments';
import { SlotPreview } from '../../features/admin/schedule/components/slot-preview';
import { useUnsavedChangesGuard } from '../../features/admin/schedule/hooks/use-unsaved-changes';
import {
  hoursDraftSignature,
  toHoursDraft,
  toPutHoursBody,
  validateHoursDraft,
  type HoursDraft,
} from '../../features/admin/schedule/hours-draft';
import { AdminPage } from '../../features/admin/components/admin-page';
import { useT } from '../../i18n';
import { todayIn } from '../../lib/dates';

/** `?behandler=<id>` chooses the practitioner (so a link or a reload keeps the choice). */
const PARAM = 'behandler';

/**
 * **Åpningstider** (`/admin/:clinicId/apningstider`): a practitioner's weekly hours and dated
 * exceptions, the clinic's closures, and a week's preview of the free slots that result — from
 * what is saved, or from the unsaved draft. Every time is on the clinic's wall clock.
 */
export function AdminHoursPage() {
  const t = useT();
  const { clinicId = '' } = useParams();
  const clinic = useAdminClinic(clinicId);
  const practitioners = useClinicPractitioners(clinicId);
  const types = useAdminTypes(clinicId);
  const closures = useClosures(clinicId);

  const queries = [clinic, practitioners, types, closures];
  const failed = queries.find((q) => q.isError);

  return (
    <AdminPage title={t('adminSchedule.hours.title')} className="sched-page">
      <p className="lead">{t('adminSchedule.hours.intro')}</p>
      {failed ? (
        <ErrorState error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />
      ) : clinic.data && practitioners.data && types.data && closures.data ? (
        <HoursWorkspace
          clinicId={clinicId}
          timeZone={clinic.data.timeZone}
          practitioners={practitioners.data}
          types={types.data}
          savedClosures={closures.data}
        />
      ) : (
        <LoadingState />
      )}
    </AdminPage>
  );
}

interface HoursWorkspaceProps {
  clinicId: string;
  timeZone: string;
  practitioners: AdminPractitioner[];
  types: NonNullable<ReturnType<typeof useAdminTypes>['data']>;
  savedClosures: NonNullable<ReturnType<typeof useClosures>['data']>;
}

function HoursWorkspace({
  clinicId,
  timeZone,
  practitioners,
  types,
  savedClosures,
}: HoursWorkspaceProps) {
  const t = useT();
  const pickerId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const outside = useOutsideHours(clinicId);
  const [today] = useState(() => todayIn(timeZone, Date.now()));

  const chosen = searchParams.get(PARAM);
  const practitioner =
    practitioners.find((p) => p.id === chosen) ??
    practitioners.find((p) => p.active) ??
    practitioners[0] ??
    null;
  const hours = usePractitionerHours(clinicId, practitioner?.id ?? null);

  // The hours draft belongs to one practitioner: a new one starts when their hours arrive.
  const [hoursDraft, setHoursDraft] = useState<{
    practitionerId: string;
    draft: HoursDraft;
  } | null>(null);
  if (practitioner && hours.data && hoursDraft?.practitionerId !== practitioner.id)
    setHoursDraft({ practitionerId: practitioner.id, draft: toHoursDraft(hours.data) });
  const draft = hoursDraft?.practitionerId === practitioner?.id ? hoursDraft?.draft : undefined;

  const [closuresDraft, setClosuresDraft] = useState<ClosureDraft[]>(() =>
    toClosuresDraft(savedClosures.closures),
  );
  const [openHolidays, setOpenHolidays] = useState<string[]>(() => savedClosures.openHolidays);

  const savedHoursSignature = useMemo(
    () => (hours.data ? hoursDraftSignature(toHoursDraft(hours.data)) : null),
    [hours.data],
  );
  const savedClosuresSignature = useMemo(
    () => closuresSignature(toClosuresDraft(savedClosures.closures)),
    [savedClosures],
  );
  const hoursDirty = draft != null && hoursDraftSignature(draft) !== savedHoursSignature;
  const closuresDirty =
    closuresSignature(closuresDraft) !== savedClosuresSignature ||
    toOpenHolidaysBody(openHolidays).join() !==
      toOpenHolidaysBody(savedClosures.openHolidays).join();
  const guard = useUnsavedChangesGuard(hoursDirty || closuresDirty);

  if (!practitioner) return <p className="empty">{t('adminSchedule.hours.noPractitioners')}</p>;

  const otherOutside = (outside.data ?? []).filter((a) => a.practitioner.id !== practitioner.id);
  const ownOutside = (outside.data ?? []).filter((a) => a.practitioner.id === practitioner.id);

  return (
    <>
      {ownOutside.length > 0 || otherOutside.length > 0 ? (
        <OutsideWarning
          appointments={[...ownOutside, ...otherOutside]}
          timeZone={timeZone}
          title={t('adminSchedule.outside.pageTitle', {
            count: ownOutside.length + otherOutside.length,
          })}
        />
      ) : null}

      <div className="field sched-picker">
        <label htmlFor={pickerId} className="field__label">
          {t('adminSchedule.hours.practitioner')}
        </label>
        <select
          id={pickerId}
          className="input select"
          value={practitioner.id}
          onChange={(event) =>
            setSearchParams({ [PARAM]: event.target.value }, { preventScrollReset: true })
          }
        >
          {practitioners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.active
                ? p.title
                  ? `${p.name} (${p.title})`
                  : p.name
                : t('adminSchedule.hours.inactiveOption', { name: p.name })}
            </option>
          ))}
        </select>
      </div>

      {hours.isError ? (
        <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
      ) : !hours.data || !draft ? (
        <LoadingState />
      ) : (
        <HoursForm
          key={practitioner.id}
          clinicId={clinicId}
          practitioner={practitioner}
          timeZone={timeZone}
          today={today}
          saved={hours.data}
          draft={draft}
          isDirty={hoursDirty}
          onDraftChange={(next) => setHoursDraft({ practitionerId: practitioner.id, draft: next })}
          onSaved={(saved) =>
            setHoursDraft({ practitionerId: practitioner.id, draft: toHoursDraft(saved) })
          }
        />
      )}

      <section className="section sched-section" aria-labelledby={`${pickerId}-closures`}>
        <h2 id={`${pickerId}-closures`} className="section__title">
          {t('adminSchedule.closures.title')}
        </h2>
        <p className="field__hint sched-hint">{t('adminSchedule.closures.intro')}</p>
        <ClosuresForm
          clinicId={clinicId}
          timeZone={timeZone}
          today={today}
          saved={savedClosures}
          draft={closuresDraft}
          openHolidays={openHolidays}
          isDirty={closuresDirty}
          onDraftChange={setClosuresDraft}
          onOpenHolidaysChange={setOpenHolidays}
          onSaved={(saved) => {
            setClosuresDraft(toClosuresDraft(saved.closures));
            setOpenHolidays(saved.openHolidays);
          }}
        />
      </section>

      <section className="section sched-section" aria-labelledby={`${pickerId}-preview`}>
        <h2 id={`${pickerId}-preview`} className="section__title">
          {t('adminSchedule.preview.title', { name: practitioner.name })}
        </h2>
        {draft ? (
          <SlotPreview
            key={practitioner.id}
            clinicId={clinicId}
            timeZone={timeZone}
            practitioner={practitioner}
            types={types}
            draft={{
              hours:
                hoursDirty && validateHoursDraft(draft).length === 0 ? toPutHoursBody(draft) : null,
              hoursDirty,
              closures:
                closuresDirty && validateClosures(closuresDraft).length === 0
                  ? toClosuresBody(closuresDraft)
                  : null,
              openHolidays: toOpenHolidaysBody(openHolidays),
              closuresDirty,
            }}
          />
        ) : (
          <LoadingState />
        )}
      </section>
      {guard.dialog}
    </>
  );
}
