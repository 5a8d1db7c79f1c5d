import { describe, expect, it } from 'vitest';
import { sortableId } from './sortable-id.ts';

describe('sortableId', () => {
  it('is a version-7 UUID whose ids made in one millisecond still sort in the order they were made', () => {
    const ids = Array.from({ length: 5000 }, () => sortableId(1_800_000_000_000));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts by time first', () => {
    const earlier = sortableId(1_900_000_000_000);
    expect(sortableId(1_900_000_000_001) > earlier).toBe(true);
  });
});
