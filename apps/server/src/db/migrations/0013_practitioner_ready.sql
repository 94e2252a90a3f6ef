-- A practitioner's workspace may ready a connection to a waiting patient before entering
-- (presence `ready`, decision 0027): the practitioner's presence may now be `ready`. The
-- patient's never is.

ALTER TABLE video_rooms DROP CONSTRAINT video_rooms_practitioner_presence_check;
ALTER TABLE video_rooms ADD CONSTRAINT video_rooms_practitioner_presence_check
  CHECK (practitioner_presence IN ('absent', 'waiting', 'in_call', 'reconnecting', 'left', 'ready'));
