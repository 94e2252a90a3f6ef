import type { NotificationSettings } from '@visitt/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { useSaveNotificationSettings } from '../api/admin-api';
import {
  checkReminders,
  MAX_REMINDERS,
  toReminderDraft,
  type ReminderDraft,
  type ReminderProblem,
  type ReminderUnit,
} from '../reminders';
import { CheckboxField } from './form-fields';

type Kind = 'video' | 'inPerson';
const KINDS: Kind[] = ['video', 'inPerson'];
const UNITS: ReminderUnit[] = ['minutes', 'hours', 'days'];

interface KindDraft {
  sms: boolean;
  email: boolean;
  reminders: ReminderDraft[];
}

interface SettingsDraft {
  video: KindDraft;
  inPerson: KindDraft;
  confirmations: boolean;
}

const toDraft = (settings: NotificationSettings): SettingsDraft => ({
  video: {
    sms: settings.video.sms,
    email: settings.video.email,
    reminders: settings.video.remindersMinutesBefore.map(toReminderDraft),
  },
  inPerson: {
    sms: settings.inPerson.sms,
    email: settings.inPerson.email,
    reminders: settings.inPerson.remindersMinutesBefore.map(toReminderDraft),
  },
  confirmations: settings.confirmations,
});

type Outcome = { kind: 'saved' } | { kind: 'error'; message: string } | null;

/**
 * The clinic's notification settings: per kind of appointment (video first, as the product is
 * about video consultations) SMS and e-mail on or off and up to five reminder times, and whether
 * bookings are confirmed. Saved as a whole.
 */
export function NotificationSettingsForm({
  clinicId,
  settings,
}: {
  clinicId: string;
  settings: NotificationSettings;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const save = useSaveNotificationSettings(clinicId);
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(settings));
  const [problems, setProblems] = useState<Record<Kind, (ReminderProblem | null)[]>>({
    video: [],
    inPerson: [],
  });
  const [outcome, setOutcome] = useState<Outcome>(null);
  // Inputs of the reminder amounts, for moving focus to one at fault or just added.
  const amountInputs = useRef(new Map<string, HTMLInputElement>());
  const [focusRequest, setFocusRequest] = useState<{ key: string } | null>(null);

  useEffect(() => {
    if (focusRequest) amountInputs.current.get(focusRequest.key)?.focus();
  }, [focusRequest]);

  function changeKind(kind: Kind, next: KindDraft) {
    // Problems are per row position: a row added or removed makes them stale.
    if (next.reminders.length !== draft[kind].reminders.length)
      setProblems((current) => ({ ...current, [kind]: [] }));
    setDraft((current) => ({ ...current, [kind]: next }));
    setOutcome(null);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const video = checkReminders(draft.video.reminders);
    const inPerson = checkReminders(draft.inPerson.reminders);
    if (!video.ok || !inPerson.ok) {
      const next = {
        video: video.ok ? [] : video.problems,
        inPerson: inPerson.ok ? [] : inPerson.problems,
      };
      setProblems(next);
      setOutcome(null);
      const kind = KINDS.find((k) => next[k].some((p) => p !== null));
      if (kind) setFocusRequest({ key: `${kind}-${next[kind].findIndex((p) => p !== null)}` });
      return;
    }
    setProblems({ video: [], inPerson: [] });
    save.mutate(
      {
        video: {
          sms: draft.video.sms,
          email: draft.video.email,
          remindersMinutesBefore: video.minutes,
        },
        inPerson: {
          sms: draft.inPerson.sms,
          email: draft.inPerson.email,
          remindersMinutesBefore: inPerson.minutes,
        },
        confirmations: draft.confirmations,
      },
      {
        onSuccess: (saved) => {
          setDraft(toDraft(saved));
          setOutcome({ kind: 'saved' });
        },
        onError: (error) => setOutcome({ kind: 'error', message: errorMessage(error) }),
      },
    );
  }

  return (
    <form className="form admin-form" noValidate onSubmit={handleSubmit}>
      <p className="admin-note">{t('admin.notificationSettings.privacy')}</p>
      {KINDS.map((kind) => (
        <KindSection
          key={kind}
          kind={kind}
          draft={draft[kind]}
          problems={problems[kind]}
          onChange={(next) => changeKind(kind, next)}
          registerAmount={(index, input) => {
            const key = `${kind}-${index}`;
            if (input) amountInputs.current.set(key, input);
            else amountInputs.current.delete(key);
          }}
          onAdded={(index) => setFocusRequest({ key: `${kind}-${index}` })}
        />
      ))}
      <section className="card admin-settings" aria-labelledby="admin-settings-general">
        <h2 id="admin-settings-general" className="section__title">
          {t('admin.notificationSettings.general')}
        </h2>
        <CheckboxField
          label={t('admin.notificationSettings.confirmations')}
          hint={t('admin.notificationSettings.confirmationsHint')}
          checked={draft.confirmations}
          onChange={(checked) => {
            setDraft((current) => ({ ...current, confirmations: checked }));
            setOutcome(null);
          }}
        />
      </section>

      <div aria-live="polite">
        {outcome?.kind === 'saved' ? (
          <Alert tone="success" live="none">
            <p>{t('admin.form.saved')}</p>
          </Alert>
        ) : null}
      </div>
      {outcome?.kind === 'error' ? (
        <Alert tone="error">
          <p>{outcome.message}</p>
        </Alert>
      ) : null}
      <div className="admin-form__actions">
        <Button type="submit" isBusy={save.isPending}>
          {t('admin.form.save')}
        </Button>
      </div>
    </form>
  );
}

