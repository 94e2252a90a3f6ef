import type { ErrorCode, GuestVisit } from '@visitt/contracts';
import type { ClientErrorCode } from '../../lib/api';

type Code = ErrorCode | ClientErrorCode;

/** Why a guest link does not let its holder in, in the guest page's words. */
export type GuestRefusal =
  'over' | 'cancelled' | 'revoked' | 'removed' | 'in_use' | 'invalid' | 'missing';

/** What the guest page shows. */
export type GuestScreen =
  | { kind: 'loading' }
  /** The room is open: the visit and Gå inn i videorommet; `notice`, a failure worth retrying. */
  | { kind: 'ready'; visit: GuestVisit; notice: Code | null }
  /** Before the room opens; `visit` is null when the server said `too_early` (no time known). */
  | { kind: 'early'; visit: GuestVisit | null }
  | { kind: 'refused'; reason: GuestRefusal }
  /** A failure that trying again may mend (network, server), with no visit to show. */
  | { kind: 'failed'; code: Code };

/** The answers that no retry changes (except `in_use`, which passes once the other browser is idle). */
const refusals: Partial<Record<Code, GuestRefusal>> = {
  too_late: 'over',
  not_allowed: 'cancelled',
  not_video: 'cancelled',
  guest_link_revoked: 'revoked',
  guest_removed: 'removed',
  link_in_use: 'in_use',
  not_found: 'invalid',
  validation_failed: 'invalid',
  guest_link_required: 'missing',
  unauthorized: 'missing',
};

/**
 * The guest page's screen for what it has: the visit from the last good answer (or null) and the
 * code of the last call if it failed (opening the link, reading the visit or connecting). A
 * refusal wins over a visit shown before (the link was revoked meanwhile); a passing failure
 * (network, server) keeps the visit on screen with a notice. With a visit, `now` (epoch ms)
 * decides whether the room is open yet or has closed — the server decides again on the way in.
 */
export function guestScreen(
  { visit, error }: { visit: GuestVisit | null; error: Code | null },
  now: number,
): GuestScreen {
  if (error === 'too_early') return { kind: 'early', visit };
  const reason = error ? refusals[error] : undefined;
  if (reason) return { kind: 'refused', reason };
  if (!visit) return error ? { kind: 'failed', code: error } : { kind: 'loading' };
  if (now < Date.parse(visit.opensAt)) return { kind: 'early', visit };
  if (now > Date.parse(visit.closesAt)) return { kind: 'refused', reason: 'over' };
  return { kind: 'ready', visit, notice: error };
}

/** How often the page asks again before the room opens when it does not know when that is. */
export const EARLY_POLL_MS = 60_000;
/** Timers are capped (a browser runs a longer `setTimeout` at once); the page just asks again. */
const MAX_TIMER_MS = 60 * 60_000;

/**
 * Milliseconds until the page should ask again by itself, or null when it should not: before the
 * room opens, just after `opensAt` (every {@link EARLY_POLL_MS} when that is unknown or, by this device's
 * clock, past); while it is open, just after `closesAt`, so the page says the consultation is
 * over. Refusals and failures wait for the guest's "Prøv igjen".
 */
export function recheckDelay(screen: GuestScreen, now: number): number | null {
  switch (screen.kind) {
    case 'early': {
      if (!screen.visit) return EARLY_POLL_MS;
      const until = Date.parse(screen.visit.opensAt) - now;
      // A second past the opening, so that a server clock a little behind has opened it too.
      return until > 0 ? Math.min(until + 1_000, MAX_TIMER_MS) : EARLY_POLL_MS;
    }
    case 'ready':
      // `closesAt` itself is inside the window.
      return Math.min(
        Math.max(Date.parse(screen.visit.closesAt) - now + 1_000, 1_000),
        MAX_TIMER_MS,
      );
    case 'loading':
    case 'refused':
    case 'failed':
      return null;
  }
}

/** The token of a guest link's fragment (`#` and 43 base64url characters), or null for another one. */
export function tokenFromFragment(hash: string): string | null {
  const value = hash.startsWith('#') ? hash.slice(1) : hash;
  return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}
