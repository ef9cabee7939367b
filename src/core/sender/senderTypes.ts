import type { TemplateId } from '../payloads/templates/templateFields';

// The sender's data shapes, free of Node types: the webview shares them through
// src/protocol/webviewMessages.ts.

/**
 * A request as the sender panel's form holds it, as history keeps it and as `.oew/requests/`
 * shares it. It never holds a secret: passwords, tokens, client and robot secrets are kept in
 * SecretStorage and joined to the request when it is sent.
 */
export interface SenderRequest {
  readonly template: TemplateId;
  /** Used by the templates that take a method (custom, oic-rest); the others send POST. */
  readonly method: string;
  readonly url: string;
  /** Extra headers, added last; a disabled row is kept in the form but not sent. */
  readonly headers: readonly SenderHeader[];
  /** The template's fields by name; an empty value takes the template's default. */
  readonly fields: Readonly<Record<string, string>>;
  /** Replaces the template's own body when not empty (templates that take a body only). */
  readonly body: string;
  readonly auth: SenderAuth;
  /** The environment of `.oew/environments.json` whose `{{name}}` values are expanded. */
  readonly environment?: string;
  /** Accept any certificate: for test servers only, and shown as a warning. */
  readonly allowSelfSigned: boolean;
  /** Send the body as written, `{{…}}` and all: a captured request's body is the platform's, not a template. */
  readonly rawBody?: boolean;
}

export interface SenderHeader {
  readonly name: string;
  readonly value: string;
  readonly enabled: boolean;
}

/** How the request proves who sends it; each kind's secret lives in SecretStorage. */
export type SenderAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'basic'; readonly username: string }
  | { readonly kind: 'bearer' }
  | { readonly kind: 'oauth2'; readonly tokenUrl: string; readonly clientId: string; readonly scope: string }
  /** Signed with an OCI profile's API key, as the SDK signs its own calls. */
  | { readonly kind: 'oci'; readonly profile: string };

export type SenderAuthKind = SenderAuth['kind'];

export const SENDER_AUTH_KINDS: readonly SenderAuthKind[] = ['none', 'basic', 'bearer', 'oauth2', 'oci'];

export const SENDER_METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** The secrets a send needs, typed in the form or read from SecretStorage; never kept anywhere else. */
export interface SenderSecrets {
  /** The Basic password, the Bearer token or the OAuth2 client secret. */
  readonly auth?: string;
  /** The template's own secret: a Cloudpods robot's secret_key. */
  readonly template?: string;
}

/** A new, empty form: an OCI event to an address the user fills in. */
export function emptySenderRequest(): SenderRequest {
  return {
    template: 'oci-event',
    method: 'POST',
    url: '',
    headers: [],
    fields: {},
    body: '',
    auth: { kind: 'none' },
    allowSelfSigned: false,
  };
}

/** A response as the panel shows it: plain data, every text to be shown as text. */
export interface SenderResponse {
  readonly status: number;
  readonly statusText: string;
  readonly timings: readonly { readonly phase: string; readonly ms: number }[];
  readonly headers: readonly (readonly [string, string])[];
  /** Pretty-printed when it is JSON; cut at `MAX_SHOWN_CHARS`. */
  readonly body: string;
  readonly bodyKind: 'json' | 'xml' | 'text' | 'binary' | 'empty';
  readonly size: number;
  /** The sender cut the body at its limit; `announcedSize` is what the server said it had. */
  readonly truncated: boolean;
  readonly announcedSize?: number;
  /** The panel shows only the start of a body this long; the size says how much there was. */
  readonly cutForDisplay: boolean;
  readonly url: string;
  readonly redirects: readonly { readonly status: number; readonly location: string }[];
  readonly viaProxy: boolean;
}

/** One send as history keeps it: the form to replay, and what went on the wire, both without secrets. */
export interface SenderHistoryEntry {
  readonly id: string;
  /** ISO 8601. */
  readonly time: string;
  readonly request: SenderRequest;
  readonly sent: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>> };
  /** The status, or why there was none. */
  readonly outcome: { readonly status: number; readonly ms: number } | { readonly error: string };
  /** Set for a burst: how many copies. */
  readonly burst?: number;
}
