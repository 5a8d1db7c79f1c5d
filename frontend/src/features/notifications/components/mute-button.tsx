import { useState } from 'react';
import { BellIcon, BellOffIcon } from '@/components/icons.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { setMuted } from '../api/notifications-api.ts';
import { mutedQuery } from '../api/notification-queries.ts';

/** Beside the Follow button of a creator you follow: their go-live notifications on or off (you keep following). */
export function MuteButton({ username }: { username: string }) {
  const { state, setData } = useServerState(mutedQuery(username));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  if (state.status !== 'ready') return null;
  const { muted } = state.data;

  async function toggle() {
    setPending(true);
    setError(undefined);
    try {
      const next = await setMuted(username, !muted);
      setData(() => next);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Please try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={() => void toggle()}
        disabled={pending}
        aria-pressed={!muted}
        aria-label={
          muted
            ? `Go-live notifications from ${username} are off. Turn them on`
            : `Go-live notifications from ${username} are on. Turn them off`
        }
        title={muted ? 'Notifications off' : 'Notifications on'}
        className="flex size-9 items-center justify-center rounded-lg bg-zinc-800 text-zinc-200 hover:bg-zinc-700 disabled:opacity-60"
      >
        {muted ? <BellOffIcon /> : <BellIcon />}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
