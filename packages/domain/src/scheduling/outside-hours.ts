import type { Instant, Interval } from '../time';
import { expandOpenIntervals } from './open-intervals';
import type { Availability } from './types';

/**
 * The intervals (booked appointments) that do not lie wholly inside the open time of
 * `availability`, expanded exactly as for booking, so DST days, exceptions and closures count
 * the same. The order of `intervals` is kept; an empty list gives an empty list.
 */
export function findOutsideHours<T extends Interval>(
  intervals: readonly T[],
  availability: Availability,
): T[] {
  if (intervals.length === 0) return [];
  // A loop, not Math.min(...list): a clinic may have more booked appointments than arguments fit.
  let start = Infinity;
  let end = -Infinity;
  for (const a of intervals) {
    start = Math.min(start, a.start);
    end = Math.max(end, a.end);
  }
  const range = { start: start as Instant, end: end as Instant };
  const open = expandOpenIntervals(availability, range);
  return intervals.filter((a) => !isInside(open, a));
}

/** Whether `a` lies inside one interval of `open` (sorted, merged): binary search. */
function isInside(open: readonly Interval[], a: Interval): boolean {
  let low = 0;
  let high = open.length - 1;
  let candidate = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (open[mid]!.start <= a.start) {
      candidate = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return candidate >= 0 && open[candidate]!.end >= a.end;
}
