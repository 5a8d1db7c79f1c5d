import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { TITLE_MAX_LENGTH } from '@streamhouse/contract';
import { useServerState } from '@/lib/use-server-state.ts';
import { cancelSchedule, saveSchedule, type Schedule } from '../api/schedule-api.ts';
import { myScheduleQuery } from '../api/schedule-queries.ts';

/** `datetime-local` wants local time without a zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function Form({ current, onSaved }: { current: Schedule | null; onSaved: (schedule: Schedule | null) => void }) {
  const [startsAt, setStartsAt] = useState(current ? toLocalInput(current.startsAt) : '');
  const [title, setTitle] = useState(current?.title ?? '');
  const [error, setError] = useState<{ field?: 'startsAt' | 'title'; message: string }>();
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);

  async function run(action: () => Promise<{ schedule: Schedule | null }>, done: string) {
    setSaving(true);
    setError(undefined);
    setStatus('');
    try {
      const { schedule } = await action();
      onSaved(schedule);
      setStatus(done);
    } catch (caught) {
      const field =
        caught instanceof ApiError && Array.isArray(caught.body.fields)
          ? (caught.body.fields as Array<{ path: string }>)[0]?.path
          : undefined;
      setError({
        field: field === 'startsAt' || field === 'title' ? field : undefined,
        message:
          caught instanceof ApiError
            ? caught.message.replace(/^Invalid input — [^:]+: /, '')
            : 'Saving failed. Please try again.',
      });
    } finally {
      setSaving(false);
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const when = new Date(startsAt);
    if (!startsAt || Number.isNaN(when.getTime())) return setError({ field: 'startsAt', message: 'Pick a date and time.' });
    if (when.getTime() <= Date.now()) return setError({ field: 'startsAt', message: 'Pick a time in the future.' });
    if (!title.trim()) return setError({ field: 'title', message: 'Give it a title.' });
    void run(() => saveSchedule({ startsAt: when.toISOString(), title: title.trim() }), 'Next stream announced.');
  }

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 sm:p-5"
    >
      <div className="grid gap-4 md:grid-cols-[14rem_1fr]">
        <TextField
          label="When"
          name="startsAt"
          type="datetime-local"
          value={startsAt}
          onChange={(event) => setStartsAt(event.target.value)}
          error={error?.field === 'startsAt' ? error.message : undefined}
          hint="Your local time."
        />
        <TextField
          label="Next stream title"
          name="scheduledTitle"
          value={title}
          maxLength={TITLE_MAX_LENGTH}
          placeholder="What will you stream?"
          onChange={(event) => setTitle(event.target.value)}
          error={error?.field === 'title' ? error.message : undefined}
          hint="Shown with a countdown on your channel and in Upcoming on the home page."
        />
      </div>
      {error && !error.field && (
        <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
          {error.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={saving}>
          {current ? 'Update' : 'Announce'}
        </Button>
        {current && (
          <Button variant="ghost" disabled={saving} onClick={() => void run(cancelSchedule, 'Announcement cancelled.')}>
            Cancel announcement
          </Button>
        )}
        <p aria-live="polite" className="text-sm text-emerald-400">
          {status}
        </p>
      </div>
    </form>
  );
}

/** The creator's next stream: announce, move or cancel it (cleared by itself when they go live after it). */
export function ScheduleForm() {
  const { state, setData } = useServerState(myScheduleQuery());
  if (state.status !== 'ready') return null;
  return <Form current={state.data.schedule} onSaved={(schedule) => setData(() => ({ schedule }))} />;
}
