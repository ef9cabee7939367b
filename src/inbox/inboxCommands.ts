import * as vscode from 'vscode';
import { strictUtf8 } from '../core/text/utf8';
import { UserError } from '../core/errors/userError';
import { redactUrl } from '../core/http/redact';
import { InboxRecord } from '../core/inbox/inboxRecord';
import { inboxEntryText } from '../core/inbox/inboxEntryText';
import { inboxSample } from '../core/inbox/inboxSample';
import { queryText } from '../core/inbox/inboxSummary';
import { resendRequest } from '../core/inbox/resendRequest';
import type { Inbox } from '../core/inbox/inboxTypes';
import { hostOf } from '../core/net/hostOf';
import { addToTest } from '../eventTests';
import { writeSampleFile } from '../platform/sampleFiles';
import { prompts } from '../platform/prompts';
import { optional } from '../core/commands/commandArgs';
import { InboxContext, inboxCommand, recordArg } from './inboxContext';

const REPLAY_URL_KEY = 'oew.inbox.replayUrl';

/**
 * The inbox's address as the user's machine reaches it. The inbox runs where the workspace is:
 * in Remote SSH, WSL or a container, VS Code forwards the port and names the forwarded address.
 */
async function externalUrl(url: string): Promise<string> {
  return (await vscode.env.asExternalUri(vscode.Uri.parse(url))).toString().replace(/\/$/, '');
}

/** Starts the inbox (or finds it running) and says where it listens; returns its URL. */
export const inboxStart = inboxCommand({
  id: 'oew.inbox.start',
  args: [],
  run: async (ctx) => {
    const inbox = await ctx.webhooks.inbox.start();
    const url = await externalUrl(inbox.url);
    void vscode.window
      .showInformationMessage(vscode.l10n.t('The webhook inbox is listening on {0}.', url), vscode.l10n.t('Copy URL'))
      .then((choice) => (choice ? vscode.env.clipboard.writeText(url) : undefined));
    return inbox.url;
  },
});

export const inboxStop = inboxCommand({
  id: 'oew.inbox.stop',
  args: [],
  run: (ctx) => ctx.webhooks.inbox.stop(),
});

export const inboxCopyUrl = inboxCommand({
  id: 'oew.inbox.copyUrl',
  args: [],
  run: async (ctx) => {
    const url = await externalUrl(runningInbox(ctx).url);
    await vscode.env.clipboard.writeText(url);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', url), 3000);
  },
});

export const inboxClear = inboxCommand({
  id: 'oew.inbox.clear',
  args: [],
  run: (ctx) => runningInbox(ctx).clear(),
});

/** The request as a read-only document: request line, headers as received, then the body. */
export const inboxOpenEntry = inboxCommand({
  id: 'oew.inbox.openEntry',
  args: [optional(recordArg)],
  run: (ctx, record?: InboxRecord) => {
    const entry = entryArgument(ctx, record).record;
    const { text, language } = inboxEntryText(entry);
    return ctx.webhooks.entries.show(`request ${entry.seq}`, text, language);
  },
});

