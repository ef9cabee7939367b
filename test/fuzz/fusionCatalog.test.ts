import * as assert from 'assert';
import fc from 'fast-check';
import * as http from 'http';
import { AddressInfo } from 'net';
import { catalogGroups } from '../../src/core/fusion/catalogGroups';
import { FusionClient } from '../../src/core/fusion/fusionClient';
import { findEvent, parseQName } from '../../src/core/fusion/fusionEvents';
import { UserError } from '../../src/core/errors/userError';
import { deterministic, fuzzAsync } from './fuzzRun';
import { mutated } from './textInputs';

const qname = fc
  .tuple(fc.webUrl(), fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/))
  .map(([ns, local]) => `{${ns}}${local}`);
const entry = fc.record(
  {
    name: fc.oneof(qname, fc.string({ maxLength: 20 })),
    id: fc.string({ maxLength: 10 }),
    displayName: fc.oneof(fc.string(), fc.integer()),
  },
  { requiredKeys: [] },
);
const validCatalog = fc
  .tuple(fc.array(entry, { maxLength: 6 }), fc.constantFrom('array', 'items', 'events'))
  .map(([entries, shape]) => JSON.stringify(shape === 'array' ? entries : { [shape]: entries }));
const bodies = fc.oneof(
  validCatalog,
  mutated(validCatalog),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 50 }),
);

describe('fuzz: Fusion catalog reader', () => {
  let server: http.Server;
  let body = '';
  before(async () => {
    server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads any catalog answer into events or a UserError, and groups what it read, the same twice', async () => {
    const { port } = server.address() as AddressInfo;
    // One attempt: the client retries an answer it cannot read, and every input here is such an answer.
    const client = new FusionClient({ name: 'fuzz', baseUrl: `http://127.0.0.1:${port}`, username: 'u' }, 'p', {
      retry: { attempts: 1 },
    });
    await fuzzAsync('Fusion catalog reader', 600, bodies, async (text) => {
      body = text;
      let events;
      try {
        events = await client.catalog();
      } catch (err) {
        assert.ok(err instanceof UserError, `threw ${String(err)}`);
        return;
      }
      for (const e of events) {
        assert.strictEqual(typeof e.displayName, 'string');
        deterministic(() => [parseQName(e.name), findEvent(events, e.name)?.id]);
      }
      deterministic(() => catalogGroups(events, [], 'a'));
    });
  });
});
