import * as vscode from 'vscode';
import { redactUrl } from '../core/http/redact';
import { describeError } from '../core/errors/userError';
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
        title: `Inbox Settings${controller.inbox ? '' : ' (for the next start)'}`,
        placeHolder: 'Choose a setting to change; Escape when done',
      });
      if (!picked) {
        return controller.settings;
      }
      const next = await picked.change();
      if (next) {
        // A value only the running inbox can judge (forwarding to itself) is refused here; the loop goes on.
        await controller.configure(next).catch((err: unknown) => {
          const { cause, nextStep } = describeError(err);
          void vscode.window.showErrorMessage(`${cause} ${nextStep}`);
        });
      }
    }
  },
});

function settingItems(settings: InboxSettings): SettingItem[] {
  const { response, autoAnswer, forwardTo } = settings;
  return [
    {
      label: `Auto-answer ONS confirmations: ${onOff(autoAnswer.onsConfirmation)}`,
      detail: 'Answers a SubscriptionConfirmation 200 at once and opens its ConfirmationURL when the host is trusted.',
      change: () => Promise.resolve({ autoAnswer: { onsConfirmation: !autoAnswer.onsConfirmation } }),
    },
    {
      label: `Auto-answer Cloudpods handshakes: ${onOff(autoAnswer.cloudpods)}`,
      detail: 'Answers the validation or verification a Cloudpods webhook robot sends when it is added.',
      change: () => Promise.resolve({ autoAnswer: { cloudpods: !autoAnswer.cloudpods } }),
    },
    {
      label: `Response status: ${response.status}`,
      change: () =>
        ask(settings, 'Response status', String(response.status), (v) => ({ response: { status: Number(v) } })),
    },
    {
      label: `Response delay: ${response.delayMs} ms`,
      detail: 'Lets you watch a sender time out and retry.',
      change: () =>
        ask(settings, 'Response delay in milliseconds', String(response.delayMs), (v) => ({
          response: { delayMs: v.trim() === '' ? NaN : Number(v) },
        })),
    },
    {
      label: `Response body: ${response.body ? truncate(response.body) : '(empty)'}`,
      change: () =>
        ask(settings, 'Response body (JSON is sent as application/json)', response.body, (v) => ({
          response: { body: v },
        })),
    },
    {
      label: `Forward to: ${forwardTo ? redactUrl(forwardTo) : '(none)'}`,
      detail: 'A base URL every request is also sent to, with its path and query; empty stops forwarding.',
      change: () =>
        ask(
          settings,
          'Forward to (empty for none)',
          forwardTo ?? '',
          (v) => ({ forwardTo: v.trim() || null }),
          (v) =>
            redactUrl(v.trim()) === v.trim()
              ? undefined
              : 'The forward address is kept in workspace state, which is no place for credentials: use a URL without user:pass@ or secret query values.',
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
        const { cause, nextStep } = describeError(err);
        return `${cause} ${nextStep}`;
      }
    },
  });
  return answer === undefined ? undefined : toChange(answer);
}

function onOff(on: boolean): string {
  return on ? 'on' : 'off';
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
