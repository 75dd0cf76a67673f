/** Splits a byte stream into text lines as it arrives, holding at most one partial line (files can be gigabytes). */
export async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = "";
  const reader = stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    pending += decoder.decode(chunk.value, { stream: true });
    let start = 0;
    for (let newline = pending.indexOf("\n"); newline >= 0; newline = pending.indexOf("\n", start)) {
      yield pending.slice(start, newline).replace(/\r$/, "");
      start = newline + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending !== "") yield pending;
}
