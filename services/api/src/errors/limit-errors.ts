import { RollcallError } from '@rollcall/errors';

/** The request size limits a refusal names (see `ApiLimits` in app.ts). */
export interface RequestLimits {
  readonly bodyBytes: number;
  readonly fileBytes: number;
  readonly files: number;
  /** Largest bulk import zip (`ROLLCALL_IMPORT_MAX_UPLOAD`). */
  readonly importUploadBytes?: number;
}

/** The route whose one file part is a zip with its own size limit. */
const IMPORT_ROUTE = '/v1/imports';

/**
 * `PAYLOAD_TOO_LARGE` in our words, naming the limit passed and the setting that raises it,
 * for fastify's and @fastify/multipart's own limit codes (whose texts, such as "reach files
 * limit", say neither). `route` is the matched route pattern, when there is one.
 */
export function payloadTooLarge(
  code: string,
  limits: RequestLimits | undefined,
  route: string | undefined,
): RollcallError {
  return new RollcallError('PAYLOAD_TOO_LARGE', limitMessage(code, limits, route), {
    details: { reason: code },
  });
}

function limitMessage(code: string, limits: RequestLimits | undefined, route?: string): string {
  const importing = route === IMPORT_ROUTE;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `The request body is over the ${size(limits?.bodyBytes)} limit (ROLLCALL_API_BODY_LIMIT); send less.`;
    case 'FST_REQ_FILE_TOO_LARGE':
      return importing
        ? `The zip is over the ${size(limits?.importUploadBytes)} upload limit ` +
            '(ROLLCALL_IMPORT_MAX_UPLOAD); split the folders into smaller zips.'
        : `A photo is over the ${size(limits?.fileBytes)} limit per file ` +
            '(ROLLCALL_API_FILE_LIMIT); send a smaller photo.';
    case 'FST_FILES_LIMIT':
      return importing
        ? 'An import takes one zip per request; send the others separately.'
        : `The upload has more than ${count(limits?.files)} files, the most one request may ` +
            'carry (ROLLCALL_API_MAX_FILES); send the rest in another request.';
    default:
      return 'The form has more parts or fields than the API accepts; send only the files.';
  }
}

function size(bytes: number | undefined): string {
  if (bytes === undefined) return 'configured';
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
}

function count(files: number | undefined): string {
  return files === undefined ? 'the configured number of' : String(files);
}
