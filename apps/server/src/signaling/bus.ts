import { randomBytes } from 'node:crypto';
import type { RoomRole, ServerMessage } from '@visitt/contracts';
import pg from 'pg';
import type { Db } from '../db/pool';

/**
 * Who a message is for: everyone in a room, one side of it (`role`), one participant (`seat`:
 * `patient`, `practitioner` or a guest's id), and of them only the page `session`; or a
 * practitioner's workspaces.
 */
export type Audience =
  | {
      readonly room: string;
      readonly role?: RoomRole;
      readonly seat?: string;
      readonly session?: string;
    }
  | { readonly practitioner: string };

export type Delivery = (to: Audience, message: ServerMessage) => void;

/** Receives the token hashes (hex SHA-256, as stored) of sessions that just ended. */
export type SessionsEnded = (tokenHashes: readonly string[]) => void;

/**
 * Carries signaling messages between server instances, and the news of ended sessions. Every
 * instance delivers what it receives to its own sockets, so a patient and a practitioner
 * connected to different instances behind a load balancer still reach each other, and a
 * session ended anywhere closes its sockets everywhere.
 */
export interface SignalBus {
  publish(to: Audience, message: ServerMessage): Promise<void>;
  onMessage(deliver: Delivery): void;
  /**
   * Called on every instance when sessions end, wherever they were deleted: the database
   * announces each deletion of `sessions` when its transaction commits (migration 0008).
   * Announcements made while this instance's listener was reconnecting are lost; the signaling
   * server's sweep catches those sessions within seconds.
   */
  onSessionsEnded(handler: SessionsEnded): void;
  close(): Promise<void>;
}

const CHANNEL = 'visitt_signal';
/** Filled by the `sessions_ended` trigger: token hashes in hex, comma-separated. */
const SESSIONS_ENDED_CHANNEL = 'visitt_sessions_ended';
// NOTIFY payloads are limited to 8000 bytes; SDP offers can be larger, so they travel in parts.
const PART_BYTES = 7000;

interface Part {
  /** message id */
  i: string;
  /** part index and count */
  p: number;
  n: number;
  d: string;
}

/** Splits a string into pieces of at most `maxBytes` UTF-8 bytes, never inside a character. */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) {
      pieces.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  pieces.push(current);
  return pieces;
}

/**
 * The bus on PostgreSQL's LISTEN/NOTIFY: no broker beside the database every instance shares.
 * One dedicated connection listens (and reconnects after a loss); messages are published
 * through the pool, all parts of one message in one statement so they arrive in order.
 */
export async function createPgSignalBus(
  db: Db,
  connectionString: string,
  onError: (error: unknown) => void = () => undefined,
): Promise<SignalBus> {
  const handlers: Delivery[] = [];
  const endedHandlers: SessionsEnded[] = [];
  const partial = new Map<string, { parts: string[]; received: number; timer: NodeJS.Timeout }>();
  let listener: pg.Client | null = null;
  let closed = false;

  const deliver = (json: string) => {
    const envelope = JSON.parse(json) as { to: Audience; message: ServerMessage };
    for (const handler of handlers) handler(envelope.to, envelope.message);
  };

  const receive = (payload: string) => {
    try {
      const part = JSON.parse(payload) as Part;
      if (part.n === 1) return deliver(part.d);
      let entry = partial.get(part.i);
      if (!entry) {
        // Parts of a message lost with a dropped listener must not stay forever.
        const timer = setTimeout(() => partial.delete(part.i), 10_000);
        timer.unref();
        entry = { parts: new Array<string>(part.n), received: 0, timer };
        partial.set(part.i, entry);
      }
      entry.parts[part.p] = part.d;
      entry.received++;
      if (entry.received === part.n) {
        clearTimeout(entry.timer);
        partial.delete(part.i);
        deliver(entry.parts.join(''));
      }
    } catch (error) {
      onError(error);
    }
  };

  const sessionsEnded = (payload: string) => {
    const hashes = payload.split(',');
    for (const handler of endedHandlers) {
      try {
        handler(hashes);
      } catch (error) {
        onError(error);
      }
    }
  };

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString, application_name: 'visitt-signal' });
    client.on('notification', (n) => {
      if (!n.payload) return;
      if (n.channel === CHANNEL) receive(n.payload);
      else if (n.channel === SESSIONS_ENDED_CHANNEL) sessionsEnded(n.payload);
    });
    client.on('error', (error) => {
      onError(error);
      if (listener === client) listener = null;
      void client.end().catch(() => undefined);
      if (!closed) setTimeout(() => void connect().catch(onError), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}; LISTEN ${SESSIONS_ENDED_CHANNEL}`);
    listener = client;
  };
  await connect();

  return {
    async publish(to, message) {
      const pieces = splitUtf8(JSON.stringify({ to, message }), PART_BYTES);
      const id = randomBytes(6).toString('base64url');
      const payloads = pieces.map((d, p) =>
        JSON.stringify({ i: id, p, n: pieces.length, d } satisfies Part),
      );
      await db.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS t(payload)', [
        CHANNEL,
        payloads,
      ]);
    },
    onMessage(handler) {
      handlers.push(handler);
    },
    onSessionsEnded(handler) {
      endedHandlers.push(handler);
    },
    async close() {
      closed = true;
      for (const { timer } of partial.values()) clearTimeout(timer);
      await listener?.end().catch(() => undefined);
      listener = null;
    },
  };
}
