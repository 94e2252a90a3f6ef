import { useMe } from '../../auth/hooks/use-me';
import { useClinic } from '../../clinics/api/clinics-api';

/** Until the clinic tells its zone, the product's default. */
const DEFAULT_ZONE = 'Europe/Oslo';

/**
 * The time zone of the practitioner's calendar: that of the (first) clinic where they practise,
 * so "today" is the clinic's today even on a day without appointments. Each appointment still
 * shows its times in its own clinic's zone.
 */
export function useClinicZone(): string {
  const { me } = useMe();
  const clinicId = me?.memberships.find((m) => m.practitionerId != null)?.clinicId;
  const clinic = useClinic(clinicId);
  return clinic.data?.timeZone ?? DEFAULT_ZONE;
}
