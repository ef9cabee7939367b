import * as vscode from 'vscode';
import type { Platform } from '../platform/platform';
import { EventTestRunner } from './eventTestRunner';
import { EventTestTree } from './eventTestTree';

export interface EventTestsFeature {
  readonly controller: vscode.TestController;
  readonly tree: EventTestTree;
  readonly runner: EventTestRunner;
}

/**
 * The tests of rules, conditions and filters in `*.eventtest.json` files, in VS Code's Testing
 * view: Run, and Run with Coverage of the clauses they exercise.
 */
export function registerEventTests(platform: Platform): EventTestsFeature {
  const controller = platform.own(vscode.tests.createTestController('oew.eventTests', 'OCI Event Tests'));
  const tree = platform.own(new EventTestTree(controller, platform.log));
  const runner = new EventTestRunner(controller, tree, platform.bundles.xpath);
  controller.createRunProfile(
    'Run',
    vscode.TestRunProfileKind.Run,
    (request, token) => runner.run(request, token, false),
    true,
  );
  const coverage = controller.createRunProfile(
    'Run with Coverage',
    vscode.TestRunProfileKind.Coverage,
    (request, token) => runner.run(request, token, true),
    true,
  );
  coverage.loadDetailedCoverage = (_run, fileCoverage) => Promise.resolve(runner.detailsOf(fileCoverage));
  controller.refreshHandler = () => tree.rediscover();
  return { controller, tree, runner };
}
