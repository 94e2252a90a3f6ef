import { Uuid, type StaffMember } from '@visitt/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import {
  AUDIT_ACTION_FILTERS,
  AUDIT_FILTER_LABELS,
  type AuditActionFilter,
  type AuditFilters,
} from '../audit-filters';
import { ActorPicker } from './actor-picker';
import { TextField } from './form-fields';

interface AuditFiltersFormProps {
  clinicId: string;
  filters: AuditFilters;
  /** Staff, to name the person chosen as "who" by the address alone. */
  staff: readonly StaffMember[];
  /** The chosen person's name as the log's entries give it, when known. */
  actorName: string | null;
  onApply: (filters: AuditFilters) => void;
}

interface Draft {
  from: string;
  to: string;
  action: AuditActionFilter | '';
  actorUserId: string;
  /** How the chosen person is named, once chosen from the search. */
  actorLabel: string | null;
  entityId: string;
}

type Problems = { to?: true; entityId?: true };

/**
 * The log's filters: a date range (on the clinic's calendar, both days included), the kind of
 * event, who did it (anyone in the log, patients too, found by name or e-mail), and which
 * appointment or other record it concerns. Applied on submit, so
 * a half-typed ID never reaches the API.
 */
export function AuditFiltersForm({
  clinicId,
  filters,
  staff,
  actorName,
  onApply,
}: AuditFiltersFormProps) {
  const t = useT();
  const ids = { from: useId(), to: useId(), action: useId() };
  const [draft, setDraft] = useState<Draft>({
    from: filters.from ?? '',
    to: filters.to ?? '',
    action: filters.action ?? '',
    actorUserId: filters.actorUserId ?? '',
    actorLabel: null,
    entityId: filters.entityId ?? '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const toInput = useRef<HTMLInputElement>(null);
  const entityInput = useRef<HTMLInputElement>(null);
  const member = staff.find((m) => m.userId === draft.actorUserId);
  const chosenName =
    draft.actorLabel ??
    (member ? (member.name ?? member.email) : null) ??
    (draft.actorUserId === filters.actorUserId ? actorName : null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const entityId = draft.entityId.trim();
    const next: Problems = {};
    if (draft.from && draft.to && draft.to < draft.from) next.to = true;
    if (entityId && !Uuid.safeParse(entityId).success) next.entityId = true;
    setProblems(next);
    if (next.to) return toInput.current?.focus();
    if (next.entityId) return entityInput.current?.focus();
    onApply({
      ...(draft.from ? { from: draft.from } : {}),
      ...(draft.to ? { to: draft.to } : {}),
      ...(draft.action ? { action: draft.action } : {}),
      ...(draft.actorUserId ? { actorUserId: draft.actorUserId } : {}),
      ...(entityId ? { entityId } : {}),
    });
  }

  return (
    <form className="admin-filters" noValidate onSubmit={handleSubmit} role="search">
      <fieldset className="choice-group">
        <legend className="admin-filters__legend">{t('admin.audit.filters')}</legend>
        <div className="admin-filters__grid">
          <div className="field">
            <label htmlFor={ids.from} className="field__label">
              {t('admin.audit.from')}
            </label>
            <input
              id={ids.from}
              type="date"
              className="input"
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.to} className="field__label">
              {t('admin.audit.to')}
            </label>
            <input
              ref={toInput}
              id={ids.to}
              type="date"
              className="input"
              value={draft.to}
              aria-invalid={problems.to ? true : undefined}
              aria-describedby={problems.to ? `${ids.to}-error` : undefined}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
            />
            {problems.to ? (
              <p id={`${ids.to}-error`} className="field__error">
                {t('admin.audit.toBeforeFrom')}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={ids.action} className="field__label">
              {t('admin.audit.action')}
            </label>
            <select
              id={ids.action}
              className="input select"
              value={draft.action}
              onChange={(event) =>
                setDraft({ ...draft, action: event.target.value as AuditActionFilter | '' })
              }
            >
              <option value="">{t('admin.audit.allActions')}</option>
              {AUDIT_ACTION_FILTERS.map((action) => (
                <option key={action} value={action}>
                  {t(AUDIT_FILTER_LABELS[action])}
                </option>
              ))}
            </select>
          </div>
          <ActorPicker
            clinicId={clinicId}
            label={t('admin.audit.actor')}
            value={draft.actorUserId}
            valueLabel={chosenName}
            onChange={(actorUserId, actorLabel) => setDraft({ ...draft, actorUserId, actorLabel })}
          />
          <div className="admin-filters__wide">
            <TextField
              ref={entityInput}
              label={t('admin.audit.entity')}
              hint={t('admin.audit.entityHint')}
              value={draft.entityId}
              onChange={(event) => setDraft({ ...draft, entityId: event.target.value })}
              error={problems.entityId ? t('admin.audit.entityInvalid') : null}
              autoComplete="off"
              spellCheck={false}
              isOptional
            />
          </div>
        </div>
        <div className="admin-filters__actions">
          <Button type="submit" icon="search">
            {t('admin.audit.apply')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
