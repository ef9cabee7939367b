import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { eventRow } from '../core/fusion/catalogGroups';
import { isLoopback } from '../core/net/isLoopback';
import { disabledEventName } from '../core/fusion/disabledEvents';
import { parseQName } from '../core/fusion/fusionEvents';
import { connectionOf, FusionModel, FusionNode } from './fusionModel';

export class FusionTreeProvider extends Disposable implements vscode.TreeDataProvider<FusionNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<FusionNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  constructor(private readonly model: FusionModel) {
    super();
    this._register(model.onDidChange((node) => this._onDidChangeTreeData.fire(node)));
  }

  getChildren(node?: FusionNode): FusionNode[] | Thenable<FusionNode[]> {
    if (!node) {
      return this.model.connections();
    }
    // Progress in the view while a branch loads from the instance.
    return vscode.window.withProgress({ location: { viewId: 'oew.fusion' } }, () => this.model.getChildren(node));
  }

  getParent(node: FusionNode): FusionNode | undefined {
    return node.kind === 'connection' ? undefined : node.parent;
  }

  getTreeItem(node: FusionNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'connection': {
        const item = new vscode.TreeItem(node.connection.name, collapsed);
        const filter = this.model.filter(node.connection);
        item.description = [node.connection.username, filter ? vscode.l10n.t('filter: {0}', filter) : undefined]
          .filter(Boolean)
          .join(' · ');
        item.tooltip = `${node.connection.baseUrl}\n${vscode.l10n.t('User: {0}', node.connection.username)}${node.connection.expectedOicHosts?.length ? `\n${vscode.l10n.t('Expected OIC hosts: {0}', node.connection.expectedOicHosts.join(', '))}` : ''}`;
        item.iconPath = new vscode.ThemeIcon('server-environment');
        item.contextValue = isLoopback(node.connection.baseUrl)
          ? 'oew.fusion.connection.emulator'
          : 'oew.fusion.connection';
        return item;
      }
      case 'group': {
        const GROUP_LABELS = {
          catalog: vscode.l10n.t('Catalog'),
          custom: vscode.l10n.t('Custom Events'),
          subscriptions: vscode.l10n.t('Subscriptions'),
          disabled: vscode.l10n.t('Disabled Events'),
        };
        const item = new vscode.TreeItem(GROUP_LABELS[node.group], collapsed);
        item.iconPath = new vscode.ThemeIcon(
          { catalog: 'library', custom: 'extensions', subscriptions: 'radio-tower', disabled: 'circle-slash' }[
            node.group
          ],
        );
        item.contextValue = `oew.fusion.group.${node.group}`;
        return item;
      }
      case 'module': {
        const item = new vscode.TreeItem(node.module, collapsed);
        item.description = `${node.events.length}`;
        item.iconPath = new vscode.ThemeIcon('folder-library');
        return item;
      }
      case 'event': {
        const { event, enabled } = node.info;
        const { label, description, state } = eventRow(node.info);
        const item = new vscode.TreeItem(label);
        item.description = description;
        const tooltip = new vscode.MarkdownString();
        tooltip.appendMarkdown(`**${event.displayName}** (${state})\n\n`);
        tooltip.appendCodeblock(event.name, 'text');
        if (event.description) tooltip.appendText(event.description);
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon(enabled === false ? 'bell-slash' : 'bell');
        // Raise in Emulator is offered only where the emulator answers.
        item.contextValue = isLoopback(connectionOf(node)!.connection.baseUrl)
          ? 'oew.fusion.event.emulator'
          : 'oew.fusion.event';
        return item;
      }
      case 'subscription': {
        const { subscription, stale, eventDisabled } = node;
        const item = new vscode.TreeItem(subscription.integration ?? subscription.id);
        const host = hostOf(subscription.endpoint);
        // The warning alone would not say which problem it is; the tooltip gives the whole story.
        item.description = eventDisabled
          ? vscode.l10n.t('event disabled')
          : [parseQName(subscription.eventName)?.local ?? subscription.eventName, host].filter(Boolean).join(' → ');
        item.tooltip = [
          eventDisabled
            ? vscode.l10n.t(
                'Event disabled: no events will arrive. It is disabled in Fusion’s erpBusinessEvents, so Fusion never raises it. Enable the event (Disabled Events, Enable Event…) to receive it.',
              )
            : undefined,
          stale
            ? vscode.l10n.t(
                'Points at another environment: its OIC host is not among this connection’s expected hosts.',
              )
            : undefined,
          `${subscription.id}: ${subscription.eventName}`,
          subscription.endpoint,
          subscription.filter
            ? vscode.l10n.t('Filter: {0}', subscription.filter)
            : vscode.l10n.t('No filter: every event'),
        ]
          .filter(Boolean)
          .join('\n');
        item.iconPath =
          stale || eventDisabled
            ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
            : new vscode.ThemeIcon('radio-tower');
        item.contextValue = 'oew.fusion.subscription';
        return item;
      }
      case 'disabled': {
        const item = new vscode.TreeItem(disabledEventName(node.record, node.event));
        item.description = vscode.l10n.t('{0} · disabled', node.record.BusinessEventCode);
        item.tooltip = vscode.l10n.t(
          '{0} (ErpBusinessEventId {1}) ships disabled: it never fires until enabled.',
          node.record.BusinessEventIdentifier,
          node.record.ErpBusinessEventId,
        );
        item.iconPath = new vscode.ThemeIcon('bell-slash', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.contextValue = 'oew.fusion.disabled';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text);
        item.tooltip = [node.text, node.detail].filter(Boolean).join('\n\n');
        item.iconPath =
          node.severity === 'error'
            ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'))
            : new vscode.ThemeIcon(node.severity === 'password' ? 'key' : 'info');
        item.contextValue = `oew.fusion.message.${node.severity}`;
        if (node.severity === 'error') {
          item.command = { title: vscode.l10n.t('Retry'), command: 'oew.fusion.refresh', arguments: [node.parent] };
        } else if (node.severity === 'password') {
          item.command = {
            title: vscode.l10n.t('Set Password'),
            command: 'oew.fusion.setPassword',
            arguments: [node.parent],
          };
        }
        return item;
      }
    }
  }
}

function hostOf(endpoint: string | undefined): string | undefined {
  try {
    return endpoint ? new URL(endpoint).host : undefined;
  } catch {
    return endpoint;
  }
}
