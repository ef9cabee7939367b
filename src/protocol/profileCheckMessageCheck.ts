import { checkedMessage, MessageChecks } from './checkedMessage';
import { ProfileCheckViewMessage } from './webviewMessages';

const CHECKS: MessageChecks<ProfileCheckViewMessage> = {
  ready: () => ({ type: 'ready' }),
  recheck: () => ({ type: 'recheck' }),
  openConfigFile: () => ({ type: 'openConfigFile' }),
};

/** The profile check panel's message as the shared types define it; throws a ShapeError naming what is wrong. */
export function checkProfileCheckViewMessage(value: unknown): ProfileCheckViewMessage {
  return checkedMessage(CHECKS, value);
}
