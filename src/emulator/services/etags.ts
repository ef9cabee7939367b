import { ApiError } from './apiError';

/** Update and delete honour if-match: a stale ETag means someone else changed the resource. */
export function checkEtag(ifMatch: string | undefined, etag: string): void {
  if (ifMatch && ifMatch !== etag) {
    throw new ApiError(412, 'NoEtagMatch', 'The resource has changed since the ETag in if-match was read.');
  }
}
