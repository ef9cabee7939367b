import { string } from '../core/sender/senderRequestCheck';
import { checkedMessage, MessageChecks } from './checkedMessage';
import { FlowMapViewMessage, MAX_FLOW_SVG_CHARS } from './webviewMessages';

/** A node id is `<kind>:<OCID or event type>`: never longer than this. */
const MAX_NODE_ID = 1024;

/** One check per message type, keyed by the shared union, as the sender's are. */
const CHECKS: MessageChecks<FlowMapViewMessage> = {
  ready: () => ({ type: 'ready' }),
  refresh: () => ({ type: 'refresh' }),
  reveal: (m) => ({ type: 'reveal', nodeId: string(m.nodeId, 'nodeId', MAX_NODE_ID) }),
  openRule: (m) => ({ type: 'openRule', nodeId: string(m.nodeId, 'nodeId', MAX_NODE_ID) }),
  trace: () => ({ type: 'trace' }),
  send: () => ({ type: 'send' }),
  clearTrace: () => ({ type: 'clearTrace' }),
  copyMermaid: () => ({ type: 'copyMermaid' }),
  saveSvg: (m) => ({ type: 'saveSvg', svg: string(m.svg, 'svg', MAX_FLOW_SVG_CHARS) }),
  openCompartment: (m) => ({ type: 'openCompartment', nodeId: string(m.nodeId, 'nodeId', MAX_NODE_ID) }),
  openInboxEntry: (m) => ({ type: 'openInboxEntry', id: string(m.id, 'id', MAX_NODE_ID) }),
  layoutFailed: (m) => ({ type: 'layoutFailed', message: string(m.message, 'message', 4096) }),
};

/** The flow map's message as the shared types define it; throws a ShapeError naming what is wrong. */
export function checkFlowMapViewMessage(value: unknown): FlowMapViewMessage {
  return checkedMessage(CHECKS, value);
}
