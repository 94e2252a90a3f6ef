-- One audit row per read of a list: `entity_ids` names every record the list showed (the row's
-- `entity_id` stays null). Changes are still one row per record, with `entity_id`.
ALTER TABLE audit_log ADD COLUMN entity_ids uuid[];
-- "Which entries concern this appointment" also finds the lists that showed it (`@>`).
CREATE INDEX audit_log_entity_ids ON audit_log USING gin (entity_ids) WHERE entity_ids IS NOT NULL;
-- The "who" filter and the search for people who appear in a clinic's log.
CREATE INDEX audit_log_clinic_actor ON audit_log (clinic_id, actor_user_id, id DESC);

-- An invitation made for a practitioner already on the books without an account: accepting it
-- gives that row its user, so the practitioner's hours and appointments stay theirs.
ALTER TABLE staff_invitations
  ADD COLUMN practitioner_id uuid REFERENCES practitioners (id) ON DELETE SET NULL;
