import { MAX_BURST_CONCURRENCY, MAX_BURST_COUNT } from '../core/http/burstLimits';
import { applyOption, unknownOption, wholeNumber } from './cliInputs';

/** `oew send`'s options, as parsed from its arguments. */
export interface SendArgs {
  template: string;
  url: string;
  fields: Record<string, string>;
  headers: Record<string, string>;
  secret?: string;
  bodyFile?: string;
  rawBody: boolean;
  environment?: string;
  workspace: string;
  allowEnv: boolean;
  dryRun: boolean;
  timeoutMs?: number;
  insecure: boolean;
  caFile?: string;
  redirect: 'follow' | 'manual';
  maxRedirects?: number;
  maxResponseBytes?: number;
  burst?: number;
  /** Burst copies are one request sent N times, not built N times. */
  same: boolean;
  concurrency: number;
}

export const SEND_USAGE = `usage: oew send --template ID [--set key=value]... [--header 'K: V']... [--secret S] [--body FILE] [--raw-body]
                [--env NAME] [--workspace DIR] [--allow-env] [--timeout-ms N] [--insecure] [--ca FILE]
                [--no-follow] [--max-redirects N] [--max-response-bytes N] [--burst N [--concurrency C] [--same]] [--dry-run] URL
       oew send --list`;

const WITH_VALUE = new Set([
  '--template',
  '--set',
  '--header',
  '--secret',
  '--body',
  '--env',
  '--workspace',
  '--timeout-ms',
  '--ca',
  '--max-redirects',
  '--max-response-bytes',
  '--burst',
  '--concurrency',
]);

/** The options, or the one-line message to print before the usage. */
export function parseSendArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): SendArgs | string {
  const parsed: SendArgs = {
    template: '',
    url: '',
    fields: {},
    headers: {},
    secret: env.OEW_SECRET || undefined,
    rawBody: false,
    workspace: '.',
    allowEnv: false,
    dryRun: false,
    insecure: false,
    redirect: 'follow',
    concurrency: 10,
    same: false,
  };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (!flag.startsWith('--')) {
      positional.push(flag);
      continue;
    }
    const value = WITH_VALUE.has(flag) ? args[++i] : undefined;
    if (WITH_VALUE.has(flag) && value === undefined) {
      return `${flag} needs a value`;
    }
    const problem = apply(parsed, flag, value ?? '');
    if (problem) {
      return problem;
    }
  }
  if (!parsed.template) {
    return '--template is required (oew send --list shows the templates)';
  }
  if (positional.length !== 1) {
    return positional.length ? `one URL is expected, not ${positional.length}` : 'the URL to send to is missing';
  }
  parsed.url = positional[0];
  return parsed;
}

function apply(parsed: SendArgs, flag: string, value: string): string | undefined {
  switch (flag) {
    case '--template':
      parsed.template = value;
      return;
    case '--set': {
      const at = value.indexOf('=');
      if (at < 1) {
        // Not echoed: a mistyped value may be a secret, and this line may end up in a CI log.
        return '--set takes key=value';
      }
      parsed.fields[value.slice(0, at)] = value.slice(at + 1);
      return;
    }
    case '--header': {
      const at = value.indexOf(':');
      if (at < 1) {
        return "--header takes 'Name: value'";
      }
      parsed.headers[value.slice(0, at).trim()] = value.slice(at + 1).trim();
      return;
    }
    case '--secret':
      parsed.secret = value;
      return;
    case '--body':
      parsed.bodyFile = value;
      return;
    case '--raw-body':
      parsed.rawBody = true;
      return;
    case '--env':
      parsed.environment = value;
      return;
    case '--workspace':
      parsed.workspace = value;
      return;
    case '--allow-env':
      parsed.allowEnv = true;
      return;
    case '--dry-run':
      parsed.dryRun = true;
      return;
    case '--insecure':
      parsed.insecure = true;
      return;
    case '--ca':
      parsed.caFile = value;
      return;
    case '--same':
      parsed.same = true;
      return;
    case '--no-follow':
      parsed.redirect = 'manual';
      return;
    case '--timeout-ms':
      return number(value, 1, 3_600_000, flag, (n) => (parsed.timeoutMs = n));
    case '--max-redirects':
      return number(value, 0, 100, flag, (n) => (parsed.maxRedirects = n));
    case '--max-response-bytes':
      return number(value, 1, 512 * 1_048_576, flag, (n) => (parsed.maxResponseBytes = n));
    case '--burst':
      return number(value, 1, MAX_BURST_COUNT, flag, (n) => (parsed.burst = n));
    case '--concurrency':
      return number(value, 1, MAX_BURST_CONCURRENCY, flag, (n) => (parsed.concurrency = n));
    default:
      return unknownOption(flag);
  }
}

function number(text: string, min: number, max: number, flag: string, set: (n: number) => void): string | undefined {
  const problem = applyOption(wholeNumber(min, max)(text), set);
  return problem && `${flag} takes ${problem}, not "${text}"`;
}
