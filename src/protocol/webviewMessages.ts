/**
 * Every message between the extension and its webviews, typed once and imported by both
 * sides, so that a change to a message is a compile error on the side that was not updated.
 */
import type { ProfileCheckResult } from '../core/ociConfig/profileCheckResult';

export type { CheckStatus, ProfileCheckResult } from '../core/ociConfig/profileCheckResult';

/** Profile check panel: extension → webview. */
export type ProfileCheckHostMessage =
  | { readonly type: 'checking'; readonly profile: string; readonly file: string }
  | {
      readonly type: 'results';
      readonly profile: string;
      readonly file: string;
      readonly checkedAt: string;
      readonly results: readonly ProfileCheckResult[];
    }
  | { readonly type: 'error'; readonly profile: string; readonly message: string };

/** Profile check panel: webview → extension. */
export type ProfileCheckViewMessage =
  { readonly type: 'ready' } | { readonly type: 'recheck' } | { readonly type: 'openConfigFile' };

export type {
  SenderAuth,
  SenderAuthKind,
  SenderHeader,
  SenderHistoryEntry,
  SenderRequest,
  SenderResponse,
  SenderSecrets,
} from '../core/sender/senderTypes';
export type { TemplateField, TemplateId } from '../core/payloads/templates/templateFields';

import type { SenderHistoryEntry, SenderRequest, SenderResponse, SenderSecrets } from '../core/sender/senderTypes';
import type { TemplateField, TemplateId } from '../core/payloads/templates/templateFields';
import type { BurstResult } from '../core/http/burstResult';

/** A template as the sender's picker and field form show it. */
export interface SenderTemplateInfo {
  readonly id: TemplateId;
  readonly title: string;
  readonly platform: string;
  readonly description: string;
  /** The fields the form edits: the Auth section and the Method box stand for some of them. */
  readonly fields: readonly TemplateField[];
  readonly takesBody: boolean;
  /** What the template's secret is for (a Cloudpods robot's secret_key); absent when it has none. */
  readonly secret?: string;
  /** The methods the template takes; one (POST) when the method is the template's choice, not the user's. */
  readonly methods: readonly string[];
  /** The body language, for the inline parse check; `contentType` means: as the contentType field says. */
  readonly bodyLanguage: 'json' | 'xml' | 'contentType';
}

/** What the form offers to choose from, sent when the panel opens and when any of it changes. */
export interface SenderContext {
  readonly templates: readonly SenderTemplateInfo[];
  readonly environments: readonly string[];
  /** Why `.oew/environments.json` could not be read, when it could not. */
  readonly environmentError?: string;
  /** Profiles of the Tenancy view, for the OCI signature. */
  readonly profiles: readonly string[];
  /** The Webhook Inbox's address while it runs. */
  readonly inboxUrl?: string;
  /** Completion for fields naming an event: OCI event types and Fusion events by QName. */
  readonly eventTypes: readonly string[];
  readonly fusionEvents: readonly string[];
}

/** The burst's summary as the panel shows it: the core's result and the concurrency it ran at. */
export type SenderBurstSummary = BurstResult & { readonly concurrency: number };

/** Sender panel: extension → webview. */
export type SenderHostMessage =
  | { readonly type: 'context'; readonly context: SenderContext }
  /** A request for the form; `notice` says what was changed on the way in (secrets moved out, say). */
  | { readonly type: 'load'; readonly request: SenderRequest; readonly notice?: string }
  /** Something other than a send went wrong (Save Request, Fill from Template): shown without touching the result. */
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'sending'; readonly burst?: number }
  | {
      readonly type: 'response';
      readonly response: SenderResponse;
      readonly warnings: readonly string[];
      /** The request as sent, secrets hidden; the body pretty-printed and cut as a response's is. */
      readonly sent: SenderHistoryEntry['sent'] & { readonly body: string };
    }
  | { readonly type: 'burstResult'; readonly summary: SenderBurstSummary; readonly warnings: readonly string[] }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'cancelled' }
  | { readonly type: 'body'; readonly body: string }
  | { readonly type: 'history'; readonly entries: readonly SenderHistoryEntry[] };

