import { parse, ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';
import { ruleConditionValue } from '../../core/condition/checkDocument';
import { UserError } from '../../core/errors/userError';
import { tooDeepAt, tooDeepMessage } from '../../core/json/jsonDepth';
import { samplesForCondition, SampleEvent } from '../../core/condition/sampleEvents';
import { parseSampleFile, testCondition } from '../../core/condition/testCondition';
import { CONDITION_LANGUAGE, RULE_LANGUAGE } from '../conditionAnalyses';
import { uriArg } from '../../platform/uriArg';
import { optional } from '../../core/commands/commandArgs';
import { conditionsCommand } from '../conditionsContext';
import { documentArgument } from '../../platform/documentArgument';

export const SAMPLES_GLOB = '.oew/samples/**/*.json';

/**
 * Runs a condition over events generated for it (matches and a near miss) and over the workspace's
 * samples, shows the results in the Condition Test view, and returns a summary (for scripts
 * and tests): each event's label and whether it matched.
 */
export const testConditionCommand = conditionsCommand({
  id: 'oew.condition.testAgainstSamples',
  args: [optional(uriArg)],
  run: async (ctx, uri?: vscode.Uri) => {
    const document = await documentArgument(
      uri,
      (d) => [CONDITION_LANGUAGE, RULE_LANGUAGE].includes(d.languageId),
      new UserError(
        vscode.l10n.t('There is no condition to test.'),
        vscode.l10n.t('Open a *.condition.json or *.rule.json file, then run the command again.'),
      ),
    );
    if (tooDeepAt(document.getText()) !== undefined) {
      throw new UserError(
        tooDeepMessage('condition'),
        vscode.l10n.t('Fix the errors shown in the Problems view first.'),
      );
    }
    const errors: ParseError[] = [];
    const parsed = parse(document.getText(), errors, { disallowComments: true }) as unknown;
    const condition = document.languageId === RULE_LANGUAGE ? conditionOfRule(parsed) : parsed;
    if (errors.length || condition === undefined) {
      const file = vscode.workspace.asRelativePath(document.uri);
      throw new UserError(
        errors.length
          ? vscode.l10n.t('{0} is not valid JSON, so it cannot be tested.', file)
          : vscode.l10n.t('{0} has no condition to test.', file),
        vscode.l10n.t('Fix the errors shown in the Problems view first.'),
      );
    }
    const catalogue = ctx.conditions.catalogue.current;
    const generated = samplesForCondition(condition, catalogue);
    const samples: SampleEvent[] = [...generated.samples];
    const problems: string[] = generated.impossible ? [generated.impossible] : [];
    for (const file of await vscode.workspace.findFiles(SAMPLES_GLOB, '**/node_modules/**')) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      const parsed = parseSampleFile(text, vscode.workspace.asRelativePath(file));
      samples.push(...parsed.samples);
      if (parsed.error) {
        problems.push(parsed.error);
      }
    }
    const results = testCondition(condition, samples);
    ctx.conditions.results.run = { document: document.uri, results, problems };
    await ctx.conditions.results.reveal();
    return {
      document: document.uri.toString(),
      results: results.map((r) => ({
        label: r.sample.label,
        origin: r.sample.origin,
        matched: r.matched,
        ...(r.sample.nearMiss ? { nearMiss: r.sample.nearMiss } : {}),
      })),
      problems,
    };
  },
});

/** A rule document's condition, or undefined when it has none or its string form is not JSON. */
function conditionOfRule(rule: unknown): unknown {
  try {
    return ruleConditionValue(rule);
  } catch {
    return undefined;
  }
}
