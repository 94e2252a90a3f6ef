-- Who the patient is: given name, family name and date of birth, so that the clinic can match the
-- person to a journal. `name` stays the display name every screen, call and audit entry shows; it
-- is written from the two parts whenever both are set, by a trigger, so no code path can forget.
ALTER TABLE users
  ADD COLUMN given_name  text CHECK (char_length(given_name) BETWEEN 1 AND 120
                                     AND given_name !~ '[\u0001-\u001F\u007F-\u009F]'),
  ADD COLUMN family_name text CHECK (char_length(family_name) BETWEEN 1 AND 120
                                     AND family_name !~ '[\u0001-\u001F\u007F-\u009F]'),
  ADD COLUMN birth_date  date CHECK (birth_date >= DATE '1900-01-01');

-- Given and family name, a space between, may be longer than the 120 a name had.
ALTER TABLE users DROP CONSTRAINT users_name_check;
ALTER TABLE users ADD CONSTRAINT users_name_check CHECK (char_length(name) <= 241);

CREATE FUNCTION users_display_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.given_name IS NOT NULL AND NEW.family_name IS NOT NULL THEN
    NEW.name := NEW.given_name || ' ' || NEW.family_name;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER users_display_name BEFORE INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION users_display_name();
