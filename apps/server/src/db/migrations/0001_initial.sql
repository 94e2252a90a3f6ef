-- Visitt's first schema. Instants are timestamptz; a clinic's wall-clock rules (hours,
-- exceptions, closures) are date/time values read in the clinic's IANA time zone.
-- Kept within PostgreSQL 15 (production) so the embedded PostgreSQL 18 and 15 run it alike.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE users (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name               text CHECK (char_length(name) <= 120),
  email              text UNIQUE CHECK (email = lower(email)),
  email_verified_at  timestamptz,
  phone              text UNIQUE CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  phone_verified_at  timestamptz,
  password_hash      text,
  locale             text CHECK (locale IN ('nb', 'en')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

CREATE TABLE clinics (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  address      text,
  town         text,
  time_zone    text NOT NULL DEFAULT 'Europe/Oslo',
  listed       boolean NOT NULL DEFAULT true,
  -- lower-cased name and town, written by the application (locale-independent search)
  search_text  text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Staff of a clinic. A person may be staff at several clinics and a patient anywhere.
CREATE TABLE clinic_memberships (
  clinic_id   uuid NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  roles       text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'practitioner']),
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, user_id)
);
CREATE INDEX clinic_memberships_user ON clinic_memberships (user_id);

CREATE TABLE practitioners (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id   uuid NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  user_id     uuid REFERENCES users (id) ON DELETE SET NULL,
  name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  title       text,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, user_id)
);
CREATE INDEX practitioners_clinic ON practitioners (clinic_id);

CREATE TABLE appointment_types (
  id                             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id                      uuid NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  name                           text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  description                    text CHECK (char_length(description) <= 500),
  duration_minutes               integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  slot_step_minutes              integer CHECK (slot_step_minutes BETWEEN 5 AND 480),
  modality                       text NOT NULL CHECK (modality IN ('video', 'in_person')),
  minimum_notice_minutes         integer NOT NULL DEFAULT 0 CHECK (minimum_notice_minutes >= 0),
  horizon_days                   integer NOT NULL DEFAULT 182 CHECK (horizon_days BETWEEN 1 AND 730),
  cancellation_deadline_minutes  integer NOT NULL DEFAULT 1440 CHECK (cancellation_deadline_minutes >= 0),
  bookable_online                boolean NOT NULL DEFAULT true,
  active                         boolean NOT NULL DEFAULT true,
  sort_order                     integer NOT NULL DEFAULT 0,
  created_at                     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_types_clinic ON appointment_types (clinic_id);

CREATE TABLE appointment_type_practitioners (
  appointment_type_id  uuid NOT NULL REFERENCES appointment_types (id) ON DELETE CASCADE,
  practitioner_id      uuid NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
  PRIMARY KEY (appointment_type_id, practitioner_id)
);
CREATE INDEX appointment_type_practitioners_practitioner ON appointment_type_practitioners (practitioner_id);

-- Weekly template in the clinic's wall-clock time; end_time '24:00' is the end of the day.
CREATE TABLE weekly_hours (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practitioner_id  uuid NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
  weekday          smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time       time NOT NULL,
  end_time         time NOT NULL CHECK (end_time > start_time),
  valid_from       date,
  valid_until      date CHECK (valid_until >= valid_from)
);
CREATE INDEX weekly_hours_practitioner ON weekly_hours (practitioner_id);

-- Dated changes to the template: absence (whole day when times are null) or extra hours.
CREATE TABLE hours_exceptions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practitioner_id  uuid NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
  date             date NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('absence', 'extra')),
  start_time       time,
  end_time         time,
  note             text,
  CHECK ((start_time IS NULL) = (end_time IS NULL)),
  CHECK (kind = 'absence' OR start_time IS NOT NULL),
  CHECK (end_time > start_time)
);
CREATE INDEX hours_exceptions_practitioner_date ON hours_exceptions (practitioner_id, date);

