import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type ComponentType,
  type MouseEvent,
  type ReactNode,
} from 'react';
import {
  AppHistory,
  resolvePath,
  type BlockerFunction,
  type Location,
  type NavigateOptions,
  type Snapshot,
} from './history';
import { matchRoutes, type RouteMatch, type RouteObject } from './routes';

// Visitt's router: the part of a router the app uses (nested routes with layouts, lazy pages,
// links, search parameters, a blocker for unsaved changes, scroll restoration), with the names
// and behaviour of react-router's, in a few kilobytes instead of the 28 KB compressed a full
// router adds to the first page (decision 0026).

export type { Location, NavigateOptions, RouteObject };

export interface Router {
  routes: RouteObject[];
  history: AppHistory;
}

/** The route table and the page's history. */
export function createBrowserRouter(routes: RouteObject[]): Router {
  return { routes, history: new AppHistory() };
}

interface Rendered {
  snapshot: Snapshot;
  matches: RouteMatch[];
}

const RouterContext = createContext<{ router: Router; rendered: Rendered } | null>(null);
const RouteContext = createContext<{ depth: number; outletContext: unknown }>({
  depth: -1,
  outletContext: undefined,
});

const loaded = new WeakMap<RouteObject, ComponentType>();

/** Loads the lazy pages among `matches` that are not here yet. */
async function loadPages(matches: readonly RouteMatch[]): Promise<void> {
  await Promise.all(
    matches.map(async ({ route }) => {
      if (route.lazy && !loaded.has(route)) loaded.set(route, (await route.lazy()).Component);
    }),
  );
}

const isLoaded = (matches: readonly RouteMatch[]) =>
  matches.every(({ route }) => !route.lazy || loaded.has(route));

/**
 * Loads the pages of the address the app opens on, before its first render: the page that
 * index.html shows meanwhile stays until the first page can be drawn whole.
 */
export async function preloadCurrentPage(router: Router): Promise<void> {
  await loadPages(matchOrEmpty(router, window.location.pathname));
}

const RELOADED_KEY = 'visitt.reloaded';

function matchOrEmpty(router: Router, pathname: string): RouteMatch[] {
  return matchRoutes(router.routes, pathname) ?? [];
}

/**
 * Shows the routes of the current location. A page not loaded yet is fetched first, and the
 * page on screen stays until it is here (nothing is shown before the very first). A page whose
 * code cannot be fetched (a new release replaced it) loads the address afresh, once; if that
 * does not help (no network), `failed` is shown.
 */
