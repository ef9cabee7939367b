import * as vscode from 'vscode';
import type { OciClients } from '../../core/oci';
import { ACTION_TARGETS, ActionType } from '../../core/rules/ruleFields';
import { RULE_TEMPLATES, RuleTemplate } from '../../core/rules/ruleTemplates';
import { ruleUri } from '../ruleUri';
import { CompartmentNode, GroupNode } from '../../core/tenancy/resourceNodes';
import { TenancyInfoNode } from '../../core/tenancy/profileNodes';
import { withOciProgress } from '../../tenancy';
import { pickPaged, PickItem } from '../../platform/pickPaged';
import { prompts } from '../../platform/prompts';
import { placeRow } from '../../core/tenancy/tenancyArgs';
import { rulesCommand } from '../rulesContext';

/**
 * Creates a rule from a template in a compartment, with the target its action needs picked from
 * the compartment, then opens it as a document. One retry token covers the retries, so a retry
 * never creates the rule twice.
 */
export const createRule = rulesCommand({
  id: 'oew.tenancy.createRule',
  args: [placeRow],
  run: async (ctx, node: TenancyInfoNode | CompartmentNode | GroupNode) => {
    const group = node.kind === 'group' ? node : ctx.tenancy.resources.groupOf(node, 'rules');
    const profile = group.profile;
    const template = await pickTemplate();
    if (!template) {
      return undefined;
    }
    const displayName = await prompts.input({
      title: vscode.l10n.t('Create Rule'),
      prompt: vscode.l10n.t('The rule’s display name'),
      value: template.displayName,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A rule needs a name.')),
    });
    if (!displayName) {
      return undefined;
    }
    const clients = await ctx.tenancy.clientsFor(profile);
    const actionType = template.actionType ?? (await pickActionType());
    if (!actionType) {
      return undefined;
    }
    const targetId = await pickTarget(clients, actionType, group.compartmentId);
    if (!targetId) {
      return undefined;
    }
    const target = ACTION_TARGETS[actionType];
    const created = await withOciProgress(
      ctx.log,
      vscode.l10n.t('Creating rule {0}…', displayName),
      async (retry) => {
        const result = await clients.createRule(
          {
            displayName,
            isEnabled: true,
            condition: JSON.stringify(template.condition),
            compartmentId: group.compartmentId,
            actions: {
              actions: [
                {
                  actionType,
                  isEnabled: true,
                  [target.idField]: targetId,
                  ...(template.actionDescription ? { description: template.actionDescription } : {}),
                },
              ],
            },
          },
          retry,
        );
        ctx.tenancy.resources.refresh(group);
        return result;
      },
      vscode.l10n.t(
        'Stopped waiting. If OCI received the request, rule {0} appears in the tree when it is created.',
        displayName,
      ),
    );
    if (created) {
      await ctx.ruleFiles.show(
        ruleUri({
          profile: profile.profile.name,
          ruleId: created.rule.id,
          displayName: created.rule.displayName,
          compartment: group.parent.kind === 'compartment' ? group.parent.name : undefined,
        }),
      );
    }
    return created?.rule.id;
  },
});

async function pickTemplate(): Promise<RuleTemplate | undefined> {
  const picked = await prompts.pick(
    RULE_TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
    { title: vscode.l10n.t('Create Rule'), placeHolder: vscode.l10n.t('Start from') },
  );
  return picked?.template;
}

async function pickActionType(): Promise<ActionType | undefined> {
  const picked = await prompts.pick(
    [
      { label: vscode.l10n.t('Notifications topic'), type: 'ONS' as const },
      { label: vscode.l10n.t('Function'), type: 'FAAS' as const },
      { label: vscode.l10n.t('Stream'), type: 'OSS' as const },
    ],
    { title: vscode.l10n.t('Create Rule'), placeHolder: vscode.l10n.t('Where the rule sends what it matches') },
  );
  return picked?.type;
}

/** A topic, function or stream of the compartment, its list read a page at a time. */
async function pickTarget(clients: OciClients, type: ActionType, compartmentId: string): Promise<string | undefined> {
  const title =
    type === 'ONS'
      ? vscode.l10n.t('Create Rule: the topic it sends to')
      : type === 'FAAS'
        ? vscode.l10n.t('Create Rule: the function it sends to')
        : vscode.l10n.t('Create Rule: the stream it sends to');
  const picked = await pickPaged(title, async (page): Promise<{ items: PickItem[]; nextPage?: string }> => {
    switch (type) {
      case 'ONS': {
        const result = await clients.topicsPage(compartmentId, { page });
        return {
          items: result.items.map((t) => ({ label: t.name, description: t.description, id: t.topicId })),
          nextPage: result.nextPage,
        };
      }
      case 'FAAS': {
        // A page of applications at a time, each with its functions.
        const result = await clients.applicationsPage(compartmentId, { page });
        const functions = await Promise.all(
          result.items.map(async (a) =>
            (await clients.listFunctions(a.id)).map((f) => ({
              label: f.displayName ?? f.id,
              description: a.displayName,
              id: f.id,
            })),
          ),
        );
        return { items: functions.flat(), nextPage: result.nextPage };
      }
      case 'OSS': {
        const result = await clients.streamsPage(compartmentId, { page });
        return { items: result.items.map((s) => ({ label: s.name, id: s.id })), nextPage: result.nextPage };
      }
    }
  });
  return picked?.id;
}
