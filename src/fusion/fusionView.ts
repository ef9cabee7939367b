import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { SETTINGS_SECTION } from '../platform/settings';
import { FusionModel } from './fusionModel';
import { FusionTreeProvider } from './fusionTreeProvider';

export const FUSION_VIEW_ID = 'oew.fusion';

/** The Fusion Events view: its tree and the setting it follows. */
export class FusionView extends Disposable {
  readonly provider: FusionTreeProvider;

  constructor(readonly model: FusionModel) {
    super();
    this.provider = this._register(new FusionTreeProvider(model));
    this._register(
      vscode.window.createTreeView(FUSION_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.fusion`)) {
          model.reload();
        }
      }),
    );
  }
}
