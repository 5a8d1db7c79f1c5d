import { describe, expect, it } from 'vitest';
import { TAG_MAX_LENGTH, TAGS_MAX, TITLE_MAX_LENGTH } from '@streamhouse/contract';
import { changedFields, toForm, validate, type FormValues } from './stream-info-values.ts';

const saved: FormValues = toForm({
  title: 'Speedruns',
  description: null,
  thumbnailUrl: null,
  category: null,
  tags: ['retro', 'speedrun'],
});

describe('stream info form values', () => {
  it('hold the server’s limits: title length, tag count and tag length', () => {
    expect(validate({ ...saved, title: 'x'.repeat(TITLE_MAX_LENGTH) })).toEqual({});
    expect(validate({ ...saved, title: 'x'.repeat(TITLE_MAX_LENGTH + 1) }).title).toBeDefined();
    const tags = Array.from({ length: TAGS_MAX + 1 }, (_, index) => `tag${index}`).join(', ');
    expect(validate({ ...saved, tags }).tags).toBe(`Use at most ${TAGS_MAX} tags.`);
    expect(validate({ ...saved, tags: 'é'.repeat(TAG_MAX_LENGTH) })).toEqual({});
    expect(validate({ ...saved, tags: 'é'.repeat(TAG_MAX_LENGTH + 1) }).tags).toBeDefined();
  });

  it('send only what changed (tags compared as a list, ignoring spaces and case)', () => {
    expect(changedFields(saved, { ...saved, tags: ' Retro,speedrun ' })).toEqual({});
    expect(changedFields(saved, { ...saved, title: ' New title ', tags: 'retro' })).toEqual({
      title: 'New title',
      tags: 'retro',
    });
  });
});
