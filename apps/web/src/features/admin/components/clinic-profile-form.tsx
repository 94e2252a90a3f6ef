import type { AdminClinic, OutsideAppointment, UpdateClinicBody } from '@visitt/contracts';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { isLocale, LOCALES } from '../../../i18n/locale';
import { useSaveClinic } from '../api/admin-api';
import {
  checkClinicDraft,
  CLINIC_TEXT_MAX,
  toClinicDraft,
  type ClinicDraft,
  type ClinicProblem,
  type ClinicTextField,
} from '../clinic-profile';
import { readHoursConflict } from '../hours-conflict';
import { supportedTimeZones, timeZoneLabel, timeZoneOptions } from '../time-zones';
import { CheckboxField, TextField } from './form-fields';
import { HoursConflictDialog } from './hours-conflict-dialog';

type Outcome = { kind: 'saved' | 'savedOutside' } | { kind: 'error'; message: string } | null;

/**
 * The clinic's profile form. Saving replaces the whole profile; a new time zone that would put
 * booked appointments outside the hours is answered with 409 `hours_conflict`, and the
 * appointments are shown for the administrator to confirm (the same body with `confirm: true`)
 * or to go back. Focus moves to the first field at fault; the outcome is announced politely.
 */
export function ClinicProfileForm({ clinic }: { clinic: AdminClinic }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const save = useSaveClinic(clinic.id);
  const [draft, setDraft] = useState<ClinicDraft>(() => toClinicDraft(clinic));
  const [problems, setProblems] = useState<Partial<Record<ClinicTextField, ClinicProblem>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [conflict, setConflict] = useState<{
    appointments: OutsideAppointment[];
    body: UpdateClinicBody;
  } | null>(null);
  const fields = {
    name: useRef<HTMLInputElement>(null),
    address: useRef<HTMLInputElement>(null),
    town: useRef<HTMLInputElement>(null),
  };
  const timeZoneId = useId();
  const languageId = useId();
  const zones = useMemo(
    () => timeZoneOptions(clinic.timeZone, supportedTimeZones()),
    [clinic.timeZone],
  );

  function change<K extends keyof ClinicDraft>(key: K, value: ClinicDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setOutcome(null);
  }

  function problemText(problem: ClinicProblem | undefined, field: ClinicTextField): string | null {
    if (!problem) return null;
    if (problem.kind === 'required') return t('admin.profile.nameRequired');
    return t('admin.form.tooLong', { max: CLINIC_TEXT_MAX[field] });
  }

  function send(body: UpdateClinicBody) {
    save.mutate(body, {
      onSuccess: (saved) => {
        setDraft(toClinicDraft(saved));
        setOutcome({ kind: body.confirm ? 'savedOutside' : 'saved' });
        setConflict(null);
      },
      onError: (error) => {
        const appointments = readHoursConflict(error);
        if (appointments && !body.confirm) {
          setConflict({ appointments, body });
          return;
        }
        setConflict(null);
        setOutcome({ kind: 'error', message: errorMessage(error) });
      },
    });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkClinicDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setOutcome(null);
      const first = (['name', 'address', 'town'] as const).find((f) => checked.problems[f]);
      if (first) fields[first].current?.focus();
      return;
    }
    setProblems({});
    send(checked.body);
  }

  return (
    <>
      <form className="form admin-form" noValidate onSubmit={handleSubmit}>
        <TextField
          ref={fields.name}
          label={t('admin.profile.name')}
          value={draft.name}
          onChange={(event) => change('name', event.target.value)}
          error={problemText(problems.name, 'name')}
          required
          autoComplete="organization"
        />
        <TextField
          ref={fields.address}
          label={t('admin.profile.address')}
          hint={t('admin.profile.addressHint')}
          value={draft.address}
          onChange={(event) => change('address', event.target.value)}
          error={problemText(problems.address, 'address')}
          isOptional
          autoComplete="street-address"
        />
        <TextField
          ref={fields.town}
          label={t('admin.profile.town')}
          hint={t('admin.profile.townHint')}
          value={draft.town}
          onChange={(event) => change('town', event.target.value)}
          error={problemText(problems.town, 'town')}
          isOptional
          autoComplete="address-level2"
        />
        <div className="field">
          <label htmlFor={timeZoneId} className="field__label">
            {t('admin.profile.timeZone')}
          </label>
          <p id={`${timeZoneId}-hint`} className="field__hint">
            {t('admin.profile.timeZoneHint')}
          </p>
          <select
            id={timeZoneId}
            className="input select admin-form__zone"
            value={draft.timeZone}
            aria-describedby={`${timeZoneId}-hint`}
            onChange={(event) => change('timeZone', event.target.value)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {timeZoneLabel(zone)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={languageId} className="field__label">
            {t('admin.profile.language')}
          </label>
          <p id={`${languageId}-hint`} className="field__hint">
            {t('admin.profile.languageHint')}
          </p>
          <select
            id={languageId}
            className="input select"
            value={draft.language}
            aria-describedby={`${languageId}-hint`}
            onChange={(event) => {
              const language = event.target.value;
              if (isLocale(language)) change('language', language);
            }}
          >
            {LOCALES.map((language) => (
              <option key={language} value={language}>
                {t(`admin.profile.languages.${language}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="choice-group admin-form__group">
          <legend>{t('admin.profile.visibility')}</legend>
          <CheckboxField
            label={t('admin.profile.listed')}
            hint={t('admin.profile.listedHint')}
            checked={draft.listed}
            onChange={(checked) => change('listed', checked)}
          />
          <CheckboxField
            label={t('admin.profile.strongAuth')}
            hint={t('admin.profile.strongAuthHint')}
            checked={draft.requireStrongAuthForVideo}
            onChange={(checked) => change('requireStrongAuthForVideo', checked)}
          />
        </fieldset>

        <div aria-live="polite" className="admin-form__outcome">
          {outcome?.kind === 'saved' ? (
            <Alert tone="success" live="none">
              <p>{t('admin.form.saved')}</p>
            </Alert>
          ) : outcome?.kind === 'savedOutside' ? (
            <Alert tone="warning" live="none">
              <p>{t('admin.profile.savedOutside')}</p>
            </Alert>
          ) : null}
        </div>
        {outcome?.kind === 'error' ? (
          <Alert tone="error">
            <p>{outcome.message}</p>
          </Alert>
        ) : null}

        <div className="form-actions admin-form__actions">
          <Button type="submit" isBusy={save.isPending && conflict === null}>
            {t('admin.form.save')}
          </Button>
        </div>
      </form>

      <HoursConflictDialog
        conflict={conflict?.appointments ?? null}
        busy={save.isPending}
        onCancel={() => setConflict(null)}
        onConfirm={() => {
          if (conflict) send({ ...conflict.body, confirm: true });
        }}
      />
    </>
  );
}
