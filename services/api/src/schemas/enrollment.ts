/** JSON schemas of enrollment outcomes, shared by single uploads and bulk imports. */

/** A coded reason: a quality issue, or why a whole job failed. */
export const codeMessageView = {
  type: 'object',
  properties: { code: { type: 'string' }, message: { type: 'string' } },
} as const;

/** Every quality issue of a refused photo, in the order a person should fix them. */
export const qualityIssuesView = { type: 'array', items: codeMessageView } as const;

/** `FACE_LOOKS_LIKE_OTHER`: an accepted face also matches another person. */
export const lookAlikeView = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    file: { type: 'string' },
    personId: { type: 'string' },
    score: { type: 'number' },
  },
} as const;