/** Opens the ConfirmationURL of a confirmation the inbox would not open by itself, once the user agrees. */
export const inboxConfirm = inboxCommand({
  id: 'oew.inbox.confirm',
  args: [optional(recordArg)],
  run: async (ctx, record?: InboxRecord) => {
    const entry = entryArgument(ctx, record);
    const url = entry.record.confirmation?.url;
    if (!url) {
      throw new UserError(
        vscode.l10n.t('{0} {1} is not an ONS subscription confirmation.', entry.record.method, entry.record.path),
        vscode.l10n.t('Choose a request marked "needs approval".'),
      );
    }
    const confirmed = await prompts.confirm(
      vscode.l10n.t('Confirm the subscription at {0}?', hostOf(url)),
      vscode.l10n.t(
        'The request asks this machine to open {0}. {1} is neither this machine nor an oraclecloud.com host, and anyone who reaches the inbox can send such a request: confirm only a subscription you created.',
        redactUrl(url),
        hostOf(url),
      ),
      vscode.l10n.t('Confirm Subscription'),
    );
    if (!confirmed) {
      return undefined;
    }
    const outcome = await entry.inbox.confirm(entry.record.id);
    if (outcome.outcome === 'failed') {
      throw new UserError(
        vscode.l10n.t('The subscription was not confirmed: {0}', outcome.error),
        vscode.l10n.t('Resend the confirmation from ONS.'),
      );
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Confirmed the subscription at {0}.', hostOf(url)));
    return outcome;
  },
});

/**
 * Hands the request to the sender panel as a new request to the inbox: same method, headers
 * (less per-hop ones) and body.
 */
export const inboxOpenInSender = inboxCommand({
  id: 'oew.inbox.openInSender',
  args: [optional(recordArg)],
  run: (ctx, record?: InboxRecord) => {
    const { inbox, record: request } = entryArgument(ctx, record);
    const url = `${inbox.url}${request.path}${queryText(request.query)}`;
    const { method, headers, body } = resendRequest(request, url);
    const text = body ? strictUtf8(body) : '';
    if (request.bodyTruncated || text === undefined) {
      throw new UserError(
        request.bodyTruncated
          ? vscode.l10n.t(
              "The body of {0} {1} was kept only in part, so the sender's form cannot hold it as it came.",
              request.method,
              request.path,
            )
          : vscode.l10n.t(
              "The body of {0} {1} is not UTF-8 text, so the sender's form cannot hold it as it came.",
              request.method,
              request.path,
            ),
        vscode.l10n.t('Use Replay to… to send it again byte for byte.'),
      );
    }
    const seed = { method, url, headers, body: text };
    return vscode.commands.executeCommand('oew.sender.open', seed);
  },
});

/** Sends the request again, as it came, to a URL the user gives (the last one offered again). */
export const inboxReplay = inboxCommand({
  id: 'oew.inbox.replay',
  args: [optional(recordArg)],
  run: async (ctx, record?: InboxRecord) => {
    const entry = entryArgument(ctx, record);
    const state = ctx.extension.workspaceState;
    const url = await prompts.input({
      title: vscode.l10n.t('Replay {0} {1} to…', entry.record.method, entry.record.path),
      prompt: vscode.l10n.t('The full URL it goes to, such as http://127.0.0.1:3000/hooks/oci'),
      value: state.get<string>(REPLAY_URL_KEY) ?? '',
      validateInput: (value) => (isHttpUrl(value) ? undefined : vscode.l10n.t('An http or https URL')),
      ignoreFocusOut: true,
    });
    if (url === undefined) {
      return undefined;
    }
    if (!isHttpUrl(url)) {
      throw new UserError(
        vscode.l10n.t('"{0}" is not an http or https URL.', url),
        vscode.l10n.t('Give a URL such as http://127.0.0.1:3000/hook.'),
      );
    }
    const shown = redactUrl(url);
    // Offered again next time only when it holds no credentials: workspace state is no secret store.
    if (shown === url) {
      await state.update(REPLAY_URL_KEY, url);
    }
    let status: number;
    try {
      ({ status } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Replaying to {0}…', shown) },
        () => entry.inbox.replay(entry.record.id, url),
      ));
    } catch (err) {
      if (err instanceof Error && err.name === 'SendError') {
        throw new UserError(
          vscode.l10n.t('Not replayed: {0}', err.message),
          vscode.l10n.t('Check that {0} is up, then replay again.', hostOf(url)),
        );
      }
      throw err;
    }
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Replayed {0} {1} to {2}: {3}.', entry.record.method, entry.record.path, shown, status),
    );
    return status;
  },
});

/** Saves a JSON body (an ONS notification's is the OCI event) as a sample for "Test against sample events". */
export const inboxSaveSample = inboxCommand({
  id: 'oew.inbox.saveSample',
  args: [optional(recordArg)],
  run: async (ctx, record?: InboxRecord) => {
    const { name, event } = inboxSample(entryArgument(ctx, record).record);
    const target = await writeSampleFile(name, event);
    await vscode.window.showTextDocument(target);
    return target;
  },
});

/** Add to Test…: an OCI event the inbox received becomes a "match" case of a rule or condition test: it was delivered. */
export const addEntryToTest = inboxCommand({
  id: 'oew.inbox.addToTest',
  args: [optional(recordArg)],
  run: (ctx, record?: InboxRecord) => {
    const { name, event } = inboxSample(entryArgument(ctx, record).record);
    return addToTest({ input: { event }, expect: 'match', suggestedName: `${name} delivered` });
  },
});

function runningInbox(ctx: InboxContext): Inbox {
  const inbox = ctx.webhooks.inbox.inbox;
  if (!inbox) {
    throw new UserError(
      vscode.l10n.t('The webhook inbox is not running.'),
      vscode.l10n.t('Start it with "OCI Events: Start Inbox".'),
    );
  }
  return inbox;
}

/** The request a command was invoked on, still in the running inbox. */
function entryArgument(ctx: InboxContext, record: InboxRecord | undefined): { inbox: Inbox; record: InboxRecord } {
  if (!record) {
    throw new UserError(
      vscode.l10n.t('Choose a request in the Webhook Inbox view.'),
      vscode.l10n.t('Run the command from its row.'),
    );
  }
  const inbox = runningInbox(ctx);
  const current = inbox.get(record.id);
  if (!current) {
    throw new UserError(
      vscode.l10n.t('That request is no longer in the inbox.'),
      vscode.l10n.t('It was cleared, or pushed out by newer ones.'),
    );
  }
  return { inbox, record: current };
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);
}
