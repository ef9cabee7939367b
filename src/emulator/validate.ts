import { invalidParameter } from './apiError';

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

export function tags(value: unknown): Record<string, string> {
  return value === undefined || value === null ? {} : (object(value) as Record<string, string>);
}
