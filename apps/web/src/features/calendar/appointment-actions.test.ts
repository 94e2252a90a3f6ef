import type { Slot, StaffAppointment } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import {
  availableMarks,
  canClinicCancel,
  canMove,
  firstMoveDay,
  marksFrom,
  moveChoices,
  moveMonths,
} from './appointment-actions';

const video = {
  status: 'booked',
  modality: 'video',
  start: '2026-05-04T09:00:00+02:00',
  end: '2026-05-04T09:15:00+02:00',
  video: {
    opensAt: '2026-05-04T08:45:00+02:00',
    closesAt: '2026-05-04T11:00:00+02:00',
    room: { startedAt: null, patient: 'absent', practitioner: 'absent', statusMessage: null },
  },
} satisfies Pick<StaffAppointment, 'status' | 'modality' | 'start' | 'end' | 'video'>;
const inPerson = { ...video, modality: 'in_person' as const, video: null };
const ms = (iso: string) => Date.parse(iso);

describe('availableMarks', () => {
  it('opens with the video room, 15 minutes before a video appointment', () => {
    expect(Date.parse(marksFrom(video))).toBe(Date.parse('2026-05-04T08:45:00+02:00'));
    expect(availableMarks(video, ms('2026-05-04T08:44:59+02:00'))).toEqual([]);
    expect(availableMarks(video, ms('2026-05-04T08:45:00+02:00'))).toEqual([
      'completed',
      'no_show',
    ]);
  });

  it('opens at the start of an in-person appointment', () => {
    expect(Date.parse(marksFrom(inPerson))).toBe(Date.parse('2026-05-04T09:00:00+02:00'));
    expect(availableMarks(inPerson, ms('2026-05-04T08:59:00+02:00'))).toEqual([]);
    expect(availableMarks(inPerson, ms('2026-05-04T09:00:00+02:00'))).toHaveLength(2);
  });

  it('offers the other mark to correct one, and none when cancelled', () => {
    const later = ms('2026-05-05T12:00:00+02:00');
    expect(availableMarks({ ...video, status: 'completed' }, later)).toEqual(['no_show']);
    expect(availableMarks({ ...video, status: 'no_show' }, later)).toEqual(['completed']);
    expect(availableMarks({ ...video, status: 'cancelled' }, later)).toEqual([]);
  });
});

describe('canClinicCancel and canMove', () => {
  it('allow a booked appointment until its end, with no deadline', () => {
    expect(canClinicCancel(video, ms('2026-05-04T09:14:59+02:00'))).toBe(true);
    expect(canClinicCancel(video, ms('2026-05-04T09:15:00+02:00'))).toBe(false);
    expect(canMove(video, ms('2026-05-04T08:00:00+02:00'))).toBe(true);
    expect(canMove(video, ms('2026-05-04T09:15:00+02:00'))).toBe(false);
  });

  it('refuse what is not booked', () => {
    const before = ms('2026-05-01T08:00:00+02:00');
    for (const status of ['cancelled', 'completed', 'no_show'] as const) {
      expect(canClinicCancel({ ...video, status }, before)).toBe(false);
      expect(canMove({ ...video, status }, before)).toBe(false);
    }
  });
});

describe('moveMonths', () => {
  it("is the appointment's month and the next, or today's once it is past", () => {
    expect(moveMonths('2026-05-20', '2026-05-04')).toEqual(['2026-05', '2026-06']);
    expect(moveMonths('2026-12-31', '2026-12-01')).toEqual(['2026-12', '2027-01']);
    expect(moveMonths('2026-03-01', '2026-04-10')).toEqual(['2026-04', '2026-05']);
  });
});

const slot = (start: string, end: string): Slot => ({ start, end });

describe('moveChoices and firstMoveDay', () => {
  const appointment = { start: '2026-03-29T03:00:00+02:00', timeZone: 'Europe/Oslo' };

  it('groups free times by Oslo day, without the own time and days before today', () => {
    const choices = moveChoices(
      [
        slot('2026-03-30T00:15:00+02:00', '2026-03-30T00:30:00+02:00'),
        slot('2026-03-29T03:00:00+02:00', '2026-03-29T03:15:00+02:00'),
        slot('2026-03-29T01:45:00+01:00', '2026-03-29T03:00:00+02:00'),
        slot('2026-03-28T23:45:00+01:00', '2026-03-29T00:00:00+01:00'),
      ],
      appointment,
      '2026-03-29',
    );
    expect([...choices.keys()]).toEqual(['2026-03-29', '2026-03-30']);
    expect(choices.get('2026-03-29')!.map((s) => s.start)).toEqual(['2026-03-29T01:45:00+01:00']);
    expect(firstMoveDay(choices, appointment)).toBe('2026-03-29');
  });

  it('starts on the first day with free times when its own day has none', () => {
    const choices = moveChoices(
      [slot('2026-04-02T10:00:00+02:00', '2026-04-02T10:15:00+02:00')],
      appointment,
      '2026-03-29',
    );
    expect(firstMoveDay(choices, appointment)).toBe('2026-04-02');
    expect(firstMoveDay(new Map(), appointment)).toBeNull();
  });
});
