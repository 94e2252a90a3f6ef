import { describe, expect, it } from 'vitest';
import { resolvePath } from './history';
import { matchRoutes, type RouteObject } from './routes';

const page = { element: null };
const routes: RouteObject[] = [
  { children: [{ path: '/timer/:id/video', ...page }] },
  {
    element: null,
    handle: 'root',
    children: [
      { path: '/', ...page },
      {
        path: '/admin/:clinicId',
        element: null,
        children: [
          { index: true, ...page },
          { path: 'profil', ...page },
        ],
      },
      {
        children: [
          { path: '/timer', ...page },
          { path: '/timer/:id', ...page },
        ],
      },
      { path: '*', ...page },
    ],
  },
];

const shown = (pathname: string) => {
  const matches = matchRoutes(routes, pathname);
  return (
    matches && {
      params: matches.at(-1)!.params,
      depth: matches.length,
      root: matches[0]!.route.handle,
    }
  );
};

describe('matchRoutes', () => {
  it.each([
    ['/', { params: {}, depth: 2, root: 'root' }],
    ['/timer', { params: {}, depth: 3, root: 'root' }],
    ['/timer/', { params: {}, depth: 3, root: 'root' }],
    ['/Timer', { params: {}, depth: 3, root: 'root' }],
    ['/timer/abc', { params: { id: 'abc' }, depth: 3, root: 'root' }],
    ['/timer/a%20b', { params: { id: 'a b' }, depth: 3, root: 'root' }],
    ['/timer/abc/video', { params: { id: 'abc' }, depth: 2, root: undefined }],
    ['/admin/c1', { params: { clinicId: 'c1' }, depth: 3, root: 'root' }],
    ['/admin/c1/profil', { params: { clinicId: 'c1' }, depth: 3, root: 'root' }],
    // Anything else is the catch-all, never a partial match.
    ['/admin/c1/profil/x', { params: { '*': 'admin/c1/profil/x' }, depth: 2, root: 'root' }],
    ['/timer/abc/other', { params: { '*': 'timer/abc/other' }, depth: 2, root: 'root' }],
  ])('%s', (pathname, expected) => {
    expect(shown(pathname)).toEqual(expected);
  });

  it('has no match without a catch-all', () => {
    expect(matchRoutes([{ path: '/a', element: null }], '/b')).toBeNull();
  });
});

describe('resolvePath', () => {
  it.each([
    ['/timer', '/admin/c1', '/timer'],
    ['profil', '/admin/c1', '/admin/c1/profil'],
    ['?', '/admin/c1/timetyper', '/admin/c1/timetyper?'],
    ['?ny=1', '/admin/c1/timetyper', '/admin/c1/timetyper?ny=1'],
    ['../logg', '/admin/c1/profil', '/admin/c1/logg'],
  ])('%s from %s is %s', (to, base, expected) => {
    expect(resolvePath(to, base)).toBe(expected);
  });
});
