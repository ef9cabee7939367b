import * as vscode from 'vscode';
import { maskEndpoint } from '../core/ons/maskEndpoint';
import { profileOf } from './resourceLists';
import { callsLocalEndpoint } from '../core/tenancy/profileNodes';
import {
  ActionNode,
  CompartmentNode,
  EventTypeNode,
  ContainerNode,
  GroupNode,
  ListErrorNode,
  LoadAllRulesNode,
  LoadMoreNode,
  ResourceNode,
  RuleRefNode,
  RuleNode,
  SubscriptionNode,
  TopicNode,
  TopicRulesNode,
} from '../core/tenancy/resourceNodes';

/** How each resource row is drawn; what it holds is in resourceNodes.ts. */
export function resourceItem(node: ResourceNode): vscode.TreeItem {
  switch (node.kind) {
    case 'compartment':
      return compartmentItem(node);
    case 'group':
      return groupItem(node);
    case 'rule':
      return ruleItem(node);
    case 'topic':
      return topicItem(node);
    case 'subscription':
      return subscriptionItem(node);
    case 'eventType':
      return eventTypeItem(node);
    case 'action':
      return actionItem(node);
    case 'loadMore':
      return loadMoreItem(node);
    case 'listError':
      return listErrorItem(node);
    case 'topicRules':
      return topicRulesItem(node);
    case 'ruleRef':
      return ruleRefItem(node);
    case 'loadAllRules':
      return loadAllRulesItem(node);
  }
}

/** A row's id: unique in the view, and the same across refreshes so that expansion is kept. */
function key(node: ContainerNode): string {
  const profile = profileOf(node).profile.name;
  switch (node.kind) {
    case 'tenancy':
      return `tenancy:${profile}`;
    case 'compartment':
      return `${profile}:${node.id}`;
    case 'group':
      return `${profile}:${node.compartmentId}:${node.group}`;
    case 'topic':
      return `${profile}:${node.topic.topicId}`;
    case 'rule':
      return `${profile}:${node.rule.id}`;
  }
}

function compartmentItem(node: CompartmentNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = key(node);
  item.iconPath = new vscode.ThemeIcon('folder');
  item.tooltip = [node.name, node.description, node.id].filter(Boolean).join('\n');
  item.contextValue = 'oew.compartment';
  return item;
}

