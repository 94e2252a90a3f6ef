-- The language of the clinic's own documents, such as the consultation record handed to the
-- patient journal (decision 0029). Messages to a patient follow the patient's language instead.

ALTER TABLE clinics ADD COLUMN language text NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'en'));
