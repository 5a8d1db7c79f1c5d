import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client.ts';
import { Avatar } from '@/components/avatar.tsx';
import { Button } from '@/components/button.tsx';
import { LoadFallback } from '@/components/load-fallback.tsx';
import { TextField } from '@/components/text-field.tsx';
import type { Moderator } from '../api/chat-types.ts';
import { addModerator, listModerators, removeModerator } from '../api/chat-moderation.ts';
import { chatKeys } from '../api/chat-keys.ts';

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : 'Check your connection and try again.');

/** The people who may moderate the creator's chat: add by username, remove with one click. */
export function ModeratorList({ hostId }: { hostId: string }) {
  const queryClient = useQueryClient();
  const queryKey = chatKeys.moderators(hostId);
  const query = useQuery({ queryKey, queryFn: ({ signal }) => listModerators(hostId, signal) });
  const [username, setUsername] = useState('');
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string>();
  const [removing, setRemoving] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  if (!query.data) return <LoadFallback what="your moderators" error={query.error} onRetry={() => void query.refetch()} />;
  const moderators = query.data;
  // The server confirmed the change: show it without asking again.
  const setModerators = (update: (current: Moderator[]) => Moderator[]) =>
    queryClient.setQueryData<Moderator[]>(queryKey, (current) => update(current ?? []));

  async function add(event: FormEvent) {
    event.preventDefault();
    const name = username.trim();
    if (!name) {
      setAddError('Enter a username.');
      return;
    }
    setAdding(true);
    setAddError(undefined);
    try {
      const moderator = await addModerator(hostId, { username: name });
      setModerators((current) => [...current.filter((existing) => existing.id !== moderator.id), moderator]);
      setUsername('');
      setStatus(`${moderator.displayUsername} can now moderate your chat.`);
    } catch (error) {
      setAddError(messageOf(error));
    } finally {
      setAdding(false);
    }
  }

  async function remove(moderator: Moderator) {
    setRemoving(moderator.id);
    setStatus(null);
    try {
      await removeModerator(hostId, moderator.id);
      setModerators((current) => current.filter((existing) => existing.id !== moderator.id));
      setStatus(`${moderator.displayUsername} is no longer a moderator.`);
    } catch (error) {
      setStatus(`Could not remove ${moderator.displayUsername}. ${messageOf(error)}`);
    } finally {
      setRemoving(null);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {moderators.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-800 px-4 py-6 text-center text-sm text-zinc-400">
          No moderators yet. Add someone you trust, or pick “Make moderator” on their message in your chat.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800" aria-label="Moderators">
          {moderators.map((moderator) => (
            <li key={moderator.id} className="flex items-center gap-3 px-3 py-2">
              <Avatar url={moderator.image} name={moderator.displayUsername} size="sm" />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-zinc-100">{moderator.displayUsername}</p>
                {moderator.name !== moderator.displayUsername && (
                  <p className="truncate text-xs text-zinc-400">{moderator.name}</p>
                )}
              </div>
              <Button
                variant="ghost"
                className="px-2 py-1"
                loading={removing === moderator.id}
                onClick={() => remove(moderator)}
                aria-label={`Remove ${moderator.displayUsername} as moderator`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <TextField
          label="Add a moderator"
          placeholder="Username"
          value={username}
          onChange={(event) => {
            setUsername(event.target.value);
            setAddError(undefined);
          }}
          error={addError}
          autoComplete="off"
          className="flex-1"
        />
        <Button type="submit" loading={adding} className="sm:mt-7">
          Add
        </Button>
      </form>
      <p role="status" className="min-h-5 text-sm text-emerald-400">
        {status}
      </p>
    </div>
  );
}
