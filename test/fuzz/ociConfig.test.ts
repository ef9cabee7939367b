import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import fc from 'fast-check';
import { parseConfig } from '../../src/core/ociConfig/parseConfig';
import { fixture } from '../unit/fixtures';
import { assertLinear, deterministic, fuzz } from './fuzzRun';
import { nested, textInputs } from './textInputs';

const FIXTURES = readdirSync(fixture('ociConfig')).map((name) => readFileSync(fixture('ociConfig', name), 'utf8'));

const name = fc.stringMatching(/^[A-Za-z0-9_ .-]{0,12}$/);
const section = fc
  .tuple(
    name,
    fc.array(
      fc.tuple(
        name,
        fc.string({ maxLength: 20 }).map((v) => v.replace(/[\r\n]/g, '')),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([header, entries]) => `[${header}]\n${entries.map(([k, v]) => `${k}=${v}`).join('\n')}\n`);
const validConfig = fc.oneof(
  fc.constantFrom(...FIXTURES),
  fc.array(section, { maxLength: 5 }).map((s) => s.join('\n')),
);

describe('fuzz: OCI config parser', () => {
  it('never throws; every line it names is in the file; the same twice', () => {
    fuzz('OCI config parser', 3_000, textInputs(validConfig, nested('[', 'DEFAULT', ']')), (text) => {
      const parsed = deterministic(() => parseConfig(text));
      const lines = text.split(/\r\n|\r|\n/).length;
      const named = parsed.ok
        ? [...parsed.sections.values()].flatMap((s) => [s.line, ...[...s.entries.values()].map((e) => e.line)])
        : [parsed.error.line];
      for (const line of named) {
        assert.ok(Number.isInteger(line) && line >= 1 && line <= lines, `line ${line} of ${lines}`);
      }
    });
  });

  it('grows linearly with the number of profiles and the length of a line', () => {
    assertLinear(
      'OCI config, profiles',
      (n) => '[P]\nuser=ocid1.user.oc1..a\n'.repeat(n / 24),
      (text) => parseConfig(text),
    );
    assertLinear(
      'OCI config, long line',
      (n) => `[DEFAULT]\nkey_file=${'a = ['.repeat(n / 5)}`,
      (text) => parseConfig(text),
    );
    assertLinear(
      'OCI config, CR line ends',
      (n) => `[DEFAULT]${'\r'.repeat(n)}`,
      (text) => parseConfig(text),
    );
  });
});
