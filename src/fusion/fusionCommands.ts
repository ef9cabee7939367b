import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { FusionEvent } from '../core/fusion/fusionEvents';
import { connectionOf, FusionNode } from './fusionModel';
import { trimChar } from '../core/text/trimChar';
import { prompts } from '../platform/prompts';
import { uriArg } from '../platform/uriArg';
import { optional } from '../core/commands/commandArgs';
import { FusionContext, anyFusionRow, fusionCommand, fusionRow } from './fusionContext';

type Node<K extends FusionNode['kind']> = Extract<FusionNode, { kind: K }>;

/** Refreshes one branch, or from the view's title, every connection. */
export const fusionRefresh = fusionCommand({
  id: 'oew.fusion.refresh',
  args: [optional(anyFusionRow)],
  run: (ctx, node?: FusionNode) => (node ? ctx.fusion.model.refresh(node) : ctx.fusion.model.reload()),
});

/** Asks for a connection's password and keeps it in SecretStorage. */
export const fusionSetPassword = fusionCommand({
  id: 'oew.fusion.setPassword',
  args: [optional(anyFusionRow)],
  run: async (ctx, node?: FusionNode) => {
    const answered = await askOfConnection(ctx, node, ({ connection }) => ({
      title: vscode.l10n.t('Password of {0} on {1}', connection.username, connection.name),
      prompt: vscode.l10n.t('Kept in the editor’s secret storage, never in settings or files.'),
      password: true,
      ignoreFocusOut: true,
    }));
    if (answered) {
      await ctx.fusion.passwords.set(answered.connection.connection, answered.value);
      ctx.fusion.model.refresh(answered.connection);
    }
  },
});

export const fusionForgetPassword = fusionCommand({
  id: 'oew.fusion.forgetPassword',
  args: [optional(anyFusionRow)],
  run: async (ctx, node?: FusionNode) => {
    const connection = await connectionArgument(ctx, node);
    if (connection) {
      await ctx.fusion.passwords.forget(connection.connection);
      ctx.fusion.model.refresh(connection);
    }
  },
});

/** Filters a connection's catalog over every event, not only those shown; an empty filter clears it. */
export const fusionFilterCatalog = fusionCommand({
  id: 'oew.fusion.filterCatalog',
  args: [optional(anyFusionRow)],
  run: async (ctx, node?: FusionNode) => {
    const answered = await askOfConnection(ctx, node, ({ connection }) => ({
      title: vscode.l10n.t('Filter the catalog of {0}', connection.name),
      prompt: vscode.l10n.t('Part of a display name, QName or id; empty shows every event.'),
      value: ctx.fusion.model.filter(connection) ?? '',
    }));
    if (answered) {
      ctx.fusion.model.setFilter(answered.connection, answered.value.trim() || undefined);
    }
  },
});

/** Enables a disabled event by its ErpBusinessEventId, after a confirmation. */
export const fusionEnableEvent = fusionCommand({
  id: 'oew.fusion.enableEvent',
  args: [fusionRow('a disabled event', 'disabled')],
  run: async (ctx, node: Node<'disabled'>) => {
    const connection = connectionOf(node)!;
    const name = node.event?.displayName ?? node.record.BusinessEventCode;
    const detail = vscode.l10n.t('From then on, Fusion raises it to every subscription of the event.');
    if (
      !(await prompts.confirm(
        vscode.l10n.t('Enable {0} on {1}?', name, connection.connection.name),
        detail,
        vscode.l10n.t('Enable'),
      ))
    ) {
      return undefined;
    }
    const client = await requireClient(ctx, connection);
    const record = await client.setEnabled(node.record.ErpBusinessEventId, true);
    ctx.fusion.model.refresh(connection);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Enabled {0}', name), 3000);
    return record;
  },
});

/** Deletes a subscription after a modal confirmation that names it and what is lost. */
export const fusionDeleteSubscription = fusionCommand({
  id: 'oew.fusion.deleteSubscription',
  args: [fusionRow('a Fusion event subscription', 'subscription')],
  run: async (ctx, node: Node<'subscription'>) => {
    const connection = connectionOf(node)!;
    const { subscription } = node;
    const confirmed = await prompts.confirm(
      vscode.l10n.t(
        'Delete subscription {0} on {1}?',
        subscription.integration ?? subscription.id,
        connection.connection.name,
      ),
      subscription.endpoint !== undefined
        ? vscode.l10n.t(
            'It sends {0} to {1}. Events queued for it are lost.',
            subscription.eventName,
            subscription.endpoint,
          )
        : vscode.l10n.t('It sends {0} to its endpoint. Events queued for it are lost.', subscription.eventName),
      vscode.l10n.t('Delete'),
    );
    if (!confirmed) {
      return false;
    }
    const client = await requireClient(ctx, connection);
    await client.deleteSubscription(subscription.id);
    ctx.fusion.model.refresh(node.parent);
    return true;
  },
});

export const fusionCopyQName = fusionCommand({
  id: 'oew.fusion.copyQName',
  args: [fusionRow('a Fusion event', 'event')],
  run: async (_ctx, node: Node<'event'>) => {
    await vscode.env.clipboard.writeText(node.info.event.name);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', node.info.event.name), 3000);
  },
});

