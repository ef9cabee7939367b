import * as vscode from 'vscode';
import { randomUUID } from 'crypto';
import { redactValues } from '../core/http/redact';
import { isJsonObject } from '../core/json/isJsonObject';
import { envReferences, expandVariables, newScope } from '../core/variables/variables';
import type { EventTypeCatalogue } from '../core/condition/catalogue';
import { OutgoingRequest } from '../core/http/outgoingRequest';
import { proxyFromEditorSettings } from '../core/http/proxyFor';
import type { TokenCache } from '../core/http/requestAuth';
import { SendOptions } from '../core/http/sendTypes';
import { TemplateRequest } from '../core/payloads/templateRequest';
import { historyEntry, sentWithBody } from '../core/sender/senderHistory';
import { SenderRequest, SenderSecrets } from '../core/sender/senderTypes';
import { senderResponse } from '../core/sender/senderResponse';
import type { SenderBuild } from '../core/sender/buildSenderRequest';
import { readEditorProxySettings } from '../platform/settings';
import { SenderBurstSummary, SenderHostMessage } from '../protocol/webviewMessages';
import { SenderEnvironments } from './senderEnvironments';
import { SenderHistoryStore } from './senderHistoryStore';
import { SenderSecretStore } from './senderSecrets';
import { WebhooksBundleLoader } from '../platform/bundles';

/** Signs a request with an OCI profile of the Tenancy view. */
export type OciSigner = (profile: string, request: OutgoingRequest) => Promise<Readonly<Record<string, string>>>;

export interface WebhookSenderDeps {
  readonly bundle: WebhooksBundleLoader;
  readonly secrets: SenderSecretStore;
  readonly environments: SenderEnvironments;
  readonly history: SenderHistoryStore;
  readonly catalogue: () => EventTypeCatalogue;
  readonly sign: OciSigner;
}

type Sent = Extract<SenderHostMessage, { type: 'response' }>;

/**
 * Sends the panel's requests with the core: the template builds, the core's auth adds
 * credentials (or an OCI profile signs), the core's sender or burst sends, and each send goes
 * to history redacted. Nothing here builds a payload or opens a connection itself.
 */
export class WebhookSender {
  private tokens: TokenCache | undefined;

  constructor(private readonly deps: WebhookSenderDeps) {}

  async send(request: SenderRequest, typed: SenderSecrets, signal: AbortSignal): Promise<Sent> {
    const prepared = await this.prepare(request, typed);
    const options = this.options(request, prepared.first.url, signal);
    let sent: OutgoingRequest = prepared.first;
    try {
      sent = await this.authorized(request, prepared.build, prepared.first, options);
      const result = await this.deps.bundle().sendRequest(sent, options);
      await this.remember(request, sent, prepared.build.secrets, { status: result.status, ms: result.timings.total });
      return {
        type: 'response',
        response: senderResponse(result),
        warnings: warningsOf(request, prepared.first),
        sent: sentWithBody(sent, prepared.build.secrets),
      };
    } catch (err) {
      const redacted = redactedError(err, prepared.build.secrets);
      if (!signal.aborted) {
        await this.remember(request, sent, prepared.build.secrets, { error: redacted.message });
      }
      throw redacted;
    }
  }

  /**
   * `count` copies at `concurrency`, each built afresh (new {{uuid}} and event ids) with the first
   * copy's credentials: one OAuth2 token serves the burst. An OCI signature covers a copy's date
   * and body, so a signed burst repeats the one signed copy, which OCI accepts for five minutes.
   */
  async burst(
    request: SenderRequest,
    typed: SenderSecrets,
    count: number,
    concurrency: number,
    signal: AbortSignal,
  ): Promise<{ summary: SenderBurstSummary; warnings: readonly string[] }> {
    const prepared = await this.prepare(request, typed);
    const options = this.options(request, prepared.first.url, signal);
    const first = await this.authorized(request, prepared.build, prepared.first, options);
    const authorization = first.headers.Authorization;
    const copy = (i: number): OutgoingRequest => {
      if (i === 0 || request.auth.kind === 'oci') {
        return first;
      }
      const next = prepared.build.next();
      return authorization ? { ...next, headers: { ...next.headers, Authorization: authorization } } : next;
    };
    const result = await this.deps.bundle().sendBurst(copy, { ...options, count, concurrency });
    // History shows a burst by the status most copies got.
    const [common] = Object.entries(result.statuses).sort((a, b) => b[1] - a[1]);
    await this.remember(
      request,
      first,
      prepared.build.secrets,
      common
        ? { status: Number(common[0]), ms: result.durationMs }
        : {
            error: redactValues(
              Object.keys(result.errors)[0] ?? vscode.l10n.t('No copy got a response.'),
              prepared.build.secrets,
            ),
          },
      count,
    );
    return { summary: { ...result, concurrency }, warnings: warningsOf(request, prepared.first) };
  }

