import type { Me } from '@visitt/contracts';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import type { TranslationKey } from '../../../i18n/catalogue';
import { isApiError } from '../../../lib/api';
import { browserTimeZone, todayIn } from '../../../lib/dates';
import { useSaveProfile } from '../api/profile-api';
import {
  checkProfile,
  joinDate,
  profileBody,
  serverProblems,
  splitDate,
  type DateParts,
  type FieldProblem,
  type ProfileField,
  type ProfileProblems,
} from '../profile-form';

const NAME_FIELDS = [
  { field: 'givenName', label: 'profile.givenName', autoComplete: 'given-name' },
  { field: 'familyName', label: 'profile.familyName', autoComplete: 'family-name' },
] as const;

/** The date's fields in the order Norwegians write it, each with its autocomplete token. */
const DATE_PARTS = [
  { part: 'day', label: 'profile.day', autoComplete: 'bday-day', maxLength: 2 },
  { part: 'month', label: 'profile.month', autoComplete: 'bday-month', maxLength: 2 },
  { part: 'year', label: 'profile.year', autoComplete: 'bday-year', maxLength: 4 },
] as const;

const FOCUS_ORDER: ProfileField[] = ['givenName', 'familyName', 'birthDate'];

/**
 * Given name, family name and date of birth (day, month and year in three fields under one
 * legend, as is easiest for a date one knows by heart), checked as the server checks them and
 * saved with PATCH /api/v1/me. Problems are shown under each field, linked to it, and focus
 * moves to the first field with one. `onSaved` gets the saved user; `actions` are further
 * buttons before the submit button (e.g. Cancel).
 */
export function ProfileForm({
  me,
  submitLabel,
  onSaved,
  actions,
}: {
  me: Me | null;
  submitLabel: string;
  onSaved: (me: Me) => void;
  actions?: ReactNode;
}) {
  const t = useT();
  const save = useSaveProfile();
  const baseId = useId();
  const [names, setNames] = useState({
    givenName: me?.givenName ?? '',
    familyName: me?.familyName ?? '',
  });
  const [date, setDate] = useState<DateParts>(() => splitDate(me?.birthDate ?? null));
  const [problems, setProblems] = useState<ProfileProblems>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const inputs = useRef<Partial<Record<ProfileField, HTMLInputElement | null>>>({});
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = FOCUS_ORDER.find((field) => problems[field]);
    if (first) inputs.current[first]?.focus();
  }, [focusRequest, problems]);

  function message(problem: FieldProblem): string {
    const field = problem.vars?.field;
    return t(problem.key, {
      ...problem.vars,
      ...(typeof field === 'string' ? { field: t(field as TranslationKey) } : {}),
    });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const values = { ...names, birthDate: joinDate(date) };
    const found = checkProfile(values, todayIn(browserTimeZone(), Date.now()));
    setProblems(found);
    setServerError(null);
    if (Object.keys(found).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    save.mutate(profileBody(values), {
      onSuccess: (saved) => onSaved(saved),
      onError: (error) => {
        // Checked here already, so a refusal means the server disagrees (most likely its clock
        // says the date has not come yet): each field says what the server found wrong with it.
        const found = isApiError(error, 'validation_failed') ? serverProblems(error.issues) : null;
        if (found) {
          setProblems(found);
          setFocusRequest((n) => n + 1);
        } else {
          setServerError(isApiError(error) ? t(`errors.${error.code}`) : t('errors.unexpected'));
        }
      },
    });
  }

  const dateIds = {
    legendId: `${baseId}-birth-legend`,
    hintId: `${baseId}-birth-hint`,
    errorId: `${baseId}-birth-error`,
  };
  const dateProblem = problems.birthDate;

  return (
    <form className="profile-form" onSubmit={handleSubmit} noValidate>
      {serverError ? (
        <Alert tone="error" className="alert--spaced">
          <p>{serverError}</p>
        </Alert>
      ) : null}
      {NAME_FIELDS.map(({ field, label, autoComplete }) => {
        const id = `${baseId}-${field}`;
        const problem = problems[field];
        const errorId = `${id}-error`;
        return (
          <div className="field" key={field}>
            <label htmlFor={id} className="field__label">
              {t(label)}
            </label>
            <input
              ref={(element) => {
                inputs.current[field] = element;
              }}
              id={id}
              name={field}
              className="input"
              type="text"
              autoComplete={autoComplete}
              maxLength={120}
              spellCheck={false}
              required
              value={names[field]}
              onChange={(event) => {
                const value = event.target.value;
                setNames((current) => ({ ...current, [field]: value }));
              }}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
            />
            {problem ? (
              <p id={errorId} className="field__error">
                {message(problem)}
              </p>
            ) : null}
          </div>
        );
      })}
      <fieldset className="field profile-form__date" aria-describedby={dateIds.hintId}>
        <legend id={dateIds.legendId} className="field__label">
          {t('profile.birthDate')}
        </legend>
        <p id={dateIds.hintId} className="field__hint">
          {t('profile.birthDateHint')}
        </p>
        {dateProblem ? (
          <p id={dateIds.errorId} className="field__error">
            {message(dateProblem)}
          </p>
        ) : null}
        <div className="profile-form__date-parts">
          {DATE_PARTS.map(({ part, label, autoComplete, maxLength }) => {
            const id = `${baseId}-birth-${part}`;
            return (
              <div
                className={`profile-form__date-part profile-form__date-part--${part}`}
                key={part}
              >
                <label htmlFor={id} className="field__label">
                  {t(label)}
                </label>
                <input
                  ref={
                    part === 'day'
                      ? (element) => {
                          inputs.current.birthDate = element;
                        }
                      : undefined
                  }
                  id={id}
                  name={`birth-${part}`}
                  className="input"
                  type="text"
                  inputMode="numeric"
                  autoComplete={autoComplete}
                  maxLength={maxLength}
                  value={date[part]}
                  onChange={(event) => {
                    const value = event.target.value;
                    setDate((current) => ({ ...current, [part]: value }));
                  }}
                  aria-invalid={dateProblem ? true : undefined}
                  aria-describedby={dateProblem ? dateIds.errorId : undefined}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="form-actions form-actions--end">
        {actions}
        <Button type="submit" variant="primary" isBusy={save.isPending}>
          {save.isPending ? t('profile.saving') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
