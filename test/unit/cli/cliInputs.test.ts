import * as assert from 'assert';
import { CliIo } from '../../../src/cli/cliCommands';
import { readCommandInputs } from '../../../src/cli/cliInputs';

function capture(): CliIo & { readonly errors: string[] } {
  const errors: string[] = [];
  return { errors, out: () => assert.fail('nothing goes to stdout'), err: (text) => errors.push(text) };
}

const FLAGS = { names: ['filter', 'payload'] as const, usage: 'usage: oew x --filter FILE --payload FILE' };

describe('readCommandInputs', () => {
  it('hands the files by flag name to the reader, and returns what it read', async () => {
    const io = capture();
    const read = await readCommandInputs('x', ['--payload', 'p.xml', '--filter', 'f.xpathfilter'], io, FLAGS, (files) =>
      Promise.resolve(`${files.filter}+${files.payload}`),
    );
    assert.deepStrictEqual(read, {
      files: { filter: 'f.xpathfilter', payload: 'p.xml' },
      inputs: 'f.xpathfilter+p.xml',
    });
    assert.deepStrictEqual(io.errors, []);
  });

  it('refuses a missing flag with the usage, in one line, without reading', async () => {
    const io = capture();
    const read = await readCommandInputs('x', ['--filter', 'f'], io, FLAGS, () => assert.fail('not read'));
    assert.strictEqual(read, undefined);
    assert.deepStrictEqual(io.errors, [`oew x: ${FLAGS.usage}\n`]);
  });

  it('tells what the reader refused in one line, its line breaks escaped', async () => {
    const io = capture();
    const read = await readCommandInputs('x', ['--filter', 'f', '--payload', 'p'], io, FLAGS, () =>
      Promise.reject(new Error('f: not\nJSON')),
    );
    assert.strictEqual(read, undefined);
    assert.deepStrictEqual(io.errors, ['oew x: f: not\\nJSON\n']);
  });
});
