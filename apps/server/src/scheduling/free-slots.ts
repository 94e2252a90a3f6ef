import {
  DAY,
  findFirstFreeSlot,
  findFreeSlots,
  minutes,
  type Instant,
  type Interval,
  type PractitionerId,
  type Slot,
  type SlotRules,
  type TimeZoneId,
} from '@visitt/domain';
import type { AppointmentTypeRow } from '../db/clinics';
import type { Queryable } from '../db/pool';
import { loadSchedules } from '../db/scheduling';

/** The slot rules of an appointment type. */
export function slotRulesOf(type: AppointmentTypeRow): SlotRules {
  return {
    duration: minutes(type.durationMinutes),
    ...(type.slotStepMinutes ? { step: minutes(type.slotStepMinutes) } : {}),
    minimumNotice: minutes(type.minimumNoticeMinutes),
    horizon: (type.horizonDays * DAY) as SlotRules['horizon'],
  };
}

/** Free slots of one practitioner for one type whose start lies in `range`. */
export async function listFreeSlots(
  db: Queryable,
  clinic: { id: string; timeZone: TimeZoneId },
  practitionerId: PractitionerId,
  type: AppointmentTypeRow,
  range: Interval,
  now: Instant,
): Promise<Slot[]> {
  const rules = slotRulesOf(type);
  // Nothing can be booked outside [now + notice, now + horizon]: don't load data for it.
  const start = Math.max(range.start, now + rules.minimumNotice) as Instant;
  const end = Math.min(range.end, now + rules.horizon + 1) as Instant;
  if (start >= end) return [];
  const loaded = { start, end: (end + rules.duration) as Instant };
  const schedule = (await loadSchedules(db, clinic, [practitionerId], loaded)).get(practitionerId);
  if (!schedule) return [];
  return findFreeSlots({
    availability: schedule.availability,
    busy: schedule.busy,
    range: { start, end },
    rules,
    now,
  });
}

/** First window to look for free time in; doubled for practitioners without any, up to the horizon. */
const FIRST_WINDOW = 3 * DAY;

/**
 * The earliest free slot of each practitioner over the given types (null when none within the
 * horizon). Loads schedules for everyone at once in growing windows, so a clinic where most
 * practitioners have time this week costs four queries.
 */
export async function findNextFreeSlots(
  db: Queryable,
  clinic: { id: string; timeZone: TimeZoneId },
  offers: ReadonlyMap<PractitionerId, readonly AppointmentTypeRow[]>,
  now: Instant,
): Promise<Map<PractitionerId, Slot | null>> {
  const found = new Map<PractitionerId, Slot | null>();
  const maxHorizon = Math.max(0, ...[...offers.values()].flat().map((t) => t.horizonDays * DAY));
  let pending = [...offers.keys()];
  let from = now;
  let window: number = FIRST_WINDOW;
  while (pending.length > 0 && from <= now + maxHorizon) {
    const to = Math.min(from + window, now + maxHorizon + 1) as Instant;
    const maxDuration =
      Math.max(...pending.flatMap((id) => offers.get(id)!.map((t) => t.durationMinutes))) * 60_000;
    const schedules = await loadSchedules(db, clinic, pending, {
      start: from,
      end: (to + maxDuration) as Instant,
    });
    const stillPending: PractitionerId[] = [];
    for (const id of pending) {
      const schedule = schedules.get(id)!;
      let best: Slot | null = null;
      for (const type of offers.get(id)!) {
        const full = slotRulesOf(type);
        // Search only up to `to`: later slots may overlap appointments not loaded yet.
        const rules = {
          ...full,
          horizon: Math.min(full.horizon, to - 1 - now) as SlotRules['horizon'],
        };
        const slot = findFirstFreeSlot({
          availability: schedule.availability,
          busy: schedule.busy,
          rules,
          now,
          from,
        });
        if (slot && (!best || slot.start < best.start)) best = slot;
      }
      if (best) found.set(id, best);
      else stillPending.push(id);
    }
    pending = stillPending;
    from = to;
    window *= 2;
  }
  for (const id of pending) found.set(id, null);
  return found;
}
