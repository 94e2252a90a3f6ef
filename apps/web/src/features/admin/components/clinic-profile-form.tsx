import {
  PlainText,
  VIDEO_INFO_MAX_LENGTH,
  type AdminClinic,
  type OutsideAppointment,
  type UpdateClinicBody,
} from '@visitt/contracts';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { isLocale, LOCALES } from '../../../i18n/locale';
import { useSaveClinic } from '../api/admin-api';
import {
  checkClinicDraft,
  toClinicDraft,
  type ClinicDraft,
  type ClinicField,
  type ClinicProblem,
} from '../clinic-profile';
import { readHoursConflict } from '../hours-conflict';
import { supportedTimeZones, timeZoneLabel, timeZoneOptions } from '../time-zones';
import { CheckboxField, TextField } from './form-fields';
import { HoursConflictDialog } from './hours-conflict-dialog';

type Outcome = { kind: 'saved' | 'savedOutside' } | { kind: 'error'; message: string } | null;

/** Where the live counter speaks up: quiet while typing, then at these many characters left. */
const ANNOUNCE_AT = [100, 50, 20, 10, 0];

const videoInfoSchema = PlainText(VIDEO_INFO_MAX_LENGTH);
type VideoInfoProblem = 'tooLong' | 'invalid';

/**
 * The information before a video consultation to save, checked as the server will (trimmed, at
 * most {@link VIDEO_INFO_MAX_LENGTH} characters, no control characters but line breaks and
 * tabs): null when empty, for Visitt's standard text.
 */
function checkVideoInfo(
  text: string,
): { ok: true; value: string | null } | { ok: false; problem: VideoInfoProblem } {
  const trimmed = text.trim();
  if (trimmed.length > VIDEO_INFO_MAX_LENGTH) return { ok: false, problem: 'tooLong' };
  if (!videoInfoSchema.safeParse(trimmed).success) return { ok: false, problem: 'invalid' };
  return { ok: true, value: trimmed || null };
}

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
  const [videoInfo, setVideoInfo] = useState(clinic.videoInfo ?? '');
  const [videoInfoProblem, setVideoInfoProblem] = useState<VideoInfoProblem | null>(null);
  const [problems, setProblems] = useState<Partial<Record<ClinicField, ClinicProblem>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [conflict, setConflict] = useState<{
    appointments: OutsideAppointment[];
    body: UpdateClinicBody;
  } | null>(null);
  const fields = {
    name: useRef<HTMLInputElement>(null),
    address: useRef<HTMLInputElement>(null),
    town: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
  };
  const videoInfoRef = useRef<HTMLTextAreaElement>(null);
  const videoInfoIds = {
    field: useId(),
    hint: useId(),
    counter: useId(),
    error: useId(),
  };
  const videoInfoLeft = VIDEO_INFO_MAX_LENGTH - videoInfo.length;
  const videoInfoAnnounced = ANNOUNCE_AT.find(
    (mark) => videoInfoLeft <= mark && videoInfoLeft > mark - 5,
  );
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

  function problemText(problem: ClinicProblem | undefined): string | null {
    if (!problem) return null;
    switch (problem.kind) {
      case 'required':
        return t('admin.profile.nameRequired');
      case 'tooLong':
        return t('admin.form.tooLong', { max: problem.max });
      case 'notAPhoneNumber':
        return t('admin.profile.phoneInvalid');
    }
  }

  function send(body: UpdateClinicBody) {
    save.mutate(body, {
      onSuccess: (saved) => {
        setDraft(toClinicDraft(saved));
        setVideoInfo(saved.videoInfo ?? '');
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
    const info = checkVideoInfo(videoInfo);
    if (!checked.ok || !info.ok) {
      setProblems(checked.ok ? {} : checked.problems);
      setVideoInfoProblem(info.ok ? null : info.problem);
      setOutcome(null);
      const first = checked.ok
        ? undefined
        : (['name', 'address', 'town', 'phone'] as const).find((f) => checked.problems[f]);
      if (first) fields[first].current?.focus();
      else videoInfoRef.current?.focus();
      return;
    }
    setProblems({});
    setVideoInfoProblem(null);
    send({ ...checked.body, videoInfo: info.value });
  }

  return (
    <>
      <form className="form admin-form" noValidate onSubmit={handleSubmit}>
        <TextField
          ref={fields.name}
          label={t('admin.profile.name')}
          value={draft.name}
          onChange={(event) => change('name', event.target.value)}
          error={problemText(problems.name)}
          required
          autoComplete="organization"
        />
        <TextField
          ref={fields.address}
          label={t('admin.profile.address')}
          hint={t('admin.profile.addressHint')}
          value={draft.address}
          onChange={(event) => change('address', event.target.value)}
          error={problemText(problems.address)}
          isOptional
          autoComplete="street-address"
        />
        <TextField
          ref={fields.town}
          label={t('admin.profile.town')}
          hint={t('admin.profile.townHint')}
          value={draft.town}
          onChange={(event) => change('town', event.target.value)}
          error={problemText(problems.town)}
          isOptional
          autoComplete="address-level2"
        />
        <TextField
          ref={fields.phone}
          label={t('admin.profile.phone')}
          hint={t('admin.profile.phoneHint')}
          value={draft.phone}
          onChange={(event) => change('phone', event.target.value)}
          error={problemText(problems.phone)}
          isOptional
          type="tel"
          inputMode="tel"
          autoComplete="tel"
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
        <div className="field">
          <label htmlFor={videoInfoIds.field} className="field__label">
            {t('admin.profile.videoInfo')}
            <span className="admin-field__optional"> ({t('admin.form.optional')})</span>
          </label>
          <p id={videoInfoIds.hint} className="field__hint">
            {t('admin.profile.videoInfoHint')}
          </p>
          <textarea
            ref={videoInfoRef}
            id={videoInfoIds.field}
            className="input textarea"
            rows={8}
            maxLength={VIDEO_INFO_MAX_LENGTH}
            value={videoInfo}
            onChange={(event) => {
              setVideoInfo(event.target.value);
              setOutcome(null);
            }}
            aria-invalid={videoInfoProblem ? true : undefined}
            aria-describedby={[
              videoInfoProblem ? videoInfoIds.error : null,
              videoInfoIds.hint,
              videoInfoIds.counter,
            ]
              .filter(Boolean)
              .join(' ')}
          />
          <p
            id={videoInfoIds.counter}
            className={`field__counter${videoInfoLeft <= 20 ? ' is-low' : ''}`}
          >
            {t('booking.charsLeft', { count: videoInfoLeft })}
          </p>
          <p className="visually-hidden" aria-live="polite">
            {videoInfoAnnounced != null ? t('booking.charsLeft', { count: videoInfoLeft }) : ''}
          </p>
          {videoInfoProblem ? (
            <p id={videoInfoIds.error} className="field__error">
              {videoInfoProblem === 'tooLong'
                ? t('admin.form.tooLong', { max: VIDEO_INFO_MAX_LENGTH })
                : t('admin.profile.videoInfoInvalid')}
            </p>
          ) : null}
          <details>
            <summary>{t('admin.profile.videoInfoDefault')}</summary>
            <StandardText text={t('videoInfo.defaultText')} />
          </details>
        </div>

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

/** Visitt's standard text as it is written in the catalogue: paragraphs at blank lines. */
function StandardText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((paragraph, index) => (
        <p key={index}>
          {paragraph
            .split('\n')
            .flatMap((line, lineIndex) =>
              lineIndex === 0 ? [line] : [<br key={lineIndex} />, line],
            )}
        </p>
      ))}
    </>
  );
}
