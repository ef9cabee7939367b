import { RequestAuth } from '../../http/requestAuth';
import { TemplateInput, WebhookTemplate } from './templateTypes';

const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'];

export const oicRestTemplate: WebhookTemplate = {
  id: 'oic-rest',
  title: 'OIC REST trigger',
  platform: 'Other',
  description:
    "A call to an integration's REST trigger with its own auth: Basic, a Bearer token, or OAuth2 client credentials.",
  fields: [
    { name: 'method', description: 'The trigger’s method.', default: 'POST', values: METHODS },
    { name: 'contentType', description: 'Content-Type of the body.', default: 'application/json' },
    {
      name: 'auth',
      description:
        'none, basic (username and the secret as password), bearer (the secret as token) or oauth2 (client credentials).',
      default: 'none',
      values: ['none', 'basic', 'bearer', 'oauth2'],
    },
    { name: 'username', description: 'The integration user, for basic.' },
    { name: 'tokenUrl', description: 'The identity domain’s token endpoint, for oauth2.' },
    { name: 'clientId', description: 'The confidential application’s client id, for oauth2.' },
    { name: 'scope', description: 'The scope, for oauth2, such as the OIC instance’s resource scope.' },
  ],
  takesBody: true,
  secret: 'the password (basic), the token (bearer) or the client secret (oauth2)',
  build: (input, fields) => {
    const body = input.body ?? Buffer.from(fields.method === 'GET' || fields.method === 'DELETE' ? '' : '{}', 'utf8');
    return {
      method: fields.method,
      url: input.url,
      headers: { ...contentType(body, fields), Accept: 'application/json' },
      body,
      warnings: [],
      ...authOf(fields, input),
    };
  },
};

export const customTemplate: WebhookTemplate = {
  id: 'custom',
  title: 'Custom request',
  platform: 'Other',
  description: 'Any method, headers and body.',
  fields: [
    { name: 'method', description: 'The HTTP method.', default: 'POST', values: [...METHODS, 'HEAD', 'OPTIONS'] },
    { name: 'contentType', description: 'Content-Type of the body, when there is one.', default: 'application/json' },
  ],
  takesBody: true,
  build: (input, fields) => {
    const body = input.body ?? Buffer.alloc(0);
    return {
      method: fields.method,
      url: input.url,
      headers: contentType(body, fields),
      body,
      warnings: [],
    };
  },
};

function authOf(fields: Readonly<Record<string, string>>, input: TemplateInput): { auth?: RequestAuth } {
  if (fields.auth === 'none') {
    return {};
  }
  const secret = input.secret;
  if (!secret) {
    throw new Error(`auth=${fields.auth} needs a secret: ${oicRestTemplate.secret}.`);
  }
  switch (fields.auth) {
    case 'basic':
      return { auth: { kind: 'basic', username: required(fields, 'username', 'basic'), password: secret } };
    case 'bearer':
      return { auth: { kind: 'bearer', token: secret } };
    default:
      return {
        auth: {
          kind: 'oauth2',
          tokenUrl: required(fields, 'tokenUrl', 'oauth2'),
          clientId: required(fields, 'clientId', 'oauth2'),
          clientSecret: secret,
          ...(fields.scope ? { scope: fields.scope } : {}),
        },
      };
  }
}

function required(fields: Readonly<Record<string, string>>, name: string, auth: string): string {
  if (!fields[name]) {
    throw new Error(`auth=${auth} needs ${name}.`);
  }
  return fields[name];
}

function contentType(body: Buffer, fields: Readonly<Record<string, string>>): Record<string, string> {
  return body.length ? { 'Content-Type': fields.contentType } : {};
}
