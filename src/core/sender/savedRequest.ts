import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { tooDeepAt, tooDeepMessage } from '../json/jsonDepth';
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
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    throw new Error(`${file}, line ${text.slice(0, deep).split('\n').length}: ${tooDeepMessage('saved request')}`);
  }
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length) {
    const line = text.slice(0, errors[0].offset).split('\n').length;
    throw new Error(`${file}, line ${line}: ${printParseErrorCode(errors[0].error)}.`);
  }
  try {
    return checkSenderRequest(value, 'the saved request');
  } catch (err) {
    if (err instanceof ShapeError) {
      throw new Error(`${file}: ${err.message}`, { cause: err });
    }
    throw err;
  }
}
