import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { ApiError } from '@/lib/api-client.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { Button } from '@/components/button.tsx';
import { ConfirmDialog } from '@/components/confirm-dialog.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { deleteReplay, type MyReplay, type ReplayStatus } from '../api/replays-api.ts';
import { formatClock } from '@/lib/format-time.ts';
import { formatRecordedAt } from '../format.ts';
import { myReplaysQuery } from '../api/replay-queries.ts';

const STATUS: Record<ReplayStatus, { label: string; className: string }> = {
  STARTING: { label: 'Starting', className: 'bg-zinc-700 text-zinc-100' },
  RECORDING: { label: 'Recording', className: 'bg-red-600 text-white' },
  PROCESSING: { label: 'Finishing', className: 'bg-amber-600 text-white' },
  READY: { label: 'Ready', className: 'bg-emerald-700 text-white' },
  FAILED: { label: 'Failed', className: 'bg-red-950 text-red-200 ring-1 ring-red-800' },
};

function ReplayRow({ replay, onDelete }: { replay: MyReplay; onDelete: (replay: MyReplay) => void }) {
  const status = STATUS[replay.status];
  const open = replay.status === 'STARTING' || replay.status === 'RECORDING' || replay.status === 'PROCESSING';
  return (
    <li className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center" data-testid="my-replay" data-status={replay.status}>
      <div className="flex min-w-0 flex-1 items-start gap-3 sm:items-center">
        <div className="aspect-video w-28 shrink-0 overflow-hidden rounded-lg bg-zinc-800 sm:w-36">
          {replay.thumbnailUrl && <img src={replay.thumbnailUrl} alt="" className="h-full w-full object-cover" />}
        </div>
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className={`rounded px-1.5 py-0.5 text-xs font-bold uppercase ${status.className}`}>{status.label}</span>
            <span className="truncate font-semibold text-zinc-100">{replay.title || 'Untitled stream'}</span>
          </p>
          <p className="mt-1 text-sm text-zinc-400">
            {formatRecordedAt(replay.recordedAt)}
            {replay.status === 'READY' &&
              ` · ${formatClock(replay.durationMs)} · ${(replay.sizeBytes / 1_000_000).toFixed(1)} MB`}
          </p>
          {replay.error && (
            // On a replay that is ready, a note about a recorder that stopped (what was kept); otherwise why it failed.
            <p
              className={`mt-1 text-sm ${replay.status === 'READY' ? 'text-amber-300' : 'text-red-400'}`}
              data-testid="replay-error"
            >
              {replay.error}
            </p>
          )}
        </div>
      </div>
      <div className="flex gap-2">
        {replay.status === 'READY' && (
          <Link
            to={paths.replay.to(replay.username, replay.id)}
            className="rounded-lg bg-zinc-800 px-3 py-2 text-sm font-semibold text-zinc-100 hover:bg-zinc-700"
          >
            Watch
          </Link>
        )}
        {!open && (
          <Button
            variant="ghost"
            onClick={() => onDelete(replay)}
            aria-label={`Delete the replay “${replay.title || 'Untitled stream'}” of ${formatRecordedAt(replay.recordedAt)}`}
          >
            Delete
          </Button>
        )}
      </div>
    </li>
  );
}

/** The creator's recordings: ready ones to watch or delete, the one in progress, and failures with their reason. */
export function MyReplays() {
  const { state, reload, setData } = useServerState(myReplaysQuery());
  const [pending, setPending] = useState<MyReplay | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirmDelete() {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      await deleteReplay(pending.id);
      setData((current) => ({ ...current, items: current.items.filter((item) => item.id !== pending.id) }));
      setPending(null);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Could not delete the replay. Try again.');
    } finally {
      setBusy(false);
    }
  }

  if (state.status === 'loading')
    return (
      <div className="flex justify-center py-10 text-zinc-400" role="status">
        <Spinner />
        <span className="sr-only">Loading your replays…</span>
      </div>
    );
  if (state.status === 'error')
    return (
      <div className="flex flex-col items-start gap-3 py-6 text-sm text-zinc-400" role="alert">
        <p>Could not load your replays.</p>
        <Button variant="secondary" onClick={reload}>
          Try again
        </Button>
      </div>
    );
  const { items } = state.data;
  return (
    <>
      {items.length === 0 ? (
        <p className="py-6 text-sm text-zinc-400">No recordings yet. Your next broadcast is recorded when it starts.</p>
      ) : (
        <ul className="divide-y divide-zinc-800">
          {items.map((replay) => (
            <ReplayRow key={replay.id} replay={replay} onDelete={setPending} />
          ))}
        </ul>
      )}
      {error && (
        <p className="pb-4 text-sm text-red-400" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Delete this replay?"
        confirmLabel="Delete replay"
        busy={busy}
        onConfirm={confirmDelete}
        onCancel={() => setPending(null)}
      >
        <p>The video and its picture are deleted for good. The chat messages stay in your chat history.</p>
      </ConfirmDialog>
    </>
  );
}
