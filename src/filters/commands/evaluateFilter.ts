import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { XPATH_FILTER_LANGUAGE } from '../xpathFilterAnalyses';
import { GENERATED_PREFIX, PayloadEvaluation } from '../filterEvaluationView';
import { uriArg } from '../../platform/uriArg';
import { optional, shaped } from '../../core/commands/commandArgs';
import { filtersCommand } from '../filtersContext';
import { documentArgument } from '../../platform/documentArgument';

/** Where payloads received from OIC are kept, unless the user picks another folder. */
export const FUSION_SAMPLES = '.oew/samples/fusion';

interface EvaluateOptions {
  /** Ask for the folder even when the default one exists. */
  readonly pickFolder?: boolean;
}

/**
 * Evaluates a filter against every *.xml in a folder (by default .oew/samples/fusion/) and a
 * sample payload generated for its target event, shows the results in the Filter Evaluation
 * view, and returns each payload's label and value (for scripts and tests).
 */
export const evaluateFilter = filtersCommand({
  id: 'oew.xpath.evaluate',
  args: [optional(uriArg), optional(shaped<EvaluateOptions>('evaluation options', () => true))],
  run: async (ctx, uri?: vscode.Uri, options: EvaluateOptions = {}) => {
    const document = await documentArgument(
      uri,
      (d) => d.languageId === XPATH_FILTER_LANGUAGE,
      new UserError(
        vscode.l10n.t('There is no filter to evaluate.'),
        vscode.l10n.t('Open a *.xpathfilter file, then run the command again.'),
      ),
    );
    const core = ctx.filters.core();
    const filter = core.compileFilter(document.getText());
    if (!filter.ok) {
      throw new UserError(
        vscode.l10n.t('{0} cannot be evaluated: {1}', vscode.workspace.asRelativePath(document.uri), filter.error),
        vscode.l10n.t('Fix the errors shown in the Problems view first.'),
      );
    }
    const folder = await payloadFolder(document.uri, options.pickFolder ?? false);
    const results: PayloadEvaluation[] = [];
    const problems: string[] = [];
    const event = filter.analysis.event;
    if (event) {
      const generated = core.buildFusionEventPayload(event);
      results.push({
        label: `${GENERATED_PREFIX}${event.displayName}`,
        origin: { generated },
        evaluation: filter.evaluate(generated),
      });
    }
    for (const file of folder ? await xmlFiles(folder, problems) : []) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      results.push({
        label: vscode.workspace.asRelativePath(file),
        origin: { file },
        evaluation: filter.evaluate(text),
      });
    }
    if (!results.length && !problems.length) {
      throw new UserError(
        folder
          ? vscode.l10n.t(
              'There is no payload to evaluate against: the filter names no catalogued event, and {0} holds no *.xml.',
              vscode.workspace.asRelativePath(folder),
            )
          : vscode.l10n.t('There is no payload to evaluate against: the filter names no catalogued event.'),
        `Add payloads (such as ones downloaded from OIC tracking) as ${FUSION_SAMPLES}/NAME.xml, or name the event with <!-- oew:event {namespace}Name -->.`,
      );
    }
    ctx.filters.results.run = { document: document.uri, results, problems };
    await ctx.filters.results.reveal();
    return {
      document: document.uri.toString(),
      results: results.map((r) => ({ label: r.label, value: r.evaluation.value, error: r.evaluation.error })),
      problems,
    };
  },
});

/**
 * The folder the user picks when asked to; otherwise the default one if it exists, and none if
 * it does not: a new filter is evaluated against its generated payload at once, with no question.
 */
async function payloadFolder(document: vscode.Uri, pick: boolean): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.getWorkspaceFolder(document)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const fallback = root && vscode.Uri.joinPath(root, FUSION_SAMPLES);
  if (!pick) {
    return fallback && (await exists(fallback)) ? fallback : undefined;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    defaultUri: fallback ?? root,
    openLabel: vscode.l10n.t('Evaluate Against Payloads Here'),
    title: vscode.l10n.t('Folder of Fusion event payloads (*.xml)'),
  });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.Directory;
  } catch {
    return false;
  }
}

async function xmlFiles(folder: vscode.Uri, problems: string[]): Promise<vscode.Uri[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries
      .filter(([name, type]) => type === vscode.FileType.File && name.toLowerCase().endsWith('.xml'))
      .map(([name]) => vscode.Uri.joinPath(folder, name))
      .sort((a, b) => a.path.localeCompare(b.path));
  } catch (err) {
    problems.push(vscode.l10n.t('{0} cannot be read: {1}', folder.fsPath, (err as Error).message));
    return [];
  }
}
