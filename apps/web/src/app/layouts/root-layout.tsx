import { Outlet, ScrollRestoration } from 'react-router';
import { useIsWide } from '../../lib/media-query';
import { Shell } from './shell';

/** One client, two layouts: the app on narrow screens, the Patient Portal on wide ones. */
export function RootLayout() {
  const isWide = useIsWide();
  return (
    <>
      <Shell isWide={isWide}>
        <Outlet />
      </Shell>
      <ScrollRestoration />
    </>
  );
}
