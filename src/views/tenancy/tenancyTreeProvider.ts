import * as vscode from 'vscode';
import { Disposable } from '../../base/disposable';
import { ResolvedProfile } from '../../core/ociConfig/resolveProfile';
import { TenancyModel, TenancyNode } from './tenancyModel';

const AUTH_LABELS: Record<ResolvedProfile['authType'], string> = {
  apiKey: 'API key',
  sessionToken: 'session token',
  other: 'other auth',
};

export class TenancyTreeProvider extends Disposable implements vscode.TreeDataProvider<TenancyNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TenancyNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  constructor(private readonly model: TenancyModel) {
    super();
    this._register(model.onDidChange(() => this._onDidChangeTreeData.fire(undefined)));
  }

  getChildren(node?: TenancyNode): TenancyNode[] {
    return node ? [] : this.model.roots();
  }

  // Profiles and errors are top-level; later levels (compartments) will name their parents.
  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: TenancyNode): vscode.TreeItem {
    return node.kind === 'profile'
      ? profileItem(node.profile, node.isDefault)
      : errorItem(node.message, node.file, node.line);
  }
}

function profileItem(profile: ResolvedProfile, isDefault: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(profile.name, vscode.TreeItemCollapsibleState.None);
  item.id = `profile:${profile.name}`;
  const auth = profile.authType === 'other' ? profile.authenticationType! : AUTH_LABELS[profile.authType];
  item.description = [profile.region ?? 'no region', auth, isDefault ? 'default' : undefined]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = new vscode.ThemeIcon(profile.authType === 'sessionToken' ? 'watch' : 'key');
  item.contextValue = 'oew.profile';
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(isDefault ? `${profile.name} (default profile)\n\n` : `${profile.name}\n\n`);
  for (const [label, value] of [
    ['Region', profile.region],
    ['Auth', auth],
    ['Tenancy', profile.tenancy],
    ['User', profile.user],
    ['Fingerprint', profile.fingerprint],
    ['Key file', profile.keyFile],
    ['Session token file', profile.securityTokenFile],
  ] as const) {
    if (value) {
      tooltip.appendText(`${label}: ${value}`);
      tooltip.appendMarkdown('  \n');
    }
  }
  item.tooltip = tooltip;
  return item;
}

function errorItem(message: string, file: string, line: number | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(line ? `OCI config error at line ${line}` : 'OCI config cannot be read');
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
