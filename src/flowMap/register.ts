import * as vscode from 'vscode';
import type { FusionContext } from '../fusion/fusionContext';
import type { FusionView } from '../fusion/fusionView';
import type { InboxController } from '../inbox/inboxController';
import type { Platform } from '../platform/platform';
import type { RulesContext } from '../rules/rulesContext';
import type { TenancyContext } from '../tenancy';
import { showEventFlow } from './commands/showEventFlow';
import type { FlowMapContext } from './flowMapContext';
import { FLOW_MAP_VIEW_TYPE, FlowMapPanel } from './flowMapPanel';
import { isFlowMapScope } from './flowMapScope';

/** The event flow map: its command, and its panels restored after a reload. */
export function registerFlowMap(
  platform: Platform,
  deps: {
    readonly tenancy: TenancyContext;
    readonly rules: RulesContext;
    readonly fusion: FusionContext & { readonly view: FusionView };
    readonly inbox: InboxController;
  },
): FlowMapContext {
  const ctx: FlowMapContext = {
    extension: platform.extension,
    log: platform.log,
    tenancy: deps.tenancy.tenancy,
    revealInTenancy: deps.tenancy.revealInTenancy,
    catalogue: () => deps.rules.conditions.catalogue.current,
    showRule: (uri) => deps.rules.ruleFiles.show(uri),
    fusion: deps.fusion.fusion.model,
    revealInFusion: (node) => deps.fusion.view.reveal(node),
    xpath: deps.fusion.filters.core,
    inbox: deps.inbox,
    core: platform.bundles.flowMap,
  };
  platform.registerCommands(ctx, [showEventFlow]);
  platform.own(
    vscode.window.registerWebviewPanelSerializer(FLOW_MAP_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => {
        const scope = (state as { scope?: unknown } | undefined)?.scope;
        if (isFlowMapScope(scope)) {
          FlowMapPanel.revive(ctx, panel, scope);
        } else {
          // A map whose state was lost cannot say what it was of.
          panel.dispose();
        }
        return Promise.resolve();
      },
    }),
  );
  return ctx;
}
