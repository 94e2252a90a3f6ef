import type {
  ClinicClosure,
  HoursException,
  SlotPreview,
  WeeklyHoursBlock,
} from '@visitt/contracts';
import {
  expandOpenIntervals,
  findFreeSlots,
  wallClockToInstant,
  type Availability,
  type Instant,
  type LocalDate,
  type LocalTime,
} from '@visitt/domain';
import { Temporal } from 'temporal-polyfill';
import { findAdminType } from '../../db/appointment-types';
import { findAdminClinic } from '../../db/clinic-profile';
import { findClinicPractitioner } from '../../db/practitioners';
import type { Queryable } from '../../db/pool';
import { loadSchedules } from '../../db/scheduling';
import { fail } from '../../core/errors';
import { zonedFormatter } from '../../lib/zoned-format';
import { slotRulesOf } from '../../scheduling/free-slots';
import { closuresFromBody, hoursFromBody } from './hours';
import { availabilityOf } from './outside-hours';

/** How far from today a week can be previewed (the longest booking horizon is two years). */
const PREVIEW_YEARS_BACK = 1;
const PREVIEW_YEARS_AHEAD = 3;

export interface PreviewInput {
  appointmentTypeId: string;
  week: string;
  hours?:
    | {
        weekly: WeeklyHoursBlock[];
        exceptions: HoursException[];
        worksHolidays?: boolean | undefined;
      }
    | undefined;
  closures?: ClinicClosure[] | undefined;
  openHolidays?: string[] | undefined;
}

/**
 * A week (Monday to Sunday on the clinic's calendar, holding `week`) as patients would see it:
 * the practitioner's open hours and the free slots of the type, with minimum notice, horizon
 * and booked time applied as for booking. Proposed hours or closures, when given, stand in for
 * the saved ones, so the effect of a change is seen before it is saved. Nothing is written.
 */
export async function previewWeek(
  db: Queryable,
  clinicId: string,
  practitionerId: string,
  input: PreviewInput,
  now: Instant,
): Promise<SlotPreview> {
  const [clinic, practitioner, type] = await Promise.all([
    findAdminClinic(db, clinicId),
    findClinicPractitioner(db, clinicId, practitionerId),
    findAdminType(db, clinicId, input.appointmentTypeId),
  ]);
  if (!clinic || !practitioner || !type) throw fail('not_found');
  const day = Temporal.PlainDate.from(input.week);
  // Hours are previewed around now: no horizon reaches further, and far from now the clinic's
  // zone may have had an offset in seconds (local mean time), which no API time can spell.
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(clinic.timeZone);
  if (
    Temporal.PlainDate.compare(day, today.toPlainDate().subtract({ years: PREVIEW_YEARS_BACK })) <
      0 ||
    Temporal.PlainDate.compare(day, today.toPlainDate().add({ years: PREVIEW_YEARS_AHEAD })) > 0
  )
    throw fail(
      'validation_failed',
      `Preview a week at most ${PREVIEW_YEARS_BACK} year back and ${PREVIEW_YEARS_AHEAD} years ahead.`,
    );
  const monday = day.subtract({ days: day.dayOfWeek - 1 });
  const sunday = monday.add({ days: 6 });
  const midnight = '00:00' as LocalTime;
  const range = {
    start: wallClockToInstant(monday.toString() as LocalDate, midnight, clinic.timeZone),
    end: wallClockToInstant(
      monday.add({ days: 7 }).toString() as LocalDate,
      midnight,
      clinic.timeZone,
    ),
  };
  const rules = slotRulesOf(type);
  const id = practitioner.id;
  const schedule = (
    await loadSchedules(db, clinic, [id], {
      start: range.start,
      end: (range.end + rules.duration) as Instant,
    })
  ).get(id)!;
  const saved = schedule.availability;
  const proposed = availabilityOf(
    clinic.timeZone,
    input.hours
      ? {
          ...hoursFromBody(input.hours),
          worksHolidays: input.hours.worksHolidays ?? saved.worksHolidays === true,
        }
      : { weekly: [], exceptions: [], worksHolidays: false },
    {
      closures: input.closures ? closuresFromBody(input.closures) : [],
      openHolidays: (input.openHolidays ?? []) as LocalDate[],
    },
  );
  const availability: Availability = {
    timeZone: clinic.timeZone,
    weekly: input.hours ? proposed.weekly : saved.weekly,
    exceptions: input.hours ? proposed.exceptions : saved.exceptions,
    closures: input.closures ? proposed.closures : saved.closures,
    worksHolidays: input.hours ? proposed.worksHolidays === true : saved.worksHolidays === true,
    openHolidays: input.openHolidays ? (proposed.openHolidays ?? []) : (saved.openHolidays ?? []),
  };
  const format = zonedFormatter(clinic.timeZone);
  return {
    timeZone: clinic.timeZone,
    from: monday.toString(),
    to: sunday.toString(),
    open: expandOpenIntervals(availability, range).map((i) => ({
      start: format(i.start),
      end: format(i.end),
    })),
    slots: findFreeSlots({ availability, busy: schedule.busy, range, rules, now }).map((s) => ({
      start: format(s.start),
      end: format(s.end),
    })),
    bookable:
      practitioner.active &&
      type.active &&
      type.bookableOnline &&
      type.practitionerIds.includes(practitioner.id),
  };
}
