/**
 * The one registry of error codes. Every error Rollcall raises on purpose carries one of
 * these codes; the HTTP status is what the API answers with, the summary is what the code
 * means to the person reading it. A test fails when a code is used but not listed here.
 */
export const ERROR_CODES = {
  // Images
  IMAGE_EMPTY: { status: 400, summary: 'The file is empty.' },
  IMAGE_UNREADABLE: {
    status: 422,
    summary: 'The file is not an image that can be decoded (corrupt, truncated or not an image).',
  },
  IMAGE_UNSUPPORTED_FORMAT: {
    status: 415,
    summary: 'The image format is not supported by this build of the decoder.',
  },
  IMAGE_TOO_LARGE: {
    status: 413,
    summary: 'The image has more pixels than the configured limit (a decompression-bomb guard).',
  },
  IMAGE_TOO_SMALL: { status: 422, summary: 'The image is too small to contain a usable face.' },
  IMAGE_RAW_SIZE_MISMATCH: {
    status: 400,
    summary: 'A raw frame does not have width x height x channels bytes.',
  },

  // Faces and quality
  FACE_NOT_FOUND: { status: 422, summary: 'No face was found in the image.' },
  FACE_MULTIPLE: { status: 422, summary: 'More than one face was found; exactly one is needed.' },
  FACE_TOO_SMALL: { status: 422, summary: 'The face is too small (eyes too close together).' },
  FACE_BLURRED: { status: 422, summary: 'The face is blurred.' },
  FACE_TURNED: { status: 422, summary: 'The face is turned away from the camera.' },
  FACE_LOW_CONFIDENCE: { status: 422, summary: 'The detector is not confident this is a face.' },
  FACE_ALREADY_ENROLLED: {
    status: 409,
    summary: 'That photo file (same bytes) is already a sample of this person; nothing was added.',
  },

  // Embeddings
  EMBEDDING_MODEL_MISMATCH: {
    status: 409,
    summary: 'Two embeddings come from different models and cannot be compared.',
  },
  EMBEDDING_DIMENSION_MISMATCH: {
    status: 409,
    summary: 'The embedding does not have the dimension its model declares.',
  },
  EMBEDDING_MALFORMED: {
    status: 422,
    summary: 'A stored or submitted embedding is not in the encoded form Rollcall writes.',
  },

  // Model packs and inference
  PACK_NOT_FOUND: { status: 404, summary: 'No model pack with that name is known.' },
  PACK_MANIFEST_INVALID: { status: 500, summary: 'A model pack manifest is malformed.' },
  PACK_FILE_MISSING: {
    status: 500,
    summary: 'A file named by a model pack manifest is not on the model search path.',
  },
  PACK_CHECKSUM_MISMATCH: {
    status: 500,
    summary: 'A model file does not match the sha256 its manifest pins.',
  },
  PACK_SOURCE_FAILED: {
    status: 500,
    summary: 'A model pack could not be assembled from its package source.',
  },
  MODEL_LOAD_FAILED: { status: 500, summary: 'A model file could not be loaded by the runtime.' },
  MODEL_RUN_FAILED: {
    status: 500,
    summary: 'The runtime refused to run a model on its input (shape or type not accepted).',
  },
  MODEL_OUTPUT_UNEXPECTED: {
    status: 500,
    summary: 'A model produced outputs of a shape its decoder does not understand.',
  },
  PROVIDER_UNAVAILABLE: {
    status: 500,
    summary: 'The requested execution provider (e.g. cuda) is not available in this install.',
  },

  // Streams
  STREAM_NAME_INVALID: {
    status: 400,
    summary: 'A key prefix or id has characters that would break the Redis key layout.',
  },
  STREAM_FIELDS_INVALID: {
    status: 400,
    summary: 'A stream message is not flat: every field must be a string, number or bytes.',
  },
  STREAM_ENTRY_INVALID: {
    status: 422,
    summary: 'A stream entry lacks a field its reader needs or has an unreadable value.',
  },
  STREAM_GROUP_MISSING: {
    status: 404,
    summary: 'The consumer group does not exist on that stream (start a consumer first).',
  },

  // Cameras
  CAMERA_URL_INVALID: {
    status: 400,
    summary:
      'A camera URL is not rtsp(s)://, http(s)://, file://, an absolute path or /dev/videoN.',
  },
  CAMERA_UNREACHABLE: {
    status: 502,
    summary: 'The camera refused the connection, did not answer in time or the file is absent.',
  },
  CAMERA_STREAM_NOT_FOUND: {
    status: 502,
    summary: 'The camera answered but has no stream at that path (RTSP or HTTP 404).',
  },
  CAMERA_UNAUTHORIZED: {
    status: 502,
    summary: 'The camera refused the credentials in the URL (RTSP or HTTP 401/403).',
  },
  CAMERA_STREAM_INVALID: {
    status: 502,
    summary: 'The source is not a video that ffmpeg can decode, or has no video stream.',
  },
  CAMERA_STREAM_ENDED: {
    status: 502,
    summary: 'The camera stream ended or the connection dropped.',
  },
  CAMERA_STREAM_STALLED: {
    status: 502,
    summary: 'The camera stayed connected but sent no frame within the stall timeout.',
  },
  FFMPEG_NOT_FOUND: {
    status: 500,
    summary: 'The ffmpeg binary was not found (install ffmpeg or set its path).',
  },
  FFMPEG_FAILED: { status: 500, summary: 'ffmpeg exited with an error not otherwise recognised.' },

  // API
  NOT_FOUND: { status: 404, summary: 'No route answers that method and path.' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    summary: 'A route has that path but not that method; the Allow header lists the methods.',
  },
  UNAUTHORIZED: {
    status: 401,
    summary: 'The request has no API key or session, or one unknown, revoked or expired.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    summary: 'The request body, a file in it, or the number of files is over the limit.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    summary: 'The request body is not in a content type the route accepts.',
  },
  PERSON_NOT_FOUND: { status: 404, summary: 'No person with that id is enrolled.' },
  PERSON_EXTERNAL_ID_TAKEN: {
    status: 409,
    summary: 'Another person already has that external id.',
  },
  SAMPLE_NOT_FOUND: { status: 404, summary: 'That person has no face sample with that id.' },
  CAMERA_NOT_FOUND: { status: 404, summary: 'No camera with that id is configured.' },
  FACE_CROP_EXPIRED: {
    status: 404,
    summary: 'The face is no longer on the pipeline streams, which keep the latest entries only.',
  },
  FRAME_NOT_FOUND: {
    status: 404,
    summary: 'The camera has no recent frame on the frames stream (offline or not started).',
  },
  VISION_UNAVAILABLE: {
    status: 503,
    summary: 'The vision workers did not answer the enrollment call.',
  },
  API_KEY_NOT_FOUND: { status: 404, summary: 'No API key with that id exists.' },
  FORBIDDEN_ROLE: {
    status: 403,
    summary: 'The key or account has the viewer role, which may read (GET) but not change.',
  },
  LOGIN_FAILED: { status: 401, summary: 'The username or the password is wrong.' },
  LOGIN_THROTTLED: {
    status: 429,
    summary: 'Too many failed sign-ins for that username; wait until the window ends.',
  },
  USER_NOT_FOUND: { status: 404, summary: 'No user account has that username.' },
  USER_EXISTS: { status: 409, summary: 'A user account with that username already exists.' },
  REDIS_UNAVAILABLE: {
    status: 503,
    summary: 'Redis did not answer (not running, wrong REDIS_URL, or refused the login).',
  },
  LAUNCHER_ALREADY_RUNNING: {
    status: 409,
    summary: 'Another pnpm start holds this Redis and key prefix; stop it or use another prefix.',
  },
  PORT_IN_USE: {
    status: 409,
    summary: 'The port asked for is taken by another process; pick another with --port.',
  },
  SERVICE_FAILED: {
    status: 503,
    summary: 'A Rollcall service exited while starting, or was not ready in time (see its log).',
  },
  INTERNAL: { status: 500, summary: 'An unexpected failure (a bug); the server logged it.' },

  // Bulk import
  IMPORT_NOT_FOUND: { status: 404, summary: 'No bulk import with that id exists (or it expired).' },
  IMPORT_ARCHIVE_INVALID: {
    status: 422,
    summary: 'The upload is not a readable zip, or an entry is not the size its header claims.',
  },
  IMPORT_ARCHIVE_TOO_LARGE: {
    status: 413,
    summary: 'The archive or folder has more files or unpacked bytes than the import limits.',
  },
  IMPORT_ENTRY_UNSAFE: {
    status: 422,
    summary: 'An entry is a link or its path is absolute or climbs out of the archive (..).',
  },
  IMPORT_FILE_NOT_IMAGE: {
    status: 415,
    summary: 'A file in the import does not have an image extension (jpg, png, webp, ...).',
  },
  IMPORT_FILE_TOO_LARGE: { status: 413, summary: 'A photo in the import is over the size limit.' },
  IMPORT_NO_PERSON_FOLDER: {
    status: 422,
    summary: 'A photo is not inside a person folder (one folder per person, photos in it).',
  },
  IMPORT_FOLDER_NOT_ALLOWED: {
    status: 403,
    summary: 'Folder imports are off, or the folder is outside the configured import root.',
  },

  // Configuration and input
  CONFIG_INVALID: { status: 500, summary: 'One or more settings are invalid.' },
  DATA_NOT_FOUND: { status: 404, summary: 'A data folder or file that was asked for is absent.' },
  INVALID_ARGUMENT: { status: 400, summary: 'An argument is missing or has the wrong form.' },
} as const satisfies Record<string, { status: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
