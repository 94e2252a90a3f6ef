-- The video room of a video appointment: created when the patient starts the consultation.
-- Presence is the room's shared truth for every server instance; transitions are the domain's
-- nextRoomState, applied under a row lock.

CREATE TABLE video_rooms (
  appointment_id          uuid PRIMARY KEY REFERENCES appointments (id) ON DELETE CASCADE,
  started_at              timestamptz NOT NULL,
  patient_presence        text NOT NULL DEFAULT 'absent'
                            CHECK (patient_presence IN ('absent', 'waiting', 'in_call', 'reconnecting', 'left')),
  practitioner_presence   text NOT NULL DEFAULT 'absent'
                            CHECK (practitioner_presence IN ('absent', 'waiting', 'in_call', 'reconnecting', 'left')),
  -- the page (not the socket) each side is in the room with; a new one means a reloaded page
  patient_session         text,
  practitioner_session    text,
  patient_mic             boolean NOT NULL DEFAULT true,
  patient_camera          boolean NOT NULL DEFAULT true,
  practitioner_mic        boolean NOT NULL DEFAULT true,
  practitioner_camera     boolean NOT NULL DEFAULT true,
  status_text             text CHECK (char_length(status_text) <= 200),
  status_at               timestamptz,
  practitioner_joined_at  timestamptz,
  ended_at                timestamptz,
  ended_by                text CHECK (ended_by IN ('patient', 'practitioner')),
  updated_at              timestamptz NOT NULL
);
