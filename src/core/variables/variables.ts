import { randomUUID } from 'crypto';

/**
 * `{{uuid}}`, `{{now}}`, `{{name}}` from the selected environment, and `{{env:NAME}}` from the
 * process environment. A text names variables; a scope gives their values for one request, so
 * that `{{uuid}}` is one value across a request's URL, headers and body, and new for the next.
 */
export interface VariableScope {
  readonly uuid: string;
  readonly now: Date;
  /** The selected environment's values, already expanded. */
  readonly values: Readonly<Record<string, string>>;
  /** Reads `{{env:NAME}}`. Absent when the text comes from a file the user has not approved. */
  readonly processEnv?: (name: string) => string | undefined;
  /** Where the text comes from, for messages: a file path, or "the request". */
  readonly origin?: string;
}

export class VariableError extends Error {
  constructor(
    message: string,
    /** `{{env:…}}` names that need the user's approval of `origin` first. */
    readonly needsApproval: readonly string[] = [],
  ) {
    super(message);
    this.name = 'VariableError';
  }
}

const VARIABLE = /\{\{\s*(env:)?([A-Za-z_][\w.-]*)\s*\}\}/g;

export function newScope(
  values: Readonly<Record<string, string>> = {},
  rest: Partial<VariableScope> = {},
): VariableScope {
  return { uuid: randomUUID(), now: new Date(), values, ...rest };
}

/** The `{{env:NAME}}` names a text uses: what approving its file lets through. */
export function envReferences(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].filter((m) => m[1]).map((m) => m[2]))].sort();
}

/** The text with every variable replaced; unknown names and unapproved `{{env:…}}` fail with one message naming them all. */
export function expandVariables(text: string, scope: VariableScope): string {
  const unknown = new Set<string>();
  const unapproved = new Set<string>();
  const unset = new Set<string>();
  const result = text.replace(VARIABLE, (whole, env: string | undefined, name: string) => {
    if (env) {
      if (!scope.processEnv) {
        unapproved.add(name);
        return whole;
      }
      const value = scope.processEnv(name);
      if (value === undefined) {
        unset.add(name);
      }
      return value ?? whole;
    }
    if (name === 'uuid') {
      return scope.uuid;
    }
    if (name === 'now') {
      return scope.now.toISOString();
    }
    if (Object.prototype.hasOwnProperty.call(scope.values, name)) {
      return scope.values[name];
    }
    unknown.add(name);
    return whole;
  });
  const where = scope.origin ? ` in ${scope.origin}` : '';
  if (unapproved.size) {
    throw new VariableError(
      `${scope.origin ?? 'This text'} reads environment variables (${[...unapproved].map((n) => `{{env:${n}}}`).join(', ')}); approve the file once before they are expanded.`,
      [...unapproved],
    );
  }
  if (unknown.size) {
    throw new VariableError(
      `Unknown variable${unknown.size > 1 ? 's' : ''} ${[...unknown].map((n) => `{{${n}}}`).join(', ')}${where}: define ${unknown.size > 1 ? 'them' : 'it'} in the selected environment of .oew/environments.json, or use {{uuid}}, {{now}} or {{env:NAME}}.`,
    );
  }
  if (unset.size) {
    throw new VariableError(
      `The environment variable${unset.size > 1 ? 's' : ''} ${[...unset].join(', ')}${where} ${unset.size > 1 ? 'are' : 'is'} not set.`,
    );
  }
  return result;
}
