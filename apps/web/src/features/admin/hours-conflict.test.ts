import type { OutsideAppointment } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { readHoursConflict, wallClockAsUtc } from './hours-conflict';

const appointment: OutsideAppointment = {
  id: '6f1c2a1e-7d7b-4a43-9b39-2f7f5f3f9a01',
  start: '2026-12-01T08:00:00+01:00',
  end: '2026-12-01T08:15:00+01:00',
  modality: 'video',
  practitioner: { id: '6f1c2a1e-7d7b-4a43-9b39-2f7f5f3f9a02', name: 'Dr. Lege' },
  patient: { name: 'Kari Nordmann' },
  appointmentType: { id: '6f1c2a1e-7d7b-4a43-9b39-2f7f5f3f9a03', name: 'Video 15 min' },
  newlyOutside: true,
};

const conflict = (details: unknown) => new ApiError('hours_conflict', 409, 'conflict', { details });

describe('readHoursConflict', () => {
  it('gives the appointments of a hours_conflict body', () => {
    const body = { error: 'hours_conflict', message: 'x', appointments: [appointment] };
    expect(readHoursConflict(conflict(body))).toEqual([appointment]);
  });

  it('gives null for other errors and for a body that does not match the contract', () => {
    expect(readHoursConflict(new ApiError('slot_taken', 409, 'taken'))).toBeNull();
    expect(readHoursConflict(new Error('boom'))).toBeNull();
    expect(readHoursConflict(conflict({ error: 'hours_conflict', message: 'x' }))).toBeNull();
    expect(readHoursConflict(conflict(null))).toBeNull();
  });
});

describe('wallClockAsUtc', () => {
  it('keeps the written wall clock whatever the offset', () => {
    expect(wallClockAsUtc('2026-12-01T08:00:00+01:00')).toBe('2026-12-01T08:00:00Z');
    expect(wallClockAsUtc('2026-03-29T03:30:00+02:00')).toBe('2026-03-29T03:30:00Z');
    expect(wallClockAsUtc('2026-10-25T23:45:00-05:00')).toBe('2026-10-25T23:45:00Z');
  });
});
