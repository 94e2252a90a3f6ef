-- Every deletion of sessions (sign-out, sign-in rotation, deactivation, authenticator reset,
-- expiry, or by hand) tells every server instance which sessions ended, so their signaling
-- sockets close at once. In a trigger, no code path that deletes sessions can forget it, and
-- NOTIFY inside a transaction is delivered only when it commits (never for a rollback).
-- The payload is the ended sessions' token hashes in hex, comma-separated, 100 to a
-- notification (NOTIFY payloads are limited to 8000 bytes). The raw token is never stored.
CREATE FUNCTION notify_sessions_ended() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  batch text;
BEGIN
  FOR batch IN
    SELECT string_agg(hash, ',')
      FROM (SELECT encode(token_hash, 'hex') AS hash, (row_number() OVER () - 1) / 100 AS chunk
              FROM ended) AS numbered
     GROUP BY chunk
  LOOP
    PERFORM pg_notify('visitt_sessions_ended', batch);
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER sessions_ended AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS ended
  FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_ended();
