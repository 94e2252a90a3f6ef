import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { MINUTE, instant } from '../time';
import type { Instant, LocalDate, LocalTime, TimeZoneId } from '../time';
import { findOutsideHours } from './outside-hours';
import type { Availability, HoursException, Weekday, WeeklyHoursBlock } from './types';

const OSLO = 'Europe/Oslo' as TimeZoneId;
const t = (s: string) => s as LocalTime;
const d = (s: string) => s as LocalDate;
const appointment = (id: string, start: string, minutes = 15) => {
  const from = instant(Temporal.Instant.from(start).epochMilliseconds);
  return { id, start: from, end: (from + minutes * MINUTE) as Instant };
};

const blocks = (weekdays: Weekday[], start: string, end: string): WeeklyHoursBlock[] =>
  weekdays.map((weekday) => ({ weekday, start: t(start), end: t(end) }));

const oslo = (
  weekly: WeeklyHoursBlock[],
  exceptions: HoursException[] = [],
  closures: Availability['closures'] = [],
): Availability => ({ timeZone: OSLO, weekly, exceptions, closures });

const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe('findOutsideHours', () => {
  const mornings = blocks([1, 2, 3, 4, 5], '08:00', '12:00');

  it('keeps appointments wholly inside open time, on the wall clock of the zone', () => {
    const list = [
      appointment('inside', '2026-12-01T07:00:00Z'), // 08:00 Oslo
      appointment('last', '2026-12-01T10:45:00Z'), // 11:45–12:00
      appointment('overruns', '2026-12-01T10:50:00Z'), // 11:50–12:05
      appointment('before', '2026-12-01T06:45:00Z'), // 07:45
      appointment('saturday', '2026-12-05T08:00:00Z'),
    ];
    expect(ids(findOutsideHours(list, oslo(mornings)))).toEqual(['overruns', 'before', 'saturday']);
  });

  it('counts closures and absences, and the summer offset after the spring-forward night', () => {
    const closures = [{ from: d('2027-03-29'), to: d('2027-03-29') }];
    const absence: HoursException = {
      date: d('2027-03-30'),
      kind: 'absence',
      start: t('08:00'),
      end: t('09:00'),
    };
    const list = [
      appointment('closed', '2027-03-29T06:00:00Z'), // Monday 08:00 CEST
      appointment('absent', '2027-03-30T06:30:00Z'), // Tuesday 08:30 CEST
      appointment('summer', '2027-03-31T06:00:00Z'), // Wednesday 08:00 CEST: inside
      appointment('winter-reading', '2027-03-31T09:30:00Z'), // 11:30–11:45 CEST: inside
      appointment('after', '2027-03-31T10:00:00Z'), // 12:00 CEST: outside
    ];
    expect(ids(findOutsideHours(list, oslo(mornings, [absence], closures)))).toEqual([
      'closed',
      'absent',
      'after',
    ]);
  });

  it('keeps an appointment across midnight inside hours open around the clock', () => {
    const allDay = oslo(blocks([1, 2], '00:00', '24:00'));
    const late = appointment('late', '2026-11-30T22:50:00Z', 30); // Mon 23:50 – Tue 00:20
    expect(findOutsideHours([late], allDay)).toEqual([]);
    expect(findOutsideHours([], allDay)).toEqual([]);
  });
});
