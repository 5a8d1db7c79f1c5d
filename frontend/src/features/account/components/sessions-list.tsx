import { Button } from '@/components/button.tsx';
import { LoadFallback } from '@/components/load-fallback.tsx';
import { formatAgo } from '@/lib/format-time.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { endOtherSessions, endSession, type AccountSession } from '../api/account-api.ts';
import { sessionsQuery } from '../api/account-queries.ts';
import { OutcomeMessage, useAccountAction } from '../hooks/use-account-action.tsx';

const signedInOn = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

function SessionRow({ session, onEnded }: { session: AccountSession; onEnded: () => void }) {
  const action = useAccountAction();
  return (
    <li className="flex flex-wrap items-center gap-3 py-3">
      <span className="min-w-0 flex-1">
        <span className="flex flex-wrap items-center gap-2 font-medium text-zinc-100">
          {session.device}
          {session.current && (
            <span className="rounded-full bg-accent-500/20 px-2 py-0.5 text-xs font-semibold text-accent-300">This device</span>
          )}
        </span>
        <span className="block text-sm text-zinc-400">
          Signed in {signedInOn(session.signedInAt)} · active {formatAgo(session.lastActiveAt)}
        </span>
      </span>
      {!session.current && (
        <Button
          variant="secondary"
          loading={action.pending}
          aria-label={`Sign out ${session.device}, signed in ${signedInOn(session.signedInAt)}`}
          onClick={async () => {
            if (await action.run(async () => (await endSession(session.id), 'Signed out.'), 'Could not sign it out.')) onEnded();
          }}
        >
          Sign out
        </Button>
      )}
      {action.outcome?.kind === 'failed' && (
        <div className="w-full">
          <OutcomeMessage outcome={action.outcome} />
        </div>
      )}
    </li>
  );
}

/** Where the account is signed in, each with Sign out, and one button for all the others. */
export function SessionsList() {
  const { state, reload, setData } = useServerState(sessionsQuery());
  const endOthers = useAccountAction();

  if (state.status !== 'ready')
    return <LoadFallback what="your sessions" error={state.status === 'error' ? state.error : undefined} onRetry={reload} />;
  const others = state.data.sessions.filter((session) => !session.current).length;
  return (
    <div className="flex flex-col gap-3">
      <ul className="divide-y divide-zinc-800" aria-label="Sessions">
        {state.data.sessions.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            onEnded={() => setData((current) => ({ sessions: current.sessions.filter((other) => other.id !== session.id) }))}
          />
        ))}
      </ul>
      {others > 0 && (
        <Button
          variant="secondary"
          className="self-start"
          loading={endOthers.pending}
          onClick={async () => {
            const ended = await endOthers.run(async () => {
              const count = await endOtherSessions();
              return `${count} other ${count === 1 ? 'session was' : 'sessions were'} signed out.`;
            }, 'Could not sign them out. Please try again.');
            if (ended) setData((current) => ({ sessions: current.sessions.filter((session) => session.current) }));
          }}
        >
          Sign out all other sessions
        </Button>
      )}
      {others === 0 && <p className="text-sm text-zinc-400">You're signed in only here.</p>}
      <OutcomeMessage outcome={endOthers.outcome} />
    </div>
  );
}
