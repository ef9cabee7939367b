import type * as vscode from 'vscode';
import type { EventTypeCatalogue } from '../core/condition/catalogue';
import type { TenancyNode } from '../core/tenancy/profileNodes';
import type { FusionModel, FusionNode } from '../fusion/fusionModel';
import type { InboxController } from '../inbox/inboxController';
import { commandsOf } from '../platform/commands';
import type { FlowMapCoreLoader, XPathCoreLoader } from '../platform/bundles';
import type { TenancyModel } from '../tenancy/tenancyModel';

/** What the event flow map reads and where it sends the user: the trees, rule documents, the inbox. */
export interface FlowMapContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly tenancy: TenancyModel;
  readonly revealInTenancy: (node: TenancyNode) => Thenable<void>;
  readonly catalogue: () => EventTypeCatalogue;
  /** Opens a deployed rule as a document. */
  readonly showRule: (uri: vscode.Uri) => Thenable<unknown>;
  readonly fusion: FusionModel;
  readonly revealInFusion: (node: FusionNode) => Thenable<void>;
  /** For the errors of a Fusion subscription's filter, loaded only for a Fusion map. */
  readonly xpath: XPathCoreLoader;
  readonly inbox: InboxController;
  /** The map's graph, findings and traces, loaded when a map is first shown. */
  readonly core: FlowMapCoreLoader;
}

export const flowMapCommand = commandsOf<FlowMapContext>();
