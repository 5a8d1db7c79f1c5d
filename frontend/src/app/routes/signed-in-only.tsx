import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Spinner } from '@/components/spinner.tsx';
import type { SessionUser } from '@/features/auth/api/auth-api.ts';
import { useSessionStore } from '@/features/auth/stores/session-store.ts';

/** Pages for signed-in people: waits for the session, else sends to sign-in and back here afterwards. */
export function SignedInOnly({ children }: { children: (user: SessionUser) => ReactNode }) {
  const { status, user } = useSessionStore();
  const location = useLocation();
  if (status === 'loading')
    return (
      <div className="flex justify-center py-20" role="status">
        <Spinner />
        <span className="sr-only">Loading…</span>
      </div>
    );
  if (!user) return <Navigate to={paths.signIn.to(location.pathname + location.search)} replace />;
  return children(user);
}
