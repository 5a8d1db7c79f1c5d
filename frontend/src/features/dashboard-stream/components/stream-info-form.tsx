import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { TextField } from '@/components/text-field.tsx';
import { TextAreaField } from '@/components/text-area-field.tsx';
import { useEditForm } from '@/lib/use-edit-form.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { type CategoryOption, type StreamInfo } from '../api/stream-info-api.ts';
import { ThumbnailPicker } from './thumbnail-picker.tsx';
import { DESCRIPTION_MAX_LENGTH, TAGS_MAX, TITLE_MAX_LENGTH } from '@streamhouse/contract';
import { CategorySelect } from './category-select.tsx';
import { changedFields, FIELD_NAMES, save, toForm, validate } from './stream-info-values.ts';
import { categoryOptionsQuery, streamInfoQuery } from '../api/stream-info-queries.ts';

function Form({ initial, categories }: { initial: StreamInfo; categories: CategoryOption[] }) {
  const { fields, update, errors, status, saving, dirty, handleSubmit } = useEditForm({
    initial: toForm(initial),
    fieldNames: FIELD_NAMES,
    validate,
    changed: changedFields,
    save,
    savedMessage: 'Stream info saved.',
  });

  const titleLength = fields.title.trim().length;
  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      className="flex flex-col gap-6 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 sm:p-5"
    >
      <TextField
        label="Title"
        name="title"
        value={fields.title}
        maxLength={TITLE_MAX_LENGTH}
        placeholder="What are you streaming today?"
        onChange={(event) => update({ title: event.target.value })}
        error={errors.title}
        hint={`Shown above your player and on your stream card. ${titleLength}/${TITLE_MAX_LENGTH}`}
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={5}
        value={fields.description ?? ''}
        onChange={(event) => update({ description: event.target.value })}
        max={DESCRIPTION_MAX_LENGTH}
        hint="Shown under your player."
        error={errors.description}
        placeholder="Schedule, rules, links: anything viewers should know."
      />
      <div className="grid gap-6 md:grid-cols-2">
        <CategorySelect
          value={fields.category}
          options={categories}
          onChange={(category) => update({ category })}
          error={errors.category}
        />
        <TextField
          label="Tags"
          name="tags"
          value={fields.tags}
          placeholder="speedrun, chill, english"
          onChange={(event) => update({ tags: event.target.value })}
          error={errors.tags}
          hint={`Up to ${TAGS_MAX}, separated by commas. Search finds your stream by them.`}
        />
      </div>
      <ThumbnailPicker
        url={fields.thumbnailUrl}
        title={fields.title}
        onChange={(thumbnailUrl) => update({ thumbnailUrl })}
        error={errors.thumbnailUrl}
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

/** Title, description, category, tags and thumbnail of the signed-in creator's stream. */
export function StreamInfoForm() {
  const { state, reload } = useServerState(streamInfoQuery());
  const categories = useServerState(categoryOptionsQuery());
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
  const options = categories.state.status === 'ready' ? categories.state.data.items : [];
  return <Form key={options.length} initial={state.data} categories={options} />;
}
