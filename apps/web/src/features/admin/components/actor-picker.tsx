import type { AuditActor } from '@visitt/contracts';
import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { useAuditActors } from '../api/admin-api';
import { useDebouncedValue } from '../schedule/hooks/use-debounced-value';

interface ActorPickerProps {
  clinicId: string;
  label: string;
  /** The chosen person's user id, or '' for everyone. */
  value: string;
  /** How the chosen person is named (null when only the id is known). */
  valueLabel: string | null;
  onChange: (userId: string, label: string | null) => void;
}

/** A person as the list names them: name, else e-mail, with the roles they acted in. */
export function actorLabel(actor: Pick<AuditActor, 'name' | 'email' | 'userId'>): string {
  return actor.name ?? actor.email ?? actor.userId.slice(0, 8);
}

/**
 * "Who" of the audit log: a text field that searches everyone who appears in the clinic's log
 * (patients too) by name or e-mail, with the matches in a list to choose from. The ARIA 1.2
 * combobox pattern: arrow keys move through the matches (focus stays in the field, the active
 * match is `aria-activedescendant`), Enter chooses, Escape closes the list or empties the field.
 */
export function ActorPicker({ clinicId, label, value, valueLabel, onChange }: ActorPickerProps) {
  const t = useT();
  const id = useId();
  const ids = {
    input: `${id}-input`,
    list: `${id}-list`,
    hint: `${id}-hint`,
    status: `${id}-status`,
  };
  // null: the field shows the chosen person's name (known later than the id, sometimes).
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (value ? (valueLabel ?? '') : '');
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebouncedValue(shown.trim(), 250);
  // Searched only once asked for (typing, or the down arrow): every search is itself recorded in
  // the log, so merely passing through the field must not search.
  const search = useAuditActors(clinicId, q, isOpen);
  const actors = isOpen ? (search.data?.actors ?? []) : [];
  const isShowing = isOpen && (actors.length > 0 || search.isFetched || search.isError);
  const isListShown = isShowing && actors.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  function choose(actor: AuditActor) {
    const name = actorLabel(actor);
    setText(null);
    setIsOpen(false);
    setActive(-1);
    onChange(actor.userId, name);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen) setIsOpen(true);
        else if (actors.length > 0) setActive((i) => (i + 1) % actors.length);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!isOpen) setIsOpen(true);
        else if (actors.length > 0) setActive((i) => (i <= 0 ? actors.length - 1 : i - 1));
        return;
      case 'Enter':
        // Choosing a match must not submit the filter form as well.
        if (isOpen && active >= 0 && actors[active]) {
          event.preventDefault();
          choose(actors[active]);
        }
        return;
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          setIsOpen(false);
          setActive(-1);
        } else if (shown) {
          event.preventDefault();
          setText('');
          onChange('', null);
        }
        return;
      default:
        return;
    }
  }

  const status = !isShowing
    ? ''
    : search.isError
      ? t('admin.audit.actorSearchFailed')
      : search.isFetching && actors.length === 0
        ? t('admin.audit.actorSearching')
        : actors.length === 0
          ? t('admin.audit.actorNoMatch', { q })
          : actors.length === 1
            ? t('admin.audit.actorResultsOne')
            : t('admin.audit.actorResults', { count: actors.length });

  return (
    <div className="field actor-picker">
      <label htmlFor={ids.input} className="field__label">
        {label}
      </label>
      <div className="actor-picker__control">
        <input
          id={ids.input}
          type="text"
          className="input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={isListShown}
          aria-controls={ids.list}
          aria-activedescendant={isListShown && active >= 0 ? optionId(active) : undefined}
          aria-describedby={ids.hint}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('admin.audit.allActors')}
          value={shown}
          onChange={(event) => {
            setText(event.target.value);
            setIsOpen(true);
            setActive(-1);
            if (value) onChange('', null);
          }}
          onBlur={() => {
            setIsOpen(false);
            setActive(-1);
          }}
          onKeyDown={handleKeyDown}
        />
        {value ? (
          <Button
            variant="ghost"
            className="actor-picker__clear"
            onClick={() => {
              setText('');
              onChange('', null);
            }}
          >
            {t('admin.audit.actorClear')}
          </Button>
        ) : null}
        <ul
          id={ids.list}
          role="listbox"
          aria-label={label}
          className="actor-picker__list"
          hidden={!isListShown}
        >
          {actors.map((actor, index) => (
            <li
              key={actor.userId}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="actor-picker__option"
              // Keeps focus in the field, so the list does not close before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(actor)}
            >
              <span className="actor-picker__name">{actorLabel(actor)}</span>
              <span className="actor-picker__meta">
                {[
                  actor.name && actor.email ? actor.email : null,
                  ...actor.roles.map((role) => t(`admin.audit.roles.${role}`)),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p id={ids.hint} className="field__hint">
        {value && !valueLabel
          ? t('admin.audit.chosenActor', { id: value.slice(0, 8) })
          : t('admin.audit.actorSearchHint')}
      </p>
      <p id={ids.status} className="visually-hidden" role="status">
        {status}
      </p>
      {isShowing && actors.length === 0 && status ? (
        <p className="field__hint actor-picker__empty" aria-hidden="true">
          {status}
        </p>
      ) : null}
    </div>
  );
}
