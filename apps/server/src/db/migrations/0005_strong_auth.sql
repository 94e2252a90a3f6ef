-- Strong sign-in: a patient who signs in with OpenID Connect (ID-porten) may have neither an
-- e-mail address nor a mobile number; their identity in user_identities identifies them.
ALTER TABLE users DROP CONSTRAINT users_check;
