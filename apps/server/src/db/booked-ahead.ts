import type { Modality } from '@visitt/contracts';
import type { AppointmentId, Instant, PractitionerId } from '@visitt/domain';
import type { Queryable } from './pool';

/** A booked appointment that has not started yet, with what a conflict list shows of it. */
export interface BookedAheadRow {
  id: AppointmentId;
  start: Instant;
  end: Instant;
  modality: Modality;
  practitioner: { id: PractitionerId; name: string };
  patientName: string;
  appointmentType: { id: string; name: string };
}

/** The clinic's booked appointments starting after `now` (of one practitioner when given). */
export async function listBookedAhead(
  db: Queryable,
  clinicId: string,
  practitionerId: string | null,
  now: Instant,
): Promise<BookedAheadRow[]> {
  const { rows } = await db.query<{
    id: string;
    starts_at: Date;
    ends_at: Date;
    modality: Modality;
    practitioner_id: string;
    practitioner_name: string;
    patient_name: string;
    type_id: string;
    type_name: string;
  }>(
    `SELECT a.id, a.starts_at, a.ends_at, a.modality, p.id AS practitioner_id, p.name AS practitioner_name,
            coalesce(u.name, u.email, u.phone, '') AS patient_name, t.id AS type_id, t.name AS type_name
       FROM appointments a
       JOIN practitioners p ON p.id = a.practitioner_id
       JOIN users u ON u.id = a.patient_id
       JOIN appointment_types t ON t.id = a.appointment_type_id
      WHERE a.clinic_id = $1 AND a.status = 'booked' AND a.starts_at > to_timestamp($3 / 1000.0)
        AND ($2::uuid IS NULL OR a.practitioner_id = $2)
      ORDER BY a.starts_at, a.id`,
    [clinicId, practitionerId, now],
  );
  return rows.map((r) => ({
    id: r.id as AppointmentId,
    start: r.starts_at.getTime() as Instant,
    end: r.ends_at.getTime() as Instant,
    modality: r.modality,
    practitioner: { id: r.practitioner_id as PractitionerId, name: r.practitioner_name },
    patientName: r.patient_name,
    appointmentType: { id: r.type_id, name: r.type_name },
  }));
}
