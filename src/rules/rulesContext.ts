import type * as vscode from 'vscode';
import type { ConditionCatalogue } from '../conditions';
import type { TenancyNode } from '../core/tenancy/profileNodes';
import { commandsOf } from '../platform/commands';
import type { TenancyModel } from '../tenancy';
import type { RuleFileSystem } from './ruleFileSystem';

/** What the rule commands use: the tenancy's profiles and lists, the event catalogue, and rule documents. */
export interface RulesContext {
  readonly log: vscode.LogOutputChannel;
  readonly tenancy: TenancyModel;
  readonly revealInTenancy: (node: TenancyNode) => Thenable<void>;
  readonly conditions: { readonly catalogue: ConditionCatalogue };
  readonly ruleFiles: RuleFileSystem;
}

export const rulesCommand = commandsOf<RulesContext>();
