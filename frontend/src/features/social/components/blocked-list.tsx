import { useState } from 'react';
import { Avatar } from '@/components/avatar.tsx';
import { Button } from '@/components/button.tsx';
import { LoadFallback } from '@/components/load-fallback.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { unblock, type BlockedUser } from '../api/social-api.ts';
import { blockedQuery } from '../api/social-queries.ts';

function BlockedRow({ user, onUnblocked }: { user: BlockedUser; onUnblocked: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function handleUnblock() {
    setPending(true);
    setError(undefined);
    try {
      await unblock(user.username);
      onUnblocked();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not unblock. Please try again.');
      setPending(false);
    }
  }

  return (
    <li className="flex items-center gap-3 py-3">
      <Avatar url={user.image} name={user.displayUsername} size="sm" />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-zinc-100">{user.name}</span>
        <span className="block truncate text-sm text-zinc-400">@{user.displayUsername}</span>
        {error && (
          <span role="alert" className="block text-sm text-red-400">
            {error}
          </span>
        )}
      </span>
      <Button variant="secondary" loading={pending} onClick={handleUnblock} aria-label={`Unblock ${user.displayUsername}`}>
        Unblock
      </Button>
    </li>
  );
}

/** Everyone the signed-in user blocked, each with Unblock. */
export function BlockedList({ owner }: { owner: string }) {
  const { state, reload, setData } = useServerState(blockedQuery(owner));

  if (state.status !== 'ready')
    return (
      <LoadFallback what="the users you blocked" error={state.status === 'error' ? state.error : undefined} onRetry={reload} />
    );
  if (!state.data.users.length) return <p className="text-sm text-zinc-400">You haven't blocked anyone.</p>;
  return (
    <ul className="divide-y divide-zinc-800" aria-label="Blocked users">
      {state.data.users.map((user) => (
        <BlockedRow
          key={user.id}
          user={user}
          onUnblocked={() => setData((current) => ({ users: current.users.filter((other) => other.id !== user.id) }))}
        />
      ))}
    </ul>
  );
}
