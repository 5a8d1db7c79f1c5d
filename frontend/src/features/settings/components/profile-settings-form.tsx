import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { TextField } from '@/components/text-field.tsx';
import { TextAreaField } from '@/components/text-area-field.tsx';
import { useEditForm, type FormErrors } from '@/lib/use-edit-form.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { saveProfileFields, type ProfileFields } from '../api/settings-api.ts';
import { AvatarPicker } from './avatar-picker.tsx';
import { BIO_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH } from '@streamhouse/contract';
import { profileFieldsQuery } from '../api/settings-queries.ts';

const FIELD_NAMES = ['name', 'bio', 'image'] as const;
type FieldErrors = FormErrors<(typeof FIELD_NAMES)[number]>;

function validate(fields: ProfileFields): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.name.trim()) errors.name = 'Enter the name people see on your channel.';
  else if (fields.name.trim().length > DISPLAY_NAME_MAX_LENGTH)
    errors.name = `Use at most ${DISPLAY_NAME_MAX_LENGTH} characters.`;
  if ((fields.bio ?? '').trim().length > BIO_MAX_LENGTH) errors.bio = `Use at most ${BIO_MAX_LENGTH} characters.`;
  return errors;
}

function changedFields(initial: ProfileFields, fields: ProfileFields): Partial<ProfileFields> {
  const changes: Partial<ProfileFields> = {};
  if (fields.name.trim() !== initial.name) changes.name = fields.name.trim();
  if ((fields.bio ?? '').trim() !== (initial.bio ?? '')) changes.bio = (fields.bio ?? '').trim();
  if (fields.image !== initial.image) changes.image = fields.image;
  return changes;
}

function Form({ username, initial, onSaved }: { username: string; initial: ProfileFields; onSaved: () => void }) {
  const { fields, update, errors, status, saving, dirty, handleSubmit } = useEditForm({
    initial,
    fieldNames: FIELD_NAMES,
    validate,
    changed: changedFields,
    save: (changes) => saveProfileFields(username, changes).then(({ name, bio, image }) => ({ name, bio, image })),
    savedMessage: 'Profile saved.',
    onSaved,
  });

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
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        onChange={(event) => update({ name: event.target.value })}
        error={errors.name}
        hint="Shown on your channel and in chat. Your username stays the same."
      />
      <TextAreaField
        label="Bio"
        name="bio"
        rows={4}
        value={fields.bio ?? ''}
        onChange={(event) => update({ bio: event.target.value })}
        max={BIO_MAX_LENGTH}
        hint="A few lines about you and your channel."
        error={errors.bio}
        placeholder="What do you stream? When are you live?"
      />
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
  const { state, reload } = useServerState(profileFieldsQuery(username));
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
