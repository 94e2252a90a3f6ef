import { DateTime, Modality, Uuid } from '@visitt/contracts';
import { useParams, useSearchParams } from '../../../lib/router';
import type { BookingChoice } from '../booking-path';

/**
 * The booking choices from the path and query, validated; null fields were not given or are
 * malformed. A step checks that the fields it needs are there.
 */
export function useBookingChoice(): {
  clinicId: string | null;
  modality: Modality | null;
  practitionerId: string | null;
  appointmentTypeId: string | null;
  start: string | null;
  searchParams: URLSearchParams;
} {
  const { clinicId } = useParams();
  const [searchParams] = useSearchParams();
  const uuid = (value: string | null | undefined) =>
    Uuid.safeParse(value).success ? (value as string) : null;
  const modality = Modality.safeParse(searchParams.get('type'));
  const start = searchParams.get('start');
  return {
    clinicId: uuid(clinicId),
    modality: modality.success ? modality.data : null,
    practitionerId: uuid(searchParams.get('practitionerId')),
    appointmentTypeId: uuid(searchParams.get('appointmentTypeId')),
    start: DateTime.safeParse(start).success ? start : null,
    searchParams,
  };
}

/** Narrows a partial choice to one with the fields a step needs, or null. */
export function completeChoice(
  choice: ReturnType<typeof useBookingChoice>,
  needs: ('practitionerId' | 'appointmentTypeId' | 'start')[],
):
  | (BookingChoice &
      Required<Pick<BookingChoice, 'practitionerId' | 'appointmentTypeId' | 'start'>>)
  | null {
  if (!choice.clinicId || !choice.modality) return null;
  for (const field of needs) if (!choice[field]) return null;
  return {
    clinicId: choice.clinicId,
    modality: choice.modality,
    practitionerId: choice.practitionerId ?? '',
    appointmentTypeId: choice.appointmentTypeId ?? '',
    start: choice.start ?? '',
  };
}
