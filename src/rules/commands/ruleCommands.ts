import * as vscode from 'vscode';
import type { OciClients } from '../../core/oci';
import { RuleDetails } from '../../core/rules/ruleDocument';
import { cliCreateCommand, terraformResource } from '../../core/rules/ruleExport';
import { RuleNode } from '../../core/tenancy/resourceNodes';
import { Command, CommandContext } from '../../platform/commandTable';
import { confirmDelete } from '../../platform/confirmDelete';
import { changeWithProgress } from '../../tenancy/ociProgress';
import { pickCompartment } from '../../tenancy/pickCompartment';

function clientsOf(ctx: CommandContext, node: RuleNode): Promise<OciClients> {
  return ctx.oci.clientsFor(node.profile.file, node.profile.profile.name, true);
}

/** The rule as the service holds it now, with its ETag: actions come only with a read of the rule. */
async function currentRule(ctx: CommandContext, node: RuleNode) {
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
function copyAs(label: string, write: (details: RuleDetails, compartmentId: string) => string): Command['run'] {
  return async (ctx, node: RuleNode) => {
    const { details, compartmentId } = await currentRule(ctx, node);
    const text = write(details, compartmentId);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(`Copied rule ${details.displayName} as ${label}`, 3000);
    return text;
  };
}

export const copyRuleAsCli: Command = {
  id: 'oew.tenancy.copyRuleAsCli',
  run: copyAs('an OCI CLI command', cliCreateCommand),
};

export const copyRuleAsTerraform: Command = {
  id: 'oew.tenancy.copyRuleAsTerraform',
  run: copyAs('Terraform', terraformResource),
};

function setEnabled(isEnabled: boolean): Command['run'] {
  return async (ctx, node: RuleNode) => {
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

export const enableRule: Command = { id: 'oew.tenancy.enableRule', run: setEnabled(true) };
export const disableRule: Command = { id: 'oew.tenancy.disableRule', run: setEnabled(false) };

export const deleteRule: Command = {
  id: 'oew.tenancy.deleteRule',
  run: async (ctx, node: RuleNode, options: { confirmed?: boolean } = {}) => {
    const { rule } = node;
    if (
      !options.confirmed &&
      !(await confirmDelete(
        `Delete rule ${rule.displayName}?`,
        `Events it matches are no longer sent to its actions. ${rule.id}`,
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
};

/** Moves a rule to another compartment of its tenancy; both compartments' Rules reload. */
export const moveRule: Command = {
  id: 'oew.tenancy.moveRule',
  run: async (ctx, node: RuleNode, target?: string) => {
    const compartmentId =
      target ??
      (await pickCompartment(ctx, node.profile, `Move Rule ${node.rule.displayName}`, node.rule.compartmentId));
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
};
