import type { Instant, TimeZoneId } from '@visitt/domain';
import type { AppointmentView } from '../src/db/appointments';

/**
 * An appointment as messages and calendar files see it (Demo legesenter, Wednesday 2 December
 * 2026 at 10:00 in Oslo, 30 minutes, video), for unit tests; `overrides` changes what a test is
 * about.
 */
export function anAppointmentView(overrides: Partial<AppointmentView> = {}): AppointmentView {
  return {
    id: '7f1e1b4e-0000-4000-8000-000000000001' as AppointmentView['id'],
    status: 'booked',
    version: 1,
    start: Date.parse('2026-12-02T09:00:00Z') as Instant,
    end: Date.parse('2026-12-02T09:30:00Z') as Instant,
    modality: 'video',
    comment: null,
    patientId: 'u-1' as AppointmentView['patientId'],
    cancellationDeadlineMinutes: 1440,
    createdAt: Date.parse('2026-11-30T09:00:00Z') as Instant,
    cancelledAt: null,
    clinic: {
      id: 'c-1' as AppointmentView['clinic']['id'],
      name: 'Demo legesenter',
      town: 'Oslo',
      address: 'Storgata 1',
      timeZone: 'Europe/Oslo' as TimeZoneId,
    },
    practitioner: {
      id: 'p-1' as AppointmentView['practitioner']['id'],
      name: 'Ingrid Berg',
      title: null,
    },
    appointmentType: {
      id: 't-1' as AppointmentView['appointmentType']['id'],
      name: 'Samtale',
      durationMinutes: 30,
    },
    ...overrides,
  };
}
