import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, type Instant } from '../time';
import { canAnswerInPersonRequest, canRequestInPerson } from './in-person-request';

const start = Date.parse('2026-12-07T09:00:00Z') as Instant;
const at = (offset: number) => (start + offset) as Instant;

describe('canRequestInPerson', () => {
  it.each([
    ['booked video, a week before', 'booked', 'video', -7 * 24 * Number(HOUR), null],
    ['in the waiting room', 'booked', 'video', -10 * Number(MINUTE), null],
    ['at the window closing', 'booked', 'video', 2 * HOUR, null],
    ['a moment after it closed', 'booked', 'video', 2 * HOUR + 1, 'too_late'],
    ['in person already', 'booked', 'in_person', -Number(HOUR), 'not_video'],
    ['cancelled', 'cancelled', 'video', -Number(HOUR), 'cancelled'],
    ['marked completed, window open', 'completed', 'video', HOUR, null],
  ] as const)('%s', (_, status, modality, offset, refusal) => {
    const decision = canRequestInPerson({ status, modality, start }, at(offset));
    expect(decision.ok ? null : decision.reason).toBe(refusal);
  });
});

describe('canAnswerInPersonRequest', () => {
  it.each([
    [null, 'no_request'],
    [{ answeredAt: start }, 'already_answered'],
    [{ answeredAt: null }, null],
  ] as const)('%j', (request, refusal) => {
    const decision = canAnswerInPersonRequest(request);
    expect(decision.ok ? null : decision.reason).toBe(refusal);
  });
});
