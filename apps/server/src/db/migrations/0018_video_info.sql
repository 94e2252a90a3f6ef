-- The clinic's own information for the patient before a video consultation's waiting room (what
-- it is, that nothing is recorded, how data are processed, that an in-person appointment may be
-- asked for instead; Normen's fact sheet 54). Plain text with line breaks. NULL is Visitt's
-- standard text, which the web client shows in the patient's language; never empty.

ALTER TABLE clinics
  ADD COLUMN video_info text CHECK (char_length(video_info) BETWEEN 1 AND 2000);
