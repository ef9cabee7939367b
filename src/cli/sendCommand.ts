import * as path from 'path';
import { EventTypeCatalogue } from '../core/condition/catalogue';
import { referenceCatalog } from '../core/fusion/referenceCatalog';
import { sendBurst } from '../core/http/burst';
import { bodyText, requestText, responseHead, timingsText } from '../core/http/httpText';
import { proxyFromEnvironment } from '../core/http/proxyFor';
import { REDACTED, redactUrl } from '../core/http/redact';
import { redactRequest } from '../core/http/redactRequest';
import { OutgoingRequest } from '../core/http/outgoingRequest';
import { TokenCache, urlCredentialsToBasic, withAuthorization } from '../core/http/requestAuth';
import { sendRequest } from '../core/http/sender';
import { SendOptions } from '../core/http/sendTypes';
import { TemplateRequest } from '../core/payloads/templateRequest';
import { expandTemplateInput } from '../core/payloads/templates/expandInput';
import { buildTemplate, WEBHOOK_TEMPLATES } from '../core/payloads/templates/webhookTemplates';
import { ENVIRONMENTS_FILE, parseEnvironments, resolveEnvironment } from '../core/variables/environments';
import { newScope, VariableError } from '../core/variables/variables';
import { CliCommand, CliIo, oneLine } from './cliCommands';
import { readInputBytes, readInputFile } from './cliInputs';
import { EnvApprovalFile } from './envApprovalFile';
import { parseSendArgs, SEND_USAGE, SendArgs } from './sendArgs';

/**
 * `oew send` — one request (or a burst) from a template. stdout: the status line, the response
 * headers, a blank line and the body; stderr: warnings and timings. Exit 0 for a 2xx, 1 for
 * another status, 2 for a usage or network error (one line, no stack trace).
 */
export const sendCommand: CliCommand = {
  name: 'send',
  summary:
    'Send a test webhook from a template (oci-event, ons-confirmation, cloudpods-validate, …): --template ID URL.',
  run: async (args, io) => {
    if (args[0] === '--list') {
      io.out(templateList());
      return 0;
    }
    const parsed = parseSendArgs(args, process.env);
    if (typeof parsed === 'string') {
      io.err(`oew send: ${parsed}\n${SEND_USAGE}\n`);
      return 2;
    }
    try {
      return await send(parsed, io);
    } catch (err) {
      const approval =
        err instanceof VariableError && err.needsApproval.length ? ' Run again with --allow-env to approve it.' : '';
      io.err(`oew send: ${oneLine((err as Error).message)}${approval}\n`);
      return 2;
    }
  },
};

async function send(args: SendArgs, io: CliIo): Promise<number> {
  const { build, secrets } = await requestBuilder(args);
  const request = build();
  for (const warning of request.warnings) {
    io.err(`oew send: warning: ${oneLine(warning)}\n`);
  }
  const options: SendOptions = {
    timeoutMs: args.timeoutMs,
    redirect: args.redirect,
    maxRedirects: args.maxRedirects,
    maxResponseBytes: args.maxResponseBytes,
    tls: {
      allowSelfSigned: args.insecure,
      ...(args.caFile ? { ca: await readInputFile(args.caFile, 'CA bundle') } : {}),
    },
    proxy: proxyFromEnvironment(request.url),
  };
  if (args.insecure) {
    io.err('oew send: warning: --insecure accepts any certificate; use it for test servers only.\n');
  }
  if (args.dryRun) {
    io.out(requestText(forDisplay(urlCredentialsToBasic(request), secrets)));
    return 0;
  }
  // The token endpoint gets its own proxy decision: it is rarely on the webhook's host.
  const sendToken: typeof sendRequest = (r, o) => sendRequest(r, { ...o, proxy: proxyFromEnvironment(r.url) });
  const first = await withAuthorization(request, request.auth, sendToken, new TokenCache(), options);
  if (args.burst) {
    // Each copy is built as it is sent, so that {{uuid}}, {{now}} and generated ids are new in each
    // (unless --same), with the first copy's credentials: one token serves the whole burst.
    const authorization = first.headers.Authorization;
    const copy = (i: number): OutgoingRequest => {
      if (i === 0 || args.same) {
        return first;
      }
      const next = build();
      return authorization ? { ...next, headers: { ...next.headers, Authorization: authorization } } : next;
    };
    return burst(args, copy, options, io);
  }
  const result = await sendRequest(first, options);
  io.out(`${responseHead(result)}\n${bodyText(result.body)}`);
  // The prompt starts on a line of its own; the body itself was printed as it came.
  if (result.body.length && result.body[result.body.length - 1] !== 0x0a) {
    io.out('\n');
  }
  const size = `${result.size} bytes${result.truncated ? ` (cut at the limit${result.announcedSize ? ` of ${result.announcedSize} announced` : ''})` : ''}`;
  const redirects = result.redirects.map((r) => `${r.status} → ${r.location}`).join(', ');
  io.err(`oew send: ${timingsText(result)} · ${size}${redirects ? ` · redirected ${redirects}` : ''}\n`);
  return result.status >= 200 && result.status < 300 ? 0 : 1;
}

