import type { AuditEntry } from '@visitt/contracts';
import { useId, type Ref } from 'react';
import { Button } from '../../../components/ui/button';
import { useFormat, useT, type TFunction } from '../../../i18n';
import { auditActionLabel, shortId } from '../audit-filters';

const ENTITY_LABELS = {
  appointment: 'admin.audit.entities.appointment',
  clinic: 'admin.audit.entities.clinic',
  user: 'admin.audit.entities.user',
  invitation: 'admin.audit.entities.invitation',
  practitioner: 'admin.audit.entities.practitioner',
  appointment_type: 'admin.audit.entities.appointment_type',
} as const;

interface AuditLogProps {
  entries: readonly AuditEntry[];
  /** The clinic's zone: every time is shown on its clock. */
  timeZone: string;
  /** The table layout (wide screens) or one card per entry (narrow). */
  isWide: boolean;
  caption: string;
  onOnlyEntity: (entityId: string) => void;
  onOnlyActor: (userId: string) => void;
  /** Ref of the entry at this index (the first of a page just loaded), to move focus to. */
  focusIndex: number | null;
  focusRef: Ref<HTMLElement>;
}

/**
 * The audit entries, newest first: when (on the clinic's clock), who (and in which role), what,
 * which record it concerns, and from which IP address. A table on wide screens, cards on narrow.
 */
