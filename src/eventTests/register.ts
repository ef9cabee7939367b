import * as vscode from 'vscode';
import type { Platform } from '../platform/platform';
import type { TenancyModel } from '../tenancy';
import { EventTestRunner } from './eventTestRunner';
import { EventTestTree } from './eventTestTree';

export interface EventTestsFeature {
  readonly controller: vscode.TestController;
  readonly tree: EventTestTree;
  readonly runner: EventTestRunner;
}

/**
 * The tests of rules, conditions and filters in `*.eventtest.json` files, in VS Code's Testing
 * view: Run, Run with Coverage of the clauses they exercise, and Run in Emulator for deployed rules.
 */
export function registerEventTests(platform: Platform, tenancy: TenancyModel): EventTestsFeature {
  const controller = platform.own(
    vscode.tests.createTestController('oew.eventTests', vscode.l10n.t('OCI Event Tests')),
  );
  const tree = platform.own(new EventTestTree(controller, platform.log));
  const runner = new EventTestRunner(controller, tree, platform.bundles.xpath, tenancy);
  controller.createRunProfile(
    vscode.l10n.t('Run'),
    vscode.TestRunProfileKind.Run,
    (request, token) => runner.run(request, token, 'run'),
    true,
  );
  // Not a default: it needs a rule deployed in an emulator profile, and the emulator running.
  controller.createRunProfile(
    vscode.l10n.t('Run in Emulator'),
    vscode.TestRunProfileKind.Run,
    (request, token) => runner.run(request, token, 'emulator'),
    false,
  );
  const coverage = controller.createRunProfile(
    vscode.l10n.t('Run with Coverage'),
    vscode.TestRunProfileKind.Coverage,
    (request, token) => runner.run(request, token, 'coverage'),
    true,
  );
  coverage.loadDetailedCoverage = (_run, fileCoverage) => Promise.resolve(runner.detailsOf(fileCoverage));
  controller.refreshHandler = () => tree.rediscover();
  return { controller, tree, runner };
}
