import { invalidParameter } from '../services/apiError';

/** Checks of request bodies, answered with 400 InvalidParameter as the services do. */
export function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParameter('The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

export function requiredString(details: Record<string, unknown>, key: string): string {
  const value = details[key];
  if (typeof value !== 'string' || !value) {
    throw invalidParameter(`${key} is required and must be a string.`);
  }
  return value;
}

export function optionalString(details: Record<string, unknown>, key: string): string | undefined {
  const value = details[key];
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw invalidParameter(`${key} must be a string.`);
  }
  return value ?? undefined;
}

export function requiredBoolean(details: Record<string, unknown>, key: string): boolean {
  const value = details[key];
  if (typeof value !== 'boolean') {
    throw invalidParameter(`${key} is required and must be true or false.`);
  }
  return value;
}

/** freeformTags, as the SDK models them: Record<string, string>. */
export function freeformTags(value: unknown): Record<string, string> {
  const tags = tagObject(value, 'freeformTags');
  for (const [key, tag] of Object.entries(tags)) {
    if (typeof tag !== 'string') {
      throw invalidParameter(`freeformTags.${key} must be a string.`);
    }
  }
  return tags as Record<string, string>;
}

/**
 * definedTags, as the SDK models them: Record<string, Record<string, any>>, a namespace to its
 * tags. The values are left as sent; how deep they may nest is bounded with the whole body.
 */
export function definedTags(value: unknown): Record<string, Record<string, unknown>> {
  const tags = tagObject(value, 'definedTags');
  for (const [namespace, inner] of Object.entries(tags)) {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
      throw invalidParameter(`definedTags.${namespace} must be an object of tags.`);
    }
  }
  return tags as Record<string, Record<string, unknown>>;
}

function tagObject(value: unknown, name: string): Record<string, unknown> {
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameter(`${name} must be a JSON object.`);
  }
  return value as Record<string, unknown>;
}
