-- Nynorsk (`nn`) is a language of its own beside bokmål and English: a user may choose it for
-- the pages and the messages, and a clinic for its documents.

ALTER TABLE users DROP CONSTRAINT users_locale_check;
ALTER TABLE users ADD CONSTRAINT users_locale_check CHECK (locale IN ('nb', 'nn', 'en'));
ALTER TABLE clinics DROP CONSTRAINT clinics_language_check;
ALTER TABLE clinics ADD CONSTRAINT clinics_language_check CHECK (language IN ('nb', 'nn', 'en'));