/**
 * Reads the environment and the body file once, then builds the template's request on each
 * call with new {{uuid}} and {{now}}: variables from the command line, the environment and the
 * body file are expanded, each file's {{env:…}} only once it is approved. `secrets` holds
 * --secret and every value {{env:…}} has read so far, for a dry run to hide.
 */
async function requestBuilder(args: SendArgs): Promise<{ build: () => TemplateRequest; secrets: readonly string[] }> {
  const approvals = await EnvApprovalFile.open(process.env);
  const secrets = args.secret ? [args.secret] : [];
  // What {{env:…}} reads is a secret as much as --secret is, whatever header or field it lands in.
  const processEnv = (name: string) => {
    const value = process.env[name];
    if (value && !secrets.includes(value)) {
      secrets.push(value);
    }
    return value;
  };
  let values: Record<string, string> = {};
  if (args.environment) {
    const file = path.join(args.workspace, ENVIRONMENTS_FILE);
    const text = await readInputFile(file, 'environments');
    const allowed = await approvals.allows(file, text, args.allowEnv);
    values = resolveEnvironment(parseEnvironments(text, file), args.environment, {
      file,
      ...(allowed ? { processEnv } : {}),
    });
  }
  let body: Buffer | undefined;
  let bodyAllowed = false;
  if (args.bodyFile) {
    body = await readInputBytes(args.bodyFile, 'body');
    bodyAllowed = await approvals.allows(args.bodyFile, body.toString('utf8'), args.allowEnv);
  }
  const context = { catalogue: EventTypeCatalogue.builtin(), fusionEvents: referenceCatalog() };
  const build = () => {
    const scope = newScope(values, { processEnv, origin: 'the command line' });
    const input = expandTemplateInput(
      { url: args.url, fields: args.fields, headers: args.headers, body, secret: args.secret, now: scope.now },
      scope,
      {
        scope: newScope(values, { origin: args.bodyFile, ...(bodyAllowed ? { processEnv } : {}) }),
        raw: args.rawBody,
      },
    );
    return buildTemplate(args.template, input, context);
  };
  return { build, secrets };
}

async function burst(
  args: SendArgs,
  copy: (index: number) => OutgoingRequest,
  options: SendOptions,
  io: CliIo,
): Promise<number> {
  const result = await sendBurst(copy, { ...options, count: args.burst!, concurrency: args.concurrency });
  const statuses = Object.entries(result.statuses).map(([status, n]) => `${status}×${n}`);
  const errors = Object.entries(result.errors).map(([why, n]) => `${n}× ${why}`);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  io.out(
    `${result.sent} sent in ${(result.durationMs / 1000).toFixed(2)} s (${Math.round(result.requestsPerSecond)} req/s) at concurrency ${args.concurrency}\n` +
      `statuses: ${statuses.join(', ') || 'none'}\n` +
      (errors.length ? `no response: ${errors.join('; ')}\n` : '') +
      `latency: p50 ${ms(result.latency.p50)} · p95 ${ms(result.latency.p95)} · p99 ${ms(result.latency.p99)} · max ${ms(result.latency.max)}\n`,
  );
  if (!Object.keys(result.statuses).length) {
    return 2;
  }
  const allOk = Object.keys(result.statuses).every((status) => Number(status) >= 200 && Number(status) < 300);
  return allOk && !errors.length ? 0 : 1;
}

/**
 * What a dry run prints: the request as history keeps it (`redactRequest`: secret headers, URL
 * credentials and query values, secret JSON or form fields and the given secret values hidden),
 * with an OAuth2 token said to come later. X-Auth-Token stays: it is the body's HMAC, which a
 * user compares with what the receiver computes, not the secret.
 */
function forDisplay(request: TemplateRequest, secrets: readonly string[]): TemplateRequest {
  const auth = request.auth;
  const authorization =
    auth?.kind === 'basic'
      ? `Basic ${REDACTED}`
      : auth?.kind === 'bearer'
        ? `Bearer ${REDACTED}`
        : auth?.kind === 'oauth2'
          ? `Bearer <token from ${redactUrl(auth.tokenUrl)}, fetched when sent>`
          : undefined;
  const hmac = request.headers['X-Auth-Token'];
  const redacted = redactRequest(request, secrets);
  return {
    ...request,
    url: redacted.url,
    headers: {
      ...redacted.headers,
      ...(hmac !== undefined ? { 'X-Auth-Token': hmac } : {}),
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: redacted.body ?? request.body,
  };
}

function templateList(): string {
  return (
    WEBHOOK_TEMPLATES.map((t) => {
      const fields = t.fields.map(
        (f) => `    ${f.name}${f.default ? ` (default ${f.default})` : ''}: ${f.description}`,
      );
      const secret = t.secret ? [`    --secret: ${t.secret}`] : [];
      return [`${t.id} — ${t.title}: ${t.description}`, ...fields, ...secret].join('\n');
    }).join('\n\n') + '\n'
  );
}
