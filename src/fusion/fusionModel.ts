import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { describeError, UserError } from '../core/errors/userError';
import { catalogGroups, EventInfo } from '../core/fusion/catalogGroups';
import { disabledEvents, subscribesToDisabledEvent } from '../core/fusion/disabledEvents';
import { moduleOf } from '../core/fusion/eventModules';
import {
  ErpBusinessEventRecord,
  FusionClient,
  FusionConnection,
  FusionSubscriptionInfo,
  pointsElsewhere,
} from '../core/fusion/fusionClient';
import { FusionEvent } from '../core/fusion/fusionEvents';
import { FusionPasswords } from './fusionConnections';

export type GroupKind = 'catalog' | 'custom' | 'subscriptions' | 'disabled';

export type FusionNode =
  | { readonly kind: 'connection'; readonly connection: FusionConnection }
  | { readonly kind: 'group'; readonly group: GroupKind; readonly parent: ConnectionNode }
  | {
      readonly kind: 'module';
      readonly module: string;
      readonly events: readonly EventInfo[];
      readonly parent: FusionNode;
    }
  | { readonly kind: 'event'; readonly info: EventInfo; readonly parent: FusionNode }
  | {
      readonly kind: 'subscription';
      readonly subscription: FusionSubscriptionInfo;
      readonly stale: boolean;
      /** Its event is disabled in erpBusinessEvents: nothing will arrive. */
      readonly eventDisabled: boolean;
      readonly parent: FusionNode;
    }
  | {
      readonly kind: 'disabled';
      readonly record: ErpBusinessEventRecord;
      readonly event?: FusionEvent;
      readonly parent: FusionNode;
    }
  | {
      readonly kind: 'message';
      readonly text: string;
      readonly detail?: string;
      readonly severity: 'error' | 'info' | 'password';
      readonly parent: FusionNode;
    };

export type ConnectionNode = Extract<FusionNode, { kind: 'connection' }>;

interface CatalogData {
  readonly events: FusionEvent[];
  readonly records?: ErpBusinessEventRecord[];
  /** Why erpBusinessEvents could not be read (a missing privilege, say): the catalog is still shown. */
  readonly recordsError?: Error;
}

interface ConnectionData {
  catalog?: Promise<CatalogData>;
  custom?: Promise<FusionEvent[]>;
  subscriptions?: Promise<FusionSubscriptionInfo[]>;
}