interface KindSectionProps {
  kind: Kind;
  draft: KindDraft;
  problems: (ReminderProblem | null)[];
  onChange: (draft: KindDraft) => void;
  registerAmount: (index: number, input: HTMLInputElement | null) => void;
  onAdded: (index: number) => void;
}

function KindSection({
  kind,
  draft,
  problems,
  onChange,
  registerAmount,
  onAdded,
}: KindSectionProps) {
  const t = useT();
  const headingId = useId();
  const noChannelId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const isFull = draft.reminders.length >= MAX_REMINDERS;
  const hasNoChannel = !draft.sms && !draft.email;

  function setReminder(index: number, reminder: ReminderDraft) {
    onChange({ ...draft, reminders: draft.reminders.map((r, i) => (i === index ? reminder : r)) });
  }

  return (
    <section className="card admin-settings" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t(`admin.notificationSettings.${kind}`)}
      </h2>
      <fieldset className="choice-group admin-form__group">
        <legend>{t('admin.notificationSettings.channels')}</legend>
        <CheckboxField
          label={t('admin.notificationSettings.sms')}
          checked={draft.sms}
          onChange={(sms) => onChange({ ...draft, sms })}
          describedBy={hasNoChannel ? noChannelId : undefined}
        />
        <CheckboxField
          label={t('admin.notificationSettings.email')}
          checked={draft.email}
          onChange={(email) => onChange({ ...draft, email })}
          describedBy={hasNoChannel ? noChannelId : undefined}
        />
        {hasNoChannel ? (
          <Alert tone="warning" id={noChannelId} className="admin-settings__warning">
            <p>{t('admin.notificationSettings.noChannel')}</p>
          </Alert>
        ) : null}
      </fieldset>

      <fieldset className="choice-group admin-form__group">
        <legend>{t('admin.notificationSettings.reminders')}</legend>
        {draft.reminders.length === 0 ? (
          <p className="muted">{t('admin.notificationSettings.remindersNone')}</p>
        ) : (
          <ul className="admin-reminders" role="list">
            {draft.reminders.map((reminder, index) => (
              <ReminderRow
                // Rows have no identity of their own; the position is what the labels say too.
                key={index}
                index={index}
                reminder={reminder}
                problem={problems[index] ?? null}
                onChange={(next) => setReminder(index, next)}
                onRemove={() => {
                  onChange({ ...draft, reminders: draft.reminders.filter((_, i) => i !== index) });
                  addButton.current?.focus();
                }}
                registerAmount={(input) => registerAmount(index, input)}
              />
            ))}
          </ul>
        )}
        <div className="admin-reminders__add">
          <Button
            ref={addButton}
            variant="secondary"
            icon="plus"
            disabled={isFull}
            aria-describedby={isFull ? `${headingId}-full` : undefined}
            onClick={() => {
              onChange({
                ...draft,
                reminders: [...draft.reminders, { amount: '2', unit: 'hours' }],
              });
              onAdded(draft.reminders.length);
            }}
          >
            {t('admin.notificationSettings.add')}
          </Button>
          {isFull ? (
            <p id={`${headingId}-full`} className="field__hint">
              {t('admin.notificationSettings.maxReached', { max: MAX_REMINDERS })}
            </p>
          ) : null}
        </div>
      </fieldset>
    </section>
  );
}

interface ReminderRowProps {
  index: number;
  reminder: ReminderDraft;
  problem: ReminderProblem | null;
  onChange: (reminder: ReminderDraft) => void;
  onRemove: () => void;
  registerAmount: (input: HTMLInputElement | null) => void;
}

function ReminderRow({
  index,
  reminder,
  problem,
  onChange,
  onRemove,
  registerAmount,
}: ReminderRowProps) {
  const t = useT();
  const id = useId();
  const n = index + 1;
  return (
    <li className="admin-reminder">
      <div className="admin-reminder__fields">
        <div className="field admin-reminder__amount">
          <label htmlFor={`${id}-amount`} className="field__label">
            {t('admin.notificationSettings.reminder', { n })}
          </label>
          <input
            ref={registerAmount}
            id={`${id}-amount`}
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={reminder.amount}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(event) => onChange({ ...reminder, amount: event.target.value })}
          />
        </div>
        <div className="field admin-reminder__unit">
          <label htmlFor={`${id}-unit`} className="visually-hidden">
            {t('admin.notificationSettings.reminderUnit', { n })}
          </label>
          <select
            id={`${id}-unit`}
            className="input select"
            value={reminder.unit}
            onChange={(event) =>
              onChange({ ...reminder, unit: event.target.value as ReminderUnit })
            }
          >
            {UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`admin.notificationSettings.units.${unit}`)}
              </option>
            ))}
          </select>
        </div>
        <Button
          variant="ghost"
          className="admin-reminder__remove"
          aria-label={t('admin.notificationSettings.removeFor', { n })}
          onClick={onRemove}
        >
          {t('admin.notificationSettings.remove')}
        </Button>
      </div>
      {problem ? (
        <p id={`${id}-error`} className="field__error">
          {t(`admin.notificationSettings.problems.${problem}`)}
        </p>
      ) : null}
    </li>
  );
}
