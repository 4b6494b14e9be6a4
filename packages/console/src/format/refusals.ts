/** A short title for each refusal code; the server's message says what to do about it. */
const TITLES: Readonly<Record<string, string>> = {
  FACE_NOT_FOUND: 'No face found',
  FACE_MULTIPLE: 'More than one face',
  FACE_TOO_SMALL: 'Face too small',
  FACE_BLURRED: 'Blurred',
  FACE_TURNED: 'Face turned away',
  FACE_LOW_CONFIDENCE: 'Not clearly a face',
  IMAGE_UNREADABLE: 'Not a readable image',
  IMAGE_EMPTY: 'Empty file',
  IMAGE_UNSUPPORTED_FORMAT: 'Image format not supported',
  IMAGE_TOO_LARGE: 'Image too large',
  IMAGE_TOO_SMALL: 'Image too small',
  IMPORT_FILE_NOT_IMAGE: 'Not an image file',
  IMPORT_FILE_TOO_LARGE: 'File too large',
  IMPORT_ENTRY_UNSAFE: 'Unsafe path or link in the zip',
  IMPORT_NO_PERSON_FOLDER: 'Not inside a person folder',
  IMPORT_ARCHIVE_INVALID: 'Could not be read from the zip',
};

export function refusalTitle(code: string): string {
  return TITLES[code] ?? 'Refused';
}

/**
 * The server's message without an opening sentence that only restates the title ("No face
 * found." then "No face was found in the photo."), so a refusal reads once.
 */
export function refusalAdvice(code: string, message: string): string {
  const words = refusalTitle(code).toLowerCase().split(/\W+/).filter(Boolean);
  const end = message.search(/[.:;]\s/);
  if (end < 0) return message;
  const first = message.slice(0, end).toLowerCase().split(/\W+/);
  const restates = words.every((w) => first.includes(w));
  if (!restates) return message;
  const rest = message.slice(end + 1).trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
