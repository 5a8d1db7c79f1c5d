import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { TextField } from '@/components/text-field.tsx';
import { TextAreaField } from '@/components/text-area-field.tsx';
import { useEditForm, type FormErrors } from '@/lib/use-edit-form.ts';
import { useQuery } from '@/lib/use-query.ts';
import { getStreamInfo, saveStreamInfo, type StreamInfo } from '../api/stream-info-api.ts';
import { ThumbnailPicker } from './thumbnail-picker.tsx';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from '@streamhouse/contract';

const TITLE_MAX = TITLE_MAX_LENGTH;
const DESCRIPTION_MAX = DESCRIPTION_MAX_LENGTH;

const FIELD_NAMES = ['title', 'description', 'thumbnailUrl'] as const;
type FieldErrors = FormErrors<(typeof FIELD_NAMES)[number]>;

function validate(fields: StreamInfo): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.title.trim().length > TITLE_MAX) errors.title = `Use at most ${TITLE_MAX} characters.`;
  if ((fields.description ?? '').trim().length > DESCRIPTION_MAX) errors.description = `Use at most ${DESCRIPTION_MAX} characters.`;
  return errors;
}

function changedFields(saved: StreamInfo, fields: StreamInfo): Partial<StreamInfo> {
  const changes: Partial<StreamInfo> = {};
  if (fields.title.trim() !== saved.title) changes.title = fields.title.trim();
  if ((fields.description ?? '').trim() !== (saved.description ?? '')) changes.description = (fields.description ?? '').trim();
  if (fields.thumbnailUrl !== saved.thumbnailUrl) changes.thumbnailUrl = fields.thumbnailUrl;
  return changes;
}

function Form({ initial }: { initial: StreamInfo }) {
  const { fields, update, errors, status, saving, dirty, handleSubmit } = useEditForm({
    initial,
    fieldNames: FIELD_NAMES,
    validate,
    changed: changedFields,
    save: saveStreamInfo,
    savedMessage: 'Stream info saved.',
  });

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
      <TextAreaField
        label="Description"
        name="description"
        rows={5}
        value={fields.description ?? ''}
        onChange={(event) => update({ description: event.target.value })}
        max={DESCRIPTION_MAX}
        hint="Shown under your player."
        error={errors.description}
        placeholder="Schedule, rules, links: anything viewers should know."
      />
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
