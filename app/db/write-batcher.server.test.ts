import { describe, expect, it } from "vitest";
import { createBatcher } from "./write-batcher.server";

/** A write that records each batch and answers each item with its double, after `delayMs`. */
function recordingWrite(delayMs = 5) {
  const batches: number[][] = [];
  const write = async (items: number[]) => {
    batches.push(items);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return items.map((item) => item * 2);
  };
  return { batches, write };
}

describe("createBatcher", () => {
  it("writes every item exactly once, concurrent ones together, and answers each with its own result", async () => {
    const { batches, write } = recordingWrite();
    const batcher = createBatcher(write, { maxBatch: 100 });
    const items = Array.from({ length: 50 }, (_, index) => index);
    expect(await Promise.all(items.map((item) => batcher.add(item)))).toEqual(items.map((item) => item * 2));
    expect(batches.flat().sort((a, b) => a - b)).toEqual(items);
    expect(batches).toHaveLength(1);
  });

  it("writes a lone item without waiting for others, and what arrives during a write goes into the next one", async () => {
    const { batches, write } = recordingWrite(20);
    const batcher = createBatcher(write, { maxBatch: 100 });
    const first = batcher.add(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toEqual([[1]]);
    const later = [batcher.add(2), batcher.add(3)];
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it("writes at most maxBatch items at once", async () => {
    const { batches, write } = recordingWrite();
    const batcher = createBatcher(write, { maxBatch: 4 });
    await Promise.all(Array.from({ length: 10 }, (_, index) => batcher.add(index)));
    expect(batches.map((batch) => batch.length)).toEqual([4, 4, 2]);
  });

  it("rejects the items of a failed write only, and keeps writing the next ones", async () => {
    let fail = true;
    const batches: number[][] = [];
    const batcher = createBatcher(
      async (items: number[]) => {
        batches.push(items);
        if (fail) {
          fail = false;
          throw new Error("connection lost");
        }
        return items;
      },
      { maxBatch: 100 },
    );
    const failed = [batcher.add(1), batcher.add(2)];
    const outcomes = await Promise.allSettled(failed);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect(await batcher.add(3)).toBe(3);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it("with retryAlone, writes a failed batch again item by item, so that only the bad item fails", async () => {
    const batcher = createBatcher(
      async (items: string[]) => {
        if (items.includes("bad")) throw new Error("refused");
        return items.map((item) => item.toUpperCase());
      },
      { maxBatch: 100, retryAlone: true },
    );
    const outcomes = await Promise.allSettled(["a", "bad", "c"].map((item) => batcher.add(item)));
    expect(outcomes).toEqual([
      { status: "fulfilled", value: "A" },
      { status: "rejected", reason: new Error("refused") },
      { status: "fulfilled", value: "C" },
    ]);
  });

  it("fails a batch whose write returns the wrong number of results, rather than answering items wrongly", async () => {
    const batcher = createBatcher(async (items: number[]) => items.slice(1), { maxBatch: 100 });
    await expect(Promise.all([batcher.add(1), batcher.add(2)])).rejects.toThrow("returned 1 results for 2 items");
  });
});
