import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { MINUTE, instant } from '../time';
import type { Instant } from '../time';
import type { AppointmentStatus, Modality } from './appointment';
import { canClinicCancel, canClinicMove, canMark } from './status';

const START = instant(Temporal.Instant.from('2026-11-30T09:00:00Z').epochMilliseconds);
const appointment = (status: AppointmentStatus, modality: Modality = 'video') => ({
  status,
  modality,
  start: START,
  end: (START + 15 * MINUTE) as Instant,
});
const at = (minutesFromStart: number) => (START + minutesFromStart * MINUTE) as Instant;

describe('canMark', () => {
  it.each([
    ['video', 'booked', -16, 'status_too_early'],
    ['video', 'booked', -15, null],
    ['in_person', 'booked', -1, 'status_too_early'],
    ['in_person', 'booked', 0, null],
    ['video', 'completed', 60, null],
    ['video', 'no_show', 600, null],
    ['video', 'cancelled', 60, 'already_cancelled'],
  ] as const)('%s %s at %i min → %s', (modality, status, minutes, refusal) => {
    const decision = canMark(appointment(status, modality), at(minutes));
    expect(decision.ok ? null : decision.reason).toBe(refusal);
  });
});

describe.each([
  ['canClinicCancel', canClinicCancel],
  ['canClinicMove', canClinicMove],
] as const)('%s', (_name, rule) => {
  it.each([
    ['booked', -60 * 24, null],
    ['booked', 14, null],
    ['booked', 15, 'not_cancellable'],
    ['completed', -60, 'not_cancellable'],
    ['no_show', -60, 'not_cancellable'],
    ['cancelled', -60, 'already_cancelled'],
  ] as const)('%s at %i min → %s', (status, minutes, refusal) => {
    const decision = rule(appointment(status), at(minutes));
    expect(decision.ok ? null : decision.reason).toBe(refusal);
  });
});
