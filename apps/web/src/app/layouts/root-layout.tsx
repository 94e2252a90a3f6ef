import { Outlet, ScrollRestoration } from 'react-router';
import { useIsWide } from '../../lib/media-query';
import { AppShell } from './app-shell';
import { PortalShell } from './portal-shell';

/**
 * One client, two layouts: the app on narrow screens, the Patient Portal on wide ones. Only the
 * current layout is rendered, so the other one's controls are not in the accessibility tree.
 */
export function RootLayout() {
  const isWide = useIsWide();
  return (
    <>
      {isWide ? (
        <PortalShell>
          <Outlet />
        </PortalShell>
      ) : (
        <AppShell>
          <Outlet />
        </AppShell>
      )}
      <ScrollRestoration />
    </>
  );
}