/** Shows what the instance sent for an event or subscription, as read-only JSON. */
export const fusionOpenDetails = fusionCommand({
  id: 'oew.fusion.openDetails',
  args: [fusionRow('a Fusion event or subscription', 'event', 'subscription')],
  run: async (ctx, node: Node<'event'> | Node<'subscription'>) => {
    const connection = connectionOf(node)!.connection.name;
    const [name, content] =
      node.kind === 'event'
        ? [node.info.event.id, { ...node.info.event, erpBusinessEvent: node.info.record }]
        : [node.subscription.id, node.subscription.raw];
    await ctx.fusion.details.show(`${connection}/${name}.json`, JSON.stringify(content, null, 2), 'json');
  },
});

export const fusionNewFilter = fusionCommand({
  id: 'oew.fusion.newFilter',
  args: [fusionRow('a Fusion event', 'event')],
  run: (ctx, node: Node<'event'>) => {
    // The reference catalog's entry of the same event has a sample to draw an example from.
    const core = ctx.filters.core();
    const known = core.findEvent(core.referenceCatalog(), node.info.event.id);
    return vscode.commands.executeCommand('oew.xpath.newFilter', known ?? node.info.event);
  },
});

/** Raises an event in the emulator with a payload file, and says which subscriptions it reached. */
export const fusionRaiseInEmulator = fusionCommand({
  id: 'oew.fusion.raiseInEmulator',
  args: [fusionRow('a Fusion event', 'event'), optional(uriArg)],
  run: async (_ctx, node: Node<'event'>, payloadFile?: vscode.Uri) => {
    const connection = connectionOf(node)!.connection;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const file =
      payloadFile ??
      (
        await vscode.window.showOpenDialog({
          title: vscode.l10n.t('Payload to raise {0} with', node.info.event.displayName),
          filters: { [vscode.l10n.t('Event payload')]: ['xml'] },
          defaultUri: root && vscode.Uri.joinPath(root, '.oew', 'samples', 'fusion'),
          openLabel: vscode.l10n.t('Raise'),
        })
      )?.[0];
    if (!file) {
      return undefined;
    }
    const payload = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const response = await fetch(`${trimChar(connection.baseUrl, '/')}/_emulator/fusion/raise`, {
      signal: AbortSignal.timeout(30_000),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventName: node.info.event.name, payload } satisfies {
        eventName: string;
        payload: string;
      }),
    });
    const text = await response.text();
    let result: { enabled?: boolean; subscriptions?: { id: string; matched: boolean }[]; message?: string };
    try {
      result = JSON.parse(text) as typeof result;
    } catch {
      throw new UserError(
        vscode.l10n.t(
          '{0} answered {1} with something that is not JSON: is it the emulator?',
          connection.baseUrl,
          response.status,
        ),
        vscode.l10n.t('Raise in Emulator works on a connection to `oew emulator`.'),
      );
    }
    if (!response.ok) {
      throw new UserError(
        vscode.l10n.t('The emulator refused to raise the event: {0}.', result.message ?? response.status),
        vscode.l10n.t('Check the payload file.'),
      );
    }
    const matched = result.subscriptions?.filter((s) => s.matched).length ?? 0;
    void vscode.window.showInformationMessage(
      result.enabled === false
        ? vscode.l10n.t('{0} is disabled, so it was not raised: enable it first.', eventLabel(node.info.event))
        : vscode.l10n.t(
            'Raised {0}: {1} of {2} subscriptions matched and were delivered to.',
            eventLabel(node.info.event),
            matched,
            result.subscriptions?.length ?? 0,
          ),
    );
    return result;
  },
});

function eventLabel(event: FusionEvent): string {
  return event.displayName || event.id;
}

/** The connection a command acts on, and what the user typed for it; undefined when either is cancelled. */
async function askOfConnection(
  ctx: FusionContext,
  node: FusionNode | undefined,
  box: (connection: Node<'connection'>) => vscode.InputBoxOptions,
): Promise<{ connection: Node<'connection'>; value: string } | undefined> {
  const connection = await connectionArgument(ctx, node);
  const value = connection && (await prompts.input(box(connection)));
  return connection && value !== undefined ? { connection, value } : undefined;
}

async function connectionArgument(ctx: FusionContext, node: FusionNode | undefined) {
  if (node) {
    return connectionOf(node);
  }
  const connections = ctx.fusion.model.connections();
  if (!connections.length) {
    throw new UserError(
      vscode.l10n.t('There is no Fusion connection.'),
      vscode.l10n.t('Add one to the oew.fusion.connections setting.'),
    );
  }
  const picked = await prompts.pick(
    connections.map((c) => ({ label: c.connection.name, description: c.connection.baseUrl, c })),
    { title: vscode.l10n.t('Choose a Fusion connection') },
  );
  return picked?.c;
}

async function requireClient(ctx: FusionContext, connection: Node<'connection'>) {
  const client = await ctx.fusion.model.client(connection.connection);
  if (!client) {
    throw new UserError(
      vscode.l10n.t('No password is kept for {0}.', connection.connection.name),
      vscode.l10n.t('Set it with "Set Fusion Password…" on the connection.'),
    );
  }
  return client;
}
