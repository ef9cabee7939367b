import type * as vscode from 'vscode';
import type { TenancyNode } from '../core/tenancy/profileNodes';
import { commandsOf } from '../platform/commands';
import type { OciService } from './ociService';
import type { TenancyModel } from './tenancyModel';

/** What the Tenancy view's commands use. */
export interface TenancyContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly oci: OciService;
  readonly tenancy: TenancyModel;
  /** Selects a row of the Tenancy view, expanding its ancestors. */
  readonly revealInTenancy: (node: TenancyNode) => Thenable<void>;
}

export const tenancyCommand = commandsOf<TenancyContext>();
