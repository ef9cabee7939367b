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

/** Copies the rule, read from the service with its actions, as text `write` makes; `copied` says so of a rule. */
function copyAs(copied: (rule: string) => string, write: (details: RuleDetails, compartmentId: string) => string) {
  return async (ctx: RulesContext, node: RuleNode) => {
    const { details, compartmentId } = await currentRule(ctx, node);
    const text = write(details, compartmentId);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(copied(details.displayName), 3000);
    return text;
  };
}

export const copyRuleAsCli = rulesCommand({
  id: 'oew.tenancy.copyRuleAsCli',
  args: [ruleRow],
  run: copyAs((rule) => vscode.l10n.t('Copied rule {0} as an OCI CLI command', rule), cliCreateCommand),
});

export const copyRuleAsTerraform = rulesCommand({
  id: 'oew.tenancy.copyRuleAsTerraform',
  args: [ruleRow],
  run: copyAs((rule) => vscode.l10n.t('Copied rule {0} as Terraform', rule), terraformResource),
});

function setEnabled(isEnabled: boolean) {
  return async (ctx: RulesContext, node: RuleNode) => {
    return changeWithProgress(
      ctx.log,
      isEnabled
        ? vscode.l10n.t('Enabling rule {0}…', node.rule.displayName)
        : vscode.l10n.t('Disabling rule {0}…', node.rule.displayName),
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
        vscode.l10n.t('Delete rule {0}?', rule.displayName),
        vscode.l10n.t('Events it matches are no longer sent to its actions. {0}', rule.id),
        vscode.l10n.t('Delete'),
      ))
    ) {
      return false;
    }
    return changeWithProgress(
      ctx.log,
      vscode.l10n.t('Deleting rule {0}…', rule.displayName),
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
    const title = vscode.l10n.t('Move Rule {0}', node.rule.displayName);
    const compartmentId = (await pickCompartment(ctx, node.profile, title, node.rule.compartmentId))?.id;
    if (!compartmentId || compartmentId === node.rule.compartmentId) {
      return false;
    }
    return changeWithProgress(
      ctx.log,
      vscode.l10n.t('Moving rule {0}…', node.rule.displayName),
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
