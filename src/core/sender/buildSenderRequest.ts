import { REDACTED } from '../http/redact';
import { RequestAuth } from '../http/requestAuth';
import { TemplateRequest } from '../payloads/templateRequest';
import { expandTemplateInput } from '../payloads/templates/expandInput';
import { TemplateContext } from '../payloads/templates/templateTypes';
import { buildTemplate, findTemplate } from '../payloads/templates/webhookTemplates';
import { expandVariables, newScope, VariableScope } from '../variables/variables';
import { SenderRequest, SenderSecrets } from './senderTypes';

/**
 * oic-rest's own auth fields: the panel's Auth section takes their place, so that every template
 * authenticates the same way.
 */
export const PANEL_AUTH_FIELDS: ReadonlySet<string> = new Set(['auth', 'username', 'tokenUrl', 'clientId', 'scope']);

export interface SenderBuildInput {
  readonly request: SenderRequest;
  readonly secrets: SenderSecrets;
  /** The selected environment's values, already resolved (and approved, for `{{env:…}}`). */
  readonly values: Readonly<Record<string, string>>;
  /** Reads `{{env:NAME}}` in the form; the caller passes it once the user allowed those names. */
  readonly processEnv?: (name: string) => string | undefined;
  readonly context: TemplateContext;
}

export interface SenderBuild {
  /** A new request on each call, with new `{{uuid}}`, `{{now}}` and generated ids: a burst calls it per copy. */
  readonly next: () => TemplateRequest;
  /** Credentials to add as an Authorization header; an OCI signature is added by the caller. */
  readonly auth?: RequestAuth;
  /** Every secret value, typed or read from `{{env:…}}` by the builds so far, for redacting what is kept or shown. */
  readonly secrets: readonly string[];
}

/**
 * The form's request for the core's template builder: the template's fields, the extra headers
 * that are enabled, the body override and the secrets, each with variables expanded. Throws an
 * Error (a VariableError for variables) whose message says what to change.
 */
export function buildSenderRequest(input: SenderBuildInput): SenderBuild {
  const { request, secrets } = input;
  const template = findTemplate(request.template);
  if (!template) {
    throw new Error(`There is no template "${request.template}".`);
  }
  const fields: Record<string, string> = {};
  for (const field of template.fields) {
    if (field.name === 'method') {
      fields.method = request.method;
    } else if (!(template.id === 'oic-rest' && PANEL_AUTH_FIELDS.has(field.name))) {
      const value = request.fields[field.name];
      if (value) {
        fields[field.name] = value;
      }
    }
  }
  const headers = Object.fromEntries(
    request.headers.filter((h) => h.enabled && h.name.trim()).map((h) => [h.name.trim(), h.value]),
  );
  // A body typed for another template stays in the form, unused, rather than blocking every send.
  const body = request.body.trim() && template.takesBody ? Buffer.from(request.body, 'utf8') : undefined;
  const known = [secrets.auth, secrets.template].filter((s): s is string => Boolean(s));
  const processEnv = input.processEnv;
  // What `{{env:…}}` reads is a secret as much as a typed password is.
  const readEnv = processEnv
    ? (name: string) => {
        const value = processEnv(name);
        if (value && !known.includes(value)) {
          known.push(value);
        }
        return value;
      }
    : undefined;
  const scopeOf = (): VariableScope =>
    newScope(input.values, { origin: 'the request', ...(readEnv ? { processEnv: readEnv } : {}) });
  const auth = requestAuth(request, secrets.auth, (text) => expandVariables(text, scopeOf()));
  return {
    next: () => {
      const scope = scopeOf();
      const expanded = expandTemplateInput(
        {
          url: request.url.trim(),
          fields,
          headers,
          ...(body ? { body } : {}),
          ...(secrets.template && template.secret ? { secret: secrets.template } : {}),
          now: scope.now,
        },
        scope,
        request.rawBody ? { scope, raw: true } : undefined,
      );
      const built = buildTemplate(template.id, expanded, input.context);
      if (hidesSecrets(built)) {
        throw new Error(
          `The request holds ${REDACTED} where history or a saved request hid a secret; type the secret in again, or use {{env:NAME}} for it.`,
        );
      }
      return built;
    },
    ...(auth ? { auth } : {}),
    secrets: known,
  };
}

/** A request loaded from history or a saved file still shows where a secret was taken out: never send that. */
function hidesSecrets(request: TemplateRequest): boolean {
  return [request.url, ...Object.values(request.headers), request.body.toString('utf8')].some((text) =>
    text.includes(REDACTED),
  );
}

function requestAuth(
  request: SenderRequest,
  secret: string | undefined,
  expand: (text: string) => string,
): RequestAuth | undefined {
  const auth = request.auth;
  if (auth.kind === 'none' || auth.kind === 'oci') {
    return undefined;
  }
  if (!secret) {
    const what = auth.kind === 'basic' ? 'password' : auth.kind === 'bearer' ? 'token' : 'client secret';
    throw new Error(`${AUTH_TITLES[auth.kind]} needs a ${what}: type it in the Auth section.`);
  }
  switch (auth.kind) {
    case 'basic':
      return { kind: 'basic', username: expand(auth.username), password: secret };
    case 'bearer':
      return { kind: 'bearer', token: secret };
    case 'oauth2':
      if (!auth.tokenUrl.trim() || !auth.clientId.trim()) {
        throw new Error('OAuth2 client credentials need the token URL and the client id.');
      }
      return {
        kind: 'oauth2',
        tokenUrl: expand(auth.tokenUrl.trim()),
        clientId: expand(auth.clientId.trim()),
        clientSecret: secret,
        ...(auth.scope.trim() ? { scope: expand(auth.scope.trim()) } : {}),
      };
  }
}

const AUTH_TITLES = { basic: 'Basic auth', bearer: 'A Bearer token', oauth2: 'OAuth2' } as const;
