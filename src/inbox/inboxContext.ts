import type * as vscode from 'vscode';
import { shaped } from '../core/commands/commandArgs';
import type { InboxRecord } from '../core/inbox/inboxRecord';
import { commandsOf } from '../platform/commands';
import type { TenancyModel } from '../tenancy';
import type { InboxController } from './inboxController';
import type { ReadOnlyDocuments } from '../platform/readOnlyDocuments';

/** What the Webhook Inbox's commands use; the tenancy for subscribing the inbox to a topic. */
export interface InboxContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly tenancy: TenancyModel;
  readonly webhooks: {
    readonly inbox: InboxController;
    /** The read-only documents Open Entry shows. */
    readonly entries: ReadOnlyDocuments;
  };
}

export const inboxCommand = commandsOf<InboxContext>();

/** A request the Webhook Inbox received, as its rows pass it. */
export const recordArg = shaped<InboxRecord>(
  'a request of the Webhook Inbox',
  (v) => typeof v.id === 'string' && typeof v.method === 'string',
);
