import { readSession, writeSession } from '../../lib/session-storage';
import type { ContactKind } from './contact-format';

const KEY = 'visitt.contact-change';
/** A draft older than this is not worth bringing back. */
const MAX_AGE_MS = 30 * 60_000;

interface Draft {
  kind: ContactKind;
  address: string;
  savedAt: number;
}

/**
 * Keeps the new address the user typed while they sign in again (the server wants a recent
 * sign-in before contact details change), so the form opens with it when they come back.
 */
export function saveContactDraft(kind: ContactKind, address: string, now = Date.now()): void {
  writeSession(KEY, JSON.stringify({ kind, address, savedAt: now } satisfies Draft));
}

/** The address kept for `kind`, or null (none, another kind, too old or unreadable). */
export function readContactDraft(kind: ContactKind, now = Date.now()): string | null {
  try {
    const draft = JSON.parse(readSession(KEY) ?? 'null') as Draft | null;
    if (!draft || draft.kind !== kind || typeof draft.address !== 'string') return null;
    return now - draft.savedAt < MAX_AGE_MS ? draft.address : null;
  } catch {
    return null;
  }
}

export function clearContactDraft(): void {
  writeSession(KEY, null);
}
