import type { ApiClient } from '../api/client';
import type { EnrollmentResult } from '../api/types';

/** Sends photos (multipart, field `file`) to be enrolled and answers what became of each. */
export type SendPhotos = (form: FormData) => Promise<EnrollmentResult>;

/** Photos for a person who already exists. */
export function photosFor(api: ApiClient, personId: string): SendPhotos {
  return (form) =>
    api.form<EnrollmentResult>(`/v1/people/${encodeURIComponent(personId)}/faces`, form);
}
