import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as vscode from 'vscode';
import { Emulator, startEmulator } from '../../src/emulator/emulator';
import type { ProfileNode, TenancyNode } from '../../src/core/tenancy/profileNodes';
import { api, resetSettings, SAMPLE_CONFIG, waitFor, writeConfig } from './helpers';

/** A row of the Tenancy view as a user reads it. */
export interface Shown {
  node: TenancyNode;
  label: string;
  description: string;
  tooltip: string;
}

/**
 * An emulator per test whose EMULATOR profile is in the config file the view reads, pointed at
 * it with `oew.oci.endpoints`; `emulator()` is the running one.
 */
export function useTenancyEmulator(): {
  emulator(): Emulator;
  start(options: Parameters<typeof startEmulator>[0]): Promise<Emulator>;
} {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await vscode.workspace
      .getConfiguration('oew')
      .update('oci.endpoints', undefined, vscode.ConfigurationTarget.Global);
    await resetSettings();
    await emulator?.close();
    emulator = undefined;
  });
  return {
    emulator: () => emulator!,
    start: async (options) => {
      emulator = await startEmulator(options);
      await resetSettings();
      writeConfig(`${SAMPLE_CONFIG}\n${readFileSync(emulator.identity.configFile, 'utf8')}`);
      await vscode.workspace
        .getConfiguration('oew')
        .update('oci.endpoints', { EMULATOR: emulator.server.url }, vscode.ConfigurationTarget.Global);
      const { tenancy } = await api();
      await tenancy.model.refresh();
      return emulator;
    },
  };
}

/** The rows under a node (the roots without one), with their labels, descriptions and tooltips. */
export async function shown(node?: TenancyNode): Promise<Shown[]> {
  const { tenancy } = await api();
  const children = (await tenancy.provider.getChildren(node)) ?? [];
  return children.map((child) => {
    const item = tenancy.provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
    return { node: child, label, description: String(item.description ?? ''), tooltip };
  });
}

/** Expands the EMULATOR profile's tenancy, then the rows labelled `path`, and returns the last one's rows. */
export async function open(...path: string[]): Promise<Shown[]> {
  const { tenancy } = await api();
  const profile = await waitFor(
    () => tenancy.model.roots().find((n): n is ProfileNode => n.kind === 'profile' && n.profile.name === 'EMULATOR'),
    (n) => n !== undefined,
    'the EMULATOR profile',
  );
  let rows = await shown(await Promise.resolve(profile));
  rows = await shown(rows[0].node);
  for (const label of path) {
    const row = rows.find((r) => r.label === label);
    assert.ok(row, `"${label}" among ${rows.map((r) => r.label).join(', ')}`);
    rows = await shown(row.node);
  }
  return rows;
}
