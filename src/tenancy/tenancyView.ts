import * as vscode from 'vscode';
import { describeRuleFilter } from '../core/tenancy/ruleFilterChoices';
import { Disposable, SerialDisposable } from '../platform/disposable';
import { configCandidates } from '../core/ociConfig/locateConfig';
import { watchFiles } from '../core/ociConfig/watchFiles';
import { SETTINGS_SECTION } from '../platform/settings';
import { TenancyModel } from './tenancyModel';
import { TenancyNode } from '../core/tenancy/profileNodes';
import { TENANCY_VIEW_ID, TenancyTreeProvider } from './tenancyTreeProvider';
import { SettlePoller } from './settlePoller';
import { inBackground } from '../platform/errorBoundary';
import { setContext } from '../platform/contextKeys';

/**
 * The Tenancy view: its tree, the context key its welcome content depends on, and a watch
 * on the config file. The watch lives as long as the settings that chose the file.
 */
export class TenancyView extends Disposable {
  readonly provider: TenancyTreeProvider;
  private readonly watch = this._register(new SerialDisposable());
  private readonly view: vscode.TreeView<TenancyNode>;

  constructor(
    readonly model: TenancyModel,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    const poller = this._register(
      new SettlePoller(
        (list) => model.resources.refresh(list),
        () => this.view.visible,
      ),
    );
    this.provider = this._register(new TenancyTreeProvider(model, poller));
    const view = this._register(
      vscode.window.createTreeView(TENANCY_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }),
    );
    this.view = view;
    this._register(view.onDidChangeVisibility((e) => e.visible && poller.resume()));
    this._register(
      model.onDidChange(() => {
        const state = model.state;
        setContext('oew.tenancy.configMissing', state?.kind === 'missing');
        if (state && state.kind !== 'missing') {
          this.describe();
        }
      }),
    );
    this._register(
      model.resources.onDidChangeRuleFilter((filter) => {
        setContext('oew.tenancy.ruleFilter', filter !== undefined);
        this.describe();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION + '.oci')) {
          inBackground(
            log,
            'Reading the OCI config file',
            model.refresh().then(() => this.rewatch()),
          );
        }
      }),
    );
    this.rewatch();
  }

  /** The view's description: the config file when a setting chose it, and the active rule filter. */
  private describe(): void {
    const state = this.model.state;
    const filter = this.model.resources.ruleFilter;
    this.view.description =
      [
        state && state.kind !== 'missing' && state.file.source === 'setting' ? state.file.path : undefined,
        filter ? describeRuleFilter(filter) : undefined,
      ]
        .filter(Boolean)
        .join(' · ') || undefined;
  }

  reveal(node: TenancyNode): Thenable<void> {
    return this.view.reveal(node, { select: true, focus: true });
  }

  private rewatch(): void {
    const files = configCandidates(this.model.settings).map((c) => c.path);
    this.watch.value = watchFiles(files, () =>
      inBackground(this.log, 'Reading the OCI config file', this.model.refresh()),
    );
  }
}
