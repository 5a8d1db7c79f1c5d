import type { FormErrors } from '@/lib/use-edit-form.ts';
import { DESCRIPTION_MAX_LENGTH, TAG_MAX_LENGTH, TAGS_MAX, TITLE_MAX_LENGTH } from '@streamhouse/contract';
import { saveStreamInfo, type StreamInfo, type StreamInfoChanges } from '../api/stream-info-api.ts';

/** The stream info form's values and rules: what is shown, what is wrong, what changed, how it is saved. */

export const FIELD_NAMES = ['title', 'description', 'thumbnailUrl', 'category', 'tags'] as const;
type FieldErrors = FormErrors<(typeof FIELD_NAMES)[number]>;

/** The form's own values: the category by slug ('' for none), the tags as the text typed (comma-separated). */
export type FormValues = Omit<StreamInfo, 'category' | 'tags'> & { category: string; tags: string };

const tagList = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

export function toForm(info: StreamInfo): FormValues {
  return { ...info, category: info.category?.slug ?? '', tags: info.tags.join(', ') };
}

export function validate(fields: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.title.trim().length > TITLE_MAX_LENGTH) errors.title = `Use at most ${TITLE_MAX_LENGTH} characters.`;
  if ((fields.description ?? '').trim().length > DESCRIPTION_MAX_LENGTH)
    errors.description = `Use at most ${DESCRIPTION_MAX_LENGTH} characters.`;
  const tags = tagList(fields.tags);
  if (tags.length > TAGS_MAX) errors.tags = `Use at most ${TAGS_MAX} tags.`;
  else if (tags.some((tag) => [...tag].length > TAG_MAX_LENGTH)) errors.tags = `Keep each tag to ${TAG_MAX_LENGTH} characters.`;
  return errors;
}

export function changedFields(saved: FormValues, fields: FormValues): Partial<FormValues> {
  const changes: Partial<FormValues> = {};
  if (fields.title.trim() !== saved.title) changes.title = fields.title.trim();
  if ((fields.description ?? '').trim() !== (saved.description ?? '')) changes.description = (fields.description ?? '').trim();
  if (fields.thumbnailUrl !== saved.thumbnailUrl) changes.thumbnailUrl = fields.thumbnailUrl;
  if (fields.category !== saved.category) changes.category = fields.category;
  if (tagList(fields.tags).join(',').toLowerCase() !== tagList(saved.tags).join(',')) changes.tags = fields.tags;
  return changes;
}

export async function save(changes: Partial<FormValues>): Promise<FormValues> {
  const { category, tags, ...rest } = changes;
  const body: StreamInfoChanges = {
    ...rest,
    ...(category !== undefined && { category: category || null }),
    ...(tags !== undefined && { tags: tagList(tags) }),
  };
  return toForm(await saveStreamInfo(body));
}
