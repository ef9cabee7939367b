import { parseJson } from '../json/parseJson';
import { redactSenderRequest } from './redactSenderRequest';
import { SenderRequest } from './senderTypes';
import { checkSenderRequest, ShapeError } from './senderRequestCheck';

/** Where saved requests live, shared through git with the rest of `.oew/`. */
export const REQUESTS_DIR = '.oew/requests';

/** A saved request's name becomes its file name: letters, digits, dot, dash and underscore. */
export const REQUEST_NAME = /^[\w][\w.-]{0,99}$/;

/** The file's text: the form, redacted, so that it can be committed; secrets stay in SecretStorage. */
export function savedRequestText(request: SenderRequest): string {
  return `${JSON.stringify({ oewRequest: 1, ...redactSenderRequest(request) }, null, 2)}\n`;
}

/** The request a saved file holds; a file edited into another shape is an error naming the part. */
export function parseSavedRequest(text: string, file: string): SenderRequest {
  const parsed = parseJson(text, file, { what: 'saved request', lenient: true });
  if (!parsed.ok) {
    throw new Error(parsed.error);
  }
  try {
    return checkSenderRequest(parsed.value, 'the saved request');
  } catch (err) {
    if (err instanceof ShapeError) {
      throw new Error(`${file}: ${err.message}`, { cause: err });
    }
    throw err;
  }
}
