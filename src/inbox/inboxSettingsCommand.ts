import * as vscode from 'vscode';
import { redactUrl } from '../core/http/redact';
import { errorText } from '../platform/errorBoundary';
import { changeSettings, InboxSettings, InboxSettingsChange } from '../core/inbox/inboxSettings';
import { prompts } from '../platform/prompts';
import { anything, optional } from '../core/commands/commandArgs';
import { inboxCommand } from './inboxContext';

interface SettingItem extends vscode.QuickPickItem {
  /** The change this row makes, asking for a value first when it needs one. */
  readonly change: () => Promise<InboxSettingsChange | undefined>;
}

/**
 * Edits what the inbox answers and where it forwards, one row at a time until the pick is
 * closed; each change applies from the next request and is kept for the next start.
 */
export const inboxConfigure = inboxCommand({
  id: 'oew.inbox.configure',
  // The view's title button passes its focused row, which this does not use.
  args: [optional(anything)],
  run: async (ctx) => {
    const controller = ctx.webhooks.inbox;
    for (;;) {
      const settings = controller.settings;
      const picked = await prompts.pick(settingItems(settings), {
        title: controller.inbox
          ? vscode.l10n.t('Inbox Settings')
          : vscode.l10n.t('Inbox Settings (for the next start)'),
        placeHolder: vscode.l10n.t('Choose a setting to change; Escape when done'),
      });
      if (!picked) {
        return controller.settings;
      }
      const next = await picked.change();
      if (next) {
        // A value only the running inbox can judge (forwarding to itself) is refused here; the loop goes on.
        await controller.configure(next).catch((err: unknown) => {
          void vscode.window.showErrorMessage(errorText(err));
        });
      }
    }
  },
});

function settingItems(settings: InboxSettings): SettingItem[] {
  const { response, autoAnswer, forwardTo } = settings;
  return [
    {
      label: vscode.l10n.t('Auto-answer ONS confirmations: {0}', onOff(autoAnswer.onsConfirmation)),
      detail: vscode.l10n.t(
        'Answers a SubscriptionConfirmation 200 at once and opens its ConfirmationURL when the host is trusted.',
      ),
      change: () => Promise.resolve({ autoAnswer: { onsConfirmation: !autoAnswer.onsConfirmation } }),
    },
    {
      label: vscode.l10n.t('Auto-answer Cloudpods handshakes: {0}', onOff(autoAnswer.cloudpods)),
      detail: vscode.l10n.t('Answers the validation or verification a Cloudpods webhook robot sends when it is added.'),
      change: () => Promise.resolve({ autoAnswer: { cloudpods: !autoAnswer.cloudpods } }),
    },
    {
      label: vscode.l10n.t('Response status: {0}', response.status),
      change: () =>
        ask(settings, vscode.l10n.t('Response status'), String(response.status), (v) => ({
          response: { status: Number(v) },
        })),
    },
    {
      label: vscode.l10n.t('Response delay: {0} ms', response.delayMs),
      detail: vscode.l10n.t('Lets you watch a sender time out and retry.'),
      change: () =>
        ask(settings, vscode.l10n.t('Response delay in milliseconds'), String(response.delayMs), (v) => ({
          response: { delayMs: v.trim() === '' ? NaN : Number(v) },
        })),
    },
    {
      label: vscode.l10n.t('Response body: {0}', response.body ? truncate(response.body) : vscode.l10n.t('(empty)')),
      change: () =>
        ask(settings, vscode.l10n.t('Response body (JSON is sent as application/json)'), response.body, (v) => ({
          response: { body: v },
        })),
    },
    {
      label: vscode.l10n.t('Forward to: {0}', forwardTo ? redactUrl(forwardTo) : vscode.l10n.t('(none)')),
      detail: vscode.l10n.t(
        'A base URL every request is also sent to, with its path and query; empty stops forwarding.',
      ),
      change: () =>
        ask(
          settings,
          vscode.l10n.t('Forward to (empty for none)'),
          forwardTo ?? '',
          (v) => ({ forwardTo: v.trim() || null }),
          (v) =>
            redactUrl(v.trim()) === v.trim()
              ? undefined
              : vscode.l10n.t(
                  'The forward address is kept in workspace state, which is no place for credentials: use a URL without user:pass@ or secret query values.',
                ),
        ),
    },
  ];
}

/** The change an input box's value makes, checked by the core's own rules as the user types. */
async function ask(
  settings: InboxSettings,
  title: string,
  value: string,
  toChange: (value: string) => InboxSettingsChange,
  refuse: (value: string) => string | undefined = () => undefined,
): Promise<InboxSettingsChange | undefined> {
  const answer = await prompts.input({
    title,
    value,
    validateInput: (text) => {
      const refused = refuse(text);
      if (refused) {
        return refused;
      }
      try {
        changeSettings(settings, toChange(text));
        return undefined;
      } catch (err) {
        return errorText(err);
      }
    },
  });
  return answer === undefined ? undefined : toChange(answer);
}

function onOff(on: boolean): string {
  return on ? vscode.l10n.t('on') : vscode.l10n.t('off');
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
