import { randomBytes } from 'node:crypto';

/** One file part of a multipart/form-data body. */
export interface FilePart {
  readonly filename: string;
  readonly content: Buffer;
  /** Default `image/jpeg`. */
  readonly type?: string;
}

/** A multipart/form-data body (RFC 7578) with one `file` part per entry, for `inject`. */
export function multipart(files: readonly FilePart[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = `----rollcall${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
          `filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
