import { boolean, object, string, wholeNumber } from '../core/sender/senderRequestCheck';
import { checkedMessage, MessageChecks } from './checkedMessage';
import { checkSenderRequest } from '../core/sender/senderRequestCheck';
import { SenderSecrets } from '../core/sender/senderTypes';
import { MAX_BURST_CONCURRENCY, MAX_BURST_COUNT, SenderViewMessage } from './webviewMessages';

/**
 * One check per message type, keyed by the shared union: a message type added there without a
 * check here is a compile error. A webview is a web page; its messages are input like any other.
 */
const CHECKS: MessageChecks<SenderViewMessage> = {
  ready: () => ({ type: 'ready' }),
  send: (m) => ({ type: 'send', request: checkSenderRequest(m.request), secrets: secrets(m.secrets) }),
  burst: (m) => ({
    type: 'burst',
    request: checkSenderRequest(m.request),
    secrets: secrets(m.secrets),
    count: wholeNumber(m.count, 'count', 1, MAX_BURST_COUNT),
    concurrency: wholeNumber(m.concurrency, 'concurrency', 1, MAX_BURST_CONCURRENCY),
  }),
  cancel: () => ({ type: 'cancel' }),
  fillBody: (m) => ({ type: 'fillBody', request: checkSenderRequest(m.request) }),
  saveRequest: (m) => ({ type: 'saveRequest', request: checkSenderRequest(m.request) }),
  replay: (m) => ({ type: 'replay', id: string(m.id, 'id'), send: boolean(m.send, 'send') }),
  clearHistory: () => ({ type: 'clearHistory' }),
  openEnvironments: () => ({ type: 'openEnvironments' }),
};

/** The message as the shared types define it; throws a ShapeError naming what is wrong. */
export function checkSenderViewMessage(value: unknown): SenderViewMessage {
  return checkedMessage(CHECKS, value);
}

function secrets(value: unknown): SenderSecrets {
  const o = object(value, 'secrets');
  const optional = (v: unknown, path: string) => (v === undefined || v === '' ? undefined : string(v, path));
  const auth = optional(o.auth, 'secrets.auth');
  const template = optional(o.template, 'secrets.template');
  return { ...(auth ? { auth } : {}), ...(template ? { template } : {}) };
}
