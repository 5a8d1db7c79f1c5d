import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useQuery } from '@/lib/use-query.ts';
import { getProfileFields, saveProfileFields, type ProfileFields } from '../api/settings-api.ts';
import { AvatarPicker } from './avatar-picker.tsx';

const NAME_MAX = 50;
const BIO_MAX = 300;

type FieldErrors = Partial<Record<'name' | 'bio' | 'image' | 'form', string>>;

function validate(fields: ProfileFields): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.name.trim()) errors.name = 'Enter the name people see on your channel.';
  else if (fields.name.trim().length > NAME_MAX) errors.name = `Use at most ${NAME_MAX} characters.`;
  if ((fields.bio ?? '').trim().length > BIO_MAX) errors.bio = `Use at most ${BIO_MAX} characters.`;
  return errors;
}

/** The server names each bad field; show each message beside its field. */
function errorsFromServer(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return { form: 'Saving failed. Please try again.' };
  const fields = Array.isArray(error.body.fields) ? (error.body.fields as Array<{ path: string; message: string }>) : [];
  const known = fields.filter((field) => ['name', 'bio', 'image'].includes(field.path));
  if (!known.length) return { form: error.message };
  return Object.fromEntries(known.map((field) => [field.path, `${field.message.charAt(0).toUpperCase()}${field.message.slice(1)}.`]));
}

function changedFields(initial: ProfileFields, fields: ProfileFields): Partial<ProfileFields> {
  const changes: Partial<ProfileFields> = {};
  if (fields.name.trim() !== initial.name) changes.name = fields.name.trim();
  if ((fields.bio ?? '').trim() !== (initial.bio ?? '')) changes.bio = (fields.bio ?? '').trim();
  if (fields.image !== initial.image) changes.image = fields.image;
  return changes;
}

function Form({ username, initial, onSaved }: { username: string; initial: ProfileFields; onSaved: () => void }) {
  const bioId = useId();
  const [saved, setSaved] = useState(initial);
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const changes = changedFields(saved, fields);
  const dirty = Object.keys(changes).length > 0;

  function update(patch: Partial<ProfileFields>) {
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
      const result = await saveProfileFields(username, changes);
      const next = { name: result.name, bio: result.bio, image: result.image };
      setSaved(next);
      setFields(next);
      setStatus('Profile saved.');
      onSaved();
    } catch (error) {
      setErrors(errorsFromServer(error));
    } finally {
      setSaving(false);
    }
  }

  const bioLength = (fields.bio ?? '').trim().length;
  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-6">
      <AvatarPicker url={fields.image} name={username} onChange={(image) => update({ image })} />
      {errors.image && (
        <p role="alert" className="-mt-4 text-sm text-red-400">
          {errors.image}
        </p>
      )}
      <TextField
        label="Display name"
        name="name"
        value={fields.name}
        maxLength={NAME_MAX + 10}
        onChange={(event) => update({ name: event.target.value })}
        error={errors.name}
        hint="Shown on your channel and in chat. Your username stays the same."
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={bioId} className="text-sm font-medium text-zinc-300">
          Bio
        </label>
        <textarea
          id={bioId}
          name="bio"
          rows={4}
          value={fields.bio ?? ''}
          onChange={(event) => update({ bio: event.target.value })}
          aria-invalid={errors.bio ? true : undefined}
          aria-describedby={`${bioId}-help`}
          className={`resize-y rounded-lg border bg-zinc-900 px-3 py-2 text-zinc-100 placeholder:text-zinc-500 focus:outline-none focus:ring-2 focus:ring-accent-500 ${errors.bio ? 'border-red-500' : 'border-zinc-700'}`}
          placeholder="What do you stream? When are you live?"
        />
        <p id={`${bioId}-help`} className={`flex justify-between gap-3 text-xs ${errors.bio ? 'text-red-400' : 'text-zinc-500'}`}>
          <span role={errors.bio ? 'alert' : undefined}>{errors.bio ?? 'A few lines about you and your channel.'}</span>
          <span className={bioLength > BIO_MAX ? 'text-red-400' : undefined}>
            {bioLength}/{BIO_MAX}
          </span>
        </p>
      </div>
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

/** Display name, bio and picture of the signed-in user. `onSaved` lets the page refresh the header. */
export function ProfileSettingsForm({ username, onSaved }: { username: string; onSaved: () => void }) {
  const { state, reload } = useQuery(`profile-fields:${username}`, (signal) => getProfileFields(username, signal));
  if (state.status === 'loading')
    return (
      <div className="flex justify-center py-10" role="status">
        <Spinner />
        <span className="sr-only">Loading your profile…</span>
      </div>
    );
  if (state.status === 'error')
    return (
      <StatusPanel title="Could not load your profile">
        <Button variant="secondary" onClick={reload}>
          Try again
        </Button>
      </StatusPanel>
    );
  const { name, bio, image } = state.data;
  return <Form username={username} initial={{ name, bio, image }} onSaved={onSaved} />;
}
