import * as assert from 'assert';
import { parseJson } from '../../../src/core/json/parseJson';
import { ODD_CHARACTERS, randomSource } from '../cli/brokenFiles';

const strict = (text: string) => parseJson(text, 'f.json', { what: 'event' });

describe('JSON files read with the place of a mistake (parseJson)', () => {
  it('says where and what, in its own words, never quoting the text around the mistake', () => {
    assert.deepStrictEqual(strict('{\r\n  "password": "hunter22" x\r\n}'), {
      ok: false,
      error: 'f.json, line 2, column 26: not valid JSON (invalid symbol).',
    });
    assert.deepStrictEqual(strict(''), {
      ok: false,
      error: 'f.json, line 1, column 1: not valid JSON (value expected).',
    });
    assert.deepStrictEqual(strict('\uFEFF{}'), {
      ok: false,
      error: 'f.json, line 1, column 1: not valid JSON (invalid symbol).',
    });
    assert.match(
      (strict(`\n${'['.repeat(20_000)}`) as { error: string }).error,
      /^f\.json, line 2: The event nests deeper than 64 levels/,
    );
  });

  it('is strict unless asked to allow the comments and trailing commas of the project’s own files', () => {
    const text = '{\n  // local\n  "a": [1, 2,],\n}';
    assert.deepStrictEqual(strict(text), {
      ok: false,
      error: 'f.json, line 2, column 3: not valid JSON (invalid comment token).',
    });
    assert.deepStrictEqual(parseJson(text, 'f.json', { what: 'file', lenient: true }), {
      ok: true,
      value: { a: [1, 2] },
    });
  });

  it('reads a "__proto__" key as a field, as JSON.parse does, not as the object’s prototype', () => {
    const parsed = strict('{"__proto__": {"polluted": true}}');
    assert.ok(parsed.ok);
    assert.strictEqual(Object.getPrototypeOf(parsed.value), Object.prototype);
    assert.deepStrictEqual(Object.keys(parsed.value as object), ['__proto__']);
  });

  it('refuses exactly what JSON.parse refuses, over mutations of a document', () => {
    const seed = '{"a": [1, -2.5e3, "x\\u00e9\\n", true, null], "b": {"c": ""}}';
    // The breakers of every parser, and what a JSON number, escape or white space is made of.
    const odd = [...ODD_CHARACTERS, '\u00a0', 'e', '-', '.', '0', 'u', '\t'];
    const next = randomSource(42);
    for (let i = 0; i < 3_000; i++) {
      let text = seed;
      for (let edits = 1 + next(3); edits > 0; edits--) {
        const at = next(text.length + 1);
        text = next(2)
          ? text.slice(0, at) + odd[next(odd.length)] + text.slice(at)
          : text.slice(0, at) + text.slice(at + 1);
      }
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      const parsed = strict(text);
      assert.strictEqual(parsed.ok, parses, JSON.stringify(text));
      assert.ok(
        parsed.ok || /, line \d+, column \d+: not valid JSON \([a-z ]+\)\.$/.test(parsed.error),
        parsed.ok ? '' : parsed.error,
      );
    }
  });
});
