// Reading a body with a size limit that holds even when Content-Length lies or is absent: the
// bytes are counted as they arrive, and reading stops (the stream is cancelled) past the limit.

/** What both fetch's and undici's body streams offer. */
interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
}

/** The whole body, or null once it passes `maxBytes`. */
export async function readCapped(body: ByteStream | null, maxBytes: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