CREATE TABLE clinic_closures (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id  uuid NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  from_date  date NOT NULL,
  to_date    date NOT NULL CHECK (to_date >= from_date),
  reason     text
);
CREATE INDEX clinic_closures_clinic ON clinic_closures (clinic_id, from_date);

CREATE TABLE appointments (
  id                             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id                      uuid NOT NULL REFERENCES clinics (id),
  practitioner_id                uuid NOT NULL REFERENCES practitioners (id),
  patient_id                     uuid NOT NULL REFERENCES users (id),
  appointment_type_id            uuid NOT NULL REFERENCES appointment_types (id),
  modality                       text NOT NULL CHECK (modality IN ('video', 'in_person')),
  starts_at                      timestamptz NOT NULL,
  ends_at                        timestamptz NOT NULL CHECK (ends_at > starts_at),
  status                         text NOT NULL DEFAULT 'booked'
                                   CHECK (status IN ('booked', 'cancelled', 'completed', 'no_show')),
  comment                        text CHECK (char_length(comment) <= 500),
  -- copied from the type at booking time: later changes to the type do not move a deadline
  cancellation_deadline_minutes  integer NOT NULL CHECK (cancellation_deadline_minutes >= 0),
  created_at                     timestamptz NOT NULL DEFAULT now(),
  updated_at                     timestamptz NOT NULL DEFAULT now(),
  cancelled_at                   timestamptz,
  cancelled_by                   uuid REFERENCES users (id),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  -- Two appointments of one practitioner never overlap, whatever races the application has.
  CONSTRAINT appointments_no_overlap EXCLUDE USING gist (
    practitioner_id WITH =,
    tstzrange(starts_at, ends_at, '[)') WITH &&
  ) WHERE (status <> 'cancelled')
);
CREATE INDEX appointments_patient ON appointments (patient_id, starts_at);
CREATE INDEX appointments_clinic_start ON appointments (clinic_id, starts_at);
CREATE INDEX appointments_practitioner_start ON appointments (practitioner_id, starts_at);

-- Server-side sessions. Only a SHA-256 of the cookie's token is stored.
CREATE TABLE sessions (
  token_hash    bytea PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  auth_method   text NOT NULL CHECK (auth_method IN ('code_email', 'code_sms', 'password', 'oidc')),
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One-time sign-in codes, kept as HMAC-SHA256 under the server secret, never in clear.
CREATE TABLE sign_in_codes (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel      text NOT NULL CHECK (channel IN ('email', 'sms')),
  address      text NOT NULL,
  code_hash    bytea NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  attempts     integer NOT NULL DEFAULT 0,
  consumed_at  timestamptz
);
CREATE INDEX sign_in_codes_address ON sign_in_codes (channel, address, created_at DESC);

-- Fixed-window counters shared by every instance; keys are HMACs, never addresses or IPs.
CREATE TABLE rate_limits (
  bucket        text NOT NULL,
  key_hash      bytea NOT NULL,
  window_start  timestamptz NOT NULL,
  hits          integer NOT NULL,
  PRIMARY KEY (bucket, key_hash, window_start)
);

-- Who read or changed what. No foreign keys: the trail outlives what it describes.
CREATE TABLE audit_log (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL,
  actor_user_id  uuid,
  actor_role     text NOT NULL CHECK (actor_role IN ('patient', 'practitioner', 'admin', 'system')),
  action         text NOT NULL,
  entity_type    text NOT NULL,
  entity_id      uuid,
  clinic_id      uuid,
  ip             inet,
  details        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_clinic_at ON audit_log (clinic_id, at DESC);

-- Demo only: every message a user would have received, readable at /api/v1/dev/outbox.
CREATE TABLE dev_outbox (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel     text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  recipient   text NOT NULL,
  subject     text,
  body_text   text NOT NULL,
  body_html   text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dev_outbox_created ON dev_outbox (created_at DESC);
