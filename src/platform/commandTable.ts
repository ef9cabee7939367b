import * as vscode from 'vscode';
import { inErrorBoundary } from './errorBoundary';
import { ConditionCatalogue } from '../conditions/conditionCatalogue';
import { ConditionTestModel } from '../conditions/conditionTestModel';
import { FusionPasswords } from '../fusion/fusionConnections';
import { XPathCore } from '../filters/xpathCore';
import { FusionDetails } from '../fusion/fusionDetails';
import { FusionModel } from '../fusion/fusionModel';
import { FilterEvaluationModel } from '../filters/filterEvaluationModel';
import { LocalEmulator } from '../localEmulator/localEmulator';
import { RuleFileSystem } from '../rules/ruleFileSystem';
import { OciService } from '../tenancy/ociService';
import { TenancyModel, TenancyNode } from '../tenancy/tenancyModel';
import { SenderFeature } from '../sender/senderFeature';
import { InboxEntryDocuments } from '../inbox/inboxEntryDocuments';
import { InboxController } from '../inbox/inboxController';

/** What command handlers may use; owned by the extension's lifetime. */
export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly tenancy: TenancyModel;
  /** Selects a row of the Tenancy view, expanding its ancestors. */
  readonly revealInTenancy: (node: TenancyNode) => Thenable<void>;
  readonly oci: OciService;
  /** The emulator run in the extension host, started by a command. */
  readonly localEmulator: LocalEmulator;
  /** Rules opened from the Tenancy view; its questions are also asked before a rule file deploys. */
  readonly ruleFiles: RuleFileSystem;
  readonly conditions: {
    readonly catalogue: ConditionCatalogue;
    readonly testModel: ConditionTestModel;
    revealResults(): Promise<void>;
  };
  readonly fusion: {
    readonly model: FusionModel;
    readonly passwords: FusionPasswords;
    readonly details: FusionDetails;
  };
  readonly filters: {
    /** The filter language and the Fusion catalog, loaded on first use. */
    readonly core: () => typeof XPathCore;
    readonly model: FilterEvaluationModel;
    revealResults(): Promise<void>;
  };
  readonly webhooks: {
    readonly inbox: InboxController;
    /** The read-only documents Open Entry shows. */
    readonly entries: InboxEntryDocuments;
  };
  /** The Webhook Sender panel and what it keeps: history, secrets, saved requests. */
  readonly sender: Pick<SenderFeature, 'open' | 'openFile' | 'inboxUrl' | 'rememberBasicPassword'>;
}

export interface Command {
  /** Written out in full, so that a check can match it against package.json. */
  readonly id: string;
  run(ctx: CommandContext, ...args: never[]): unknown;
}

export function registerCommands(ctx: CommandContext, commands: readonly Command[]): vscode.Disposable[] {
  return commands.map((command) =>
    vscode.commands.registerCommand(
      command.id,
      inErrorBoundary(ctx.log, command.id, (...args: unknown[]) => command.run(ctx, ...(args as never[]))),
    ),
  );
}
