import { splitUrlCredentials } from '../sender/urlCredentials';
import { OutgoingRequest } from './outgoingRequest';
import { SendError } from './sendError';
import { SendOptions, SendResult } from './sendTypes';

/** How a request proves who sends it. Every secret here comes from SecretStorage or the user's input, never settings. */
export type RequestAuth =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: string }
  | {
      readonly kind: 'oauth2';
      readonly tokenUrl: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly scope?: string;
    };

export type Send = (request: OutgoingRequest, options?: SendOptions) => Promise<SendResult>;

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * `https://user:pass@host/…` sends Basic credentials, as ONS does for CUSTOM_HTTPS endpoints:
 * the URL loses them and an Authorization header (unless one is set) carries them.
 */
export function urlCredentialsToBasic<R extends OutgoingRequest>(request: R): R {
  const { url, username, password } = splitUrlCredentials(request.url);
  if (url === request.url) {
    return request;
  }
  const hasAuthorization = Object.keys(request.headers).some((k) => k.toLowerCase() === 'authorization');
  return {
    ...request,
    url,
    headers: hasAuthorization
      ? request.headers
      : { ...request.headers, Authorization: basicAuthorization(username, password) },
  };
}

/** The request with its Authorization header; an OAuth2 grant costs one token request, then the cache serves it. */
export async function withAuthorization(
  request: OutgoingRequest,
  auth: RequestAuth | undefined,
  send: Send,
  tokens: TokenCache = new TokenCache(),
  options?: SendOptions,
): Promise<OutgoingRequest> {
  if (!auth) {
    return request;
  }
  const value =
    auth.kind === 'basic'
      ? basicAuthorization(auth.username, auth.password)
      : auth.kind === 'bearer'
        ? `Bearer ${auth.token}`
        : `Bearer ${await tokens.token(auth, send, options)}`;
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
  );
  return { ...request, headers: { ...headers, Authorization: value } };
}

type OAuth2Grant = Extract<RequestAuth, { kind: 'oauth2' }>;

/** Access tokens by grant, kept until 30 s before they expire so that a burst or a resend reuses one. */
export class TokenCache {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async token(grant: OAuth2Grant, send: Send, options?: SendOptions): Promise<string> {
    const key = JSON.stringify([grant.tokenUrl, grant.clientId, grant.scope ?? '']);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > this.now()) {
      return cached.token;
    }
    const { token, expiresIn } = await clientCredentialsToken(grant, send, options);
    this.tokens.set(key, { token, expiresAt: this.now() + Math.max(0, expiresIn - 30) * 1000 });
    return token;
  }
}

/**
 * RFC 6749 §4.4: the client authenticates with Basic credentials (§2.3.1), as OIC's identity
 * domain expects, and asks for `grant_type=client_credentials` with the optional scope.
 */
export async function clientCredentialsToken(
  grant: OAuth2Grant,
  send: Send,
  options?: SendOptions,
): Promise<{ token: string; expiresIn: number }> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    ...(grant.scope ? { scope: grant.scope } : {}),
  });
  const response = await send(
    {
      method: 'POST',
      url: grant.tokenUrl,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        Authorization: basicAuthorization(grant.clientId, grant.clientSecret),
      },
      body: Buffer.from(form.toString(), 'utf8'),
    },
    options,
  );
  let reply: { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown } = {};
  try {
    reply = JSON.parse(response.body.toString('utf8')) as typeof reply;
  } catch {
    // A reply that is not JSON is reported by its status below.
  }
  if (response.status < 200 || response.status >= 300 || typeof reply.access_token !== 'string') {
    const why =
      typeof reply.error === 'string'
        ? `${reply.error}${typeof reply.error_description === 'string' ? `: ${reply.error_description}` : ''}`
        : `HTTP ${response.status}`;
    throw new SendError(
      'auth',
      `The token endpoint ${new URL(grant.tokenUrl).host} gave no access token (${why}). Check the client id, secret and scope.`,
    );
  }
  return { token: reply.access_token, expiresIn: typeof reply.expires_in === 'number' ? reply.expires_in : 300 };
}
