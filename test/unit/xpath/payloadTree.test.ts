import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { PayloadTree, XNode } from '../../../src/core/xpath/engine/dataModel';
import { parsePayloadTree } from '../../../src/core/xpath/engine/payloadTree';
import { MAX_PAYLOAD_CHARS, MAX_PAYLOAD_DEPTH } from '../../../src/core/xpath/payloadBudget';

const parsed = (xml: string): PayloadTree => {
  const tree = parsePayloadTree(xml);
  assert.ok(!('error' in tree), 'error' in tree ? tree.error : '');
  return tree;
};
const refusal = (xml: string): string => {
  const tree = parsePayloadTree(xml);
  assert.ok('error' in tree, 'the payload was refused');
  return tree.error;
};
/** Every node in document order, as a filter walking the tree meets them. */
function walk(root: XNode): XNode[] {
  const out: XNode[] = [];
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    out.push(node, ...node.namespaces, ...node.attributes);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}
const describe1 = (n: XNode) => `${n.kind} ${n.qualifiedName}=${JSON.stringify(n.stringValue)}`;

describe('a payload as XPath 1.0’s data model', () => {
  it('gives the root only the document element, comments and processing instructions, in order', () => {
    const tree = parsed('<?xml version="1.0"?>\n<!-- before -->\n<?app go?>\n<a>x</a>\n<!-- after -->\n');
    assert.deepStrictEqual(tree.root.children.map(describe1), [
      'comment =" before "',
      'processing-instruction app="go"',
      'element a="x"',
      'comment =" after "',
    ]);
  });

  it('makes adjacent text and CDATA one text node, and keeps comments between text apart', () => {
    const [a] = parsed('<a>x<![CDATA[<y>]]>z<!--c-->w</a>').root.children;
    assert.deepStrictEqual(a.children.map(describe1), ['text ="x<y>z"', 'comment ="c"', 'text ="w"']);
    assert.strictEqual(a.stringValue, 'x<y>zw');
  });

  it('keeps namespace declarations out of the attributes and gives each element its in-scope namespaces', () => {
    const tree = parsed('<a xmlns="urn:d" xmlns:p="urn:p" p:x="1" y="2"><b xmlns=""><p:c/></b></a>');
    const a = tree.root.children[0];
    assert.deepStrictEqual(a.attributes.map(describe1), ['attribute p:x="1"', 'attribute y="2"']);
    assert.deepStrictEqual(
      a.attributes.map((n) => n.namespaceUri),
      ['urn:p', ''],
    );
    const names = (n: XNode) => n.namespaces.map((ns) => `${ns.localName}=${ns.stringValue}`).sort();
    assert.deepStrictEqual(names(a), ['=urn:d', 'p=urn:p', 'xml=http://www.w3.org/XML/1998/namespace']);
    const b = a.children[0];
    assert.deepStrictEqual(names(b), ['p=urn:p', 'xml=http://www.w3.org/XML/1998/namespace'], 'xmlns="" undeclares');
    assert.strictEqual(b.namespaceUri, '');
    assert.strictEqual(b.children[0].namespaceUri, 'urn:p');
    assert.ok(b.namespaces.every((ns) => ns.parent === b));
  });

  it('numbers nodes in document order: an element, its namespace nodes, its attributes, its children', () => {
    const tree = parsed('<a xmlns:p="urn:p" p:x="1"><b y="2">t</b><!--c--><d/></a>');
    const orders = walk(tree.root).map((n) => n.order);
    assert.deepStrictEqual(
      orders,
      [...orders].sort((x, y) => x - y),
    );
    assert.strictEqual(new Set(orders).size, orders.length, 'no two nodes share a place');
    const [a] = tree.root.children;
    assert.deepStrictEqual(
      a.children.map((c) => [c.kind, c.index]),
      [
        ['element', 0],
        ['comment', 1],
        ['element', 2],
      ],
    );
  });

  it('keeps characters outside the Basic Multilingual Plane and decodes character references', () => {
    const [a] = parsed('<a t="&#x1F600;">😀&amp;&#x1F600;</a>').root.children;
    assert.strictEqual(a.stringValue, '😀&😀');
    assert.strictEqual(a.attributes[0].stringValue, '😀');
  });

  it('reads line ends as XML 1.0 does, keeping U+0085 and U+2028, and skips a byte order mark', () => {
    assert.strictEqual(parsed('<a>x\r\ny\rz\u0085w\u2028v</a>').root.children[0].stringValue, 'x\ny\nz\u0085w\u2028v');
    assert.strictEqual(parsed('\uFEFF<a>b</a>').root.children[0].stringValue, 'b');
  });

  it('binds $eventPayload to onEvent, also inside a SOAP envelope, and indexes xml:id for id()', () => {
    const inEnvelope = parsed(
      '<env:Envelope xmlns:env="urn:env"><env:Body><e:onEvent xmlns:e="urn:e" xml:id="ev"/></env:Body></env:Envelope>',
    );
    assert.strictEqual(inEnvelope.eventPayload.qualifiedName, 'e:onEvent');
    assert.strictEqual(inEnvelope.ids.get('ev'), inEnvelope.eventPayload);
    assert.strictEqual(parsed('<other/>').eventPayload.qualifiedName, 'other');
  });
});

