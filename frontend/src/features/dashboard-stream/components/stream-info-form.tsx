import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { TextField } from '@/components/text-field.tsx';
import { TextAreaField } from '@/components/text-area-field.tsx';
import { useEditForm, type FormErrors } from '@/lib/use-edit-form.ts';
import { useQuery } from '@/lib/use-query.ts';
import {
  getCategoryOptions,
  getStreamInfo,
  saveStreamInfo,
  type CategoryOption,
  type StreamInfo,
  type StreamInfoChanges,
} from '../api/stream-info-api.ts';
import { ThumbnailPicker } from './thumbnail-picker.tsx';
import { DESCRIPTION_MAX_LENGTH, TAG_MAX_LENGTH, TAGS_MAX, TITLE_MAX_LENGTH } from '@streamhouse/contract';

const FIELD_NAMES = ['title', 'description', 'thumbnailUrl', 'category', 'tags'] as const;
type FieldErrors = FormErrors<(typeof FIELD_NAMES)[number]>;

/** The form's own values: the category by slug ('' for none), the tags as the text typed (comma-separated). */
type FormValues = Omit<StreamInfo, 'category' | 'tags'> & { category: string; tags: string };

const tagList = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

function toForm(info: StreamInfo): FormValues {
  return { ...info, category: info.category?.slug ?? '', tags: info.tags.join(', ') };
}

function validate(fields: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.title.trim().length > TITLE_MAX_LENGTH) errors.title = `Use at most ${TITLE_MAX_LENGTH} characters.`;
  if ((fields.description ?? '').trim().length > DESCRIPTION_MAX_LENGTH)
    errors.description = `Use at most ${DESCRIPTION_MAX_LENGTH} characters.`;
  const tags = tagList(fields.tags);
  if (tags.length > TAGS_MAX) errors.tags = `Use at most ${TAGS_MAX} tags.`;
  else if (tags.some((tag) => [...tag].length > TAG_MAX_LENGTH)) errors.tags = `Keep each tag to ${TAG_MAX_LENGTH} characters.`;
  return errors;
}

function changedFields(saved: FormValues, fields: FormValues): Partial<FormValues> {
  const changes: Partial<FormValues> = {};
  if (fields.title.trim() !== saved.title) changes.title = fields.title.trim();
  if ((fields.description ?? '').trim() !== (saved.description ?? '')) changes.description = (fields.description ?? '').trim();
  if (fields.thumbnailUrl !== saved.thumbnailUrl) changes.thumbnailUrl = fields.thumbnailUrl;
  if (fields.category !== saved.category) changes.category = fields.category;
  if (tagList(fields.tags).join(',').toLowerCase() !== tagList(saved.tags).join(',')) changes.tags = fields.tags;
  return changes;
}

async function save(changes: Partial<FormValues>): Promise<FormValues> {
  const { category, tags, ...rest } = changes;
  const body: StreamInfoChanges = {
    ...rest,
    ...(category !== undefined && { category: category || null }),
    ...(tags !== undefined && { tags: tagList(tags) }),
  };
  return toForm(await saveStreamInfo(body));
}

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

function CategorySelect({
  value,
  options,
  onChange,
  error,
}: {
  value: string;
  options: CategoryOption[];
  onChange: (slug: string) => void;
  error?: string;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="stream-category" className="text-sm font-medium text-zinc-300">
        Category
      </label>
      <select
        id="stream-category"
        name="category"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'stream-category-error' : 'stream-category-hint'}
        className={`rounded-lg border bg-zinc-900 px-3 py-2 text-zinc-100 focus:outline-none focus:ring-2 focus:ring-accent-500 ${error ? 'border-red-500' : 'border-zinc-700'}`}
      >
        <option value="">No category</option>
        {options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name}
          </option>
        ))}
      </select>
      {error ? (
        <p id="stream-category-error" role="alert" className="text-sm text-red-400">
          {error}
        </p>
      ) : (
        <p id="stream-category-hint" className="text-xs text-zinc-500">
          Viewers find you under it in Browse.
        </p>
      )}
    </div>
  );
}

/** Title, description, category, tags and thumbnail of the signed-in creator's stream. */
export function StreamInfoForm() {
  const { state, reload } = useQuery('stream-info', getStreamInfo);
  const categories = useQuery('category-options', getCategoryOptions);
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
