import type { ComponentType, ReactNode } from 'react';

/** A route of the table: a path (relative to its parent's) or a layout without one. */
export interface RouteObject {
  path?: string;
  /** The page shown at the parent's own path. */
  index?: boolean;
  element?: ReactNode;
  /** Loads the page's module on the first visit; navigation waits for it. */
  lazy?: () => Promise<{ Component: ComponentType }>;
  /** What the route says about its frame (read with `useMatches`). */
  handle?: unknown;
  children?: RouteObject[];
}

/** One route of a match, from the outermost layout to the page. */
export interface RouteMatch {
  route: RouteObject;
  /** The part of the path this route and those above it matched. */
  pathname: string;
  params: Record<string, string>;
}

interface Branch {
  routes: RouteObject[];
  segments: string[];
}

/** Every route that can be shown, with the path segments from the root to it. */
function branches(routes: readonly RouteObject[], parent: Branch): Branch[] {
  const out: Branch[] = [];
  for (const route of routes) {
    const own = (route.path ?? '').split('/').filter(Boolean);
    const branch: Branch = {
      routes: [...parent.routes, route],
      segments: [...parent.segments, ...own],
    };
    if (route.children?.length) out.push(...branches(route.children, branch));
    // A page: an index route, or a leaf with a path. A layout is shown through its children.
    else if (route.index || route.path !== undefined) out.push(branch);
  }
  return out;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Matches `pathname` to `segments`: static parts case-insensitively, `:name` and `*`. */
function matchSegments(
  segments: readonly string[],
  parts: readonly string[],
): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === '*') {
      params['*'] = parts.slice(i).map(decode).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.startsWith(':')) params[segment.slice(1)] = decode(part);
    else if (segment.toLowerCase() !== decode(part).toLowerCase()) return null;
  }
  return parts.length === segments.length ? params : null;
}

/**
 * The routes, outermost first, that show `pathname`: the first in the table's order whose every
 * segment matches; a `*` route only when no other does.
 */
export function matchRoutes(routes: readonly RouteObject[], pathname: string): RouteMatch[] | null {
  const parts = pathname.split('/').filter(Boolean);
  const all = branches(routes, { routes: [], segments: [] });
  const exact = all.filter((b) => !b.segments.includes('*'));
  const splat = all.filter((b) => b.segments.includes('*'));
  for (const branch of [...exact, ...splat]) {
    const params = matchSegments(branch.segments, parts);
    if (!params) continue;
    let depth = 0;
    return branch.routes.map((route) => {
      depth += (route.path ?? '').split('/').filter(Boolean).length;
      return {
        route,
        pathname: `/${parts.slice(0, Math.min(depth, parts.length)).join('/')}`,
        params,
      };
    });
  }
  return null;
}
