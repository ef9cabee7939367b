import type { Platform } from '../platform/platform';
import { ReadOnlyDocuments } from '../platform/readOnlyDocuments';
import { readInboxSettings } from '../platform/settings';
import type { TenancyModel } from '../tenancy';
import { InboxContext } from './inboxContext';
import {
  addEntryToTest,
  inboxClear,
  inboxConfirm,
  inboxCopyUrl,
  inboxOpenEntry,
  inboxOpenInSender,
  inboxReplay,
  inboxSaveSample,
  inboxStart,
  inboxStop,
} from './inboxCommands';
import { InboxController } from './inboxController';
import { inboxConfigure } from './inboxSettingsCommand';
import { InboxView } from './inboxView';
import { inboxSubscribeToTopic } from './subscribeInbox';

/** The scheme of the read-only documents of received requests, for Open Entry. */
const INBOX_ENTRY_SCHEME = 'oew-inbox';

/** The Webhook Inbox: its server, view, entry documents and commands. */
export function registerInbox(platform: Platform, tenancy: TenancyModel): InboxContext & { readonly view: InboxView } {
  const { extension, log } = platform;
  // Per workspace, so each project's inbox shows the requests it received.
  const inbox = platform.own(
    new InboxController(
      platform.bundles.webhooks,
      platform.storagePath('inbox', 'workspace'),
      extension.workspaceState,
      log,
    ),
  );
  const view = platform.own(new InboxView(inbox));
  const entries = platform.own(new ReadOnlyDocuments(INBOX_ENTRY_SCHEME));
  const ctx: InboxContext = { extension, log, tenancy, webhooks: { inbox, entries } };
  platform.registerCommands(ctx, [
    inboxStart,
    inboxStop,
    inboxCopyUrl,
    inboxClear,
    inboxConfigure,
    inboxOpenEntry,
    inboxConfirm,
    inboxOpenInSender,
    inboxReplay,
    inboxSaveSample,
    addEntryToTest,
    inboxSubscribeToTopic,
  ]);
  if (readInboxSettings().startOnActivation) {
    // After activation returns: loading dist/webhooks.js must not delay it.
    const starting = setTimeout(
      () => inbox.start().catch((err: unknown) => log.error('Starting the webhook inbox on activation failed:', err)),
      0,
    );
    platform.own({ dispose: () => clearTimeout(starting) });
  }
  return { ...ctx, view };
}
