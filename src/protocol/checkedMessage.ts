import { object, ShapeError, string } from '../core/sender/senderRequestCheck';

/** One check per message type of a webview's union: adding a type without its check is a compile error. */
export type MessageChecks<M extends { readonly type: string }> = {
  readonly [K in M['type']]: (message: Record<string, unknown>) => Extract<M, { type: K }>;
};

/**
 * The message as `checks` define it; throws a ShapeError naming what is wrong. A webview is a
 * web page: `null`, an unknown type or a field of the wrong shape must not reach a switch.
 */
export function checkedMessage<M extends { readonly type: string }>(checks: MessageChecks<M>, value: unknown): M {
  const message = object(value, 'message');
  const type = string(message.type, 'message.type');
  if (!Object.prototype.hasOwnProperty.call(checks, type)) {
    throw new ShapeError('message.type', `one of ${Object.keys(checks).join(', ')}`);
  }
  return checks[type as M['type']](message);
}
