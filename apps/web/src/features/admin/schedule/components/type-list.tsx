import type { AdminAppointmentType, AdminPractitioner } from '@visitt/contracts';
import { ButtonLink } from '../../../../components/ui/button';
import { useT } from '../../../../i18n';
import { useAmountText } from '../hooks/use-amount-text';

interface TypeListProps {
  types: readonly AdminAppointmentType[];
  practitioners: readonly AdminPractitioner[];
  /** Where "Endre" goes for a type. */
  editHref: (typeId: string) => string;
}

/** Id of a type's "Endre" link, for returning focus to it after the form closes. */
export const editLinkId = (typeId: string) => `type-edit-${typeId}`;

/**
 * The clinic's appointment types, active ones first: what patients book (duration, video or
 * at the clinic, who offers it) and the booking rules, each with a link to change it.
 */
export function TypeList({ types, practitioners, editHref }: TypeListProps) {
  const t = useT();
  const amount = useAmountText();
  const before = (minutes: number) =>
    minutes === 0
      ? t('adminSchedule.types.untilStart')
      : t('adminSchedule.types.before', { amount: amount(minutes) });
  const nameOf = new Map(practitioners.map((p) => [p.id, p.name]));
  const sorted = [...types].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'nb'),
  );

  if (types.length === 0) return <p className="empty">{t('adminSchedule.types.empty')}</p>;

  return (
    <ul className="card-list sched-types">
      {sorted.map((type) => {
        const offeredBy = type.practitionerIds
          .map((id) => nameOf.get(id))
          .filter((name): name is string => name !== undefined)
          .sort((a, b) => a.localeCompare(b, 'nb'));
        return (
          <li
            key={type.id}
            className={`card sched-type${type.active ? '' : ' sched-type--inactive'}`}
          >
            <div className="sched-type__head">
              <h2 className="sched-type__name">{type.name}</h2>
              <ButtonLink
                id={editLinkId(type.id)}
                to={editHref(type.id)}
                variant="secondary"
                aria-label={t('adminSchedule.types.editNamed', { name: type.name })}
              >
                {t('adminSchedule.types.edit')}
              </ButtonLink>
            </div>
            <p className="sched-type__tags">
              <span className="tag">{t(`modality.${type.modality}`)}</span>
              <span className="tag">
                {t('adminSchedule.types.minutes', { count: type.durationMinutes })}
              </span>
              {type.active ? null : (
                <span className="tag sched-tag--off">{t('adminSchedule.types.inactive')}</span>
              )}
              {type.active && !type.bookableOnline ? (
                <span className="tag sched-tag--off">{t('adminSchedule.types.notOnline')}</span>
              ) : null}
            </p>
            {type.description ? (
              <p className="sched-type__description">{type.description}</p>
            ) : null}
            <dl className="sched-type__rules">
              <div>
                <dt>{t('adminSchedule.types.noticeTerm')}</dt>
                <dd>{before(type.minimumNoticeMinutes)}</dd>
              </div>
              <div>
                <dt>{t('adminSchedule.types.horizonTerm')}</dt>
                <dd>
                  {t('adminSchedule.types.ahead', { amount: amount(type.horizonDays * 24 * 60) })}
                </dd>
              </div>
              <div>
                <dt>{t('adminSchedule.types.deadlineTerm')}</dt>
                <dd>{before(type.cancellationDeadlineMinutes)}</dd>
              </div>
              <div>
                <dt>{t('adminSchedule.types.practitionersTerm')}</dt>
                <dd>
                  {offeredBy.length > 0 ? offeredBy.join(', ') : t('adminSchedule.types.nobody')}
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
