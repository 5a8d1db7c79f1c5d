/**
 * Group commit: work that arrives while a statement is on its way goes together in the next one, so a burst
 * costs a few round trips instead of one per request, and a quiet moment still pays exactly one with no added
 * delay. The first statement waits one turn of the event loop, so requests parsed together share it.
 *
 * `run` gets a batch (at most `maxBatch`, in arrival order) and answers one result per item, in the same order;
 * if it throws, every item of that batch fails with its error.
 */
export function groupCommit<Item, Result>(
  run: (batch: Item[]) => Promise<Result[]>,
  options: { maxBatch: number; onBatch?: (size: number) => void },
): (item: Item) => Promise<Result> {
  type Waiting = { item: Item; settle: (result: Result) => void; fail: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    await new Promise((resolve) => setImmediate(resolve));
    while (waiting.length) {
      const batch = waiting.slice(0, options.maxBatch);
      waiting = waiting.slice(options.maxBatch);
      options.onBatch?.(batch.length);
      try {
        const results = await run(batch.map((each) => each.item));
        batch.forEach((each, index) => each.settle(results[index]!));
      } catch (error) {
        for (const each of batch) each.fail(error);
      }
    }
    flushing = false;
  }

  return (item) =>
    new Promise<Result>((settle, fail) => {
      waiting.push({ item, settle, fail });
      if (!flushing) void flush();
    });
}
