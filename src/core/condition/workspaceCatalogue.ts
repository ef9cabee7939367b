import { promises as fs } from 'fs';
import * as path from 'path';
import { EventTypeCatalogue } from './catalogue';
import { parseUserEventTypes } from './userEventTypes';

export const WORKSPACE_EVENT_TYPES = path.join('.oew', 'event-types.json');

/** The shipped catalogue plus `.oew/event-types.json` of `folder`, when it has one. */
export async function loadWorkspaceCatalogue(
  folder: string,
): Promise<{ catalogue: EventTypeCatalogue; errors: string[] }> {
  const file = path.join(folder, WORKSPACE_EVENT_TYPES);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { catalogue: EventTypeCatalogue.builtin(), errors: [] };
    }
    return { catalogue: EventTypeCatalogue.builtin(), errors: [`${file}: ${(err as Error).message}`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return {
      catalogue: EventTypeCatalogue.builtin(),
      errors: [`${file} is not valid JSON: ${(err as Error).message}`],
    };
  }
  const { types, errors } = parseUserEventTypes(value, file);
  return { catalogue: EventTypeCatalogue.builtin().with(types), errors };
}