function groupItem(node: GroupNode): vscode.TreeItem {
  const rules = node.group === 'rules';
  const item = new vscode.TreeItem(
    rules ? vscode.l10n.t('Rules') : vscode.l10n.t('Topics'),
    vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = key(node);
  item.iconPath = new vscode.ThemeIcon(rules ? 'zap' : 'broadcast');
  item.contextValue = rules ? 'oew.rules' : 'oew.topics';
  return item;
}

function ruleItem(node: RuleNode): vscode.TreeItem {
  const { rule } = node;
  const item = new vscode.TreeItem(rule.displayName, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = key(node);
  const state = rule.lifecycleState === 'ACTIVE' ? undefined : rule.lifecycleState;
  item.description =
    [rule.isEnabled ? undefined : vscode.l10n.t('disabled'), state].filter(Boolean).join(' · ') || undefined;
  item.iconPath = ruleIcon(rule.lifecycleState, rule.isEnabled);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(rule.description ? `${rule.displayName}\n\n${rule.description}\n\n` : `${rule.displayName}\n\n`);
  tooltip.appendCodeblock(prettyCondition(rule.condition), 'json');
  tooltip.appendText(
    `${rule.isEnabled ? vscode.l10n.t('Enabled') : vscode.l10n.t('Disabled')} · ${rule.lifecycleState}\n${rule.id}`,
  );
  item.tooltip = tooltip;
  item.contextValue = rule.isEnabled ? 'oew.rule.enabled' : 'oew.rule.disabled';
  return item;
}

function ruleIcon(state: string, enabled: boolean): vscode.ThemeIcon {
  if (state === 'FAILED') {
    return new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  }
  if (state === 'CREATING' || state === 'UPDATING' || state === 'DELETING') {
    return new vscode.ThemeIcon('loading~spin');
  }
  return enabled
    ? new vscode.ThemeIcon('zap')
    : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
}

function prettyCondition(condition: string): string {
  try {
    return JSON.stringify(JSON.parse(condition), null, 2);
  } catch {
    return condition;
  }
}

function topicItem(node: TopicNode): vscode.TreeItem {
  const { topic } = node;
  const item = new vscode.TreeItem(topic.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = key(node);
  item.description = topic.lifecycleState === 'ACTIVE' ? undefined : topic.lifecycleState;
  item.iconPath = new vscode.ThemeIcon(topic.lifecycleState === 'ACTIVE' ? 'broadcast' : 'loading~spin');
  item.tooltip = [topic.name, topic.description, topic.topicId].filter(Boolean).join('\n');
  // Only a topic of a local emulator can deliver to the inbox on 127.0.0.1: its menu offers that.
  item.contextValue = callsLocalEndpoint(node.profile) ? 'oew.topic.local' : 'oew.topic';
  return item;
}

function subscriptionItem(node: SubscriptionNode): vscode.TreeItem {
  const { subscription } = node;
  // Basic credentials, and a Slack or PagerDuty URL's path, are secrets: never shown, here or in the tooltip.
  const endpoint = maskEndpoint(subscription.protocol, subscription.endpoint);
  const pending = subscription.lifecycleState === 'PENDING';
  const item = new vscode.TreeItem(endpoint, vscode.TreeItemCollapsibleState.None);
  item.id = `${profileOf(node.parent).profile.name}:${subscription.id}`;
  item.description = `${subscription.protocol} · ${pending ? vscode.l10n.t('PENDING: waiting for confirmation') : subscription.lifecycleState}`;
  item.iconPath = pending
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon('mail');
  item.tooltip = `${subscription.protocol} ${endpoint}\n${subscription.lifecycleState}\n${subscription.id}`;
  item.contextValue = pending ? 'oew.subscription.pending' : 'oew.subscription';
  return item;
}

function eventTypeItem(node: EventTypeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.eventType, vscode.TreeItemCollapsibleState.None);
  item.id = `${key(node.parent)}:eventType:${node.eventType}`;
  item.description = vscode.l10n.t('event type');
  item.iconPath = new vscode.ThemeIcon('symbol-event');
  item.contextValue = 'oew.ruleEventType';
  return item;
}

function actionKinds(): Record<ActionNode['actionType'], { label: string; icon: string }> {
  return {
    ONS: { label: vscode.l10n.t('Notifications topic'), icon: 'broadcast' },
    FAAS: { label: vscode.l10n.t('Function'), icon: 'symbol-function' },
    OSS: { label: vscode.l10n.t('Stream'), icon: 'database' },
  };
}

function actionItem(node: ActionNode): vscode.TreeItem {
  const kind = actionKinds()[node.actionType];
  const item = new vscode.TreeItem(node.targetName ?? node.targetId, vscode.TreeItemCollapsibleState.None);
  item.id = `${key(node.parent)}:action:${node.targetId}`;
  item.description = [
    kind.label,
    node.isEnabled ? undefined : vscode.l10n.t('disabled'),
    node.unresolved ? vscode.l10n.t('name unknown') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = node.unresolved
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon(kind.icon);
  item.tooltip = [
    `${kind.label} ${node.targetName ?? ''}`.trim(),
    node.description,
    node.unresolved ? vscode.l10n.t('The name could not be read: {0}', node.unresolved) : undefined,
    node.targetId,
  ]
    .filter(Boolean)
    .join('\n');
  item.contextValue = `oew.action.${node.actionType}`;
  if (node.actionType === 'ONS') {
    item.command = { title: 'Reveal Topic', command: 'oew.tenancy.revealActionTarget', arguments: [node] };
  }
  return item;
}

function loadMoreItem(node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
  item.id = `${key(node.parent)}:more`;
  item.description = vscode.l10n.t('{0} loaded', node.loaded);
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'oew.loadMore';
  item.command = { title: 'Load More', command: 'oew.tenancy.loadMore', arguments: [node] };
  return item;
}

function listErrorItem(node: ListErrorNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Could not load'), vscode.TreeItemCollapsibleState.None);
  item.id = `${key(node.parent)}:error`;
  item.description = node.message;
  item.tooltip = `${node.message}\n\n${node.nextStep}\n\n${vscode.l10n.t('Click to retry.')}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.contextValue = 'oew.listError';
  item.command = { title: 'Retry', command: 'oew.tenancy.loadMore', arguments: [node] };
  return item;
}

function topicRulesItem(node: TopicRulesNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    vscode.l10n.t('Rules targeting this topic'),
    vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `${key(node.parent)}:rules`;
  item.iconPath = new vscode.ThemeIcon('references');
  item.tooltip = vscode.l10n.t('The Events rules whose actions send to this topic, among the rules read so far.');
  item.contextValue = 'oew.topicRules';
  return item;
}

function ruleRefItem(node: RuleRefNode): vscode.TreeItem {
  const { rule } = node;
  const item = new vscode.TreeItem(rule.displayName, vscode.TreeItemCollapsibleState.None);
  item.id = `${key(node.parent.parent)}:rules:${rule.id}`;
  item.description = rule.isEnabled ? undefined : vscode.l10n.t('disabled');
  item.iconPath = ruleIcon(rule.lifecycleState, rule.isEnabled);
  item.tooltip = [rule.displayName, rule.description, rule.id].filter(Boolean).join('\n');
  item.contextValue = 'oew.ruleRef';
  item.command = { title: 'Reveal Rule', command: 'oew.tenancy.revealRule', arguments: [node] };
  return item;
}

function loadAllRulesItem(node: LoadAllRulesNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    vscode.l10n.t('Not every rule is read yet: Load All Rules…'),
    vscode.TreeItemCollapsibleState.None,
  );
  item.id = `${key(node.parent.parent)}:rules:all`;
  item.iconPath = new vscode.ThemeIcon('info');
  item.tooltip = vscode.l10n.t(
    'Only the rules loaded in this tree have been read. Load All Rules reads every rule of the tenancy, with its actions, so that this list is complete.',
  );
  item.contextValue = 'oew.loadAllRules';
  item.command = { title: 'Load All Rules', command: 'oew.tenancy.loadAllRules', arguments: [node] };
  return item;
}
