import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { SETTINGS_SECTION } from '../platform/settings';
import { FusionModel, FusionNode } from './fusionModel';
import { FusionTreeProvider } from './fusionTreeProvider';

export const FUSION_VIEW_ID = 'oew.fusion';

/** The Fusion Events view: its tree and the setting it follows. */
export class FusionView extends Disposable {
  readonly provider: FusionTreeProvider;
  private readonly tree: vscode.TreeView<FusionNode>;

  constructor(readonly model: FusionModel) {
    super();
    this.provider = this._register(new FusionTreeProvider(model));
    this.tree = this._register(
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

  /** Selects a row, expanding its ancestors. */
  reveal(node: FusionNode): Thenable<void> {
    return this.tree.reveal(node, { select: true, focus: true });
  }
}
