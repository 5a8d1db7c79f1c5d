import { StatusPanel } from '@/components/status-panel.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { useIsAdmin } from '@/features/admin/api/admin-api.ts';
import { CreatorRequests } from '@/features/admin/components/creator-requests.tsx';
import { SignedInOnly } from './signed-in-only.tsx';

function AdminOnly() {
  const admin = useIsAdmin();
  if (admin.data === undefined)
    return admin.isError ? (
      <StatusPanel title="Could not check your access">Reload the page to try again.</StatusPanel>
    ) : (
      <div className="flex justify-center py-20" role="status">
        <Spinner />
        <span className="sr-only">Loading…</span>
      </div>
    );
  if (!admin.data.isAdmin) return <StatusPanel title="Admins only">This page is for the site’s admins.</StatusPanel>;
  return <CreatorRequests />;
}

export function AdminCreatorsRoute() {
  return (
    <SignedInOnly>
      {() => (
        <div className="mx-auto flex w-full max-w-3xl flex-col gap-5 px-4 py-6 sm:py-10">
          <title>Creator requests · Streamhouse</title>
          <div>
            <p className="text-xs font-semibold tracking-wide text-accent-400 uppercase">Admin</p>
            <h1 className="text-2xl font-bold">Creator requests</h1>
            <p className="text-sm text-zinc-400">
              Approve who may stream. A decision takes effect at once; the creator sees it, and your reason, on their dashboard.
            </p>
          </div>
          <AdminOnly />
        </div>
      )}
    </SignedInOnly>
  );
}
