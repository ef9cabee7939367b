import { invalidParameter } from '../services/apiError';

/** One page of `items` for the `limit` and `page` query parameters, with opc-next-page when more follow. */
export function pageOf<T>(items: readonly T[], query: URLSearchParams, maxLimit: number, defaultLimit: number) {
  const limitText = query.get('limit');
  const limit = limitText === null ? defaultLimit : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw invalidParameter(`limit must be an integer from 1 to ${maxLimit}.`);
  }
  const pageText = query.get('page');
  const start = pageText === null ? 0 : decodePage(pageText);
  const page = items.slice(start, start + limit);
  const headers: Record<string, string> =
    start + limit < items.length ? { 'opc-next-page': encodePage(start + limit) } : {};
  return { page, headers };
}

// Opaque to clients, as the real tokens are.
function encodePage(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodePage(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) {
    throw invalidParameter('The page token is not valid.');
  }
  return Number(match[1]);
}

/** Sorting as the list operations take it: sortBy one of `fields`, sortOrder ASC or DESC. */
export function sortBy<T>(
  items: T[],
  query: URLSearchParams,
  fields: Record<string, (item: T) => string>,
  byDefault: string,
): T[] {
  const by = query.get('sortBy') ?? byDefault;
  const key = fields[by];
  if (!key) {
    throw invalidParameter(`sortBy must be one of ${Object.keys(fields).join(', ')}.`);
  }
  const order = query.get('sortOrder') ?? (by.startsWith('TIME') ? 'DESC' : 'ASC');
  if (order !== 'ASC' && order !== 'DESC') {
    throw invalidParameter('sortOrder must be ASC or DESC.');
  }
  const sign = order === 'ASC' ? 1 : -1;
  return [...items].sort((a, b) => sign * key(a).localeCompare(key(b)));
}
