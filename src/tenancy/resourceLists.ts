import * as vscode from 'vscode';
import type { RuleFilter } from '../core/tenancy/ruleFilterChoices';
import { Disposable } from '../platform/disposable';
import { describeError } from '../core/errors/userError';
import { PagedList } from '../core/paging/pagedList';
import { conditionEventTypes } from '../core/condition/conditionContext';
import type { OciClients } from '../core/oci/ociClients';
import type { OciService } from './ociService';
import {
  ActionNode,
  CompartmentNode,
  EventTypeNode,
  ContainerNode,
  GroupNode,
  ListErrorNode,
  ResourceNode,
  RuleNode,
  SubscriptionNode,
  TopicNode,
} from '../core/tenancy/resourceNodes';
import { ActionSummary, readTargetName, targetOf } from '../core/tenancy/ruleActions';
import { TopicRules } from './topicRules';
import type { ProfileNode, TenancyInfoNode } from '../core/tenancy/profileNodes';

/**
 * How the Rules lists are filtered: `exact` asks the service for that display name (the API
 * matches whole names only) and so reaches every page; `contains` narrows what is loaded, here.
 */

type Listed = CompartmentNode | RuleNode | TopicNode | SubscriptionNode | EventTypeNode | ActionNode;

/**
 * The tenancy's resources under a profile: each container (the tenancy as root compartment, a
 * compartment, a Rules or Topics group, a topic) owns a list that loads a page at a time, as the
 * Azure tools' parent items do. A list that fails keeps what it loaded and shows an error row
 * with Retry; the rest of the tree is not affected.
 */