describe('a payload that could harm the editor stays harmless', () => {
  it('never reads a file an external entity names, and says why the payload is refused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oew-xxe-'));
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, 'TOP-SECRET-CONTENT');
    try {
      const message = refusal(`<!DOCTYPE a [<!ENTITY x SYSTEM "file://${secret}">]><a>&x;</a>`);
      assert.match(message, /uses the entity &x;.*not expanded, so that no payload can read a file/);
      assert.doesNotMatch(message, /TOP-SECRET/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never fetches an external entity or DTD from the network', async () => {
    let hits = 0;
    const server = http.createServer((_, res) => {
      hits++;
      res.end('<!ENTITY y "fetched">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const url = `http://127.0.0.1:${port}/e`;
      refusal(`<!DOCTYPE a [<!ENTITY x SYSTEM "${url}">]><a>&x;</a>`);
      parsePayloadTree(`<!DOCTYPE a SYSTEM "${url}"><a/>`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.strictEqual(hits, 0);
    } finally {
      server.close();
    }
  });

  it('refuses a "billion laughs" payload at once instead of expanding it', () => {
    let doctype = '<!DOCTYPE lolz [<!ENTITY lol0 "lol">';
    for (let i = 1; i < 10; i++) {
      doctype += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    }
    const started = Date.now();
    const message = refusal(`${doctype}]><a>&lol9;</a>`);
    assert.match(message, /entity &lol9;/);
    assert.ok(Date.now() - started < 1000, 'refused within a second');
  });

  it(`refuses a payload nested past ${MAX_PAYLOAD_DEPTH} elements, and one over 4 MB, with a clear message`, () => {
    const deep = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    assert.ok(!('error' in parsePayloadTree(deep(MAX_PAYLOAD_DEPTH))));
    assert.match(refusal(deep(MAX_PAYLOAD_DEPTH + 1)), /nests deeper than 256 levels of elements/);
    assert.match(refusal(deep(20_000)), /nests deeper than 256 levels/);
    assert.match(refusal(`<a>${'x'.repeat(MAX_PAYLOAD_CHARS)}</a>`), /payloads of more than 4 MB are not evaluated/);
  });

  it('refuses a payload of more than 50,000 tags and attributes at once, rather than building it for seconds', () => {
    const started = Date.now();
    assert.match(refusal(`<a>${'<b/>'.repeat(1_000_000)}</a>`), /more than 50,000 tags and attributes/);
    assert.ok(Date.now() - started < 1000, 'refused within a second');
    assert.ok(
      !('error' in parsePayloadTree(`<a>${'<b c="1"/>'.repeat(20_000)}</a>`)),
      '40,001 tags and attributes are read',
    );
  });

  it('says where a payload is not well formed, in one line', () => {
    assert.match(refusal('<a>\n<b></a>'), /^The payload is not well-formed XML \(line 2, column \d+\): [^\n]+$/);
    assert.match(refusal('<p:a/>'), /uses a prefix that no xmlns: attribute declares/);
    assert.match(refusal('   '), /not well-formed XML/);
    for (const text of ['hello', '']) {
      assert.doesNotMatch(refusal(text), /line 0|undefined/, JSON.stringify(text));
    }
  });
});
