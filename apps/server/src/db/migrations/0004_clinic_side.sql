-- The clinic's side: administration (profile, staff invitations, deactivation), the
-- practitioner's calendar (status changes, cancellation messages), and strong sign-in (TOTP for
-- staff, OpenID Connect identities, lockout).

-- A clinic may require strong sign-in (OpenID Connect, e.g. ID-porten) for video consultations.
ALTER TABLE clinics ADD COLUMN require_strong_auth_for_video boolean NOT NULL DEFAULT false;

-- Staff invitations: a single-use link sent by e-mail, valid until it expires.
CREATE TABLE staff_invitations (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id           uuid NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  email               text NOT NULL CHECK (email = lower(email)),
  roles               text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'practitioner']),
  -- the practitioner's name and title as patients will see them (when invited as practitioner)
  practitioner_name   text CHECK (char_length(practitioner_name) <= 120),
  practitioner_title  text CHECK (char_length(practitioner_title) <= 120),
  token_hash          bytea NOT NULL UNIQUE,
  invited_by          uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at          timestamptz NOT NULL,
  expires_at          timestamptz NOT NULL,
  accepted_at         timestamptz,
  accepted_by         uuid REFERENCES users (id) ON DELETE SET NULL,
  revoked_at          timestamptz
);
CREATE INDEX staff_invitations_clinic ON staff_invitations (clinic_id, created_at DESC);

ALTER TABLE clinic_memberships ADD COLUMN deactivated_at timestamptz;

-- TOTP (RFC 6238) for staff: the secret is stored encrypted under the server secret.
CREATE TABLE staff_totp (
  user_id           uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret_encrypted  text NOT NULL,
  confirmed_at      timestamptz,
  -- the last time step accepted: a code is never accepted twice
  last_used_step    bigint,
  created_at        timestamptz NOT NULL
);

CREATE TABLE recovery_codes (
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash  bytea NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, code_hash)
);

-- A sign-in that passed its first factor and waits for the second (or for TOTP enrolment).
CREATE TABLE pending_sign_ins (
  token_hash  bytea PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  stage       text NOT NULL CHECK (stage IN ('totp', 'enrol')),
  attempts    integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);

-- Lockout after repeated failures.
ALTER TABLE users ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until timestamptz;

-- Identities from OpenID Connect providers. The subject (for ID-porten and HelseID the national
-- identity number, `pid`) is stored only as an HMAC under the server secret.
CREATE TABLE user_identities (
  provider      text NOT NULL CHECK (provider IN ('patient_oidc', 'staff_oidc')),
  subject_hash  bytea NOT NULL,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz,
  PRIMARY KEY (provider, subject_hash)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

-- An OpenID Connect sign-in under way: PKCE verifier, nonce and where to return, keyed by state.
CREATE TABLE oidc_requests (
  state_hash     bytea PRIMARY KEY,
  provider       text NOT NULL CHECK (provider IN ('patient_oidc', 'staff_oidc')),
  code_verifier  text NOT NULL,
  nonce          text NOT NULL,
  return_to      text NOT NULL,
  -- set when a signed-in user links the identity to their account
  link_user_id   uuid REFERENCES users (id) ON DELETE CASCADE,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL
);

-- The strength of a session's sign-in (the ACR an identity provider vouched for).
ALTER TABLE sessions ADD COLUMN acr text;

-- What the clinic told the patient when it cancelled; who marked completed or no-show.
ALTER TABLE appointments ADD COLUMN cancellation_message text CHECK (char_length(cancellation_message) <= 500);
ALTER TABLE appointments ADD COLUMN status_changed_by uuid REFERENCES users (id);
ALTER TABLE appointments ADD COLUMN status_changed_at timestamptz;
