import { object, ShapeError, string } from '../core/sender/senderRequestCheck';
import { ProfileCheckViewMessage } from './webviewMessages';

const TYPES: { readonly [K in ProfileCheckViewMessage['type']]: Extract<ProfileCheckViewMessage, { type: K }> } = {
  ready: { type: 'ready' },
  recheck: { type: 'recheck' },
  openConfigFile: { type: 'openConfigFile' },
};

/**
 * The profile check panel's message as the shared types define it; throws a ShapeError naming
 * what is wrong. A webview is a web page: `null` or an unknown type must not reach a switch.
 */
export function checkProfileCheckViewMessage(value: unknown): ProfileCheckViewMessage {
  const type = string(object(value, 'message').type, 'message.type');
  if (!Object.prototype.hasOwnProperty.call(TYPES, type)) {
    throw new ShapeError('message.type', `one of ${Object.keys(TYPES).join(', ')}`);
  }
  return TYPES[type as ProfileCheckViewMessage['type']];
}
