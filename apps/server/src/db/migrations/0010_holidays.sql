-- Norwegian public holidays are closed by default (the dates are computed, not stored).

-- A practitioner who works holidays keeps the weekly hours on them (on-call, around the clock).
ALTER TABLE practitioners ADD COLUMN works_holidays boolean NOT NULL DEFAULT false;

-- Holidays on which the clinic is open as on an ordinary day; the weekly hours apply on them.
CREATE TABLE clinic_open_holidays (
  clinic_id uuid NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
  date      date NOT NULL,
  PRIMARY KEY (clinic_id, date)
);

-- Practitioners already open around the clock every day (on call) stay open on holidays, so an
-- existing installation keeps its on-call service when this rule arrives.
UPDATE practitioners SET works_holidays = true
 WHERE id IN (SELECT practitioner_id FROM weekly_hours
               WHERE start_time = '00:00' AND end_time = '24:00'
                 AND valid_from IS NULL AND valid_until IS NULL
               GROUP BY practitioner_id
              HAVING count(DISTINCT weekday) = 7);
