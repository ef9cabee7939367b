import type { XPathCoreLoader } from '../platform/bundles';
import { commandsOf } from '../platform/commands';
import type { FusionPasswords } from './fusionConnections';
import type { FusionModel, FusionNode } from './fusionModel';
import type { ReadOnlyDocuments } from '../platform/readOnlyDocuments';
import { Arg, row } from '../core/commands/commandArgs';

/** What the Fusion Events view's commands use. */
export interface FusionContext {
  readonly fusion: {
    readonly model: FusionModel;
    readonly passwords: FusionPasswords;
    /** What an instance sent, as Open Details shows it. */
    readonly details: ReadOnlyDocuments;
  };
  /** The Fusion catalog and the filter language, loaded on first use. */
  readonly filters: { readonly core: XPathCoreLoader };
}

export const fusionCommand = commandsOf<FusionContext>();

type Node<K extends FusionNode['kind']> = Extract<FusionNode, { kind: K }>;

/** A row of the Fusion Events view of one of these kinds. */
export function fusionRow<K extends FusionNode['kind']>(what: string, ...kinds: K[]): Arg<Node<K>> {
  return row<Node<K>>(what, ...(kinds as Node<K>['kind'][]));
}

export const anyFusionRow = fusionRow(
  'a row of the Fusion Events view',
  'connection',
  'group',
  'module',
  'event',
  'subscription',
  'disabled',
  'message',
);
