import * as vscode from 'vscode';
import type { Evaluation } from '../core/xpath';
import { RunModel } from '../platform/runModel';

export interface PayloadEvaluation {
  readonly label: string;
  /** The payload file, or the generated sample's text. */
  readonly origin: { readonly file: vscode.Uri } | { readonly generated: string };
  readonly evaluation: Evaluation;
}

export interface FilterEvaluationRun {
  readonly document: vscode.Uri;
  readonly results: readonly PayloadEvaluation[];
  /** Payload files that could not be read, each with its reason. */
  readonly problems: readonly string[];
}

/** The last "Evaluate against payloads" run, which the Filter Evaluation view shows. */
export class FilterEvaluationModel extends RunModel<FilterEvaluationRun> {
  constructor() {
    super('oew.filterEvaluation.hasResults');
  }
}
