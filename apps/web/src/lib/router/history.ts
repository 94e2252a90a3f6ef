/**
 * The browser's history as the app sees it: the current location, navigation that can be held
 * back by a blocker (unsaved changes), and back/forward. Each entry this app makes carries a
 * key and its index in `history.state`, so a back or forward move can be measured and, when a
 * blocker holds it, undone and done again.
 */

export interface Location {
  pathname: string;
  search: string;
  hash: string;
  /** What the page that navigated handed over (survives a reload, like the browser's state). */
  state: unknown;
  /** Unique per history entry; `default` for the entry the app was opened on. */
  key: string;
}

export type NavigationType = 'push' | 'replace' | 'pop';

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
  /** Keep the scroll position (a change of filters on the same page). */
  preventScrollReset?: boolean;
}

/** Decides whether a move from `currentLocation` to `nextLocation` waits for the user. */
export type BlockerFunction = (args: {
  currentLocation: Location;
  nextLocation: Location;
}) => boolean;

interface EntryState {
  key: string;
  idx: number;
  usr: unknown;
}

/** A move a blocker holds: done with `proceed`, dropped with `reset`. */
export interface PendingMove {
  next: Location;
  proceed: () => void;
}

export interface Snapshot {
  location: Location;
  action: NavigationType;
  preventScrollReset: boolean;
}

const newKey = () => Math.random().toString(36).slice(2, 10);

function readEntry(): EntryState {
  const raw = window.history.state as Partial<EntryState> | null;
  return {
    key: typeof raw?.key === 'string' ? raw.key : 'default',
    idx: typeof raw?.idx === 'number' ? raw.idx : 0,
    usr: raw?.usr ?? null,
  };
}

function locationOf(entry: EntryState): Location {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash, state: entry.usr, key: entry.key };
}

/** `to` as a path on this origin: absolute, `?search` on this page, or relative to `base`. */
export function resolvePath(to: string, base: string): string {
  if (to.startsWith('/')) return to;
  if (to.startsWith('?') || to.startsWith('#')) return `${base}${to}`;
  const segments = base.split('/').filter(Boolean);
  for (const part of to.split('/')) {
    if (part === '..') segments.pop();
    else if (part !== '.' && part !== '') segments.push(part);
  }
  return `/${segments.join('/')}${to.endsWith('/') ? '/' : ''}`;
}

function split(path: string): Pick<Location, 'pathname' | 'search' | 'hash'> {
  const url = new URL(path, window.location.origin);
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

/** The one history of the page. */
export class AppHistory {
  private snapshot: Snapshot;
  private index: number;
  private readonly listeners = new Set<() => void>();
  private readonly blockers = new Set<BlockerFunction>();
  private pending: PendingMove | null = null;
  private readonly pendingListeners = new Set<() => void>();
  /** A back/forward move this history made itself (to undo or redo a held one): not news. */
  private ignoreNextPop = false;

  constructor() {
    const entry = readEntry();
    this.index = entry.idx;
    if (window.history.state == null) {
      window.history.replaceState({ ...entry }, '');
    }
    this.snapshot = { location: locationOf(entry), action: 'pop', preventScrollReset: false };
    window.addEventListener('popstate', () => this.onPop());
  }

  get current(): Snapshot {
    return this.snapshot;
  }

  get pendingMove(): PendingMove | null {
    return this.pending;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  subscribePending = (listener: () => void): (() => void) => {
    this.pendingListeners.add(listener);
    return () => this.pendingListeners.delete(listener);
  };

  block(blocker: BlockerFunction): () => void {
    this.blockers.add(blocker);
    return () => {
      this.blockers.delete(blocker);
      if (this.blockers.size === 0) this.setPending(null);
    };
  }

  /** Goes to `to` (resolved against the current path), unless a blocker holds it. */
  navigate(to: string, options: NavigateOptions = {}): void {
    const next: Location = {
      ...split(resolvePath(to, this.snapshot.location.pathname)),
      state: options.state ?? null,
      key: newKey(),
    };
    const go = () => {
      const replace =
        options.replace === true ||
        // The same address again: a new entry would only make Back do nothing.
        (next.pathname === this.snapshot.location.pathname &&
          next.search === this.snapshot.location.search &&
          next.hash === this.snapshot.location.hash &&
          options.replace !== false &&
          options.state === undefined);
      const url = `${next.pathname}${next.search}${next.hash}`;
      if (replace) {
        window.history.replaceState({ key: next.key, idx: this.index, usr: next.state }, '', url);
      } else {
        this.index += 1;
        window.history.pushState({ key: next.key, idx: this.index, usr: next.state }, '', url);
      }
      this.set({
        location: next,
        action: replace ? 'replace' : 'push',
        preventScrollReset: options.preventScrollReset === true,
      });
    };
    if (this.isBlocked(next)) this.setPending({ next, proceed: go });
    else go();
  }

  /** Back (`-1`) or forward through the browser's history. */
  go(delta: number): void {
    window.history.go(delta);
  }

  /** Drops a held move. */
  reset(): void {
    this.setPending(null);
  }

  private isBlocked(next: Location): boolean {
    const currentLocation = this.snapshot.location;
    for (const blocker of this.blockers) {
      if (blocker({ currentLocation, nextLocation: next })) return true;
    }
    return false;
  }

  private onPop(): void {
    if (window.history.state == null) {
      // The browser's own move to an `#anchor` (the skip link): a new entry on the same page,
      // left to the browser. It is numbered so Back from it is measured right.
      this.index += 1;
      window.history.replaceState({ key: newKey(), idx: this.index, usr: null }, '');
      return;
    }
    const entry = readEntry();
    if (this.ignoreNextPop) {
      this.ignoreNextPop = false;
      return;
    }
    const next = locationOf(entry);
    const delta = entry.idx - this.index;
    if (delta !== 0 && this.isBlocked(next)) {
      // The browser has moved already: move back, and do the move again if the user goes on.
      this.ignoreNextPop = true;
      window.history.go(-delta);
      this.setPending({
        next,
        proceed: () => {
          this.ignoreNextPop = true;
          window.history.go(delta);
          this.index = entry.idx;
          this.set({ location: next, action: 'pop', preventScrollReset: false });
        },
      });
      return;
    }
    this.index = entry.idx;
    this.set({ location: next, action: 'pop', preventScrollReset: false });
  }

  private set(snapshot: Snapshot): void {
    this.setPending(null);
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }

  private setPending(pending: PendingMove | null): void {
    if (pending === this.pending) return;
    this.pending = pending;
    for (const listener of this.pendingListeners) listener();
  }
}
