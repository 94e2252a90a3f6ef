import type { VideoConnection } from '@visitt/contracts';
import { CallSession } from './call-session';

/**
 * Connections the practitioner's staff pages ready to waiting patients, so that entering the room
 * only adds camera and microphone to a connection already made (decision 0027). Module state, not
 * React state: a readied connection outlives the workspace page when the practitioner enters, and
 * the room page takes it over.
 */

/** At most this many patients at once get a readied connection (the next ones by start). */
export const MAX_READIED = 3;
/** A connection handed to the room page that never takes it is closed after this long. */
const HANDOVER_MS = 30_000;
/** A patient whose readying failed (network, a refusal) is tried again after this long. */
const RETRY_MS = 30_000;

interface Readied {
  session: CallSession | null;
  /** The practitioner pressed enter: the button owns it until the room page takes it. */
  claimed: boolean;
}

const readied = new Map<string, Readied>();
/**
 * Appointments whose readying failed (the network, a refusal) or was taken over by another page
 * of the practitioner's: not tried again for {@link RETRY_MS}, or while listed when taken over.
 */
const refused = new Set<string>();
let latest: { ids: readonly string[]; prepare: (id: string) => Promise<VideoConnection> } | null =
  null;

function retryLater(id: string): void {
  refused.add(id);
  setTimeout(() => {
    if (!refused.delete(id) || !latest) return;
    keepReadied(latest.ids, latest.prepare);
  }, RETRY_MS);
}
const handedOver = new Map<
  string,
  { session: CallSession; timer: ReturnType<typeof setTimeout> }
>();

const isOver = (session: CallSession) => {
  const { phase } = session.getSnapshot();
  return phase === 'ended' || phase === 'failed';
};

function close(id: string): void {
  const entry = readied.get(id);
  if (!entry || entry.claimed) return;
  readied.delete(id);
  entry.session?.dispose();
}

/**
 * Keeps a readied connection to each of `ids` (the waiting patients the practitioner may enter
 * with, in order; the first {@link MAX_READIED}) and closes the others. `prepare` asks the server
 * for the connection's ICE servers.
 */
export function keepReadied(
  ids: readonly string[],
  prepare: (id: string) => Promise<VideoConnection>,
): void {
  latest = { ids, prepare };
  const wanted = new Set(ids.slice(0, MAX_READIED));
  for (const id of [...readied.keys()]) if (!wanted.has(id)) close(id);
  for (const id of [...refused]) if (!ids.includes(id)) refused.delete(id);
  for (const id of wanted) {
    if (readied.has(id) || refused.has(id) || handedOver.has(id)) continue;
    const entry: Readied = { session: null, claimed: false };
    readied.set(id, entry);
    prepare(id).then(
      (connection) => {
        if (readied.get(id) !== entry) return;
        const session = new CallSession(connection, { renew: () => prepare(id) });
        entry.session = session;
        // Ended (the patient hung up), taken over by another page of the practitioner's, or
        // refused: let it go. Taken over is for good while listed; anything else is tried again.
        session.subscribe(() => {
          if (!isOver(session) || readied.get(id) !== entry || entry.claimed) return;
          if (session.getSnapshot().error === 'not_waiting') refused.add(id);
          else retryLater(id);
          close(id);
        });
        session.standBy();
      },
      () => {
        if (readied.get(id) !== entry) return;
        readied.delete(id);
        retryLater(id);
      },
    );
  }
}

/** Closes every readied connection not being entered (the staff pages are gone). */
export function closeReadied(): void {
  for (const id of [...readied.keys()]) close(id);
  refused.clear();
  latest = null;
}

/**
 * The practitioner pressed **Gå inn i videorommet**: the readied connection of `id`, if it is up,
 * with camera and microphone starting now. Then either {@link handOver} (the server let
 * them in) or {@link unclaim} (it did not).
 */
export function claimReadied(id: string): CallSession | null {
  const entry = readied.get(id);
  // Only a connection that is up: one still forming, or one the patient has since left for
  // another page of the practitioner's, is no head start (the room page then starts afresh).
  if (!entry?.session || entry.claimed || !entry.session.isConnected()) return null;
  entry.claimed = true;
  void entry.session.startMedia();
  return entry.session;
}

/** Entering failed: camera and microphone go off, and the connection stays readied. */
export function unclaim(id: string): void {
  const entry = readied.get(id);
  if (!entry?.claimed) return;
  entry.claimed = false;
  entry.session?.stopMedia();
}

/** Enters the room on the claimed connection of `id` and keeps it for the room page. */
export function handOver(id: string): void {
  const entry = readied.get(id);
  if (!entry?.claimed || !entry.session) return;
  readied.delete(id);
  const session = entry.session;
  void session.enter();
  const timer = setTimeout(() => {
    if (handedOver.get(id)?.session !== session) return;
    handedOver.delete(id);
    session.dispose();
  }, HANDOVER_MS);
  handedOver.set(id, { session, timer });
}

/** The room page of `id` takes the connection entered from the workspace, if there is one. */
export function takeEntered(id: string): CallSession | null {
  const entry = handedOver.get(id);
  if (!entry) return null;
  handedOver.delete(id);
  clearTimeout(entry.timer);
  return isOver(entry.session) ? (entry.session.dispose(), null) : entry.session;
}
