import { Navigate, Outlet, useLocation } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { LoadingState } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/hooks/use-me';
import { signInPath } from '../../features/auth/return-path';

/** Renders the child routes for a signed-in user; sends others to sign in and back here after. */
export function RequireAuth() {
  const { me, isLoading, error } = useMe();
  const location = useLocation();
  if (isLoading) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => window.location.reload()} />;
  if (!me) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}
