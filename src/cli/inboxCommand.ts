import { isUserError } from '../core/errors/userError';
import { redactUrl } from '../core/http/redact';
import { hostOf } from '../core/net/hostOf';
import { proxyFromEnvironment } from '../core/http/proxyFor';
import { sendRequest } from '../core/http/sender';
import { inboxJsonLine } from '../core/inbox/inboxJsonLine';
import { startInbox } from '../core/inbox/inboxServer';
import { InboxSend } from '../core/inbox/inboxTypes';
import { InboxEvent } from '../core/inbox/inboxRecord';
import { CliCommand, CliIo, oneLine } from './cliCommands';
import { applyOption, MAX_PORT, unknownOption, wholeNumber } from './cliInputs';

const USAGE =
  'usage: oew inbox [--port N] [--status N] [--delay-ms N] [--body TEXT] [--forward URL] [--no-auto-answer | --no-ons-auto-answer | --no-cloudpods-auto-answer] [--capacity N] [--max-body-bytes N] [--state-dir DIR]';

/**
 * `oew inbox` — the webhook inbox, headless. The first line on stdout is {"url": …}; then one
 * JSON line per request received. What happens later to a request (a confirmation fetched, a
 * forward answered) goes to stderr, so that stdout stays one line per request. Stops on Ctrl-C.
 */
export const inboxCommand: CliCommand = {
  name: 'inbox',
  summary:
    'Run the webhook inbox on 127.0.0.1: one JSON line per request received, with ONS and Cloudpods handshakes answered.',
  run: async (args, io) => {
    const options = parseOptions(args);
    if (typeof options === 'string') {
      io.err(`oew inbox: ${options}\n${USAGE}\n`);
      return 2;
    }
    let inbox;
    try {
      inbox = await startInbox({
        ...options,
        send,
        onError: (err) => io.err(`oew inbox: ${oneLine((err as Error).message)}\n`),
      });
    } catch (err) {
      const nextStep = isUserError(err) ? ` ${err.nextStep}` : '';
      io.err(`oew inbox: ${oneLine(`${(err as Error).message}${nextStep}`)}\n`);
      return 2;
    }
    io.out(JSON.stringify({ url: inbox.url }) + '\n');
    io.err(`oew inbox: listening on ${inbox.url}; Ctrl-C stops it.\n`);
    inbox.onRecord((event) => report(event, io));
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await inbox.close();
    return 0;
  },
};

/** Forwards, replays and confirmations through the project's sender, behind HTTPS_PROXY where one is set. */
const send: InboxSend = (request, options) =>
  sendRequest(request, { ...options, proxy: proxyFromEnvironment(request.url) });

function report(event: InboxEvent, io: CliIo): void {
  if (event.kind === 'added') {
    io.out(JSON.stringify(inboxJsonLine(event.record)) + '\n');
  }
  if (event.kind === 'cleared') {
    return;
  }
  const { record } = event;
  const confirmation = record.confirmation;
  if (confirmation?.outcome === 'needs-approval') {
    io.err(
      `oew inbox: request ${record.seq}: the ConfirmationURL points at ${hostOf(confirmation.url)}, neither loopback nor *.oraclecloud.com, so it was not opened; open it yourself if you trust it: ${redactUrl(confirmation.url)}\n`,
    );
  } else if (event.kind === 'updated' && confirmation && confirmation.outcome !== 'pending') {
    const status = 'status' in confirmation && confirmation.status !== undefined ? ` (${confirmation.status})` : '';
    const error = 'error' in confirmation && confirmation.error ? `: ${confirmation.error}` : '';
    io.err(`oew inbox: request ${record.seq}: subscription confirmation ${confirmation.outcome}${status}${error}\n`);
  }
  if (event.kind === 'updated' && record.forward) {
    const forward = record.forward;
    io.err(
      `oew inbox: request ${record.seq} forwarded to ${redactUrl(forward.url)}: ${'status' in forward ? forward.status : forward.error}\n`,
    );
  }
}

/** The part of InboxOptions the command line sets. */
interface Options {
  port: number;
  capacity?: number;
  maxBodyBytes?: number;
  storageDir?: string;
  forwardTo?: string;
  autoAnswer?: { onsConfirmation: boolean; cloudpods: boolean };
  response: { status?: number; delayMs?: number; body?: string };
}

function parseOptions(args: readonly string[]): Options | string {
  const options: Options = { port: 0, response: {} };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const switchOff = AUTO_ANSWER_FLAGS[flag];
    if (switchOff) {
      options.autoAnswer = { ...(options.autoAnswer ?? { onsConfirmation: true, cloudpods: true }), ...switchOff };
      continue;
    }
    const value = args[++i];
    if (value === undefined) {
      return FLAGS[flag] ? `${flag} needs a value` : unknownOption(flag);
    }
    const apply = FLAGS[flag];
    if (!apply) {
      return unknownOption(flag);
    }
    const problem = apply(options, value);
    if (problem) {
      return `${flag} takes ${problem}, not "${value}"`;
    }
  }
  return options;
}

const AUTO_ANSWER_FLAGS: Record<string, Partial<NonNullable<Options['autoAnswer']>>> = {
  '--no-auto-answer': { onsConfirmation: false, cloudpods: false },
  '--no-ons-auto-answer': { onsConfirmation: false },
  '--no-cloudpods-auto-answer': { cloudpods: false },
};

const FLAGS: Record<string, (o: Options, value: string) => string | undefined> = {
  '--port': (o, v) => applyOption(wholeNumber(0, MAX_PORT)(v), (n) => (o.port = n)),
  '--status': (o, v) => applyOption(wholeNumber(200, 999)(v), (n) => (o.response.status = n)),
  '--delay-ms': (o, v) => applyOption(wholeNumber(0, 600_000)(v), (n) => (o.response.delayMs = n)),
  '--capacity': (o, v) => applyOption(wholeNumber(1, 100_000)(v), (n) => (o.capacity = n)),
  '--max-body-bytes': (o, v) => applyOption(wholeNumber(0, 64 * 1_048_576)(v), (n) => (o.maxBodyBytes = n)),
  '--body': (o, v) => void (o.response.body = v),
  '--forward': (o, v) => (URL.canParse(v) ? void (o.forwardTo = v) : 'an http or https URL'),
  '--state-dir': (o, v) => void (o.storageDir = v),
};
