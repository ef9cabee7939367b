import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { ResolvedProfile } from '../core/ociConfig/resolveProfile';
import { TenancyModel } from './tenancyModel';
import {
  callsLocalEndpoint,
  ConfigErrorNode,
  ProfileErrorNode,
  ProfileNode,
  TenancyInfoNode,
  TenancyNode,
} from '../core/tenancy/profileNodes';
import { resourceItem } from './resourceItems';
import { isTransitional } from '../core/tenancy/settling';
import type { ContainerNode } from '../core/tenancy/resourceNodes';
import type { SettlePoller } from './settlePoller';

function authLabels(): Record<ResolvedProfile['authType'], string> {
  return {
    apiKey: vscode.l10n.t('API key'),
    sessionToken: vscode.l10n.t('session token'),
    other: vscode.l10n.t('other auth'),
  };
}

export const TENANCY_VIEW_ID = 'oew.tenancy';

export class TenancyTreeProvider extends Disposable implements vscode.TreeDataProvider<TenancyNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TenancyNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  constructor(
    private readonly model: TenancyModel,
    private readonly poller?: SettlePoller,
  ) {
    super();
    this._register(model.onDidChange(() => this._onDidChangeTreeData.fire(undefined)));
    this._register(model.onDidChangeNode((node) => this._onDidChangeTreeData.fire(node)));
    this._register(model.resources.onDidChange((node) => this._onDidChangeTreeData.fire(node)));
    this._register(model.resources.topicRules.onDidChange((node) => this._onDidChangeTreeData.fire(node)));
  }

  getChildren(node?: TenancyNode): TenancyNode[] | Thenable<TenancyNode[]> {
    switch (node?.kind) {
      case undefined:
        return this.model.roots();
      case 'profile':
        return this.withProgress(() => this.model.children(node));
      case 'tenancy':
      case 'compartment':
      case 'group':
      case 'topic':
      case 'rule':
        return this.withProgress(() => this.model.resources.children(node));
      case 'topicRules':
        return this.withProgress(() => this.model.resources.topicRules.children(node));
      default:
        return [];
    }
  }

  /** The view's progress bar while a row's children come from OCI. */
  private withProgress(load: () => Promise<TenancyNode[]>): Thenable<TenancyNode[]> {
    return vscode.window.withProgress({ location: { viewId: TENANCY_VIEW_ID } }, load);
  }

  getParent(node: TenancyNode): TenancyNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getTreeItem(node: TenancyNode): vscode.TreeItem {
    switch (node.kind) {
      case 'profile':
        return profileItem(node, this.model.tenancyName(node));
      case 'configError':
        return configErrorItem(node);
      case 'tenancy':
        return tenancyItem(node);
      case 'profileError':
        return profileErrorItem(node);
      default:
        return this.settling(node, resourceItem(node));
    }
  }

  /** A row in a state OCI leaves by itself has its list polled until it settles. */
  private settling(node: TenancyNode, item: vscode.TreeItem): vscode.TreeItem {
    const row = listedState(node);
    if (row && isTransitional(row.state) && this.poller?.watch(row.list) === 'gave up') {
      item.description = `${typeof item.description === 'string' ? `${item.description} · ` : ''}${vscode.l10n.t('refresh to check again')}`;
    }
    return item;
  }
}

