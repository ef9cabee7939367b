import { strictUtf8 } from '../../text/utf8';
import { expandVariables, VariableScope } from '../../variables/variables';
import { TemplateInput } from './templateTypes';

/**
 * A template's input with its variables expanded: the URL, field values, extra headers and the
 * body text. The body can come from a file shared through git, so it has a scope of its own,
 * whose `{{env:…}}` depend on that file's approval; its `{{uuid}}` and `{{now}}` are the request's.
 * A body that is not UTF-8 text, or that the user asked to send raw, is left as it is.
 */
export function expandTemplateInput(
  input: TemplateInput,
  scope: VariableScope,
  body?: { readonly scope: VariableScope; readonly raw?: boolean },
): TemplateInput {
  const expand = (text: string) => expandVariables(text, scope);
  return {
    ...input,
    url: expand(input.url),
    ...(input.fields ? { fields: mapValues(input.fields, expand) } : {}),
    ...(input.headers ? { headers: mapValues(input.headers, expand) } : {}),
    ...(input.body && !body?.raw
      ? { body: expandBody(input.body, { ...(body?.scope ?? scope), uuid: scope.uuid, now: scope.now }) }
      : {}),
  };
}

function expandBody(bytes: Buffer, scope: VariableScope): Buffer {
  const text = strictUtf8(bytes);
  return text?.includes('{{') ? Buffer.from(expandVariables(text, scope), 'utf8') : bytes;
}

function mapValues(values: Readonly<Record<string, string>>, map: (value: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, map(v)]));
}
