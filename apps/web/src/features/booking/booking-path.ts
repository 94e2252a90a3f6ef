import type { Modality } from '@visitt/contracts';

/** What the patient has chosen so far; each step adds one thing. */
export interface BookingChoice {
  clinicId: string;
  modality: Modality;
  practitionerId?: string;
  appointmentTypeId?: string;
  start?: string;
}

export type BookingStep = 'behandler' | 'type' | 'tid' | 'bekreft';

/**
 * The path of a booking step with the choices made so far in the query, e.g.
 * `/klinikk/…/bestill/tid?type=video&practitionerId=…&appointmentTypeId=…`.
 */
export function bookingPath(
  step: BookingStep,
  choice: BookingChoice,
  extra: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams({ type: choice.modality });
  if (choice.practitionerId && step !== 'behandler')
    params.set('practitionerId', choice.practitionerId);
  if (choice.appointmentTypeId && (step === 'tid' || step === 'bekreft'))
    params.set('appointmentTypeId', choice.appointmentTypeId);
  if (choice.start && step === 'bekreft') params.set('start', choice.start);
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return `/klinikk/${encodeURIComponent(choice.clinicId)}/bestill/${step}?${params.toString()}`;
}