  /**
   * The template's own body for the form, to start an edit from, with its generated event id and
   * time put back as {{uuid}} and {{now}} so that each send, and each copy of a burst, gets new ones.
   */
  async templateBody(request: SenderRequest): Promise<string> {
    const { first } = await this.prepare({ ...request, body: '', auth: { kind: 'none' } }, {}, true);
    const text = first.body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return text;
    }
    if (!isJsonObject(parsed)) {
      return text;
    }
    const withVariables = {
      ...parsed,
      ...('eventID' in parsed ? { eventID: '{{uuid}}' } : {}),
      ...('eventTime' in parsed ? { eventTime: '{{now}}' } : {}),
    };
    return JSON.stringify(withVariables, null, 2);
  }

  private async prepare(
    request: SenderRequest,
    typed: SenderSecrets,
    preview = false,
  ): Promise<{ build: SenderBuild; first: TemplateRequest }> {
    const bundle = this.deps.bundle();
    // A preview asks nothing: it neither reads environment variables nor needs secrets.
    const values = await this.deps.environments.values(request.environment, !preview);
    const names = envReferences(JSON.stringify(request));
    const processEnv =
      !preview && (await this.deps.environments.allowInForm(names)) ? (n: string) => process.env[n] : undefined;
    const template = bundle.WEBHOOK_TEMPLATES.find((t) => t.id === request.template);
    const secrets = preview
      ? {}
      : await this.deps.secrets.resolve(expandedPlaces(request, values, processEnv), typed, Boolean(template?.secret));
    const build = bundle.buildSenderRequest({
      request: preview && !request.url.trim() ? { ...request, url: 'https://example.invalid/' } : request,
      secrets,
      values,
      ...(processEnv ? { processEnv } : {}),
      context: { catalogue: this.deps.catalogue(), fusionEvents: bundle.referenceCatalog() },
    });
    return { build, first: build.next() };
  }

  private async authorized(
    request: SenderRequest,
    build: SenderBuild,
    first: TemplateRequest,
    options: SendOptions,
  ): Promise<OutgoingRequest> {
    if (request.auth.kind === 'oci') {
      const signed = await this.deps.sign(request.auth.profile, first);
      return { method: first.method, url: first.url, headers: { ...signed }, body: first.body };
    }
    const bundle = this.deps.bundle();
    this.tokens ??= new bundle.TokenCache();
    // The token endpoint gets its own proxy decision (it is rarely on the webhook's host), and its
    // certificate is always checked: "accept self-signed" is for the webhook's test server only,
    // and the client secret must not go to whoever sits in between.
    const sendToken: typeof bundle.sendRequest = (r, o) =>
      bundle.sendRequest(r, { ...o, tls: {}, proxy: proxyFromEditorSettings(r.url, readEditorProxySettings()) });
    return bundle.withAuthorization(first, build.auth, sendToken, this.tokens, options);
  }

  private options(request: SenderRequest, url: string, signal: AbortSignal): SendOptions {
    return {
      signal,
      tls: { allowSelfSigned: request.allowSelfSigned },
      proxy: proxyFromEditorSettings(url, readEditorProxySettings()),
    };
  }

  private async remember(
    request: SenderRequest,
    sent: OutgoingRequest,
    secrets: readonly string[],
    outcome: Parameters<typeof historyEntry>[5],
    burst?: number,
  ): Promise<void> {
    await this.deps.history.add(historyEntry(randomUUID(), new Date(), request, sent, secrets, outcome, burst));
  }
}

function warningsOf(request: SenderRequest, first: TemplateRequest): readonly string[] {
  return request.allowSelfSigned
    ? [...first.warnings, vscode.l10n.t('Any certificate was accepted: the server was not verified.')]
    : first.warnings;
}

/** The request's URL and auth places with variables expanded, for keying its secrets; unexpandable ones key nothing. */
function expandedPlaces(
  request: SenderRequest,
  values: Readonly<Record<string, string>>,
  processEnv: ((name: string) => string | undefined) | undefined,
): SenderRequest {
  const expand = (text: string) => {
    try {
      return expandVariables(text.trim(), newScope(values, processEnv ? { processEnv } : {}));
    } catch {
      return '';
    }
  };
  const auth = request.auth;
  return {
    ...request,
    url: expand(request.url),
    auth:
      auth.kind === 'basic'
        ? { ...auth, username: expand(auth.username) }
        : auth.kind === 'oauth2'
          ? { ...auth, tokenUrl: expand(auth.tokenUrl), clientId: expand(auth.clientId) }
          : auth,
  };
}

/** An error whose message may echo a secret (a token endpoint's reply, say), with every known secret hidden. */
function redactedError(err: unknown, secrets: readonly string[]): Error {
  if (!(err instanceof Error)) {
    return new Error(redactValues(String(err), secrets));
  }
  const message = redactValues(err.message, secrets);
  if (message === err.message) {
    return err;
  }
  const copy = new Error(message, { cause: err });
  copy.name = err.name;
  return copy;
}
