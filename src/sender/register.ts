import type { ConditionCatalogue } from '../conditions';
import type { InboxController } from '../inbox';
import type { Platform } from '../platform/platform';
import type { TenancyModel } from '../tenancy';
import { openRequestFile, openSender, sendFusionEvent, sendSampleEvent, sendToSubscription } from './senderCommands';
import { SenderFeature } from './senderFeature';

/** The Webhook Sender panel, what it keeps, and the commands that open it. */
export function registerSender(
  platform: Platform,
  tenancy: TenancyModel,
  catalogue: ConditionCatalogue,
  inbox: InboxController,
): SenderFeature {
  const sender = platform.own(
    new SenderFeature({
      extension: platform.extension,
      log: platform.log,
      bundle: platform.bundles.webhooks,
      tenancy,
      catalogue,
      inboxUrl: () => inbox.inbox?.url,
      onDidChangeInbox: inbox.onDidChange,
    }),
  );
  platform.registerCommands({ sender }, [
    openSender,
    openRequestFile,
    sendToSubscription,
    sendFusionEvent,
    sendSampleEvent,
  ]);
  return sender;
}
