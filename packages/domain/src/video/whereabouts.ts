import type { Presence } from './room';

/**
 * What a waiting patient is told of their practitioner, beside any status message the
 * practitioner sends ("Jeg er ca. 10 minutter forsinket"):
 * - `here`: in this call (or coming back to it); the call itself shows it.
 * - `in_another_consultation`: in another patient's call now.
 * - `on_the_way`: free, with this patient among the waiting their workspace has readied a call
 *   for (presence `ready`, decision 0027).
 * - `not_in`: none of these: not yet come into this call.
 */
export const PRACTITIONER_WHEREABOUTS = [
  'here',
  'in_another_consultation',
  'on_the_way',
  'not_in',
] as const;
export type PractitionerWhereabouts = (typeof PRACTITIONER_WHEREABOUTS)[number];

/**
 * The practitioner's whereabouts from their presence in this room and whether they are in a
 * call in another room now. Being in this call wins; then being busy elsewhere, which a readied
 * connection here does not undo (the workspace readies calls while its practitioner talks).
 */
export function practitionerWhereabouts(
  presenceHere: Presence,
  isInAnotherCall: boolean,
): PractitionerWhereabouts {
  if (presenceHere === 'in_call' || presenceHere === 'reconnecting') return 'here';
  if (isInAnotherCall) return 'in_another_consultation';
  if (presenceHere === 'ready') return 'on_the_way';
  return 'not_in';
}
