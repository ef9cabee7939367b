import * as vscode from 'vscode';
import type { OciClients } from '../../core/oci';
import { RuleDetails } from '../../core/rules/ruleDocument';
import { cliCreateCommand, terraformResource } from '../../core/rules/ruleExport';
import { RuleNode } from '../../core/tenancy/resourceNodes';
import { changeWithProgress } from '../../tenancy';
import { pickCompartment } from '../../tenancy';
import { prompts } from '../../platform/prompts';
import { ruleRow } from '../../core/tenancy/tenancyArgs';
import { RulesContext, rulesCommand } from '../rulesContext';

function clientsOf(ctx: RulesContext, node: RuleNode): Promise<OciClients> {
  return ctx.tenancy.clientsFor(node.profile);
}

/** The rule as the service holds it now, with its ETag: actions come only with a read of the rule. */
async function currentRule(ctx: RulesContext, node: RuleNode) {
  const clients = await clientsOf(ctx, node);
  const { rule, etag } = await clients.getRule(node.rule.id);
  const details: RuleDetails = {
    displayName: rule.displayName,
    ...(rule.description ? { description: rule.description } : {}),
    isEnabled: rule.isEnabled,
    condition: rule.condition,
    actions: {
      actions: (rule.actions?.actions ?? []).map((a) => ({ ...a, isEnabled: a.isEnabled !== false })),
    },
    ...(rule.freeformTags && Object.keys(rule.freeformTags).length ? { freeformTags: rule.freeformTags } : {}),
  };
  return { clients, etag, details, compartmentId: rule.compartmentId };
}

/** Copies the rule, read from the service with its actions, as text `write` makes. */
function copyAs(label: string, write: (details: RuleDetails, compartmentId: string) => string) {
  return async (ctx: RulesContext, node: RuleNode) => {
    const { details, compartmentId } = await currentRule(ctx, node);
    const text = write(details, compartmentId);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(`Copied rule ${details.displayName} as ${label}`, 3000);
    return text;
  };
}

export const copyRuleAsCli = rulesCommand({
  id: 'oew.tenancy.copyRuleAsCli',
  args: [ruleRow],
  run: copyAs('an OCI CLI command', cliCreateCommand),
});

export const copyRuleAsTerraform = rulesCommand({
  id: 'oew.tenancy.copyRuleAsTerraform',
  args: [ruleRow],
  run: copyAs('Terraform', terraformResource),
});

function setEnabled(isEnabled: boolean) {
  return async (ctx: RulesContext, node: RuleNode) => {
    const verb = isEnabled ? 'Enabling' : 'Disabling';
    return changeWithProgress(
      ctx.log,
      `${verb} rule ${node.rule.displayName}…`,
      async (retry) => {
        const { clients, etag } = await currentRule(ctx, node);
        await clients.updateRule(node.rule.id, { isEnabled }, etag, retry);
      },
      () => ctx.tenancy.resources.refresh(node.parent),
    );
  };
}

export const enableRule = rulesCommand({ id: 'oew.tenancy.enableRule', args: [ruleRow], run: setEnabled(true) });
export const disableRule = rulesCommand({ id: 'oew.tenancy.disableRule', args: [ruleRow], run: setEnabled(false) });

export const deleteRule = rulesCommand({
  id: 'oew.tenancy.deleteRule',
  args: [ruleRow],
  run: async (ctx, node: RuleNode) => {
    const { rule } = node;
    if (
      !(await prompts.confirm(
        `Delete rule ${rule.displayName}?`,
        `Events it matches are no longer sent to its actions. ${rule.id}`,
        'Delete',
      ))
    ) {
      return false;
    }
    return changeWithProgress(
      ctx.log,
      `Deleting rule ${rule.displayName}…`,
      async (retry) => {
        const { clients, etag } = await currentRule(ctx, node);
        await clients.deleteRule(rule.id, etag, retry);
      },
      () => ctx.tenancy.resources.refresh(node.parent),
    );
  },
});

/** Moves a rule to another compartment of its tenancy; both compartments' Rules reload. */
export const moveRule = rulesCommand({
  id: 'oew.tenancy.moveRule',
  args: [ruleRow],
  run: async (ctx, node: RuleNode) => {
    const title = `Move Rule ${node.rule.displayName}`;
    const compartmentId = (await pickCompartment(ctx, node.profile, title, node.rule.compartmentId))?.id;
    if (!compartmentId || compartmentId === node.rule.compartmentId) {
      return false;
    }
    return changeWithProgress(
      ctx.log,
      `Moving rule ${node.rule.displayName}…`,
      async (retry) => {
        const { clients, etag } = await currentRule(ctx, node);
        await clients.moveRule(node.rule.id, compartmentId, etag, retry);
      },
      () => {
        ctx.tenancy.resources.refresh(node.parent);
        ctx.tenancy.resources.refreshRules(node.profile, compartmentId);
      },
    );
  },
});
