-- A patient may ask for an in-person appointment instead of a video consultation, from the
-- information step before the waiting room (decision 0034). One request per appointment: asking
-- again after an answer opens it anew. The clinic answers with a message to the patient.

CREATE TABLE in_person_requests (
  appointment_id uuid PRIMARY KEY REFERENCES appointments (id) ON DELETE CASCADE,
  requested_at   timestamptz NOT NULL,
  -- the patient's own words, if any (plain text)
  reason         text CHECK (reason IS NULL OR char_length(reason) BETWEEN 1 AND 500),
  answered_at    timestamptz,
  answered_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  answer         text CHECK (answer IS NULL OR char_length(answer) BETWEEN 1 AND 1000),
  CHECK ((answered_at IS NULL) = (answer IS NULL))
);

-- The clinic's answer reaches the patient as a message of its own.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('confirmation', 'reminder', 'cancellation', 'moved', 'patient_started', 'in_person_answer'));
