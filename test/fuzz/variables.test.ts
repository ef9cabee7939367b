import * as assert from 'assert';
import fc from 'fast-check';
import { envReferences, expandVariables, newScope, VariableError } from '../../src/core/variables/variables';
import { assertLinear, deterministic, fuzz } from './fuzzRun';
import { nested, textInputs } from './textInputs';

const variableName = fc.stringMatching(/^[A-Za-z_][\w.-]{0,10}$/);
const values = fc.dictionary(
  variableName.filter((n) => n !== 'uuid' && n !== 'now'),
  fc.string({ maxLength: 10 }),
  { maxKeys: 5, noNullPrototype: true },
);
const part = fc.oneof(
  fc.string({ maxLength: 10 }),
  variableName.map((n) => `{{${n}}}`),
  variableName.map((n) => `{{ env:${n} }}`),
  fc.constantFrom('{{uuid}}', '{{now}}', '{{', '}}', '{{}}', '{{ env: }}'),
);
const validText = fc.array(part, { maxLength: 8 }).map((parts) => parts.join(''));
const scope = newScope({}, { uuid: '00000000-0000-4000-8000-000000000000', now: new Date(0) });

describe('fuzz: variable expansion', () => {
  it('expands any text or fails with one VariableError, the same twice', () => {
    const cases = fc.tuple(textInputs(validText, nested('{{', 'x', '}}')), values, fc.boolean());
    fuzz('variable expansion', 3_000, cases, ([text, vals, withEnv]) => {
      const s = { ...scope, values: vals, ...(withEnv ? { processEnv: (n: string) => vals[n] } : {}) };
      const outcome = deterministic(() => {
        try {
          return { text: expandVariables(text, s) };
        } catch (err) {
          assert.ok(err instanceof VariableError, `threw ${String(err)}`);
          return { error: err.message, approval: err.needsApproval };
        }
      });
      assert.ok(outcome.error === undefined || outcome.error.length > 0);
      deterministic(() => envReferences(text));
    });
  });

  it('replaces every variable it was given a value for', () => {
    fuzz('variable expansion', 1_000, fc.tuple(values, fc.nat()), ([vals, pick]) => {
      const names = Object.keys(vals);
      const name = names.length ? names[pick % names.length] : 'uuid';
      const out = expandVariables(`a{{${name}}}b`, { ...scope, values: vals });
      assert.strictEqual(out, `a${name === 'uuid' && !names.length ? scope.uuid : vals[name]}b`);
    });
  });

  it('grows linearly with the text, also with unclosed braces', () => {
    assertLinear(
      'variables, unclosed',
      (n) => '{{ '.repeat(n / 3),
      (text) => expandVariables(text, scope),
    );
    assertLinear(
      'variables, many',
      (n) => '{{uuid}}'.repeat(n / 8),
      (text) => expandVariables(text, scope),
    );
  });
});
