import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.ts';

describe('groupCommit', () => {
  it('puts what arrives while a statement runs into the next one, each caller getting its own result', async () => {
    const batches: number[][] = [];
    const submit = groupCommit(
      async (batch: number[]) => {
        batches.push(batch);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return batch.map((value) => value * 10);
      },
      { maxBatch: 3 },
    );
    const first = [1, 2].map(submit);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = [3, 4, 5, 6].map(submit);
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1, 2], [3, 4, 5], [6]]);
  });

  it('fails every item of a failed batch, and keeps working after it', async () => {
    let calls = 0;
    const submit = groupCommit(
      async (batch: string[]) => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
        return batch.map((value) => value.toUpperCase());
      },
      { maxBatch: 10 },
    );
    const failed = await Promise.allSettled(['a', 'b'].map(submit));
    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(await submit('c')).toBe('C');
  });
});
