-- A session may act as staff only when it signed in the way staff must: password and TOTP, or
-- the staff identity provider. A one-time code (or a patient's ID-porten) never grants staff rights.
ALTER TABLE sessions ADD COLUMN staff boolean NOT NULL DEFAULT false;
