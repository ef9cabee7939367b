import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { describeError } from '../core/errors/userError';
import { mapBounded } from '../core/oci/bounded';
import type { RetryOptions } from '../core/oci/retry';
import type { OciService } from './ociService';
import type { ResourceNode, RuleInfo, RuleNode, TopicNode, TopicRulesNode } from '../core/tenancy/resourceNodes';
import { targetsOf } from '../core/tenancy/ruleActions';
import { readRuleDetails } from '../core/tenancy/ruleDetails';
import { RuleTargetIndex } from '../core/tenancy/ruleTargetIndex';
import type { ProfileNode } from '../core/tenancy/profileNodes';

/**
 * Each topic's "Rules targeting this topic" row. A rule's actions come only with its details,
 * so the rules loaded in the tree are read when the row opens, and every rule of the tenancy
 * after "Load All Rules"; until then the row says it is not complete.
 */
export class TopicRules extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<TopicRulesNode>());
  /** A row's rules changed: more rules were read. */
  readonly onDidChange = this._onDidChange.event;
  private readonly index = new RuleTargetIndex();
  private rows = new WeakMap<TopicNode, TopicRulesNode>();
  /** The rows shown, redrawn when more rules are read. */
  private readonly shown = new Set<TopicRulesNode>();

  constructor(
    private readonly oci: OciService,
    private readonly log: (message: string) => void,
    /** The rules the tree has loaded under a profile. */
    private readonly loadedRules: (profile: ProfileNode) => RuleNode[],
  ) {
    super();
  }

  /** A topic's row, made once so that the tree can find it again. */
  rowOf(topic: TopicNode): TopicRulesNode {
    let row = this.rows.get(topic);
    if (!row) {
      row = { kind: 'topicRules', parent: topic };
      this.rows.set(topic, row);
    }
    return row;
  }

  /** Notes where a rule sends, once its details were read for another reason. */
  record(profile: ProfileNode, rule: RuleInfo, actions: readonly unknown[] | undefined): void {
    this.index.record(profile.profile.name, rule, targetsOf(actions));
  }

  /** The rules known to send to a topic, and whether every rule of the tenancy has been read. */
  targeting(topic: TopicNode): { rules: RuleInfo[]; complete: boolean } {
    return this.index.targeting(topic.profile.profile.name, topic.topic.topicId);
  }

  /** The rows under a topic's row: its rules, then, until every rule is read, the offer to read them. */
  async children(node: TopicRulesNode): Promise<ResourceNode[]> {
    this.shown.add(node);
    const profile = node.parent.profile;
    const unread = this.loadedRules(profile).filter((r) => !this.index.has(profile.profile.name, r.rule.id));
    if (unread.length) {
      const clients = await this.oci.clientsFor(profile.file, profile.profile.name);
      await mapBounded(unread, 4, async (r) => {
        try {
          this.record(profile, r.rule, (await clients.getRule(r.rule.id)).rule.actions?.actions);
        } catch (err) {
          // Left unread: the last row says not every rule is read, and Load All Rules tries again.
          this.log(`Profile ${profile.profile.name}: ${describeError(err).cause}`);
        }
      });
    }
    const { rules, complete } = this.targeting(node.parent);
    const rows: ResourceNode[] = rules.map((rule) => ({ kind: 'ruleRef', parent: node, rule }));
    return complete ? rows : [...rows, { kind: 'loadAllRules', parent: node }];
  }

  /** Reads every rule of a profile's tenancy with its actions; returns how many. */
  async loadAll(profile: ProfileNode, tenancyId: string, retry?: RetryOptions): Promise<number> {
    const clients = await this.oci.clientsFor(profile.file, profile.profile.name, true);
    const options = { ...this.oci.listOptions(retry?.isCancelled), retry };
    const compartments = await clients.listCompartments(tenancyId, true, options);
    const summaries = await clients.listRules([tenancyId, ...compartments.map((c) => c.id)], options);
    const rules = await readRuleDetails(clients, summaries, options);
    this.index.replaceAll(profile.profile.name, rules);
    this.redrawProfile(profile);
    return rules.length;
  }

  /** Reads the profile's rules again, as the row's Refresh asks. */
  reread(node: TopicRulesNode): void {
    this.index.forgetProfile(node.parent.profile.profile.name);
    this.redrawProfile(node.parent.profile);
  }

  /** Forgets what is known of some rules (a Rules list or rule was refreshed): they are read again when next needed. */
  forget(profile: ProfileNode, ruleIds: readonly string[]): void {
    this.index.forget(profile.profile.name, ruleIds);
  }

  private redrawProfile(profile: ProfileNode): void {
    for (const node of this.shown) {
      if (node.parent.profile === profile) {
        this._onDidChange.fire(node);
      }
    }
  }

  clear(): void {
    this.rows = new WeakMap();
    this.shown.clear();
    this.index.clear();
  }
}
