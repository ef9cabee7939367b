import * as vscode from 'vscode';
import { describeError, UserError } from '../core/errors/userError';
import { errorText } from '../platform/errorBoundary';
import type { FlowMapTrace } from '../core/flowMap/traceView';
import { Disposable } from '../platform/disposable';
import { webviewHtml } from '../platform/webviewHtml';
import { checkFlowMapViewMessage } from '../protocol/flowMapMessageCheck';
import { FlowMapHostMessage, FlowMapScope, FlowMapViewMessage } from '../protocol/webviewMessages';
import { withOciProgress } from '../tenancy/ociProgress';
import type { FlowMapContext } from './flowMapContext';
import { flowMapTitle, LoadedFlowMap, loadFlowMap } from './flowMapData';
import { pickTraceEvent, TraceEventChoice } from './pickTraceEvent';
import { openRuleOfNode, revealFlowNode } from './revealFlowNode';
import type { Place } from './tenancyRowOf';
import { saveFlowSvg } from './saveFlowSvg';
import { sendThroughEmulator } from './sendThroughEmulator';

export const FLOW_MAP_VIEW_TYPE = 'oew.flowMap';

/** How long the map waits after the tree's data changed before it reads again: a change comes in bursts. */
const RELOAD_DELAY_MS = 1500;

/**
 * The event flow map of one scope (a compartment, a rule, a topic, a Fusion connection). Asking
 * again for the same scope reveals it and reads again. It keeps what it drew and the trace, so
 * a webview shown again or reloaded gets both back.
 */
export class FlowMapPanel extends Disposable {
  private static readonly open = new Map<string, FlowMapPanel>();

  static show(ctx: FlowMapContext, scope: FlowMapScope, origin?: Place): FlowMapPanel {
    const existing = FlowMapPanel.open.get(keyOf(scope));
    if (existing) {
      existing.origin = origin ?? existing.origin;
      existing.panel.reveal();
      void existing.load();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(FLOW_MAP_VIEW_TYPE, titleOf(scope), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist', 'webview')],
    });
    const map = FlowMapPanel.revive(ctx, panel, scope);
    map.origin = origin;
    return map;
  }

  /** A panel VS Code restored after a reload, or a new one: either way it reads its scope again. */
  static revive(ctx: FlowMapContext, panel: vscode.WebviewPanel, scope: FlowMapScope): FlowMapPanel {
    const map = new FlowMapPanel(ctx, panel, scope);
    FlowMapPanel.open.set(keyOf(scope), map);
    map._register({
      dispose: () => FlowMapPanel.open.get(keyOf(scope)) === map && FlowMapPanel.open.delete(keyOf(scope)),
    });
    void map.load();
    return map;
  }

  /** The open maps, for a test to look at what they drew. */
  static panels(): readonly FlowMapPanel[] {
    return [...FlowMapPanel.open.values()];
  }

  private map: LoadedFlowMap | undefined;
  /** The last of loading, map or error, for a webview that starts again. */
  private shown: FlowMapHostMessage;
  private traced: { readonly choice: TraceEventChoice; trace: FlowMapTrace } | undefined;
  private run = 0;
  private traceRun = 0;
  private reloadTimer: NodeJS.Timeout | undefined;
  private staleWhileHidden = false;
  /** The Tenancy view's row the map was opened from: the way down to a node's row starts there. */
  private origin: Place | undefined;
  /** Set while a send waits on its deliveries: a second click does not emit the event twice. */
  private sending = false;
  private readonly _onDidPost = this._register(new vscode.EventEmitter<FlowMapHostMessage>());
  /** Every message to the webview, for tests. */
  readonly onDidPost = this._onDidPost.event;

