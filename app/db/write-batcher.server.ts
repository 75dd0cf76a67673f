/** Hands items to batched writes, so that concurrent requests share one statement and its commit. */
export type Batcher<Item, Result> = {
  /** Resolves with this item's result once the write holding it committed; rejects with that write's error. */
  add(item: Item): Promise<Result>;
};

type Waiting<Item, Result> = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };

/**
 * Group commit without a timer: the first item is written as soon as the current I/O callbacks have run, and the
 * items that arrive while a write is in flight go together into the next one, at most `maxBatch` per write. Under load
 * the batches grow on their own; a lone item waits for nothing but its own write.
 *
 * `write` returns one result per item, in order. With `retryAlone`, a failed batch is written again item by item, so
 * that one bad item (a payload PostgreSQL refuses) fails only its own request.
 */
export function createBatcher<Item, Result>(
  write: (items: Item[]) => Promise<readonly Result[]>,
  options: { maxBatch: number; retryAlone?: boolean },
): Batcher<Item, Result> {
  const waiting: Waiting<Item, Result>[] = [];
  let writing = false;

  async function settle(batch: Waiting<Item, Result>[]) {
    try {
      const results = await write(batch.map((entry) => entry.item));
      if (results.length !== batch.length) throw new Error(`A batch write returned ${results.length} results for ${batch.length} items`);
      batch.forEach((entry, index) => entry.resolve(results[index] as Result));
    } catch (error) {
      if (options.retryAlone && batch.length > 1) {
        for (const entry of batch) await settle([entry]);
      } else {
        for (const entry of batch) entry.reject(error);
      }
    }
  }

  async function drain() {
    while (waiting.length > 0) await settle(waiting.splice(0, options.maxBatch));
    writing = false;
  }

  return {
    add(item) {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (writing) return;
        writing = true;
        // setImmediate rather than now: the responses PostgreSQL sent together all add their items first.
        setImmediate(() => void drain());
      });
    },
  };
}
