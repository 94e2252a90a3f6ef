-- Guests in a video consultation (decision 0030): an interpreter, a relative or a second
-- clinician, invited by the practitioner with a link of their own. Only a SHA-256 of the link's
-- token is stored. The link is usable from one browser at a time: the browser that took it is
-- named by the hash of its guest cookie. Presence in the room is kept here as the patient's and
-- the practitioner's is on video_rooms, for every server instance.

CREATE TABLE appointment_guests (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id   uuid NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
  name             text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  role             text NOT NULL CHECK (role IN ('interpreter', 'relative', 'clinician')),
  -- how the link went out: by e-mail, by SMS, or copied by the practitioner
  delivery         text NOT NULL CHECK (delivery IN ('email', 'sms', 'link')),
  sent_to          text CHECK (char_length(sent_to) <= 254),
  token_hash       bytea NOT NULL UNIQUE,
  invited_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  revoked_at       timestamptz,
  -- removed from the call by the practitioner: revoked as well, and never back with this link
  removed_at       timestamptz,
  browser_hash     bytea UNIQUE,
  browser_seen_at  timestamptz,
  presence         text NOT NULL DEFAULT 'absent'
                     CHECK (presence IN ('absent', 'waiting', 'in_call', 'reconnecting', 'left')),
  -- the page (not the socket) the guest is in the room with
  session          text,
  -- let in by the practitioner (this browser); another browser taking the link starts over
  admitted_at      timestamptz,
  mic              boolean NOT NULL DEFAULT true,
  camera           boolean NOT NULL DEFAULT true,
  -- first let into the call, and last left it (for the consultation record)
  joined_at        timestamptz,
  left_at          timestamptz,
  updated_at       timestamptz NOT NULL,
  CHECK (removed_at IS NULL OR revoked_at IS NOT NULL),
  CHECK ((delivery = 'link') = (sent_to IS NULL))
);

CREATE INDEX appointment_guests_appointment ON appointment_guests (appointment_id);

-- A guest's browser opening their link is audited in the guest's name (no account): the role
-- `guest`, with the guest's id in the details.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_role_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_role_check
  CHECK (actor_role IN ('patient', 'practitioner', 'admin', 'system', 'guest'));
