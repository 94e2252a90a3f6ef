-- Notifications: what a clinic sends, what a patient accepts, and every planned message as a
-- row written in the same transaction as the booking, cancellation or move that causes it.

-- Per clinic: channels per modality, when reminders go out (minutes before the start), and
-- whether a booking is confirmed by message.
CREATE TABLE notification_settings (
  clinic_id             uuid PRIMARY KEY REFERENCES clinics (id) ON DELETE CASCADE,
  video_sms             boolean NOT NULL DEFAULT true,
  video_email           boolean NOT NULL DEFAULT true,
  in_person_sms         boolean NOT NULL DEFAULT true,
  in_person_email       boolean NOT NULL DEFAULT true,
  video_reminders       integer[] NOT NULL DEFAULT '{1440,60}'
                          CHECK (cardinality(video_reminders) <= 5 AND 0 < ALL (video_reminders)
                                 AND 20160 >= ALL (video_reminders)),
  in_person_reminders   integer[] NOT NULL DEFAULT '{1440,60}'
                          CHECK (cardinality(in_person_reminders) <= 5 AND 0 < ALL (in_person_reminders)
                                 AND 20160 >= ALL (in_person_reminders)),
  confirmations         boolean NOT NULL DEFAULT true,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  updated_by            uuid REFERENCES users (id)
);
INSERT INTO notification_settings (clinic_id) SELECT id FROM clinics;

-- A patient's own choice per channel, with when they made it (the consent record).
CREATE TABLE channel_preferences (
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  channel     text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  enabled     boolean NOT NULL,
  changed_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, channel)
);

-- Web Push subscriptions (one per browser or installed app).
CREATE TABLE push_subscriptions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  endpoint     text NOT NULL UNIQUE CHECK (endpoint ~ '^https://'),
  p256dh       text NOT NULL,
  auth         text NOT NULL,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);

-- Settings of this installation that are made once and kept (the VAPID key pair).
CREATE TABLE instance_settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Every message, planned to planned-to-be-sent; `dedupe_key` makes one event one message per
-- channel. The worker leases due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE notifications (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dedupe_key          text NOT NULL UNIQUE,
  appointment_id      uuid REFERENCES appointments (id) ON DELETE CASCADE,
  -- the appointment's version the message was planned for (a move makes a new version)
  appointment_version integer,
  user_id             uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind                text NOT NULL CHECK (kind IN ('confirmation', 'reminder', 'cancellation', 'moved', 'patient_started')),
  channel             text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  due_at              timestamptz NOT NULL,
  -- not sent after this (a reminder after the start is worse than none)
  send_before         timestamptz NOT NULL,
  status              text NOT NULL DEFAULT 'planned'
                        CHECK (status IN ('planned', 'sending', 'sent', 'failed', 'dropped')),
  attempts            integer NOT NULL DEFAULT 0,
  leased_until        timestamptz,
  last_error          text,
  provider_reference  text,
  delivery_status     text CHECK (delivery_status IN ('delivered', 'undelivered')),
  delivered_at        timestamptz,
  sent_at             timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX notifications_due ON notifications (due_at) WHERE status = 'planned';
CREATE INDEX notifications_leased ON notifications (leased_until) WHERE status = 'sending';
CREATE INDEX notifications_appointment ON notifications (appointment_id);
CREATE INDEX notifications_provider_reference ON notifications (provider_reference) WHERE provider_reference IS NOT NULL;

-- An appointment's time may change (moved by the clinic); messages are planned per version.
ALTER TABLE appointments ADD COLUMN version integer NOT NULL DEFAULT 1;

-- One-time codes also verify a new e-mail address or mobile number of a signed-in user.
ALTER TABLE sign_in_codes ADD COLUMN purpose text NOT NULL DEFAULT 'sign_in' CHECK (purpose IN ('sign_in', 'contact'));
ALTER TABLE sign_in_codes ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE CASCADE;
