import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { InboxController } from './inboxController';
import { InboxTreeProvider } from './inboxTreeProvider';

export const INBOX_VIEW_ID = 'oew.inbox';

/** The Webhook Inbox view: its requests, with the inbox's URL in the header while it runs. */
export class InboxView extends Disposable {
  readonly provider: InboxTreeProvider;

  constructor(controller: InboxController) {
    super();
    this.provider = this._register(new InboxTreeProvider(controller));
    const view = this._register(vscode.window.createTreeView(INBOX_VIEW_ID, { treeDataProvider: this.provider }));
    this._register(
      controller.onDidChange(() => {
        view.description = controller.inbox?.url;
      }),
    );
  }
}