/** Sender panel: webview → extension. Checked at run time (senderMessageCheck) before the extension acts. */
export type SenderViewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'send'; readonly request: SenderRequest; readonly secrets: SenderSecrets }
  | {
      readonly type: 'burst';
      readonly request: SenderRequest;
      readonly secrets: SenderSecrets;
      readonly count: number;
      readonly concurrency: number;
    }
  | { readonly type: 'cancel' }
  | { readonly type: 'fillBody'; readonly request: SenderRequest }
  | { readonly type: 'saveRequest'; readonly request: SenderRequest }
  /** A history entry back in the form; with `send`, sent again at once with the kept secrets. */
  | { readonly type: 'replay'; readonly id: string; readonly send: boolean }
  | { readonly type: 'clearHistory' }
  | { readonly type: 'openEnvironments' };

export { MAX_BURST_CONCURRENCY, MAX_BURST_COUNT } from '../core/http/burstLimits';

import type { FlowGraph } from '../core/flowMap/flowGraph';
import type { FlowFinding } from '../core/flowMap/flowFindings';
import type { FlowMapTrace } from '../core/flowMap/traceView';

export type { FlowEdge, FlowFlag, FlowGraph, FlowNode, FlowNodeKind } from '../core/flowMap/flowGraph';
export type { FlowFinding, FlowFindingCode } from '../core/flowMap/flowFindings';
export type { RuleVerdict } from '../core/flowMap/traceEvent';
export type { FlowDelivery, FlowMapTrace } from '../core/flowMap/traceView';

/** What the map is of; kept in the webview's state so that a reloaded window can draw it again. */
export type FlowMapScope =
  | {
      readonly source: 'tenancy';
      readonly profile: string;
      readonly compartmentId: string;
      readonly compartmentName: string;
      /** A rule's or topic's node id: the map shows only what flows through it. */
      readonly focus?: string;
      /** The compartment's own rules only, not those below it: a grouped map's node for its own compartment. */
      readonly ownOnly?: boolean;
    }
  | { readonly source: 'fusion'; readonly connection: string };

/** Event flow map: extension → webview. */
export type FlowMapHostMessage =
  | { readonly type: 'loading'; readonly title: string; readonly step: string }
  | {
      readonly type: 'map';
      readonly title: string;
      readonly scope: FlowMapScope;
      readonly graph: FlowGraph;
      readonly findings: readonly FlowFinding[];
      /** Set when the map draws less than it was asked for, saying what and why. */
      readonly notice?: string;
      readonly canTrace: boolean;
      /** Send Through Emulator is offered on the emulator's profiles only. */
      readonly canSend: boolean;
      readonly loadedAt: string;
    }
  | { readonly type: 'trace'; readonly trace: FlowMapTrace | undefined }
  /** What an action (Copy as Mermaid, Save as SVG, a failed trace) came to, shown in the map's bar. */
  | { readonly type: 'status'; readonly text: string; readonly error?: boolean }
  | { readonly type: 'error'; readonly title: string; readonly message: string };

/** Event flow map: webview → extension. Checked at run time (flowMapMessageCheck) before the extension acts. */
export type FlowMapViewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'reveal'; readonly nodeId: string }
  | { readonly type: 'openRule'; readonly nodeId: string }
  | { readonly type: 'trace' }
  | { readonly type: 'send' }
  | { readonly type: 'clearTrace' }
  | { readonly type: 'copyMermaid' }
  | { readonly type: 'saveSvg'; readonly svg: string }
  | { readonly type: 'openInboxEntry'; readonly id: string }
  /** A compartment's node on a grouped map: open the map of its rules. */
  | { readonly type: 'openCompartment'; readonly nodeId: string }
  | { readonly type: 'layoutFailed'; readonly message: string };

/** The largest SVG the map sends for Save as SVG: a map of 10,000 nodes is about 4 MB. */
export const MAX_FLOW_SVG_CHARS = 64 * 1024 * 1024;
