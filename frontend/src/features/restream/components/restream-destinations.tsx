import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { ConfirmDialog } from '@/components/confirm-dialog.tsx';
import { LoadFallback } from '@/components/load-fallback.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { errorsFromServer, type FormErrors } from '@/lib/use-edit-form.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import {
  addDestination,
  removeDestination,
  setDestinationEnabled,
  type NewDestination,
  type RestreamDestination,
} from '../api/restream-api.ts';
import { destinationsQuery } from '../api/restream-queries.ts';

const STATUS: Record<RestreamDestination['status'], { label: string; className: string }> = {
  IDLE: { label: 'Idle', className: 'bg-zinc-800 text-zinc-300' },
  STARTING: { label: 'Starting', className: 'bg-amber-900/60 text-amber-200' },
  LIVE: { label: 'Live', className: 'bg-red-600 text-white' },
  FAILED: { label: 'Failed', className: 'bg-red-950 text-red-300' },
};

const FIELDS = ['name', 'url', 'streamKey'] as const;
const EMPTY: NewDestination = { name: '', url: '', streamKey: '' };

/**
 * Where the creator's broadcast is also sent (Twitch, YouTube, any RTMP address): add, turn on or off, remove, and
 * what each is doing while `live`.
 */
export function RestreamDestinations({ live }: { live: boolean }) {
  const { state, reload, setData } = useServerState(destinationsQuery(live));
  const [removing, setRemoving] = useState<RestreamDestination | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (state.status !== 'ready')
    return (
      <LoadFallback what="your restream destinations" error={state.status === 'error' ? state.error : null} onRetry={reload} />
    );
  const { items, max, available, reason } = state.data;
  const replace = (next: RestreamDestination) =>
    setData((current) => ({ ...current, items: current.items.map((item) => (item.id === next.id ? next : item)) }));

  async function toggle(item: RestreamDestination) {
    setBusyId(item.id);
    setError(null);
    try {
      replace(await setDestinationEnabled(item.id, !item.enabled));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Could not save. Try again.');
    } finally {
      setBusyId(null);
    }
  }

  async function confirmRemove() {
    if (!removing) return;
    setBusyId(removing.id);
    setError(null);
    try {
      await removeDestination(removing.id);
      setData((current) => ({ ...current, items: current.items.filter((item) => item.id !== removing.id) }));
      setRemoving(null);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Could not remove it. Try again.');
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {!available && (
        <div className="rounded-lg border border-amber-700/60 bg-amber-950/40 p-3 text-sm text-amber-200" role="note">
          <p className="font-semibold">Restreaming is off on this server.</p>
          <p className="text-amber-200/80">{reason}</p>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-700 p-4 text-sm text-zinc-400">
          No destinations yet. Add one below and your next broadcast goes there too.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-800" aria-label="Restream destinations">
          {items.map((item) => (
            <li
              key={item.id}
              className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center"
              data-testid="restream-destination"
              data-status={item.status}
            >
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold break-words text-zinc-100">{item.name}</span>
                  <span className={`rounded px-1.5 py-0.5 text-xs font-bold uppercase ${STATUS[item.status].className}`}>
                    {STATUS[item.status].label}
                  </span>
                </p>
                <p className="truncate font-mono text-xs text-zinc-400" title={item.url}>
                  {item.url} · key ••••{item.keyHint}
                </p>
                {item.error && (
                  <p className="mt-1 text-sm text-red-400" data-testid="restream-error">
                    {item.error}
                  </p>
                )}
              </div>
              <div className="flex shrink-0 items-center gap-2">
                <label className="flex cursor-pointer items-center gap-2 text-sm text-zinc-300">
                  <input
                    type="checkbox"
                    className="size-4 accent-accent-500"
                    checked={item.enabled}
                    disabled={busyId === item.id}
                    onChange={() => void toggle(item)}
                  />
                  Send to {item.name}
                </label>
                <Button variant="secondary" onClick={() => setRemoving(item)} aria-label={`Remove ${item.name}`}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {items.length < max ? (
        <AddDestinationForm onAdded={(added) => setData((current) => ({ ...current, items: [...current.items, added] }))} />
      ) : (
        <p className="text-sm text-zinc-400">You have the most destinations allowed ({max}); remove one to add another.</p>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'this destination'}?`}
        confirmLabel="Remove"
        busy={busyId === removing?.id}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        Your broadcasts stop going there (from the next one), and its saved stream key is deleted.
      </ConfirmDialog>
    </div>
  );
}

function AddDestinationForm({ onAdded }: { onAdded: (destination: RestreamDestination) => void }) {
  const [fields, setFields] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors<(typeof FIELDS)[number]>>({});
  const [saving, setSaving] = useState(false);
  const set = (field: keyof NewDestination) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      onAdded(await addDestination(fields));
      setFields(EMPTY);
    } catch (failure) {
      setErrors(errorsFromServer(failure, FIELDS));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-3 border-t border-zinc-800 pt-4" noValidate>
      <h3 className="font-semibold text-zinc-100">Add a destination</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" value={fields.name} onChange={set('name')} placeholder="Twitch" error={errors.name} required />
        <TextField
          label="Server (RTMP or RTMPS address)"
          value={fields.url}
          onChange={set('url')}
          placeholder="rtmp://live.twitch.tv/app"
          hint="From the platform's stream settings, without the key."
          error={errors.url}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
        />
      </div>
      <TextField
        label="Stream key"
        type="password"
        value={fields.streamKey}
        onChange={set('streamKey')}
        hint="Stored encrypted; it is never shown again."
        error={errors.streamKey}
        autoComplete="off"
        spellCheck={false}
        required
      />
      {errors.form && (
        <p role="alert" className="text-sm text-red-400">
          {errors.form}
        </p>
      )}
      <div>
        <Button type="submit" loading={saving}>
          Add destination
        </Button>
      </div>
    </form>
  );
}
