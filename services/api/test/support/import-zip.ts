/** Zips built in tests, including the malformed ones a safe importer must survive. */
import { waitFor } from '@rollcall/testing';
import { zipSync, type Zippable } from 'fflate';

import type { TestApp } from './test-app';
import { multipart } from './multipart';

/** A zip of `files` (path inside the zip -> bytes); paths are written as given, `..` too. */
export function zipOf(files: Record<string, Buffer | string>): Buffer {
  const entries: Zippable = {};
  for (const [path, content] of Object.entries(files)) {
    entries[path] = typeof content === 'string' ? Buffer.from(content) : new Uint8Array(content);
  }
  return Buffer.from(zipSync(entries, { level: 6 }));
}

/**
 * `zip` with the central directory's uncompressed size of every entry set to `size`: an
 * archive that lies about how large its files unpack, as a zip bomb does.
 */
export function withDeclaredSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = out.indexOf(CENTRAL_HEADER); at !== -1; at = out.indexOf(CENTRAL_HEADER, at + 4)) {
    out.writeUInt32LE(size, at + 24);
  }
  return out;
}

const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

/** `POST /v1/imports` with `zip` as the one file part. */
export function postZip(t: TestApp, zip: Buffer, filename = 'people.zip') {
  const { payload, headers } = multipart([{ filename, content: zip, type: 'application/zip' }]);
  return t.app.inject({
    method: 'POST',
    url: '/v1/imports',
    headers: { ...headers, authorization: t.auth },
    payload,
  });
}

/** One import as `GET /v1/imports/:id` answers. */
export interface ImportBody {
  id: string;
  state: string;
  progress: {
    people: { total: number; done: number; created: number };
    photos: { total: number; done: number; accepted: number; refused: number };
    ignored: number;
  };
  error: { code: string; message: string } | null;
  files: {
    path: string;
    person: string | null;
    personId: string | null;
    status: string;
    code?: string;
    sampleId?: string;
    newPerson?: boolean;
  }[];
  filesTotal: number;
}

export async function getImport(t: TestApp, id: string): Promise<ImportBody> {
  const reply = await t.app.inject({
    method: 'GET',
    url: `/v1/imports/${id}`,
    headers: { authorization: t.auth },
  });
  return reply.json<ImportBody>();
}

/** The import once it is `completed` or `failed`, polled through the API. */
export function finishedImport(t: TestApp, id: string, timeoutMs = 10_000): Promise<ImportBody> {
  return waitFor(
    `import ${id} to finish`,
    async () => {
      const body = await getImport(t, id);
      return body.state === 'completed' || body.state === 'failed' ? body : undefined;
    },
    { timeoutMs, intervalMs: 50 },
  );
}
