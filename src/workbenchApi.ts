import type { ConditionTestView } from './conditions/conditionTestView';
import type { EventTestsFeature } from './eventTests/register';
import type { FilterEvaluationView } from './filters/filterEvaluationView';
import type { FlowMapPanel } from './flowMap/flowMapPanel';
import type { FusionModel } from './fusion/fusionModel';
import type { FusionTreeProvider } from './fusion/fusionTreeProvider';
import type { InboxController } from './inbox/inboxController';
import type { InboxTreeProvider } from './inbox/inboxTreeProvider';
import type { LocalEmulator } from './localEmulator/localEmulator';
import type { Prompts } from './platform/prompts';
import type { RuleFileSystem } from './rules/ruleFileSystem';
import type { SenderFeature } from './sender/senderFeature';
import type { OciService } from './tenancy/ociService';
import type { TenancyModel } from './tenancy/tenancyModel';
import type { TenancyTreeProvider } from './tenancy/tenancyTreeProvider';

/**
 * What `activate` returns to the extension's own integration tests, and only to them: in any
 * other mode it returns nothing, so no other extension can reach these services or answer
 * the workbench's questions.
 */
export interface WorkbenchApi {
  readonly prompts: Prompts;
  readonly tenancy: { readonly model: TenancyModel; readonly provider: TenancyTreeProvider };
  readonly oci: OciService;
  readonly localEmulator: LocalEmulator;
  readonly rules: { readonly fileSystem: RuleFileSystem };
  readonly conditionTest: { readonly provider: ConditionTestView };
  readonly filterEvaluation: { readonly provider: FilterEvaluationView };
  readonly eventTests: EventTestsFeature;
  readonly fusion: { readonly model: FusionModel; readonly provider: FusionTreeProvider };
  readonly webhooks: { readonly inbox: InboxController; readonly provider: InboxTreeProvider };
  readonly sender: SenderFeature;
  /** The open event flow maps. */
  readonly flowMap: { readonly panels: () => readonly FlowMapPanel[] };
}