/** What the Fusion Events view shows, kept apart from how it is drawn. */
export class FusionModel extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<FusionNode | undefined>());
  readonly onDidChange = this._onDidChange.event;
  private roots: ConnectionNode[] = [];
  private readonly data = new Map<string, ConnectionData>();
  private readonly children = new WeakMap<FusionNode, Promise<FusionNode[]>>();
  private readonly filters = new Map<string, string>();
  private passwordsReady: Promise<void> = Promise.resolve();

  constructor(
    private readonly readConnections: () => FusionConnection[],
    private readonly passwords: FusionPasswords,
    private readonly log: (message: string) => void,
  ) {
    super();
    this.reload();
  }

  connections(): ConnectionNode[] {
    return this.roots;
  }

  /** Reads the connections again and forgets everything fetched. */
  reload(): void {
    const connections = this.readConnections();
    // Connections are asked for their password only once any handed over in the environment are kept.
    this.passwordsReady = this.passwords.adoptFromEnvironment(connections).catch(() => undefined);
    this.roots = connections.map((connection) => ({ kind: 'connection', connection }));
    this.data.clear();
    this._onDidChange.fire(undefined);
  }

  /** Forgets what was fetched under one node (a connection, or a group), so it is fetched again. */
  refresh(node: FusionNode): void {
    const connection = connectionOf(node);
    if (!connection) {
      return this.reload();
    }
    const data = this.data.get(connection.connection.name) ?? {};
    if (node.kind === 'group' && node.group !== 'catalog' && node.group !== 'disabled') {
      delete data[node.group];
      this.children.delete(node);
      this._onDidChange.fire(node);
      return;
    }
    // Catalog and Disabled Events are read together: both are refreshed, from the connection down.
    if (node.kind === 'group') {
      delete data.catalog;
    } else {
      this.data.delete(connection.connection.name);
    }
    this.children.delete(connection);
    this._onDidChange.fire(connection);
  }

  filter(connection: FusionConnection): string | undefined {
    return this.filters.get(connection.name);
  }

  /** Filters the catalog of a connection: every event is searched, not only those shown. */
  setFilter(node: ConnectionNode, text: string | undefined): void {
    if (text) {
      this.filters.set(node.connection.name, text);
    } else {
      this.filters.delete(node.connection.name);
    }
    this.children.delete(node);
    this._onDidChange.fire(node);
  }

  getChildren(node: FusionNode): Promise<FusionNode[]> {
    let pending = this.children.get(node);
    if (!pending) {
      pending = this.load(node);
      this.children.set(node, pending);
      // A failure is shown as a node; a promise that failed anyway is not kept.
      pending.catch(() => this.children.delete(node));
    }
    return pending;
  }

  async client(connection: FusionConnection): Promise<FusionClient | undefined> {
    const password = await this.passwords.get(connection);
    return password === undefined ? undefined : new FusionClient(connection, password);
  }

  private async load(node: FusionNode): Promise<FusionNode[]> {
    switch (node.kind) {
      case 'connection': {
        await this.passwordsReady;
        if ((await this.passwords.get(node.connection)) === undefined) {
          return [
            {
              kind: 'message',
              severity: 'password',
              text: vscode.l10n.t('Enter the password of this connection…'),
              detail: vscode.l10n.t(
                "No password is kept for {0} on {1}. It goes to the editor's secret storage.",
                node.connection.username,
                node.connection.name,
              ),
              parent: node,
            },
          ];
        }
        return (['catalog', 'custom', 'subscriptions', 'disabled'] as const).map((group) => ({
          kind: 'group',
          group,
          parent: node,
        }));
      }
      case 'group':
        return this.guard(node, () => this.loadGroup(node));
      case 'module':
        return node.events.map((info) => ({ kind: 'event', info, parent: node }));
      default:
        return [];
    }
  }

  private async loadGroup(node: Extract<FusionNode, { kind: 'group' }>): Promise<FusionNode[]> {
    const connection = node.parent.connection;
    const data = this.dataOf(connection.name);
    const client = await this.client(connection);
    if (!client) {
      return [];
    }
    switch (node.group) {
      case 'catalog': {
        const catalog = await (data.catalog ??= this.fetchCatalog(client));
        const filter = this.filters.get(connection.name);
        const groups = catalogGroups(catalog.events, catalog.records, filter);
        return groups.length
          ? groups.map(({ module, events }) => ({ kind: 'module', module, events, parent: node }))
          : [
              {
                kind: 'message',
                severity: 'info',
                text: vscode.l10n.t('No event matches "{0}".', String(filter)),
                parent: node,
              },
            ];
      }
      case 'custom': {
        const events = await (data.custom ??= client.customCatalog());
        return events.length
          ? events.map((event) => ({ kind: 'event', info: { event, custom: true }, parent: node }))
          : [
              {
                kind: 'message',
                severity: 'info',
                text: vscode.l10n.t('No custom events (Application Composer).'),
                parent: node,
              },
            ];
      }
      case 'subscriptions': {
        const [subscriptions, catalog] = await Promise.all([
          (data.subscriptions ??= client.subscriptions()),
          // Without the catalog the subscriptions still show, their events' states unknown.
          (data.catalog ??= this.fetchCatalog(client)).catch(() => undefined),
        ]);
        return subscriptions.length
          ? subscriptions.map((subscription) => ({
              kind: 'subscription',
              subscription,
              stale: pointsElsewhere(subscription, connection),
              eventDisabled:
                catalog !== undefined &&
                subscribesToDisabledEvent(subscription.eventName, catalog.events, catalog.records ?? []),
              parent: node,
            }))
          : [{ kind: 'message', severity: 'info', text: vscode.l10n.t('No event subscriptions.'), parent: node }];
      }
      case 'disabled': {
        const catalog = await (data.catalog ??= this.fetchCatalog(client));
        if (catalog.recordsError !== undefined) {
          throw catalog.recordsError;
        }
        const nodes: FusionNode[] = disabledEvents(catalog.events, catalog.records ?? []).map(({ record, event }) => ({
          kind: 'disabled',
          record,
          event,
          parent: node,
        }));
        if (nodes.some((n) => n.kind === 'disabled' && n.event && moduleOf(n.event) === 'Payables')) {
          nodes.unshift({
            kind: 'message',
            severity: 'info',
            // Short enough for the default side-bar width; the tooltip says it all.
            text: vscode.l10n.t('Payables: how to enable'),
            detail: vscode.l10n.t(
              'The Payables profile option ORA_AP_ENABLE_BUSINESS_EVENTS = Y enables its events from the UI; Enable Event… here enables one.',
            ),
            parent: node,
          });
        }
        return nodes.length
          ? nodes
          : [{ kind: 'message', severity: 'info', text: vscode.l10n.t('Every event is enabled.'), parent: node }];
      }
    }
  }

  /**
   * What the event flow map of a connection is drawn from: its subscriptions, the catalog and the
   * events' states, shared with the tree (what it loaded is not read again).
   */
  async flowData(connection: FusionConnection): Promise<{
    subscriptions: FusionSubscriptionInfo[];
    events: FusionEvent[];
    records: ErpBusinessEventRecord[];
  }> {
    await this.passwordsReady;
    const client = await this.client(connection);
    if (!client) {
      throw new UserError(
        vscode.l10n.t('No password is kept for {0} on {1}.', connection.username, connection.name),
        vscode.l10n.t('Run Set Fusion Password… on the connection, then show its event flow again.'),
      );
    }
    const data = this.dataOf(connection.name);
    try {
      const [subscriptions, catalog] = await Promise.all([
        (data.subscriptions ??= client.subscriptions()),
        (data.catalog ??= this.fetchCatalog(client)),
      ]);
      return { subscriptions, events: catalog.events, records: catalog.records ?? [] };
    } catch (err) {
      // As the tree does with a branch that failed: the next look reads again.
      delete data.subscriptions;
      delete data.catalog;
      throw err;
    }
  }

  /** The catalog with erpBusinessEvents beside it; records that cannot be read leave the states unknown. */
  private async fetchCatalog(client: FusionClient): Promise<CatalogData> {
    const [events, records] = await Promise.all([
      client.catalog(),
      client.businessEvents().then(
        (records): Pick<CatalogData, 'records'> => ({ records }),
        (err: unknown): Pick<CatalogData, 'recordsError'> => ({
          recordsError: err instanceof Error ? err : new Error(String(err)),
        }),
      ),
    ]);
    return { events, ...records };
  }

  private dataOf(name: string): ConnectionData {
    let data = this.data.get(name);
    if (!data) {
      data = {};
      this.data.set(name, data);
    }
    return data;
  }

  /** A branch that fails becomes one error node with Retry; the rest of the tree keeps working. */
  private async guard(node: FusionNode, load: () => Promise<FusionNode[]>): Promise<FusionNode[]> {
    try {
      return await load();
    } catch (err) {
      const { cause, nextStep } = describeError(err);
      this.log(`Fusion: ${cause}`);
      const connection = connectionOf(node);
      if (connection && node.kind === 'group') {
        const data = this.dataOf(connection.connection.name);
        delete data[node.group === 'disabled' ? 'catalog' : node.group];
      }
      return [{ kind: 'message', severity: 'error', text: cause, detail: nextStep, parent: node }];
    }
  }
}

export function connectionOf(node: FusionNode): ConnectionNode | undefined {
  let current: FusionNode | undefined = node;
  while (current && current.kind !== 'connection') {
    current = current.parent;
  }
  return current;
}
