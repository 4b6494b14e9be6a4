import type { Readable } from 'node:stream';

/**
 * Every byte of `stream`, failing once more than `maxBytes` arrive (the stream is destroyed
 * then), so a file that lies about its size cannot fill memory.
 */
export async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new Error(`more than the ${maxBytes} bytes declared`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