export function RouterProvider({ router, failed }: { router: Router; failed: ReactNode }) {
  const [hasFailed, setHasFailed] = useState(false);
  const snapshot = useSyncExternalStore(router.history.subscribe, () => router.history.current);
  const [rendered, setRendered] = useState<Rendered | null>(() => {
    const matches = matchOrEmpty(router, snapshot.location.pathname);
    return isLoaded(matches) ? { snapshot, matches } : null;
  });

  useEffect(() => {
    const matches = matchOrEmpty(router, snapshot.location.pathname);
    setHasFailed(false);
    if (isLoaded(matches)) {
      setRendered({ snapshot, matches });
      return;
    }
    let isCurrent = true;
    loadPages(matches).then(
      () => {
        sessionStorage.removeItem(RELOADED_KEY);
        if (isCurrent) setRendered({ snapshot, matches });
      },
      () => {
        if (!isCurrent) return;
        const href = window.location.href;
        if (sessionStorage.getItem(RELOADED_KEY) === href) {
          setHasFailed(true);
          return;
        }
        sessionStorage.setItem(RELOADED_KEY, href);
        window.location.assign(href);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [router, snapshot]);

  const value = useMemo(() => (rendered ? { router, rendered } : null), [router, rendered]);
  if (hasFailed) return <>{failed}</>;
  if (!value) return null;
  return (
    <RouterContext.Provider value={value}>
      <RouteContext.Provider value={{ depth: -1, outletContext: undefined }}>
        <Outlet />
      </RouteContext.Provider>
    </RouterContext.Provider>
  );
}

function useRouter() {
  const value = useContext(RouterContext);
  if (!value) throw new Error('Router hooks outside RouterProvider');
  return value;
}

/** The next route's page inside a layout, with `context` for `useOutletContext`. */
export function Outlet({ context }: { context?: unknown }) {
  const { rendered } = useRouter();
  const { depth } = useContext(RouteContext);
  const match = rendered.matches[depth + 1];
  if (!match) return null;
  const Component = loaded.get(match.route);
  return (
    <RouteContext.Provider value={{ depth: depth + 1, outletContext: context }}>
      {Component ? <Component /> : (match.route.element ?? <Outlet />)}
    </RouteContext.Provider>
  );
}

export function useOutletContext<T>(): T {
  return useContext(RouteContext).outletContext as T;
}

export function useLocation(): Location {
  return useRouter().rendered.snapshot.location;
}

/** The parameters (`:id`) of the current route. */
export function useParams<
  T extends Record<string, string | undefined> = Record<string, string | undefined>,
>(): T {
  const { rendered } = useRouter();
  return (rendered.matches.at(-1)?.params ?? {}) as T;
}

/** The routes shown, outermost first, with their `handle`. */
export function useMatches(): {
  pathname: string;
  params: Record<string, string>;
  handle: unknown;
}[] {
  const { rendered } = useRouter();
  return rendered.matches.map((m) => ({
    pathname: m.pathname,
    params: m.params,
    handle: m.route.handle,
  }));
}

export type NavigateFunction = {
  (to: string, options?: NavigateOptions): Promise<void>;
  (delta: number): Promise<void>;
};

/** Moves to another address in the app (or back and forward by a number). */
export function useNavigate(): NavigateFunction {
  const { router } = useRouter();
  return useCallback(
    (to: string | number, options?: NavigateOptions) => {
      if (typeof to === 'number') router.history.go(to);
      else router.history.navigate(to, options);
      return Promise.resolve();
    },
    [router],
  );
}

type SearchInit = URLSearchParams | Record<string, string> | string;

/** The search parameters of the address, and a way to change them (a new entry, or `replace`). */
export function useSearchParams(): [
  URLSearchParams,
  (
    next: SearchInit | ((current: URLSearchParams) => SearchInit),
    options?: NavigateOptions,
  ) => void,
] {
  const { router } = useRouter();
  const { search, pathname } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const set = useCallback(
    (next: SearchInit | ((current: URLSearchParams) => SearchInit), options?: NavigateOptions) => {
      const value =
        typeof next === 'function'
          ? next(new URLSearchParams(router.history.current.location.search))
          : next;
      const query = new URLSearchParams(value).toString();
      router.history.navigate(`${pathname}${query ? `?${query}` : ''}`, options);
    },
    [router, pathname],
  );
  return [params, set];
}

export interface Blocker {
  state: 'unblocked' | 'blocked';
  location?: Location;
  proceed?: () => void;
  reset?: () => void;
}

/** Holds moves `shouldBlock` says so for, until the user chooses to `proceed` or `reset`. */
export function useBlocker(shouldBlock: BlockerFunction | boolean): Blocker {
  const { router } = useRouter();
  const latest = useRef(shouldBlock);
  latest.current = shouldBlock;
  useEffect(
    () =>
      router.history.block((args) =>
        typeof latest.current === 'function' ? latest.current(args) : latest.current,
      ),
    [router],
  );
  const pending = useSyncExternalStore(
    router.history.subscribePending,
    () => router.history.pendingMove,
  );
  if (!pending) return { state: 'unblocked' };
  return {
    state: 'blocked',
    location: pending.next,
    proceed: pending.proceed,
    reset: () => router.history.reset(),
  };
}

/** Leaves the click to the browser: another tab or window, a download, a modified click. */
function isPlainClick(event: MouseEvent<HTMLAnchorElement>, target?: string): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    (!target || target === '_self') &&
    !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey)
  );
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
  state?: unknown;
  preventScrollReset?: boolean;
  children?: ReactNode;
}

/** A link in the app: a real `<a href>`, followed without reloading the page. */
export function Link({
  to,
  replace,
  state,
  preventScrollReset,
  onClick,
  target,
  ...rest
}: LinkProps) {
  const { router } = useRouter();
  const href = useResolved(to);
  return (
    <a
      {...rest}
      href={href}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainClick(event, target)) return;
        event.preventDefault();
        router.history.navigate(href, { replace, state, preventScrollReset });
      }}
    />
  );
}