  private constructor(
    private readonly ctx: FlowMapContext,
    readonly panel: vscode.WebviewPanel,
    readonly scope: FlowMapScope,
  ) {
    super();
    this.shown = { type: 'loading', title: titleOf(scope), step: vscode.l10n.t('Reading…') };
    this._register(panel);
    panel.iconPath = new vscode.ThemeIcon('type-hierarchy');
    panel.webview.html = webviewHtml(panel.webview, ctx.extension.extensionUri, 'flowMap', titleOf(scope), {
      worker: 'elkWorker.js',
    });
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)));
    this._register(
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.staleWhileHidden) {
          this.staleWhileHidden = false;
          void this.load();
        }
      }),
    );
    this._register({ dispose: () => clearTimeout(this.reloadTimer) });
    if (scope.source === 'tenancy') {
      this._register(ctx.tenancy.onDidChange(() => this.changed()));
      this._register(
        ctx.tenancy.resources.onDidRefresh((profile) => profile.profile.name === scope.profile && this.changed()),
      );
    } else {
      this._register(ctx.fusion.onDidChange(() => this.changed()));
    }
  }

  get loaded(): LoadedFlowMap | undefined {
    return this.map;
  }

  /** Reads the scope again and draws it; a result that arrives after a newer read started is dropped. */
  async load(): Promise<void> {
    const run = ++this.run;
    const title = titleOf(this.scope);
    this.post({ type: 'loading', title, step: vscode.l10n.t('Reading…') });
    try {
      const map = await withOciProgress(
        this.ctx.log,
        vscode.l10n.t('Reading the event flow of {0}…', nameOf(this.scope)),
        (retry) =>
          loadFlowMap(
            this.ctx,
            this.scope,
            retry,
            (step) => run === this.run && this.post({ type: 'loading', title, step }),
          ),
      );
      if (run !== this.run || this.isDisposed) {
        return;
      }
      if (!map) {
        // A map on screen stays; with none, the page says how to get one.
        this.post(
          this.map
            ? {
                type: 'status',
                text: vscode.l10n.t('Reading again was cancelled: the map shows what was read before.'),
              }
            : { type: 'error', title, message: vscode.l10n.t('Reading was cancelled. Refresh to read it again.') },
        );
        return;
      }
      this.map = map;
      this.panel.title = map.title;
      this.post({
        type: 'map',
        title: map.title,
        scope: this.scope,
        graph: map.graph,
        findings: map.findings,
        ...(map.notice ? { notice: map.notice } : {}),
        canTrace: map.tenancy !== undefined && !map.notice,
        canSend: map.tenancy?.emulator !== undefined && !map.notice,
        loadedAt: new Date().toISOString(),
      });
      if (this.traced && map.tenancy) {
        // The same event through what the map now holds; what was sent before is history.
        this.traceRun++;
        this.traced.trace = this.ctx
          .core()
          .flowMapTrace(this.traced.choice.label, this.traced.choice.event, map.tenancy.input);
        this.post({ type: 'trace', trace: this.traced.trace });
      }
    } catch (err) {
      if (run !== this.run || this.isDisposed) {
        return;
      }
      this.ctx.log.error(`Event flow of ${nameOf(this.scope)}: ${describeError(err).cause}`);
      this.post({ type: 'error', title, message: errorText(err) });
    }
  }

  /** The tree's data changed: read again soon, or when next shown. */
  private changed(): void {
    clearTimeout(this.reloadTimer);
    if (!this.panel.visible) {
      this.staleWhileHidden = true;
      return;
    }
    this.reloadTimer = setTimeout(() => void this.load(), RELOAD_DELAY_MS);
  }

  /** A message from the map's page, checked against the shared types first; settles when it has been acted on. */
  receive(value: unknown): Promise<void> {
    let message: FlowMapViewMessage;
    try {
      message = checkFlowMapViewMessage(value);
    } catch (err) {
      this.ctx.log.warn(`Event flow: a malformed message from the map was ignored: ${(err as Error).message}`);
      return Promise.resolve();
    }
    return this.act(message).catch((err: unknown) => {
      this.ctx.log.warn(`Event flow: ${describeError(err).cause}`);
      this.post({ type: 'status', text: errorText(err), error: true });
    });
  }

  private async act(message: FlowMapViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post(this.shown);
        this.post({ type: 'trace', trace: this.traced?.trace });
        return;
      case 'refresh':
        return this.load();
      case 'reveal':
        return revealFlowNode(this.ctx, this.requireMap(), message.nodeId, await this.originOf());
      case 'openRule':
        return openRuleOfNode(this.ctx, this.requireMap(), message.nodeId);
      case 'trace':
        return this.pickTrace();
      case 'send':
        return this.send();
      case 'clearTrace':
        this.traced = undefined;
        this.traceRun++;
        this.post({ type: 'trace', trace: undefined });
        return;
      case 'copyMermaid':
        await vscode.env.clipboard.writeText(this.ctx.core().flowchartText(this.requireMap().graph));
        this.post({
          type: 'status',
          text: vscode.l10n.t('Copied as a Mermaid flowchart: paste it into a Markdown file or a wiki.'),
        });
        return;
      case 'saveSvg': {
        const saved = await saveFlowSvg(this.requireMap().name, message.svg);
        if (saved) {
          this.post({ type: 'status', text: vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(saved)) });
        }
        return;
      }
      case 'openCompartment':
        return this.openCompartment(message.nodeId);
      case 'openInboxEntry': {
        const record = this.ctx.inbox.inbox?.get(message.id);
        if (!record) {
          throw new UserError(
            vscode.l10n.t('That inbox entry is gone (the inbox was cleared or stopped).'),
            vscode.l10n.t('Send the event again.'),
          );
        }
        await vscode.commands.executeCommand('oew.inbox.openEntry', record);
        return;
      }
      case 'layoutFailed':
        // The page's text, on one line of the log.
        this.ctx.log.warn(
          `Event flow of ${nameOf(this.scope)}: the map could not be laid out: ${message.message.replace(/\s+/g, ' ')}`,
        );
        return;
    }
  }

  private async pickTrace(): Promise<void> {
    const map = this.requireMap();
    if (map.notice) {
      throw new UserError(map.notice, vscode.l10n.t('Trace an event on the map of one compartment.'));
    }
    if (!map.tenancy) {
      throw new UserError(
        vscode.l10n.t('Tracing follows an OCI event through rules and topics; a Fusion map has none.'),
        vscode.l10n.t('Evaluate a subscription’s filter against payloads instead (Open Filter, then Evaluate).'),
      );
    }
    const choice = await pickTraceEvent(this.ctx, map.graph, map.tenancy.input);
    if (!choice) {
      return;
    }
    this.traceRun++;
    this.traced = { choice, trace: this.ctx.core().flowMapTrace(choice.label, choice.event, map.tenancy.input) };
    this.post({ type: 'trace', trace: this.traced.trace });
  }

  private async send(): Promise<void> {
    if (!this.traced) {
      await this.pickTrace();
    }
    const map = this.requireMap();
    const traced = this.traced;
    if (!traced || !map.tenancy) {
      return;
    }
    if (!map.tenancy.emulator || this.scope.source !== 'tenancy') {
      throw new UserError(
        vscode.l10n.t(
          'Profile {0} calls Oracle Cloud, where an event cannot be emitted.',
          map.tenancy.profile.profile.name,
        ),
        vscode.l10n.t(
          'Send Through Emulator works on the emulator’s profiles (Start Local Emulator, or `oew emulator`).',
        ),
      );
    }
    if (this.sending) {
      this.post({
        type: 'status',
        text: vscode.l10n.t('The event is on its way: wait for its deliveries, then send it again.'),
      });
      return;
    }
    const run = ++this.traceRun;
    const target = {
      endpoint: map.tenancy.emulator,
      clients: map.tenancy.clients,
      input: map.tenancy.input,
      compartmentId: this.scope.compartmentId,
      inbox: () => this.ctx.inbox.inbox?.records() ?? [],
      core: this.ctx.core(),
    };
    this.sending = true;
    await sendThroughEmulator(
      target,
      traced.trace,
      traced.choice.event,
      (trace) => {
        if (run === this.traceRun && !this.isDisposed) {
          traced.trace = trace;
          this.post({ type: 'trace', trace });
        }
      },
      () => run !== this.traceRun || this.isDisposed,
    ).finally(() => (this.sending = false));
  }

  /**
   * Where the way down to a node's row starts: the row the map was opened from, or for a map
   * restored after a reload, the tenancy's row when the map is of the whole tenancy.
   */
  private async originOf(): Promise<Place | undefined> {
    if (this.origin || this.scope.source !== 'tenancy') {
      return this.origin;
    }
    const profile = this.ctx.tenancy.profileNamed(this.scope.profile);
    const tenancy = profile && (await this.ctx.tenancy.children(profile)).find((n) => n.kind === 'tenancy');
    return tenancy?.kind === 'tenancy' && tenancy.id === this.scope.compartmentId ? tenancy : undefined;
  }

  /** A compartment's node on a map too large to draw each rule: the map of that compartment's rules. */
  private openCompartment(nodeId: string): void {
    const node = this.requireMap().graph.nodes.find((n) => n.id === nodeId);
    if (node?.kind !== 'ruleGroup' || !node.ocid || this.scope.source !== 'tenancy') {
      throw new UserError(
        vscode.l10n.t('That node is no compartment of this map.'),
        vscode.l10n.t('Refresh the map, then pick it again.'),
      );
    }
    // This map's own compartment opens its own rules; another, its rules and those below it.
    const own = node.ocid === this.scope.compartmentId;
    FlowMapPanel.show(this.ctx, {
      source: 'tenancy',
      profile: this.scope.profile,
      compartmentId: node.ocid,
      compartmentName: own ? vscode.l10n.t('{0} (its own rules)', node.label) : node.label,
      ...(own ? { ownOnly: true } : {}),
    });
  }

  private requireMap(): LoadedFlowMap {
    if (!this.map) {
      throw new UserError(
        vscode.l10n.t('The map is not drawn yet.'),
        vscode.l10n.t('Wait until it is, or Refresh it.'),
      );
    }
    return this.map;
  }

  private post(message: FlowMapHostMessage): void {
    if (message.type === 'loading' || message.type === 'map' || message.type === 'error') {
      this.shown = message;
    }
    if (this.isDisposed) {
      return;
    }
    this._onDidPost.fire(message);
    void this.panel.webview.postMessage(message);
  }
}

function keyOf(scope: FlowMapScope): string {
  return JSON.stringify(scope);
}

function nameOf(scope: FlowMapScope): string {
  return scope.source === 'tenancy' ? scope.compartmentName : scope.connection;
}

function titleOf(scope: FlowMapScope): string {
  return flowMapTitle(nameOf(scope));
}
