-- How the patient was identified for a video consultation (decision 0028): ID-porten (recorded
-- by itself when the patient's session came from ID-porten, with the level), ID shown on camera,
-- or known to the practitioner. One row per appointment; the practitioner may correct it.

CREATE TABLE appointment_identifications (
  appointment_id uuid PRIMARY KEY REFERENCES appointments (id) ON DELETE CASCADE,
  method         text NOT NULL CHECK (method IN ('id_porten', 'id_document', 'known_patient')),
  level          text CHECK (level IN ('substantial', 'high')),
  -- who recorded it; null when it was recorded by itself from the patient's ID-porten sign-in
  recorded_by    uuid REFERENCES users (id),
  recorded_at    timestamptz NOT NULL,
  CHECK (level IS NULL OR method = 'id_porten')
);
