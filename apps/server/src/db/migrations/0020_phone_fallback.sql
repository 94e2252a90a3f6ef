-- The phone when video fails (decision 0035): the clinic's phone number, shown to a patient whose
-- video does not connect or drops, in E.164 like users.phone; NULL when the clinic has none.

ALTER TABLE clinics
  ADD COLUMN phone text CHECK (phone ~ '^\+[1-9][0-9]{7,14}$');

-- The practitioner went over to the phone (Ring pasienten): when it was first noted, and why
-- (what their page saw). Kept once: a later click changes nothing.

ALTER TABLE video_rooms
  ADD COLUMN phone_switched_at   timestamptz,
  ADD COLUMN phone_switch_reason text CHECK (phone_switch_reason IN ('no_connection', 'dropped')),
  ADD CHECK ((phone_switched_at IS NULL) = (phone_switch_reason IS NULL));
