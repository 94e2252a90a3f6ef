import type {
  AdminAppointmentType,
  AdminPractitioner,
  ClinicClosure,
  PutHoursBody,
} from '@visitt/contracts';
import { useId, useState } from 'react';
import { Alert, ErrorState } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { LoadingState, Spinner } from '../../../../components/ui/spinner';
import { useFormat, useI18n } from '../../../../i18n';
import { formatDayMonth, formatShortDate } from '../../../../lib/dates';
import { addDays } from '../../../../lib/calendar-dates';
import { useSlotPreview, type PreviewRequest } from '../api/schedule-api';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { currentMonday, isoWeekNumber, previewDays, shiftWeek } from '../preview-week';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Slots shown per day before "show all". */
const FOLDED_SLOTS = 12;

export interface PreviewDraft {
  /** The draft hours as a body, or null when the draft has problems. */
  hours: Pick<PutHoursBody, 'weekly' | 'exceptions' | 'worksHolidays'> | null;
  hoursDirty: boolean;
  closures: ClinicClosure[] | null;
  /** The public holidays opened in the draft (sent with the closures). */
  openHolidays: string[];
  closuresDirty: boolean;
}

interface SlotPreviewProps {
  clinicId: string;
  timeZone: string;
  practitioner: AdminPractitioner;
  types: readonly AdminAppointmentType[];
  draft: PreviewDraft;
}

type Source = 'draft' | 'saved';

/**
 * A week (Monday to Sunday, on the clinic's calendar and clock) of one practitioner's open
 * hours and the free slots of one appointment type, as patients would see them: from the saved
 * hours, or — while there are unsaved changes — from the draft. Which one is on screen is said
 * in words above the week, not only by colour.
 */