export class ResourceLists extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<ContainerNode>());
  /** A container's children changed: a page arrived, a load failed, or it was refreshed. */
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidChangeRuleFilter = this._register(new vscode.EventEmitter<RuleFilter | undefined>());
  readonly onDidChangeRuleFilter = this._onDidChangeRuleFilter.event;
  private readonly _onDidRefresh = this._register(new vscode.EventEmitter<ProfileNode>());
  /** A profile's list was read again (its Refresh, or after a change): whatever else shows it may be out of date. */
  readonly onDidRefresh = this._onDidRefresh.event;
  private _ruleFilter: RuleFilter | undefined;
  /** The Rules and Topics groups with a list: a new filter reloads the Rules, and what they hold is looked up. */
  private readonly listedGroups = new Set<GroupNode>();
  // Keyed by node object, so that a tree rebuilt after a reload starts with empty lists.
  private lists = new WeakMap<ContainerNode, PagedList<Listed>>();
  private groups = new WeakMap<ContainerNode, readonly GroupNode[]>();
  /** Action target names by profile and OCID: many rules send to the same few topics. */
  private readonly names = new Map<string, Promise<{ name?: string; unresolved?: string }>>();
  /** Each topic's "Rules targeting this topic" row. */
  readonly topicRules: TopicRules;

  constructor(
    private readonly oci: OciService,
    private readonly log: (message: string) => void,
  ) {
    super();
    this.topicRules = this._register(new TopicRules(oci, log, (profile) => this.loadedRules(profile)));
  }

  /** The rows under a container; the first page is fetched on the first expand. */
  async children(node: ContainerNode): Promise<ResourceNode[]> {
    const list = this.listOf(node);
    if (list.hasMore && list.items.length === 0 && list.error === undefined) {
      await list.loadMore();
      this.logError(node, list);
    }
    return this.rows(node, list);
  }

  /** The next page of a container, for its "Load more" row; clicks during a load share it. */
  async loadMore(node: ContainerNode): Promise<void> {
    const list = this.listOf(node);
    await list.loadMore();
    this.logError(node, list);
    this._onDidChange.fire(node);
  }

  /** Forgets a container's pages, so that it loads again from the first. */
  refresh(node: ContainerNode): void {
    const list = this.lists.get(node);
    if (node.kind === 'rule' || (node.kind === 'group' && node.group === 'rules')) {
      // Their actions may have changed too: read again when a topic's rules are next shown.
      const rules = node.kind === 'rule' ? [node] : (list?.items ?? []).filter((r) => r.kind === 'rule');
      this.topicRules.forget(
        profileOf(node),
        rules.map((r) => r.rule.id),
      );
    }
    list?.reset();
    this._onDidChange.fire(node);
    this._onDidRefresh.fire(profileOf(node));
  }

  get ruleFilter(): RuleFilter | undefined {
    return this._ruleFilter;
  }

  /** Filters every Rules list; an exact filter reloads them from the service, a `contains` one only redraws. */
  setRuleFilter(filter: RuleFilter | undefined): void {
    const before = this._ruleFilter;
    this._ruleFilter = filter?.text ? filter : undefined;
    const reload = before?.mode === 'exact' || this._ruleFilter?.mode === 'exact';
    for (const group of [...this.listedGroups].filter((g) => g.group === 'rules')) {
      if (reload) {
        this.lists.get(group)?.reset();
      }
      this._onDidChange.fire(group);
    }
    this._onDidChangeRuleFilter.fire(this._ruleFilter);
  }

  clear(): void {
    this.lists = new WeakMap();
    this.groups = new WeakMap();
    this.topicRules.clear();
    this.listedGroups.clear();
    this.names.clear();
  }

  /** Reloads the loaded Rules lists of a compartment (a rule moved in or out of it). */
  refreshRules(profile: ProfileNode, compartmentId: string): void {
    [...this.listedGroups]
      .filter((g) => g.profile === profile && g.group === 'rules' && g.compartmentId === compartmentId)
      .forEach((g) => this.refresh(g));
  }

  /** A compartment's Rules or Topics row, the one the tree holds. */
  groupOf(node: TenancyInfoNode | CompartmentNode, group: GroupNode['group']): GroupNode {
    return this.groupsOf(node).find((g) => g.group === group)!;
  }

  /** The names of the topics loaded under a profile, for a check before a create. */
  loadedTopicNames(profile: ProfileNode): string[] {
    return this.loaded(profile, 'topics')
      .filter((item): item is TopicNode => item.kind === 'topic')
      .map((t) => t.topic.name);
  }

  /** A rule as the tree holds it, when its Rules list has loaded it; for reveal. */
  loadedRule(profile: ProfileNode, ruleId: string): RuleNode | undefined {
    return this.loadedRules(profile).find((r) => r.rule.id === ruleId);
  }

  /** The rules loaded in the tree under a profile. */
  loadedRules(profile: ProfileNode): RuleNode[] {
    return this.loaded(profile, 'rules').filter((item): item is RuleNode => item.kind === 'rule');
  }

  /** What the Rules or Topics lists of a profile hold now (a refreshed list holds nothing until it loads again). */
  private loaded(profile: ProfileNode, group: GroupNode['group']): Listed[] {
    return [...this.listedGroups]
      .filter((g) => g.profile === profile && g.group === group)
      .flatMap((g) => this.lists.get(g)?.items ?? []);
  }

  /** The topic an ONS action sends to, when it is loaded in the tree. */
  loadedTopic(action: ActionNode): TopicNode | undefined {
    return action.actionType === 'ONS' ? this.loadedTopicWithId(action.parent.profile, action.targetId) : undefined;
  }

  /** A topic as the tree holds it, when its Topics list has loaded it. */
  loadedTopicWithId(profile: ProfileNode, topicId: string): TopicNode | undefined {
    return this.loaded(profile, 'topics').find(
      (item): item is TopicNode => item.kind === 'topic' && item.topic.topicId === topicId,
    );
  }

  private rows(node: ContainerNode, list: PagedList<Listed>): ResourceNode[] {
    const tail: ResourceNode[] = [];
    if (list.error !== undefined) {
      const { cause, nextStep } = describeError(list.error);
      const error: ListErrorNode = { kind: 'listError', parent: node, message: cause, nextStep };
      tail.push(error);
    } else if (list.hasMore) {
      tail.push({ kind: 'loadMore', parent: node, loaded: list.items.length });
    }
    const filter = this._ruleFilter;
    const items =
      filter?.mode === 'contains' && node.kind === 'group' && node.group === 'rules'
        ? list.items.filter(
            (r) => r.kind === 'rule' && r.rule.displayName.toLowerCase().includes(filter.text.toLowerCase()),
          )
        : list.items;
    const topicRules = node.kind === 'topic' ? [this.topicRules.rowOf(node)] : [];
    return [...this.groupsOf(node), ...topicRules, ...items, ...tail];
  }

  /** A compartment's Rules and Topics come before its child compartments, made once so the tree can find them again. */
  private groupsOf(node: ContainerNode): readonly GroupNode[] {
    if (node.kind !== 'tenancy' && node.kind !== 'compartment') {
      return [];
    }
    let groups = this.groups.get(node);
    if (!groups) {
      const profile = profileOf(node);
      groups = (['rules', 'topics'] as const).map((group) => ({
        kind: 'group',
        parent: node,
        profile,
        group,
        compartmentId: node.id,
      }));
      this.groups.set(node, groups);
    }
    return groups;
  }

  private listOf(node: ContainerNode): PagedList<Listed> {
    let list = this.lists.get(node);
    if (!list) {
      list = new PagedList((page) => this.fetchPage(node, page));
      this.lists.set(node, list);
      if (node.kind === 'group') {
        this.listedGroups.add(node);
      }
    }
    return list;
  }

  private async fetchPage(
    node: ContainerNode,
    page: string | undefined,
  ): Promise<{ items: Listed[]; nextPage?: string }> {
    const profile = profileOf(node);
    const clients = await this.oci.clientsFor(profile.file, profile.profile.name);
    switch (node.kind) {
      case 'tenancy':
      case 'compartment': {
        const result = await clients.compartmentsPage(node.id, { page });
        return {
          ...result,
          items: result.items.map((c) => ({
            kind: 'compartment',
            parent: node,
            profile,
            id: c.id,
            name: c.name,
            description: c.description,
          })),
        };
      }
      case 'group':
        if (node.group === 'rules') {
          const exact = this._ruleFilter?.mode === 'exact' ? this._ruleFilter.text : undefined;
          const result = await clients.rulesPage(node.compartmentId, { page, displayName: exact });
          return { ...result, items: result.items.map((rule) => ({ kind: 'rule', parent: node, profile, rule })) };
        } else {
          const result = await clients.topicsPage(node.compartmentId, { page });
          return {
            ...result,
            items: result.items.map((topic): TopicNode => ({ kind: 'topic', parent: node, profile, topic })),
          };
        }
      case 'rule': {
        const { rule } = await clients.getRule(node.rule.id);
        this.topicRules.record(profile, node.rule, rule.actions?.actions);
        const eventTypes = conditionEventTypes(rule.condition).map((eventType): EventTypeNode => ({
          kind: 'eventType',
          parent: node,
          eventType,
        }));
        const actions = await Promise.all(
          ((rule.actions?.actions ?? []) as ActionSummary[]).map((action) => this.actionNode(node, clients, action)),
        );
        return { items: [...eventTypes, ...actions] };
      }
      case 'topic': {
        const result = await clients.subscriptionsPage(node.topic.compartmentId, node.topic.topicId, { page });
        return {
          ...result,
          items: result.items.map((subscription) => ({ kind: 'subscription', parent: node, profile, subscription })),
        };
      }
    }
  }

  private async actionNode(rule: RuleNode, clients: OciClients, action: ActionSummary): Promise<ActionNode> {
    const actionType = action.actionType === 'FAAS' ? 'FAAS' : action.actionType === 'OSS' ? 'OSS' : 'ONS';
    const targetId = targetOf(action);
    const key = `${rule.profile.profile.name}:${targetId}`;
    let name = this.names.get(key);
    if (!name) {
      name = readTargetName(clients, action).then(
        (resolved) => ({ name: resolved }),
        // The action still shows, by OCID, with the reason: a deleted topic is worth seeing.
        (err: unknown) => ({ unresolved: describeError(err).cause }),
      );
      this.names.set(key, name);
    }
    const { name: targetName, unresolved } = await name;
    return {
      kind: 'action',
      parent: rule,
      actionType,
      targetId,
      isEnabled: action.isEnabled,
      ...(targetName ? { targetName } : {}),
      ...(unresolved ? { unresolved } : {}),
      ...(action.description ? { description: action.description } : {}),
    };
  }

  private logError(node: ContainerNode, list: PagedList<Listed>): void {
    if (list.error !== undefined) {
      this.log(`Profile ${profileOf(node).profile.name}: ${describeError(list.error).cause}`);
    }
  }
}

export function profileOf(node: ContainerNode): ProfileNode {
  return node.kind === 'tenancy' ? node.parent : node.profile;
}
