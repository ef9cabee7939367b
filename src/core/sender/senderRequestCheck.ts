import { isJsonObject } from '../json/isJsonObject';
import { TEMPLATE_IDS, TemplateId } from '../payloads/templates/templateTypes';
import { SENDER_AUTH_KINDS, SENDER_METHODS, SenderAuth, SenderHeader, SenderRequest } from './senderTypes';

/** A value that is not the shape it claims; the message names the path of the first wrong part. */
export class ShapeError extends Error {
  constructor(path: string, expected: string) {
    super(`${path} must be ${expected}.`);
    this.name = 'ShapeError';
  }
}

/**
 * Limits of a request from the panel or a file: far above any webhook a user writes, low enough
 * that a runaway page or a pasted dump cannot hold the editor's memory or the receiver.
 */
export const MAX_SENDER_BODY_CHARS = 10 * 1024 * 1024;
export const MAX_SENDER_HEADERS = 200;
export const MAX_SENDER_FIELDS = 200;
/** A URL, a header's name or value, a field or an auth setting. */
export const MAX_SENDER_TEXT_CHARS = 64 * 1024;

/**
 * A SenderRequest from a value nobody vouches for: a webview message or a file from git. Every
 * part is checked and only the known parts are kept, so that nothing else rides along.
 */
export function checkSenderRequest(value: unknown, path = 'request'): SenderRequest {
  const o = object(value, path);
  const template = oneOf<TemplateId>(o.template, TEMPLATE_IDS, `${path}.template`);
  const method = oneOf(o.method, SENDER_METHODS, `${path}.method`);
  const headers = array(o.headers, `${path}.headers`, MAX_SENDER_HEADERS).map((h, i) =>
    checkHeader(h, `${path}.headers[${i}]`),
  );
  const fieldsObject = object(o.fields, `${path}.fields`);
  const fieldEntries = Object.entries(fieldsObject);
  if (fieldEntries.length > MAX_SENDER_FIELDS) {
    throw new ShapeError(`${path}.fields`, `at most ${MAX_SENDER_FIELDS} fields`);
  }
  const fields = Object.fromEntries(
    fieldEntries.map(([k, v]) => [k, string(v, `${path}.fields.${k}`, MAX_SENDER_TEXT_CHARS)] as const),
  );
  const environment = o.environment === undefined ? undefined : string(o.environment, `${path}.environment`);
  return {
    template,
    method,
    url: string(o.url, `${path}.url`),
    headers,
    fields,
    body: string(o.body, `${path}.body`, MAX_SENDER_BODY_CHARS),
    auth: checkAuth(o.auth, `${path}.auth`),
    ...(environment ? { environment } : {}),
    allowSelfSigned: boolean(o.allowSelfSigned, `${path}.allowSelfSigned`),
    ...(o.rawBody === undefined ? {} : { rawBody: boolean(o.rawBody, `${path}.rawBody`) }),
  };
}

function checkHeader(value: unknown, path: string): SenderHeader {
  const o = object(value, path);
  return {
    name: string(o.name, `${path}.name`),
    value: string(o.value, `${path}.value`),
    enabled: boolean(o.enabled, `${path}.enabled`),
  };
}

function checkAuth(value: unknown, path: string): SenderAuth {
  const o = object(value, path);
  const kind = oneOf(o.kind, SENDER_AUTH_KINDS, `${path}.kind`);
  switch (kind) {
    case 'none':
    case 'bearer':
      return { kind };
    case 'basic':
      return { kind, username: string(o.username, `${path}.username`) };
    case 'oauth2':
      return {
        kind,
        tokenUrl: string(o.tokenUrl, `${path}.tokenUrl`),
        clientId: string(o.clientId, `${path}.clientId`),
        scope: string(o.scope, `${path}.scope`),
      };
    case 'oci':
      return { kind, profile: string(o.profile, `${path}.profile`) };
  }
}

export function object(value: unknown, path: string): Record<string, unknown> {
  if (!isJsonObject(value)) {
    throw new ShapeError(path, 'an object');
  }
  return value;
}

/** A string of at most `max` characters: every text from a webview or a file has a bound. */
export function string(value: unknown, path: string, max = MAX_SENDER_TEXT_CHARS): string {
  if (typeof value !== 'string') {
    throw new ShapeError(path, 'a string');
  }
  if (value.length > max) {
    throw new ShapeError(
      path,
      `at most ${max.toLocaleString('en-US')} characters (it has ${value.length.toLocaleString('en-US')})`,
    );
  }
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ShapeError(path, 'true or false');
  }
  return value;
}

export function wholeNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ShapeError(path, `a whole number from ${min} to ${max}`);
  }
  return value;
}

function array(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) {
    throw new ShapeError(path, 'a list');
  }
  if (value.length > max) {
    throw new ShapeError(path, `a list of at most ${max} (it has ${value.length.toLocaleString('en-US')})`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, values: readonly T[], path: string): T {
  if (typeof value !== 'string' || !values.includes(value as T)) {
    throw new ShapeError(path, `one of ${values.join(', ')}`);
  }
  return value as T;
}
