import * as vscode from 'vscode';
import { generatedSamples, samplesForCondition } from '../core/condition/sampleEvents';
import { parseSampleFile } from '../core/condition/testCondition';
import type { FlowGraph, TenancyFlowInput } from '../core/flowMap/flowGraph';
import { carriesEvent, inboxSample } from '../core/inbox/inboxSample';
import { inboxEntryLabel, inboxEntryTime } from '../core/inbox/inboxSummary';
import { isJsonObject } from '../core/json/isJsonObject';
import { parseJson } from '../core/json/parseJson';
import { SAMPLES_GLOB } from '../conditions/commands/testCondition';
import type { FlowMapContext } from './flowMapContext';
import { prompts } from '../platform/prompts';

/** An event to follow through the map, named as the picker showed it. */
export interface TraceEventChoice {
  readonly label: string;
  readonly event: Record<string, unknown>;
}

type Item = vscode.QuickPickItem & { readonly choice?: TraceEventChoice };

/** How many rules and event types offer a generated event: a picker of thousands helps no one. */
const MAX_GENERATED = 200;
/** The sample files offered, and the largest read: an OCI event is a few KB. */
const MAX_SAMPLE_FILES = 500;
const MAX_SAMPLE_BYTES = 1024 * 1024;
/** The inbox's latest OCI events offered. */
const MAX_INBOX = 50;

/**
 * Asks which event to trace: a sample of `.oew/samples/`, an OCI event the Webhook Inbox
 * received, or one generated to match a rule on the map or of an event type on it.
 */
export async function pickTraceEvent(
  ctx: FlowMapContext,
  graph: FlowGraph,
  input: TenancyFlowInput,
): Promise<TraceEventChoice | undefined> {
  const items: Item[] = [
    ...section(vscode.l10n.t('Samples in .oew/samples'), await sampleItems(ctx)),
    ...section(vscode.l10n.t('Webhook Inbox'), inboxItems(ctx)),
    ...section(vscode.l10n.t('Generated'), generatedItems(ctx, graph, input)),
  ];
  const picked = await prompts.pick(items, {
    title: vscode.l10n.t('Trace an Event Through the Map'),
    placeHolder: vscode.l10n.t('Pick an event: the map shows the path it takes'),
    matchOnDescription: true,
  });
  return picked?.choice;
}

function section(label: string, items: Item[]): Item[] {
  return items.length ? [{ label, kind: vscode.QuickPickItemKind.Separator }, ...items] : [];
}

async function sampleItems(ctx: FlowMapContext): Promise<Item[]> {
  const items: Item[] = [];
  for (const file of await vscode.workspace.findFiles(SAMPLES_GLOB, '**/node_modules/**', MAX_SAMPLE_FILES)) {
    const path = vscode.workspace.asRelativePath(file);
    if ((await vscode.workspace.fs.stat(file)).size > MAX_SAMPLE_BYTES) {
      ctx.log.warn(`Trace Event: ${path} is over 1 MB, more than an event; it is not offered.`);
      continue;
    }
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    for (const sample of parseSampleFile(text, path).samples) {
      if (isJsonObject(sample.event)) {
        items.push({
          // The file's name, as the user named it; the type it holds beside it.
          label: sample.label.slice(sample.label.lastIndexOf('/') + 1),
          description: typeof sample.event.eventType === 'string' ? sample.event.eventType : '',
          choice: { label: sample.label, event: sample.event },
        });
      }
    }
  }
  return items;
}

function inboxItems(ctx: FlowMapContext): Item[] {
  const records = ctx.inbox.inbox?.records() ?? [];
  return records
    .filter(carriesEvent)
    .slice(-MAX_INBOX)
    .reverse()
    .flatMap((record) => {
      try {
        const { event } = inboxSample(record);
        const label = inboxEntryLabel(record);
        return [
          {
            label,
            description: vscode.l10n.t('inbox, {0}', inboxEntryTime(record)),
            choice: { label: vscode.l10n.t('{0} (inbox)', label), event },
          },
        ];
      } catch {
        // A body the inbox cut is no event to trace.
        return [];
      }
    });
}

function generatedItems(ctx: FlowMapContext, graph: FlowGraph, input: TenancyFlowInput): Item[] {
  const catalogue = ctx.catalogue();
  const items: Item[] = [];
  for (const { rule } of input.rules.slice(0, MAX_GENERATED)) {
    const condition = parseJson(rule.condition, rule.displayName, { what: 'condition' });
    const [sample] = condition.ok ? samplesForCondition(condition.value, catalogue, 1).samples : [];
    if (sample && isJsonObject(sample.event)) {
      items.push({
        label: vscode.l10n.t('An event {0} matches', rule.displayName),
        description: sample.label,
        choice: {
          label: vscode.l10n.t('{0}, built to match {1}', sample.label, rule.displayName),
          event: sample.event,
        },
      });
    }
  }
  const types = graph.nodes.filter((n) => n.kind === 'eventType' && !n.flags.includes('anyEvent'));
  for (const sample of generatedSamples(
    types.slice(0, MAX_GENERATED).map((n) => n.label),
    catalogue,
    1,
  )) {
    if (isJsonObject(sample.event)) {
      items.push({
        label: sample.label,
        description: vscode.l10n.t('generated for the event type'),
        choice: { label: vscode.l10n.t('{0} (generated)', sample.label), event: sample.event },
      });
    }
  }
  return items;
}
