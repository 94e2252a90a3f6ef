-- The clinic's side, administration: indexes for what runs often on large tables.

-- The no-show job (every minute) looks for booked video appointments whose window has closed.
CREATE INDEX appointments_booked_video_start ON appointments (starts_at)
  WHERE status = 'booked' AND modality = 'video';

-- Administrators page through their clinic's audit log newest first, by id.
CREATE INDEX audit_log_clinic_id ON audit_log (clinic_id, id DESC);
