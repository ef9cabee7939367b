import { parseJson } from '../json/parseJson';
import { expandVariables, newScope } from './variables';
import { isJsonObject } from '../json/isJsonObject';

/** `.oew/environments.json`: `{"environments": {"local": {"inbox": "http://127.0.0.1:8080"}, …}}`. */
export const ENVIRONMENTS_FILE = '.oew/environments.json';

export type Environments = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The environments in the file's text; a mistake is an error that names the file, the place and what is wrong. */
export function parseEnvironments(text: string, file = ENVIRONMENTS_FILE): Environments {
  const parsed = parseJson(text, file, { what: 'environments file', lenient: true });
  if (!parsed.ok) {
    throw new Error(parsed.error);
  }
  const environments = isJsonObject(parsed.value) ? parsed.value.environments : undefined;
  if (!isJsonObject(environments)) {
    throw new Error(
      `${file} needs an "environments" object, such as {"environments": {"local": {"inbox": "http://127.0.0.1:8080"}}}.`,
    );
  }
  const result: Record<string, Record<string, string>> = {};
  for (const [name, values] of Object.entries(environments)) {
    if (!isJsonObject(values)) {
      throw new Error(`${file}: the environment "${name}" must be an object of names and values.`);
    }
    result[name] = {};
    for (const [key, value] of Object.entries(values)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new Error(`${file}: "${name}.${key}" must be a string, number or boolean.`);
      }
      result[name][key] = String(value);
    }
  }
  return result;
}

/**
 * One environment's values with their own `{{uuid}}`, `{{now}}` and `{{env:…}}` expanded. The
 * file is shared through git, so `{{env:…}}` expands only when the caller passes `processEnv`,
 * which it does once the user has approved the file (see EnvApprovals).
 */
export function resolveEnvironment(
  environments: Environments,
  name: string,
  options: { file: string; processEnv?: (name: string) => string | undefined },
): Record<string, string> {
  const values = environments[name];
  if (!values) {
    const known = Object.keys(environments);
    throw new Error(
      `There is no environment "${name}" in ${options.file}${known.length ? `; it has ${known.join(', ')}` : ''}.`,
    );
  }
  const scope = newScope({}, { origin: options.file, processEnv: options.processEnv });
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, expandVariables(value, scope)]));
}
