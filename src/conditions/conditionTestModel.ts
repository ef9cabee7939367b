import * as vscode from 'vscode';
import { ConditionTestResult } from '../core/condition/testCondition';
import { RunModel } from '../platform/runModel';

export interface ConditionTestRun {
  readonly document: vscode.Uri;
  readonly results: readonly ConditionTestResult[];
  /** Sample files that could not be read, each with its reason. */
  readonly problems: readonly string[];
}

/** The last "Test against sample events" run, which the Condition Test view shows. */
export class ConditionTestModel extends RunModel<ConditionTestRun> {
  constructor() {
    super('oew.conditionTest.hasResults');
  }
}
