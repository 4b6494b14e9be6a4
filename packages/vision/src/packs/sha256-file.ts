import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The lowercase hex sha256 of a file, streamed so a 300 MB model is not held in memory. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
