-- The demo's mail catcher keeps an e-mail's attachments (the confirmation's .ics) beside its
-- text and HTML, so the demo inbox can offer them. Each element: {filename, contentType, content}
-- with the content as text (calendar files are text). Demo only: production never writes here.
ALTER TABLE dev_outbox
  ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb
    CHECK (jsonb_typeof(attachments) = 'array');