export function AuditLog(props: AuditLogProps) {
  const t = useT();
  const { entries, isWide, caption, focusIndex, focusRef } = props;
  if (isWide)
    return (
      <div className="admin-audit__scroll">
        <table className="admin-audit">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.columns.when')}</th>
              <th scope="col">{t('admin.audit.columns.who')}</th>
              <th scope="col">{t('admin.audit.columns.what')}</th>
              <th scope="col">{t('admin.audit.columns.which')}</th>
              <th scope="col">{t('admin.audit.columns.where')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr
                key={entry.id}
                ref={index === focusIndex ? (focusRef as Ref<HTMLTableRowElement>) : undefined}
                tabIndex={index === focusIndex ? -1 : undefined}
                className="focus-target"
              >
                <EntryCells entry={entry} {...props} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  return (
    <ul className="card-list admin-audit-cards" role="list" aria-label={caption}>
      {entries.map((entry, index) => (
        <li
          key={entry.id}
          ref={index === focusIndex ? (focusRef as Ref<HTMLLIElement>) : undefined}
          tabIndex={index === focusIndex ? -1 : undefined}
          className="card admin-audit-card focus-target"
        >
          <EntryCard entry={entry} {...props} />
        </li>
      ))}
    </ul>
  );
}

type EntryProps = AuditLogProps & { entry: AuditEntry };

function useEntryText({ entry, timeZone }: EntryProps) {
  const t = useT();
  const format = useFormat();
  const actionKey = auditActionLabel(entry.action);
  return {
    when: t('dates.dateAtTime', {
      date: format.shortDate(entry.at, timeZone),
      time: format.time(entry.at, timeZone),
    }),
    who: actorName(entry, t),
    role: t(`admin.audit.roles.${entry.role}`),
    what: listReadLabel(entry, t) ?? (actionKey ? t(actionKey) : null),
    // A list names its records in the part folded away below.
    which: entry.listed
      ? ''
      : [entityLabel(entry.entityType, t), subjectOf(entry, timeZone, format, t)]
          .filter(Boolean)
          .join(' '),
    ip: entry.ip ?? t('admin.audit.unknownIp'),
  };
}

function EntryCells(props: EntryProps) {
  const { entry } = props;
  const text = useEntryText(props);
  const whoId = useId();
  const whichId = useId();
  return (
    <>
      <td className="admin-audit__when">
        <time dateTime={entry.at}>{text.when}</time>
      </td>
      <td>
        <span id={whoId} className="admin-audit__who">
          {text.who}
        </span>
        <span className="admin-audit__role">{text.role}</span>
        <OnlyActor {...props} describedBy={whoId} />
      </td>
      <td>
        <What entry={entry} label={text.what} />
        <Details entry={entry} />
      </td>
      <td>
        <span id={whichId}>
          {text.which}
          {entry.entityId ? (
            <code className="admin-audit__id"> {shortId(entry.entityId)}</code>
          ) : null}
        </span>
        <OnlyEntity {...props} describedBy={whichId} />
        <Listed {...props} />
      </td>
      <td className="admin-audit__ip">{text.ip}</td>
    </>
  );
}

function EntryCard(props: EntryProps) {
  const t = useT();
  const { entry } = props;
  const text = useEntryText(props);
  const whoId = useId();
  const whichId = useId();
  return (
    <>
      <p className="admin-audit-card__what">
        <What entry={entry} label={text.what} />
      </p>
      <dl className="admin-audit-card__facts">
        <dt>{t('admin.audit.columns.when')}</dt>
        <dd>
          <time dateTime={entry.at}>{text.when}</time>
        </dd>
        <dt>{t('admin.audit.columns.who')}</dt>
        <dd>
          <span id={whoId}>{text.who}</span> · {text.role}
          <OnlyActor {...props} describedBy={whoId} />
        </dd>
        <dt>{t('admin.audit.columns.which')}</dt>
        <dd>
          <span id={whichId}>
            {text.which}
            {entry.entityId ? (
              <code className="admin-audit__id"> {shortId(entry.entityId)}</code>
            ) : null}
          </span>
          <OnlyEntity {...props} describedBy={whichId} />
          <Listed {...props} />
        </dd>
        <dt>{t('admin.audit.columns.where')}</dt>
        <dd className="admin-audit__ip">{text.ip}</dd>
      </dl>
      <Details entry={entry} />
    </>
  );
}

function What({ entry, label }: { entry: AuditEntry; label: string | null }) {
  return label ? (
    <span className="admin-audit__what">{label}</span>
  ) : (
    <code className="admin-audit__what">{entry.action}</code>
  );
}

/** The entry's details (what changed, from what to what) as the API recorded them. */
function Details({ entry }: { entry: AuditEntry }) {
  const t = useT();
  if (Object.keys(entry.details).length === 0) return null;
  return (
    <details className="admin-audit__details">
      <summary>{t('admin.audit.details')}</summary>
      <pre>{JSON.stringify(entry.details, null, 2)}</pre>
    </details>
  );
}

/**
 * The name of a read of a list ("Leste liste (10 timer)"), or a search for people with what was
 * searched; null for any other entry.
 */
function listReadLabel(entry: AuditEntry, t: TFunction): string | null {
  if (!entry.listed) return null;
  if (entry.action === 'audit.actors.read')
    return t('admin.audit.actorsRead', {
      q: typeof entry.details.q === 'string' ? entry.details.q : '',
      count: entry.listed.length,
    });
  if (entry.entityType !== 'appointment') return null;
  return entry.listed.length === 1
    ? t('admin.audit.listReadOne')
    : t('admin.audit.listRead', { count: entry.listed.length });
}

/**
 * The appointments a read of a list showed, folded away: each with its time and practitioner
 * (as single reads show them) and a button to see only the entries about it.
 */
function Listed({ entry, timeZone, onOnlyEntity }: EntryProps) {
  const t = useT();
  const format = useFormat();
  const idPrefix = useId();
  if (!entry.listed || entry.entityType !== 'appointment' || entry.listed.length === 0) return null;
  return (
    <details className="admin-audit__details admin-audit__listed">
      <summary>{t('admin.audit.listedAppointments')}</summary>
      <ol className="admin-audit__listed-items">
        {entry.listed.map((item, index) => {
          const labelId = `${idPrefix}-${index}`;
          return (
            <li key={item.id}>
              <span id={labelId}>
                {item.appointment
                  ? t('admin.audit.appointmentSubject', {
                      date: format.shortDate(item.appointment.start, timeZone),
                      time: format.time(item.appointment.start, timeZone),
                      practitioner: item.appointment.practitioner,
                    })
                  : t('admin.audit.unknownAppointment')}
                <code className="admin-audit__id"> {shortId(item.id)}</code>
              </span>
              <Button
                variant="ghost"
                className="admin-audit__only"
                aria-describedby={labelId}
                onClick={() => onOnlyEntity(item.id)}
              >
                {t('admin.audit.onlyEntity')}
              </Button>
            </li>
          );
        })}
      </ol>
    </details>
  );
}

function OnlyActor({ entry, onOnlyActor, describedBy }: EntryProps & { describedBy: string }) {
  const t = useT();
  if (!entry.actor) return null;
  const userId = entry.actor.userId;
  return (
    <Button
      variant="ghost"
      className="admin-audit__only"
      aria-describedby={describedBy}
      onClick={() => onOnlyActor(userId)}
    >
      {t('admin.audit.onlyActor')}
    </Button>
  );
}

function OnlyEntity({ entry, onOnlyEntity, describedBy }: EntryProps & { describedBy: string }) {
  const t = useT();
  if (!entry.entityId) return null;
  const entityId = entry.entityId;
  return (
    <Button
      variant="ghost"
      className="admin-audit__only"
      aria-describedby={describedBy}
      onClick={() => onOnlyEntity(entityId)}
    >
      {t('admin.audit.onlyEntity')}
    </Button>
  );
}

function actorName(entry: AuditEntry, t: TFunction): string {
  if (!entry.actor)
    return entry.role === 'system' ? t('admin.audit.system') : t('admin.audit.unknownPerson');
  return entry.actor.name ?? entry.actor.email ?? t('admin.audit.unknownPerson');
}

/** The appointment's time and practitioner, or the person's name, to recognise the record by. */
function subjectOf(
  entry: AuditEntry,
  timeZone: string,
  format: ReturnType<typeof useFormat>,
  t: TFunction,
): string | null {
  if (entry.appointment) {
    return t('admin.audit.appointmentSubject', {
      date: format.shortDate(entry.appointment.start, timeZone),
      time: format.time(entry.appointment.start, timeZone),
      practitioner: entry.appointment.practitioner,
    });
  }
  if (entry.person) return entry.person.name ?? entry.person.email;
  return null;
}

function entityLabel(entityType: string, t: TFunction): string {
  return entityType in ENTITY_LABELS
    ? t(ENTITY_LABELS[entityType as keyof typeof ENTITY_LABELS])
    : entityType;
}
