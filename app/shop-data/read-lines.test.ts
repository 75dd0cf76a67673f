import { describe, expect, it } from "vitest";
import { readLines } from "./read-lines";

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const lines: string[] = [];
  for await (const line of readLines(stream)) lines.push(line);
  return lines;
}

describe("readLines", () => {
  it("keeps lines and multi-byte characters whole when chunks split them anywhere", async () => {
    const text = '{"name":"Crème brûlée set"}\n{"name":"日本茶"}\r\n{"last":true}';
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const chunks: Uint8Array[] = [];
      for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.slice(start, start + size));
      expect(await collect(streamOf(chunks))).toEqual(['{"name":"Crème brûlée set"}', '{"name":"日本茶"}', '{"last":true}']);
    }
  });

  it("yields nothing for an empty file and no phantom line after a final newline", async () => {
    expect(await collect(streamOf([]))).toEqual([]);
    expect(await collect(streamOf([new TextEncoder().encode("a\nb\n")]))).toEqual(["a", "b"]);
  });
});