/**
 * `to` as an absolute path: `?search` and `#hash` on the current address, a relative path from
 * the route it is rendered in (as react-router does), an absolute path as it is.
 */
function useResolved(to: string): string {
  const { rendered } = useRouter();
  const { depth } = useContext(RouteContext);
  const { pathname } = rendered.snapshot.location;
  if (to.startsWith('/')) return to;
  if (to.startsWith('?') || to.startsWith('#')) return resolvePath(to, pathname);
  return resolvePath(to, rendered.matches[Math.max(depth, 0)]?.pathname ?? pathname);
}

/** Whether `to` is the current page (`end`: exactly, else also the pages below it). */
function isActive(to: string, pathname: string, end: boolean): boolean {
  const target = to.replace(/\/+$/, '').toLowerCase() || '/';
  const current = pathname.replace(/\/+$/, '').toLowerCase() || '/';
  if (current === target) return true;
  return !end && target !== '/' && current.startsWith(`${target}/`);
}

/** A navigation link: marked `aria-current="page"` and `active` while its page is shown. */
export function NavLink({
  to,
  end = false,
  className,
  ...rest
}: Omit<LinkProps, 'className'> & { end?: boolean; className?: string }) {
  const { pathname } = useLocation();
  const active = isActive(useResolved(to), pathname, end);
  return (
    <Link
      to={to}
      className={[className, active ? 'active' : ''].filter(Boolean).join(' ') || undefined}
      aria-current={active ? 'page' : undefined}
      {...rest}
    />
  );
}

/**
 * Fetches the page at `path` (any address that matches its route) once the browser is idle, so
 * the next step opens at once. Nothing is shown or asked of the API.
 */
export function usePrefetch(path: string | null): void {
  const { router } = useRouter();
  useEffect(() => {
    if (!path) return;
    const matches = matchRoutes(router.routes, new URL(path, window.location.origin).pathname);
    if (!matches || isLoaded(matches)) return;
    const load = () => void loadPages(matches).catch(() => undefined);
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(load, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(load, 500);
    return () => clearTimeout(timer);
  }, [router, path]);
}

/** Goes to `to` once rendered. */
export function Navigate({
  to,
  replace,
  state,
}: {
  to: string;
  replace?: boolean;
  state?: unknown;
}) {
  const navigate = useNavigate();
  const target = useResolved(to);
  // Once, as rendered (React's development mode runs effects twice).
  const hasGone = useRef(false);
  useEffect(() => {
    if (hasGone.current) return;
    hasGone.current = true;
    void navigate(target, { replace, state });
  }, [navigate, target, replace, state]);
  return null;
}

const SCROLL_KEY = 'visitt.scroll';

function readPositions(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(SCROLL_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * Scroll as a reader expects: a new page starts at the top (or at its `#anchor`), back and
 * forward return to where the page was left, also after a reload.
 */
export function ScrollRestoration() {
  const { rendered } = useRouter();
  const { location, action, preventScrollReset } = rendered.snapshot;
  const positions = useRef<Record<string, number>>(readPositions());
  const shown = useRef(location.key);

  useEffect(() => {
    window.history.scrollRestoration = 'manual';
    const save = () => {
      positions.current[shown.current] = window.scrollY;
      try {
        sessionStorage.setItem(SCROLL_KEY, JSON.stringify(positions.current));
      } catch {
        // Storage unavailable: positions last for this page only.
      }
    };
    // Kept as the reader scrolls: by the time the next page is on screen, a shorter page may
    // have cut the old position short.
    let frame = 0;
    const track = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => (positions.current[shown.current] = window.scrollY));
    };
    window.addEventListener('scroll', track, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', track);
      window.removeEventListener('pagehide', save);
    };
  }, []);

  useLayoutEffect(() => {
    shown.current = location.key;
    if (action === 'pop') {
      window.scrollTo(0, positions.current[location.key] ?? 0);
      return;
    }
    if (preventScrollReset) return;
    const anchor = location.hash
      ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
      : null;
    if (anchor) anchor.scrollIntoView();
    else window.scrollTo(0, 0);
  }, [location, action, preventScrollReset]);
  return null;
}
