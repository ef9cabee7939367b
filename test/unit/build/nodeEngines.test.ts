import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as semver from 'semver';
import { REPO_ROOT } from '../fixtures';

interface Lock {
  packages: Record<string, { engines?: { node?: string } }>;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as Lock;
const lowestNode = semver.minVersion(manifest.engines.node)!.version;

describe('the Node version the project asks for', () => {
  // `npm ci` warns (EBADENGINE) for every package whose engines leave out the Node a user was told is enough.
  it('is accepted by every package that `npm ci` installs', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && p.engines?.node !== undefined)
      .filter(([, p]) => !semver.satisfies(lowestNode, p.engines!.node!))
      .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')} needs Node ${p.engines!.node}`);
    assert.deepStrictEqual(refusing, [], `package.json says Node ${manifest.engines.node}`);
  });

  it('is the one the README names', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const [major, minor] = lowestNode.split('.');
    assert.match(readme, new RegExp(`Node ${major}\\.${minor} or later`));
  });
});
