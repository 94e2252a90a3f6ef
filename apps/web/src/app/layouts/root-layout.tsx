import { Outlet, ScrollRestoration, useMatches } from '../../lib/router';
import { useIsWide } from '../../lib/media-query';
import { Shell, type ShellVariant } from './shell';

/** What a route says about its frame, in its `handle`. */
export interface ShellHandle {
  shell: ShellVariant;
}

/** The `handle` of the staff pages' routes (workspace, calendar, administration). */
export const STAFF_SHELL: ShellHandle = { shell: 'staff' };

function isShellHandle(handle: unknown): handle is ShellHandle {
  return typeof handle === 'object' && handle !== null && 'shell' in handle;
}

/**
 * One client, two layouts: the app on narrow screens, the Patient Portal on wide ones. A route
 * (or a route above it) with the handle `STAFF_SHELL` gets the staff's navigation instead of
 * the patient's; the shell stays mounted across the change, and so does `<main>`.
 */
export function RootLayout() {
  const isWide = useIsWide();
  const matches = useMatches();
  const variant =
    matches
      .map((match) => match.handle)
      .filter(isShellHandle)
      .at(-1)?.shell ?? 'patient';
  return (
    <>
      <Shell isWide={isWide} variant={variant}>
        <Outlet />
      </Shell>
      <ScrollRestoration />
    </>
  );
}
