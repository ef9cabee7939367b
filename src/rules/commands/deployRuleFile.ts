import { applyEdits, modify, parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { checkDocument } from '../../core/condition/checkDocument';
import { UserError } from '../../core/errors/userError';
import { isJsonObject } from '../../core/json/isJsonObject';
import { ruleDetailsOf } from '../../core/rules/ruleDocument';
import { RULE_LANGUAGE } from '../../conditions';
import { checkBeforeDeploy } from '../deployGate';
import { pickCompartment } from '../../tenancy';
import { profileArgument } from '../../tenancy';
import { prompts } from '../../platform/prompts';
import { askDeployWithWarnings } from '../ruleSaveQuestions';
import { uriArg } from '../../platform/uriArg';
import { optional } from '../../core/commands/commandArgs';
import { rulesCommand } from '../rulesContext';
import { documentArgument } from '../../platform/documentArgument';

/**
 * Deploys a workspace `*.rule.json`: creates the rule in a compartment, or updates it when the
 * file carries an `id` (with the file's `etag` as if-match), then writes the rule's id,
 * compartment and new ETag back into the file.
 */
export const deployRuleFile = rulesCommand({
  id: 'oew.rules.deployFile',
  args: [optional(uriArg)],
  run: async (ctx, uri?: vscode.Uri) => {
    const document = await documentArgument(
      uri,
      (d) => d.languageId === RULE_LANGUAGE && d.uri.scheme !== 'oci-rule',
      new UserError(
        vscode.l10n.t('There is no rule file to deploy.'),
        vscode.l10n.t('Open a *.rule.json file, then run the command again.'),
      ),
    );
    const text = document.getText();
    const details = ruleDetailsOf(text);
    await checkBeforeDeploy(checkDocument(text, ctx.conditions.catalogue.current, 'rule').findings, (warnings) =>
      askDeployWithWarnings(details.displayName, warnings),
    );
    const profile = await profileArgument(ctx, undefined);
    if (!profile) {
      return undefined;
    }
    const clients = await ctx.tenancy.clientsFor(profile);
    const { id, compartmentId: fileCompartment, ...update } = details;
    let deployed: { id: string; compartmentId: string; etag: string };
    if (id) {
      const etag = fileEtag(text);
      const result = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Deploying rule {0}…', details.displayName),
        },
        () =>
          clients.updateRule(id, update, etag).catch(async (err: unknown) => {
            if ((err as { statusCode?: number }).statusCode !== 412 || !(await overwriteTheirs(details.displayName))) {
              throw err;
            }
            return clients.updateRule(id, update, (await clients.getRule(id)).etag);
          }),
      );
      deployed = { id, compartmentId: result.rule.compartmentId, etag: result.etag };
    } else {
      const compartmentId =
        fileCompartment ??
        (await pickCompartment(ctx, profile, vscode.l10n.t('Deploy Rule {0} to Compartment', details.displayName)))?.id;
      if (!compartmentId) {
        return undefined;
      }
      const result = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Creating rule {0}…', details.displayName),
        },
        () => clients.createRule({ ...update, compartmentId }),
      );
      deployed = { id: result.rule.id, compartmentId, etag: result.etag };
    }
    await writeBack(document, deployed);
    ctx.tenancy.resources.refreshRules(profile, deployed.compartmentId);
    void vscode.window.setStatusBarMessage(
      vscode.l10n.t('Deployed rule {0} ({1})', details.displayName, deployed.id),
      5000,
    );
    return deployed;
  },
});

function fileEtag(text: string): string | undefined {
  const document: unknown = parse(text, [], { allowTrailingComma: true });
  return isJsonObject(document) && typeof document.etag === 'string' ? document.etag : undefined;
}

async function overwriteTheirs(rule: string): Promise<boolean> {
  return prompts.confirm(
    vscode.l10n.t('Rule {0} changed on the service since this file was last deployed.', rule),
    vscode.l10n.t('Overwrite replaces their change with this file. Cancel deploys nothing.'),
    vscode.l10n.t('Overwrite'),
  );
}

/** The deployed rule's id, compartment and ETag, written into the file and saved, the rest of it untouched. */
async function writeBack(document: vscode.TextDocument, deployed: Record<string, string>): Promise<void> {
  let text = document.getText();
  for (const [key, value] of Object.entries(deployed)) {
    text = applyEdits(text, modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  const edit = new vscode.WorkspaceEdit();
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  edit.replace(document.uri, whole, text);
  await vscode.workspace.applyEdit(edit);
  await document.save();
}
