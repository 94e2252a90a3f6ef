import type { Instant, Interval } from '../time';
import { appendOpenIntervalsOfDay, compileAvailability, zoneClockFrom } from './open-intervals';
import type { CompiledAvailability } from './open-intervals';
import type { FirstFreeSlotQuery, FreeSlotQuery, Slot } from './types';

/** @internal What {@link searchSlots} looks for; all instants in epoch ms. */
export interface SlotSearch {
  readonly availability: CompiledAvailability;
  /** Sorted by start, merged (see {@link mergeBusy}). */
  readonly busy: readonly Interval[];
  readonly duration: number;
  readonly step: number;
  /** Smallest allowed start, inclusive. */
  readonly earliest: number;
  /** Largest allowed start, inclusive. */
  readonly latest: number;
  /** Starts must be strictly before this. */
  readonly before: number;
  /** Stop after this many slots. */
  readonly limit: number;
}

/**
 * @internal The slot generator behind {@link findFreeSlots}, {@link findFirstFreeSlot} and the
 * booking rules. Walks local dates from the one before `earliest`, one at a time, and stops as
 * soon as `limit` slots are found or no later date can hold an allowed start.
 *
 * Slot starts are laid out on each local date separately, from the start of each of that date's
 * open intervals, every `step` ms of real time. The grid therefore depends only on the
 * availability, never on where a query's range begins, and a slot never crosses into the next
 * date (a 50-minute type on a 00:00–24:00 day ends with 22:30–23:20 and starts again at 00:00).
 */
export function searchSlots(search: SlotSearch): Slot[] {
  const { availability, busy, duration, step, earliest, latest, before, limit } = search;
  const slots: Slot[] = [];
  if (!(duration > 0 && step > 0) || earliest > latest || earliest >= before || limit <= 0)
    return slots;

  const clock = zoneClockFrom(availability.timeZone, earliest);
  const dayIntervals: Interval[] = [];
  let busyIndex = 0;
  for (let epochDay = clock.epochDayAt(earliest) - 1; ; epochDay++) {
    dayIntervals.length = 0;
    const nextDayStart = appendOpenIntervalsOfDay(availability, clock, epochDay, dayIntervals);
    for (const open of dayIntervals) {
      if (open.end - duration < earliest) continue;
      let k = open.start >= earliest ? 0 : Math.ceil((earliest - open.start) / step);
      let start = open.start + k * step;
      while (start + duration <= open.end) {
        // Intervals come in time order, so the first start past the end ends the whole search.
        if (start > latest || start >= before) return slots;
        // Busy is sorted and merged and starts only grow: one forward sweep over it suffices.
        while (busyIndex < busy.length && (busy[busyIndex] as Interval).end <= start) busyIndex++;
        const blocking = busy[busyIndex];
        if (blocking !== undefined && blocking.start < start + duration) {
          k = Math.max(k + 1, Math.ceil((blocking.end - open.start) / step));
        } else {
          slots.push({ start: start as Instant, end: (start + duration) as Instant });
          if (slots.length >= limit) return slots;
          k++;
        }
        start = open.start + k * step;
      }
    }
    if (nextDayStart > latest || nextDayStart >= before || epochDay >= availability.lastOpenDay)
      return slots;
  }
}

/** @internal Busy intervals sorted by start and merged; empty or inverted ones dropped. */
export function mergeBusy(busy: readonly Interval[]): Interval[] {
  const sorted = busy.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
  const merged: { start: Instant; end: Instant }[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last.end) {
      if (end > last.end) last.end = end;
    } else merged.push({ start, end });
  }
  return merged;
}

/**
 * Free slots of one practitioner whose start lies in `[range.start, range.end)`, sorted by start.
 *
 * A slot lasts `rules.duration` and lies wholly inside the open time of one local date (see
 * `expandOpenIntervals` for how wall-clock hours become instants across DST). Starts are laid out
 * from the start of each open interval every `rules.step ?? rules.duration` of real time, so a
 * 00:00–24:00 day gives 92 quarter-hour slots on a spring-forward date and 100 on a fall-back date
 * (the repeated hour twice, with different offsets). A slot is returned when its start is at
 * or after `now + minimumNotice`, at or before `now + horizon`, and it overlaps no `busy` interval.
 *
 * Returns `[]` when duration or step is not positive.
 */
export function findFreeSlots(q: FreeSlotQuery): Slot[] {
  const duration = q.rules.duration;
  return searchSlots({
    availability: compileAvailability(q.availability),
    busy: mergeBusy(q.busy),
    duration,
    step: q.rules.step ?? duration,
    earliest: Math.max(q.range.start, q.now + q.rules.minimumNotice),
    latest: q.now + q.rules.horizon,
    before: q.range.end,
    limit: Number.POSITIVE_INFINITY,
  });
}

/**
 * The earliest free slot starting at or after `from` (and `now + minimumNotice`) and at or before
 * `now + horizon`, or `null` when there is none. The same slot `findFreeSlots` would list first
 * over that span, found by expanding one local date at a time and stopping at the first hit.
 * The walk ends at the last date the hours can be open or at `now + horizon`, so the horizon
 * should be finite when the hours are open-ended.
 */
export function findFirstFreeSlot(q: FirstFreeSlotQuery): Slot | null {
  const duration = q.rules.duration;
  const [first] = searchSlots({
    availability: compileAvailability(q.availability),
    busy: mergeBusy(q.busy),
    duration,
    step: q.rules.step ?? duration,
    earliest: Math.max(q.from, q.now + q.rules.minimumNotice),
    latest: q.now + q.rules.horizon,
    before: Number.POSITIVE_INFINITY,
    limit: 1,
  });
  return first ?? null;
}
