import { describe, expect, it } from 'vitest';
import type { Instant, LocalDate, LocalTime, TimeZoneId } from '@visitt/domain';
import { appointmentsOutside, availabilityOf } from './outside-hours';

const OSLO = 'Europe/Oslo' as TimeZoneId;
const t = (s: string) => s as LocalTime;
const d = (s: string) => s as LocalDate;
const appointment = (id: string, start: string, minutes = 15) => ({
  id,
  start: Date.parse(start) as Instant,
  end: (Date.parse(start) + minutes * 60_000) as Instant,
});

const weekdays = (start: string, end: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    start: t(start),
    end: t(end),
    validFrom: null,
    validUntil: null,
  }));

describe('appointmentsOutside', () => {
  const hours = { weekly: weekdays('08:00', '12:00'), exceptions: [] };

  it('keeps appointments wholly inside open time, on the wall clock of the zone', () => {
    const list = [
      appointment('inside', '2026-12-01T07:00:00Z'), // 08:00 Oslo
      appointment('last', '2026-12-01T10:45:00Z'), // 11:45–12:00
      appointment('overruns', '2026-12-01T10:50:00Z'), // 11:50–12:05
      appointment('before', '2026-12-01T06:45:00Z'), // 07:45
      appointment('saturday', '2026-12-05T08:00:00Z'),
    ];
    expect(appointmentsOutside(list, availabilityOf(OSLO, hours, [])).map((a) => a.id)).toEqual([
      'overruns',
      'before',
      'saturday',
    ]);
  });

  it('counts closures and absences, and the summer offset after the spring-forward night', () => {
    const closures = [{ from: d('2027-03-29'), to: d('2027-03-29'), reason: null }];
    const absence = {
      date: d('2027-03-30'),
      kind: 'absence' as const,
      start: t('08:00'),
      end: t('09:00'),
      note: null,
    };
    const list = [
      appointment('closed', '2027-03-29T06:00:00Z'), // Monday 08:00 CEST
      appointment('absent', '2027-03-30T06:30:00Z'), // Tuesday 08:30 CEST
      appointment('summer', '2027-03-31T06:00:00Z'), // Wednesday 08:00 CEST: inside
      appointment('winter-reading', '2027-03-31T09:30:00Z'), // 11:30–11:45 CEST: inside
      appointment('after', '2027-03-31T10:00:00Z'), // 12:00 CEST: outside
    ];
    expect(
      appointmentsOutside(
        list,
        availabilityOf(OSLO, { weekly: hours.weekly, exceptions: [absence] }, closures),
      ).map((a) => a.id),
    ).toEqual(['closed', 'absent', 'after']);
  });

  it('keeps an appointment across midnight inside hours open around the clock', () => {
    const allDay = {
      weekly: [1, 2].map((weekday) => ({
        weekday,
        start: t('00:00'),
        end: t('24:00'),
        validFrom: null,
        validUntil: null,
      })),
      exceptions: [],
    };
    const late = appointment('late', '2026-11-30T22:50:00Z', 30); // Mon 23:50 – Tue 00:20
    expect(appointmentsOutside([late], availabilityOf(OSLO, allDay, []))).toEqual([]);
    expect(appointmentsOutside([], availabilityOf(OSLO, allDay, []))).toEqual([]);
  });
});
