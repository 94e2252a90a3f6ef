import { AppointmentTypeBody, type AdminAppointmentType, type Modality } from '@visitt/contracts';

/**
 * The appointment type form: what is typed (strings, so a half-typed number stays as typed),
 * its conversion to the API's body, and where the API's (or the contract's) complaints go.
 * Notice and cancellation deadline are minutes in the API; the form shows them in the largest
 * unit that divides them (120 minutes is "2 hours").
 */

export type TimeUnit = 'minutes' | 'hours' | 'days';
export const TIME_UNITS: readonly TimeUnit[] = ['minutes', 'hours', 'days'];
const UNIT_MINUTES: Record<TimeUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

export interface AmountDraft {
  value: string;
  unit: TimeUnit;
}

export interface TypeDraft {
  name: string;
  description: string;
  durationMinutes: string;
  /** Empty: slots start one duration apart. */
  slotStepMinutes: string;
  modality: Modality;
  minimumNotice: AmountDraft;
  horizonDays: string;
  cancellationDeadline: AmountDraft;
  bookableOnline: boolean;
  active: boolean;
  practitionerIds: string[];
}

/** The fields of the form; each has one place for its error. */
export const TYPE_FIELDS = [
  'name',
  'description',
  'durationMinutes',
  'slotStepMinutes',
  'modality',
  'minimumNoticeMinutes',
  'horizonDays',
  'cancellationDeadlineMinutes',
  'bookableOnline',
  'active',
  'practitionerIds',
] as const satisfies readonly (keyof AppointmentTypeBody)[];
export type TypeField = (typeof TYPE_FIELDS)[number];

/** `minutes` in the largest unit that divides it (0 is "0 hours"). */
export function splitMinutes(minutes: number): AmountDraft {
  if (minutes === 0) return { value: '0', unit: 'hours' };
  const unit = [...TIME_UNITS].reverse().find((u) => minutes % UNIT_MINUTES[u] === 0) ?? 'minutes';
  return { value: String(minutes / UNIT_MINUTES[unit]), unit };
}

/** A whole number typed in a field, or null when it is not one (empty included). */
export function readWholeNumber(value: string): number | null {
  const trimmed = value.trim();
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : null;
}

/** The form for a new type: a 15-minute video consultation, bookable online. */
export function emptyTypeDraft(): TypeDraft {
  return {
    name: '',
    description: '',
    durationMinutes: '15',
    slotStepMinutes: '',
    modality: 'video',
    minimumNotice: { value: '2', unit: 'hours' },
    horizonDays: '90',
    cancellationDeadline: { value: '24', unit: 'hours' },
    bookableOnline: true,
    active: true,
    practitionerIds: [],
  };
}

/** The form for an existing type, with everything it has (nothing dropped on saving). */
export function toTypeDraft(type: AdminAppointmentType): TypeDraft {
  return {
    name: type.name,
    description: type.description ?? '',
    durationMinutes: String(type.durationMinutes),
    slotStepMinutes: type.slotStepMinutes == null ? '' : String(type.slotStepMinutes),
    modality: type.modality,
    minimumNotice: splitMinutes(type.minimumNoticeMinutes),
    horizonDays: String(type.horizonDays),
    cancellationDeadline: splitMinutes(type.cancellationDeadlineMinutes),
    bookableOnline: type.bookableOnline,
    active: type.active,
    practitionerIds: [...type.practitionerIds],
  };
}

/** The field an API issue path (`durationMinutes`, `practitionerIds.2`) belongs to, or null. */
export function typeFieldOfPath(path: string): TypeField | null {
  const first = path.split('.')[0] ?? '';
  return (TYPE_FIELDS as readonly string[]).includes(first) ? (first as TypeField) : null;
}

/**
 * The fields named by validation issues, in the order of the form, and whether some issue
 * named no field of the form (to be shown as a general error).
 */
export function fieldsOfIssues(issues: readonly { path: string }[]): {
  fields: TypeField[];
  hasOther: boolean;
} {
  const named = new Set<TypeField>();
  let hasOther = false;
  for (const issue of issues) {
    const field = typeFieldOfPath(issue.path);
    if (field) named.add(field);
    else hasOther = true;
  }
  return { fields: TYPE_FIELDS.filter((f) => named.has(f)), hasOther };
}

export type ReadTypeDraft =
  { ok: true; body: AppointmentTypeBody } | { ok: false; fields: TypeField[] };

/**
 * The body for `POST`/`PUT …/appointment-types` from the form, checked by the same contract the
 * API checks with; otherwise the fields at fault, in the order of the form.
 */
export function readTypeDraft(draft: TypeDraft): ReadTypeDraft {
  const bad = new Set<TypeField>();
  const number = (field: TypeField, value: string, factor = 1): number => {
    const read = readWholeNumber(value);
    if (read === null) bad.add(field);
    return (read ?? 0) * factor;
  };
  const step = draft.slotStepMinutes.trim();
  const candidate = {
    name: draft.name,
    description: draft.description.trim() === '' ? null : draft.description,
    durationMinutes: number('durationMinutes', draft.durationMinutes),
    slotStepMinutes: step === '' ? null : number('slotStepMinutes', step),
    modality: draft.modality,
    minimumNoticeMinutes: number(
      'minimumNoticeMinutes',
      draft.minimumNotice.value,
      UNIT_MINUTES[draft.minimumNotice.unit],
    ),
    horizonDays: number('horizonDays', draft.horizonDays),
    cancellationDeadlineMinutes: number(
      'cancellationDeadlineMinutes',
      draft.cancellationDeadline.value,
      UNIT_MINUTES[draft.cancellationDeadline.unit],
    ),
    bookableOnline: draft.bookableOnline,
    active: draft.active,
    practitionerIds: draft.practitionerIds,
  };
  const parsed = AppointmentTypeBody.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = typeFieldOfPath(issue.path.map(String).join('.'));
      if (field) bad.add(field);
    }
  }
  if (bad.size > 0 || !parsed.success)
    return { ok: false, fields: TYPE_FIELDS.filter((f) => bad.has(f)) };
  return { ok: true, body: parsed.data };
}

/** Whether the form differs from `saved` (or from an empty form for a new type). */
export function isTypeDraftChanged(draft: TypeDraft, saved: TypeDraft): boolean {
  const canonical = (d: TypeDraft) =>
    JSON.stringify({ ...d, practitionerIds: [...d.practitionerIds].sort() });
  return canonical(draft) !== canonical(saved);
}