function profileItem(node: ProfileNode, tenancyName: string | undefined): vscode.TreeItem {
  const { profile, isDefault } = node;
  // The emulator and other local endpoints cost nothing to ask, so their tenancy shows at once.
  const local = callsLocalEndpoint(node);
  const item = new vscode.TreeItem(
    profile.name,
    local ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `profile:${profile.name}`;
  const auth = profile.authType === 'other' ? profile.authenticationType! : authLabels()[profile.authType];
  const region = node.region
    ? node.regionSwitched
      ? vscode.l10n.t('{0} (switched)', node.region)
      : node.region
    : vscode.l10n.t('no region');
  // Short enough for the default side-bar width: the icon tells the auth (key or session), the
  // tenancy's row its name, and the tooltip all of it.
  item.description = [
    // A local endpoint, such as the emulator, answers for any region: "local" says more, unless
    // the user switched the region.
    local && !node.regionSwitched ? undefined : region,
    local ? vscode.l10n.t('local') : undefined,
    isDefault ? vscode.l10n.t('default') : undefined,
    node.endpoint && !local ? vscode.l10n.t('custom endpoint') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = new vscode.ThemeIcon(profile.authType === 'sessionToken' ? 'watch' : 'key');
  item.contextValue = node.local ? 'oew.profile.local' : 'oew.profile';
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(isDefault ? `${vscode.l10n.t('{0} (default profile)', profile.name)}\n\n` : `${profile.name}\n\n`);
  for (const [label, value] of [
    [vscode.l10n.t('Tenancy'), tenancyName],
    [
      vscode.l10n.t('Region'),
      node.regionSwitched
        ? vscode.l10n.t('{0}, switched in the editor (the file says {1})', String(node.region), String(profile.region))
        : node.region,
    ],
    [vscode.l10n.t('Endpoint'), node.endpoint],
    [vscode.l10n.t('Auth'), auth],
    [vscode.l10n.t('Tenancy OCID'), profile.tenancy],
    [vscode.l10n.t('User'), profile.user],
    [vscode.l10n.t('Fingerprint'), profile.fingerprint],
    [vscode.l10n.t('Key file'), profile.keyFile],
    [vscode.l10n.t('Session token file'), profile.securityTokenFile],
  ] as const) {
    if (value) {
      tooltip.appendText(`${label}: ${value}`);
      tooltip.appendMarkdown('  \n');
    }
  }
  item.tooltip = tooltip;
  return item;
}

function tenancyItem(node: TenancyInfoNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `tenancy:${node.parent.profile.name}`;
  // The home region is news only where it is not the profile's own.
  item.description =
    node.homeRegion && node.homeRegion !== node.parent.region ? vscode.l10n.t('home {0}', node.homeRegion) : undefined;
  item.tooltip = [
    vscode.l10n.t('{0} (tenancy)', node.name),
    node.homeRegion ? vscode.l10n.t('Home region: {0}', node.homeRegion) : undefined,
    node.description,
    node.id,
  ]
    .filter(Boolean)
    .join('\n');
  item.iconPath = new vscode.ThemeIcon('organization');
  item.contextValue = 'oew.tenancyRoot';
  return item;
}

function profileErrorItem(node: ProfileErrorNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.needsPassphrase
      ? vscode.l10n.t('Enter the pass phrase of the key…')
      : node.refreshCommand
        ? vscode.l10n.t('Session expired')
        : vscode.l10n.t('Could not read the tenancy'),
  );
  item.id = `profileError:${node.parent.profile.name}`;
  item.description = node.needsPassphrase ? undefined : node.message;
  item.tooltip = `${node.message}\n\n${node.nextStep}`;
  item.iconPath = node.needsPassphrase
    ? new vscode.ThemeIcon('key')
    : new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.contextValue = node.refreshCommand ? 'oew.profileError.session' : 'oew.profileError';
  item.command = node.needsPassphrase
    ? { title: 'Enter Pass Phrase…', command: 'oew.tenancy.enterPassphrase', arguments: [node.parent] }
    : node.refreshCommand
      ? { title: 'Refresh Session', command: 'oew.tenancy.refreshSession', arguments: [node] }
      : { title: 'Retry', command: 'oew.tenancy.refresh', arguments: [node.parent] };
  return item;
}

function configErrorItem(node: ConfigErrorNode): vscode.TreeItem {
  const { message, file, line } = node;
  const item = new vscode.TreeItem(
    line ? vscode.l10n.t('OCI config error at line {0}', line) : vscode.l10n.t('OCI config cannot be read'),
  );
  item.id = 'config-error';
  item.description = message;
  item.tooltip = `${file}\n${message}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.contextValue = 'oew.configError';
  item.command = {
    title: 'Open OCI Config File',
    command: 'oew.tenancy.openConfigFile',
    arguments: [{ file, line }],
  };
  return item;
}

/** A resource row's lifecycle state, and the list that holds the row. */
function listedState(node: TenancyNode): { state?: string; list: ContainerNode } | undefined {
  switch (node.kind) {
    case 'rule':
      return { state: node.rule.lifecycleState, list: node.parent };
    case 'topic':
      return { state: node.topic.lifecycleState, list: node.parent };
    case 'subscription':
      return { state: node.subscription.lifecycleState, list: node.parent };
    default:
      return undefined;
  }
}
