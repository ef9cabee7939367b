import * as assert from 'assert';
import fc from 'fast-check';
import { emptySenderRequest } from '../../src/core/sender/senderTypes';
import { MAX_SENDER_BODY_CHARS, MAX_SENDER_HEADERS, ShapeError } from '../../src/core/sender/senderRequestCheck';
import { checkFlowMapViewMessage } from '../../src/protocol/flowMapMessageCheck';
import { checkProfileCheckViewMessage } from '../../src/protocol/profileCheckMessageCheck';
import { checkSenderViewMessage } from '../../src/protocol/senderMessageCheck';
import { assertLinear, deterministic, fuzz } from './fuzzRun';

const request = emptySenderRequest();
const validMessages = fc.constantFrom<unknown>(
  { type: 'ready' },
  { type: 'send', request, secrets: {} },
  { type: 'burst', request, secrets: { auth: 'x' }, count: 10, concurrency: 2 },
  { type: 'fillBody', request },
  { type: 'replay', id: 'a', send: true },
  { type: 'recheck' },
  { type: 'openConfigFile' },
  { type: 'reveal', nodeId: 'rule:ocid1.eventrule.oc1..x' },
  { type: 'saveSvg', svg: '<svg/>' },
  { type: 'openInboxEntry', id: 'a' },
);
/** A valid message with one part replaced by any JSON value, or any value at all. */
const messages = fc.oneof(
  fc.anything(),
  fc.jsonValue({ maxDepth: 4 }),
  fc
    .tuple(validMessages, fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 3 }), fc.anything())
    .map(([message, path, value]) => {
      const copy = structuredClone(message) as Record<string, unknown>;
      let at: Record<string, unknown> = copy;
      for (const key of path.slice(0, -1)) {
        at = (typeof at[key] === 'object' && at[key] !== null ? at[key] : (at[key] = {})) as Record<string, unknown>;
      }
      at[path[path.length - 1]] = value;
      return copy;
    }),
  validMessages,
);

function outcome(check: (v: unknown) => unknown, value: unknown): unknown {
  try {
    return { ok: check(value) };
  } catch (err) {
    assert.ok(err instanceof ShapeError, `threw ${String(err)}`);
    return { refused: err.message };
  }
}

describe('fuzz: webview message checks', () => {
  it('either returns a message of the shared types or refuses it with a ShapeError, the same twice', () => {
    fuzz('webview message checks', 3_000, messages, (value) => {
      deterministic(() => outcome(checkSenderViewMessage, value));
      deterministic(() => outcome(checkProfileCheckViewMessage, value));
      deterministic(() => outcome(checkFlowMapViewMessage, value));
    });
  });

  it('refuses a body or a header list over the limits, saying which', () => {
    const sizes = fc.record({
      extraChars: fc.integer({ min: 1, max: 1_000 }),
      extraHeaders: fc.integer({ min: 1, max: 1_000 }),
    });
    fuzz('webview message checks', 20, sizes, ({ extraChars, extraHeaders }) => {
      const big = { ...request, body: 'x'.repeat(MAX_SENDER_BODY_CHARS + extraChars) };
      assert.throws(
        () => checkSenderViewMessage({ type: 'send', request: big, secrets: {} }),
        /request\.body must be at most/,
      );
      const header = { name: 'a', value: 'b', enabled: true };
      const many = { ...request, headers: Array.from({ length: MAX_SENDER_HEADERS + extraHeaders }, () => header) };
      assert.throws(
        () => checkSenderViewMessage({ type: 'send', request: many, secrets: {} }),
        /request\.headers must be a list of at most/,
      );
    });
  });

  it('checks a message in time linear in its headers', () => {
    const header = { name: 'a', value: 'b', enabled: true };
    assertLinear(
      'sender message check, headers',
      (n) => JSON.stringify({ ...request, headers: Array.from({ length: n / 100 }, () => header) }),
      (text) => checkSenderViewMessage({ type: 'send', request: JSON.parse(text) as unknown, secrets: {} }),
    );
  });
});
