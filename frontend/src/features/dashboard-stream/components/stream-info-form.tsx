import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useQuery } from '@/lib/use-query.ts';
import { getStreamInfo, saveStreamInfo, type StreamInfo } from '../api/stream-info-api.ts';
import { ThumbnailPicker } from './thumbnail-picker.tsx';

const TITLE_MAX = 140;
const DESCRIPTION_MAX = 2000;

type FieldErrors = Partial<Record<'title' | 'description' | 'thumbnailUrl' | 'form', string>>;

function validate(fields: StreamInfo): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.title.trim().length > TITLE_MAX) errors.title = `Use at most ${TITLE_MAX} characters.`;
  if ((fields.description ?? '').trim().length > DESCRIPTION_MAX) errors.description = `Use at most ${DESCRIPTION_MAX} characters.`;
  return errors;
}

/** The server names each bad field; show each message beside its field. */
function errorsFromServer(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return { form: 'Saving failed. Please try again.' };
  const fields = Array.isArray(error.body.fields) ? (error.body.fields as Array<{ path: string; message: string }>) : [];
  const known = fields.filter((field) => ['title', 'description', 'thumbnailUrl'].includes(field.path));
  if (!known.length) return { form: error.message };
  return Object.fromEntries(known.map((field) => [field.path, `${field.message.charAt(0).toUpperCase()}${field.message.slice(1)}.`]));
}

function changedFields(saved: StreamInfo, fields: StreamInfo): Partial<StreamInfo> {
  const changes: Partial<StreamInfo> = {};
  if (fields.title.trim() !== saved.title) changes.title = fields.title.trim();
  if ((fields.description ?? '').trim() !== (saved.description ?? '')) changes.description = (fields.description ?? '').trim();
  if (fields.thumbnailUrl !== saved.thumbnailUrl) changes.thumbnailUrl = fields.thumbnailUrl;
  return changes;
}

function Form({ initial }: { initial: StreamInfo }) {
  const descriptionId = useId();
  const [saved, setSaved] = useState(initial);
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const changes = changedFields(saved, fields);
  const dirty = Object.keys(changes).length > 0;

  function update(patch: Partial<StreamInfo>) {
    setFields((current) => ({ ...current, ...patch }));
    setErrors({});
    setStatus('');
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validate(fields);
    setErrors(found);
    if (Object.keys(found).length || !dirty) return;
    setSaving(true);
    try {
      const result = await saveStreamInfo(changes);
      setSaved(result);
      setFields(result);
      setStatus('Stream info saved.');
    } catch (error) {
      setErrors(errorsFromServer(error));
    } finally {
      setSaving(false);
    }
  }

  const descriptionLength = (fields.description ?? '').trim().length;
  const titleLength = fields.title.trim().length;
  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-6 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 sm:p-5">
      <TextField
        label="Title"
        name="title"
        value={fields.title}
        maxLength={TITLE_MAX + 20}
        placeholder="What are you streaming today?"
        onChange={(event) => update({ title: event.target.value })}
        error={errors.title}
        hint={`Shown above your player and on your stream card. ${titleLength}/${TITLE_MAX}`}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={descriptionId} className="text-sm font-medium text-zinc-300">
          Description
        </label>
        <textarea
          id={descriptionId}
          name="description"
          rows={5}
          value={fields.description ?? ''}
          onChange={(event) => update({ description: event.target.value })}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={`${descriptionId}-help`}
          className={`resize-y rounded-lg border bg-zinc-900 px-3 py-2 text-zinc-100 placeholder:text-zinc-500 focus:outline-none focus:ring-2 focus:ring-accent-500 ${errors.description ? 'border-red-500' : 'border-zinc-700'}`}
          placeholder="Schedule, rules, links: anything viewers should know."
        />
        <p id={`${descriptionId}-help`} className={`flex justify-between gap-3 text-xs ${errors.description ? 'text-red-400' : 'text-zinc-500'}`}>
          <span role={errors.description ? 'alert' : undefined}>{errors.description ?? 'Shown under your player.'}</span>
          <span className={descriptionLength > DESCRIPTION_MAX ? 'text-red-400' : undefined}>
            {descriptionLength}/{DESCRIPTION_MAX}
          </span>
        </p>
      </div>
      <ThumbnailPicker url={fields.thumbnailUrl} title={fields.title} onChange={(thumbnailUrl) => update({ thumbnailUrl })} error={errors.thumbnailUrl} />
      {errors.form && (
        <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
          {errors.form}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" loading={saving} disabled={!dirty} className="whitespace-nowrap">
          Save changes
        </Button>
        <p aria-live="polite" className="text-sm text-emerald-400">
          {status || (dirty ? <span className="text-zinc-400">You have unsaved changes.</span> : null)}
        </p>
      </div>
    </form>
  );
}

/** Title, description and thumbnail of the signed-in creator's stream. */
export function StreamInfoForm() {
  const { state, reload } = useQuery('stream-info', getStreamInfo);
  if (state.status === 'loading')
    return (
      <div className="flex justify-center py-10" role="status">
        <Spinner />
        <span className="sr-only">Loading your stream info…</span>
      </div>
    );
  if (state.status === 'error')
    return (
      <StatusPanel title="Could not load your stream info">
        <Button variant="secondary" onClick={reload}>
          Try again
        </Button>
      </StatusPanel>
    );
  return <Form initial={state.data} />;
}
