import { describe, expect, it } from 'vitest';
import { commentFor, parseStoredComment, type StoredComment } from './booking-comment';

const booking = {
  practitionerId: 'p-1',
  appointmentTypeId: 't-1',
  start: '2026-12-01T09:00:00+01:00',
};
const stored: StoredComment = { ...booking, text: 'Hoste i en uke.' };

describe('commentFor', () => {
  it('gives the comment back to the booking it was typed for', () => {
    expect(commentFor(stored, booking)).toBe('Hoste i en uke.');
  });

  it.each([
    ['another practitioner', { ...booking, practitionerId: 'p-2' }],
    ['another type', { ...booking, appointmentTypeId: 't-2' }],
    ['another time', { ...booking, start: '2026-12-01T09:15:00+01:00' }],
  ])('never carries it to %s', (_name, other) => {
    expect(commentFor(stored, other)).toBe('');
  });

  it('follows the patient to a new time after theirs was taken, with the same practitioner and type', () => {
    const detour = { ...stored, start: null };
    expect(commentFor(detour, { ...booking, start: '2026-12-01T09:15:00+01:00' })).toBe(
      'Hoste i en uke.',
    );
    expect(commentFor(detour, { ...booking, practitionerId: 'p-2' })).toBe('');
  });

  it('starts empty when nothing is kept', () => {
    expect(commentFor(null, booking)).toBe('');
  });
});

describe('parseStoredComment', () => {
  it('reads what was written', () => {
    expect(parseStoredComment(JSON.stringify(stored))).toEqual(stored);
    expect(parseStoredComment(JSON.stringify({ ...stored, start: null }))).toEqual({
      ...stored,
      start: null,
    });
  });

  it.each([null, '', 'Hoste', '{"text":"x"}', '[]', 'null'])('ignores %j', (raw) => {
    expect(parseStoredComment(raw)).toBeNull();
  });
});
