import { useState } from 'react';
import { Link } from 'react-router';
import { DECISION_REASON_MAX_LENGTH } from '@streamhouse/contract';
import { paths } from '@/config/paths.ts';
import { Avatar } from '@/components/avatar.tsx';
import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useCreatorRequests, useDecide, type CreatorRequestItem, type CreatorRequestStatus } from '../api/admin-api.ts';

const TABS: { status: CreatorRequestStatus; label: string }[] = [
  { status: 'PENDING', label: 'Pending' },
  { status: 'APPROVED', label: 'Approved' },
  { status: 'DECLINED', label: 'Declined' },
];

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function RequestRow({ item }: { item: CreatorRequestItem }) {
  const [reason, setReason] = useState('');
  const decide = useDecide();
  const [missingReason, setMissingReason] = useState(false);
  const error = missingReason
    ? 'Say why: the creator sees it.'
    : decide.error instanceof ApiError
      ? decide.error.message
      : decide.error
        ? 'Could not save. Try again.'
        : undefined;
  const send = (decision: 'APPROVED' | 'DECLINED') => {
    if (decision === 'DECLINED' && !reason.trim()) return setMissingReason(true);
    setMissingReason(false);
    decide.mutate({ userId: item.userId, decision, reason: reason.trim() || undefined });
  };
  const busy = decide.isPending ? decide.variables.decision : undefined;
  return (
    <li
      className="flex flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4"
      data-testid="creator-request"
      data-username={item.username}
    >
      <div className="flex flex-wrap items-center gap-3">
        <Avatar url={item.image} name={item.username} />
        <div className="min-w-0 flex-1">
          <Link to={paths.profile.to(item.username)} className="font-semibold text-zinc-100 hover:underline">
            {item.username}
          </Link>
          <p className="text-xs text-zinc-400">
            {item.followerCount} {item.followerCount === 1 ? 'follower' : 'followers'} · asked {when(item.createdAt)}
          </p>
        </div>
      </div>
      {item.note ? (
        <p className="rounded-lg bg-zinc-950/60 px-3 py-2 text-sm whitespace-pre-line text-zinc-300">{item.note}</p>
      ) : (
        <p className="text-sm text-zinc-400">No note.</p>
      )}
      {item.status !== 'PENDING' && item.decidedAt && (
        <p className="text-sm text-zinc-400">
          {item.status === 'APPROVED' ? 'Approved' : 'Declined'} {when(item.decidedAt)}
          {item.reason && <>: “{item.reason}”</>}
        </p>
      )}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField
          className="flex-1"
          label={`Reason for ${item.username} (needed to decline)`}
          value={reason}
          maxLength={DECISION_REASON_MAX_LENGTH}
          error={error}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="flex gap-2">
          {item.status !== 'APPROVED' && (
            <Button onClick={() => send('APPROVED')} loading={busy === 'APPROVED'} disabled={Boolean(busy)}>
              Approve
            </Button>
          )}
          {item.status !== 'DECLINED' && (
            <Button variant="danger" onClick={() => send('DECLINED')} loading={busy === 'DECLINED'} disabled={Boolean(busy)}>
              Decline
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}

/** Creator requests by status, each approved or declined with a reason the creator sees. */
export function CreatorRequests() {
  const [status, setStatus] = useState<CreatorRequestStatus>('PENDING');
  const query = useCreatorRequests(status);
  return (
    <div className="flex flex-col gap-4">
      <div
        role="tablist"
        aria-label="Requests"
        className="flex gap-1 self-start rounded-lg border border-zinc-800 bg-zinc-950 p-1"
      >
        {TABS.map((tab) => (
          <button
            key={tab.status}
            type="button"
            role="tab"
            aria-selected={status === tab.status}
            onClick={() => setStatus(tab.status)}
            className={`rounded-md px-3 py-1.5 text-sm font-semibold transition-colors ${status === tab.status ? 'bg-accent-600 text-white' : 'text-zinc-300 hover:bg-zinc-800'}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {query.data === undefined ? (
          query.isError ? (
            <StatusPanel title="Could not load the requests">Reload the page to try again.</StatusPanel>
          ) : (
            <div className="flex justify-center py-10" role="status">
              <Spinner />
              <span className="sr-only">Loading…</span>
            </div>
          )
        ) : query.data.items.length === 0 ? (
          <StatusPanel title={status === 'PENDING' ? 'No one is waiting' : `No ${status.toLowerCase()} creators yet`} />
        ) : (
          <ul className="flex flex-col gap-3">
            {query.data.items.map((item) => (
              <RequestRow key={item.userId} item={item} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
