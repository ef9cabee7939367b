import * as vscode from 'vscode';
import { carriesEvent } from '../core/inbox/inboxSample';
import { Disposable } from '../platform/disposable';
import { InboxRecord } from '../core/inbox/inboxRecord';
import {
  inboxEntryDetails,
  inboxEntryLabel,
  inboxEntrySummary,
  inboxEntryTime,
  needsApproval,
} from '../core/inbox/inboxSummary';
import { InboxController } from './inboxController';

export const OPEN_ENTRY_COMMAND = 'oew.inbox.openEntry';

/** The running inbox's requests, newest first, one row each. */
export class InboxTreeProvider extends Disposable implements vscode.TreeDataProvider<InboxRecord> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  constructor(private readonly controller: InboxController) {
    super();
    this._register(controller.onDidChange(() => this._onDidChangeTreeData.fire(undefined)));
  }

  getChildren(node?: InboxRecord): InboxRecord[] {
    return node ? [] : (this.controller.inbox?.records().reverse() ?? []);
  }

  getTreeItem(record: InboxRecord): vscode.TreeItem {
    const summary = inboxEntrySummary(record);
    const item = new vscode.TreeItem(inboxEntryLabel(record, summary));
    item.id = record.id;
    item.description = inboxEntryTime(record);
    item.tooltip = inboxEntryDetails(record, summary).join('\n');
    item.contextValue = needsApproval(record)
      ? 'oew.inbox.entry.needsApproval'
      : carriesEvent(record)
        ? 'oew.inbox.entry.event'
        : 'oew.inbox.entry';
    item.iconPath = entryIcon(record);
    item.command = { command: OPEN_ENTRY_COMMAND, title: vscode.l10n.t('Open Entry'), arguments: [record] };
    return item;
  }
}

function entryIcon(record: InboxRecord): vscode.ThemeIcon {
  switch (record.confirmation?.outcome) {
    case 'needs-approval':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'confirmed':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  }
  return new vscode.ThemeIcon('mail');
}