export function SlotPreview({ clinicId, timeZone, practitioner, types, draft }: SlotPreviewProps) {
  const { t, intlLocale } = useI18n();
  const format = useFormat();
  const prefix = useId();
  const offered = types.filter((type) => type.practitionerIds.includes(practitioner.id));
  const others = types.filter((type) => !type.practitionerIds.includes(practitioner.id));
  const [typeId, setTypeId] = useState<string | null>(
    () => (offered.find((x) => x.active) ?? offered[0] ?? types[0])?.id ?? null,
  );
  const [thisMonday] = useState(() => currentMonday(timeZone, Date.now()));
  const [monday, setMonday] = useState(thisMonday);
  const [source, setSource] = useState<Source>('draft');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const hasDraft = draft.hoursDirty || draft.closuresDirty;
  const isDraftUsable =
    (!draft.hoursDirty || draft.hours !== null) &&
    (!draft.closuresDirty || draft.closures !== null);
  const showing: Source = hasDraft && isDraftUsable && source === 'draft' ? 'draft' : 'saved';
  // The draft goes to the API once typing pauses; week and type changes go at once.
  const draftKey = useDebouncedValue(
    showing === 'draft'
      ? JSON.stringify({
          hours: draft.hoursDirty ? draft.hours : undefined,
          closures: draft.closuresDirty ? draft.closures : undefined,
          openHolidays: draft.closuresDirty ? draft.openHolidays : undefined,
        })
      : null,
    400,
  );
  const proposed = (draftKey ? JSON.parse(draftKey) : {}) as Pick<
    PreviewRequest,
    'hours' | 'closures' | 'openHolidays'
  >;
  const request: PreviewRequest | null = typeId
    ? {
        practitionerId: practitioner.id,
        appointmentTypeId: typeId,
        week: monday,
        ...(showing === 'draft' ? proposed : {}),
      }
    : null;
  const preview = useSlotPreview(clinicId, request);
  const type = types.find((x) => x.id === typeId) ?? null;

  const plain = (date: string, withYear = false) =>
    formatDayMonth(`${date}T12:00:00Z`, 'UTC', intlLocale, withYear);
  const weekLabel = t('adminSchedule.preview.week', {
    number: isoWeekNumber(monday),
    from: plain(monday),
    to: plain(addDays(monday, 6), true),
  });

  const notBookable = (): string | null => {
    if (!type) return null;
    if (!type.active) return t('adminSchedule.preview.typeInactive');
    if (!type.bookableOnline) return t('adminSchedule.preview.typeNotOnline');
    if (!type.practitionerIds.includes(practitioner.id))
      return t('adminSchedule.preview.notOffered', { name: practitioner.name });
    if (!practitioner.active)
      return t('adminSchedule.preview.practitionerInactive', { name: practitioner.name });
    return t('adminSchedule.preview.notBookable');
  };

  if (types.length === 0) return <p className="muted">{t('adminSchedule.preview.noTypes')}</p>;

  const days = preview.data ? previewDays(preview.data, monday) : [];
  const isStale = preview.isPlaceholderData || (preview.isFetching && !preview.isPending);

  return (
    <div className="sched-preview">
      <div className="sched-preview__controls">
        <div className="field sched-preview__type">
          <label htmlFor={`${prefix}-type`} className="field__label">
            {t('adminSchedule.preview.type')}
          </label>
          <select
            id={`${prefix}-type`}
            className="input select"
            value={typeId ?? ''}
            onChange={(event) => setTypeId(event.target.value)}
          >
            {offered.length > 0 ? (
              <optgroup
                label={t('adminSchedule.preview.offeredGroup', { name: practitioner.name })}
              >
                {offered.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.active
                      ? x.name
                      : t('adminSchedule.preview.inactiveOption', { name: x.name })}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {others.length > 0 ? (
              <optgroup label={t('adminSchedule.preview.otherGroup')}>
                {others.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.active
                      ? x.name
                      : t('adminSchedule.preview.inactiveOption', { name: x.name })}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
        {hasDraft ? (
          <fieldset className="choice-group sched-preview__source">
            <legend>{t('adminSchedule.preview.sourceLegend')}</legend>
            <div className="segmented">
              {(['draft', 'saved'] as const).map((option) => (
                <label
                  key={option}
                  className={`segmented__option${showing === option ? ' is-checked' : ''}`}
                >
                  <input
                    type="radio"
                    name={`${prefix}-source`}
                    value={option}
                    checked={showing === option}
                    disabled={option === 'draft' && !isDraftUsable}
                    onChange={() => setSource(option)}
                  />
                  <span>{t(`adminSchedule.preview.source.${option}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
      </div>

      <nav className="sched-preview__nav" aria-label={t('adminSchedule.preview.weekNav')}>
        <Button
          variant="secondary"
          icon="chevronLeft"
          onClick={() => setMonday(shiftWeek(monday, -1))}
        >
          {t('adminSchedule.preview.previous')}
        </Button>
        <p className="sched-preview__week" aria-live="polite">
          {weekLabel}
        </p>
        <Button variant="secondary" onClick={() => setMonday(shiftWeek(monday, 1))}>
          {t('adminSchedule.preview.next')}
        </Button>
        {monday === thisMonday ? null : (
          <Button variant="ghost" onClick={() => setMonday(thisMonday)}>
            {t('adminSchedule.preview.thisWeek')}
          </Button>
        )}
      </nav>

      <div className={`sched-preview__showing sched-preview__showing--${showing}`} role="status">
        <p className="sched-preview__showing-title">
          {t(`adminSchedule.preview.showing.${showing}`)}
        </p>
        <p>{t(`adminSchedule.preview.showingText.${showing}`, { zone: timeZone })}</p>
        {hasDraft && !isDraftUsable ? (
          <p className="sched-preview__draft-broken">
            {t('adminSchedule.preview.draftHasProblems')}
          </p>
        ) : null}
      </div>

      {preview.isPending ? (
        <LoadingState />
      ) : preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <>
          {preview.data && !preview.data.bookable ? (
            <Alert tone="warning" className="sched-preview__alert">
              <p>{notBookable()}</p>
            </Alert>
          ) : null}
          <div className={`sched-preview__body${isStale ? ' is-stale' : ''}`} aria-busy={isStale}>
            {isStale ? (
              <p className="sched-preview__updating">
                <Spinner size="sm" /> {t('adminSchedule.preview.updating')}
              </p>
            ) : null}
            <ol className="sched-preview__days">
              {days.map((day) => {
                const isExpanded = expanded.has(day.date);
                const shown = isExpanded ? day.slots : day.slots.slice(0, FOLDED_SLOTS);
                const headingId = `${prefix}-${day.date}`;
                return (
                  <li key={day.date} className="sched-preview__day" aria-labelledby={headingId}>
                    <h3 id={headingId} className="sched-preview__date">
                      {capitalize(formatShortDate(`${day.date}T12:00:00Z`, 'UTC', intlLocale))}
                    </h3>
                    <p className="sched-preview__open">
                      {day.open.length === 0
                        ? t('adminSchedule.preview.closed')
                        : t('adminSchedule.preview.open', {
                            spans: day.open
                              .map(
                                (o) =>
                                  `${format.time(o.start, timeZone)}–${o.untilMidnight ? '24:00' : format.time(o.end, timeZone)}`,
                              )
                              .join(', '),
                          })}
                    </p>
                    <p className="sched-preview__count">
                      {day.slots.length === 1
                        ? t('adminSchedule.preview.slotsOne')
                        : t('adminSchedule.preview.slotsMany', { count: day.slots.length })}
                    </p>
                    {shown.length > 0 ? (
                      <ul className="sched-preview__slots">
                        {shown.map((slot) => (
                          <li key={slot.start} className="sched-preview__slot">
                            {format.time(slot.start, timeZone)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {day.slots.length > FOLDED_SLOTS ? (
                      <button
                        type="button"
                        className="link-button sched-preview__more"
                        aria-expanded={isExpanded}
                        onClick={() =>
                          setExpanded((current) => {
                            const next = new Set(current);
                            if (isExpanded) next.delete(day.date);
                            else next.add(day.date);
                            return next;
                          })
                        }
                      >
                        {isExpanded
                          ? t('adminSchedule.preview.fewer')
                          : t('adminSchedule.preview.all', { count: day.slots.length })}
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </div>
        </>
      )}
    </div>
  );
}
