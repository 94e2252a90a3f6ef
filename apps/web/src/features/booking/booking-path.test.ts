import { describe, expect, it } from 'vitest';
import { bookingPath } from './booking-path';

const choice = {
  clinicId: 'c1',
  modality: 'video' as const,
  practitionerId: 'p1',
  appointmentTypeId: 't1',
  start: '2026-12-01T09:00:00+01:00',
};

describe('bookingPath', () => {
  it('carries only the choices made before the step', () => {
    expect(bookingPath('behandler', choice)).toBe('/klinikk/c1/bestill/behandler?type=video');
    expect(bookingPath('type', choice)).toBe(
      '/klinikk/c1/bestill/type?type=video&practitionerId=p1',
    );
    expect(bookingPath('tid', choice, { dag: '2026-12-01' })).toBe(
      '/klinikk/c1/bestill/tid?type=video&practitionerId=p1&appointmentTypeId=t1&dag=2026-12-01',
    );
  });

  it('encodes the offset of the start time', () => {
    expect(bookingPath('bekreft', choice)).toContain('start=2026-12-01T09%3A00%3A00%2B01%3A00');
  });
});
