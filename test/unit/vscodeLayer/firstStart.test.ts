import { fake } from './fakeVscode';
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { openWalkthroughOnFirstStart } from '../../../src/help/firstStart';

class Memory implements Pick<vscode.Memento, 'get' | 'update'> {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('the walkthrough on the first start', () => {
  const settings = new Map<string, unknown>();
  const getConfiguration = fake.workspace.getConfiguration;
  before(() => {
    fake.workspace.getConfiguration = (section?: string) => ({
      get: (key: string) => settings.get(`${section}.${key}`),
    });
  });
  after(() => {
    fake.workspace.getConfiguration = getConfiguration;
  });

  it('opens once per user, never again on later starts', async () => {
    const state = new Memory();
    let opened = 0;
    const open = () => Promise.resolve(opened++);
    await openWalkthroughOnFirstStart(state as unknown as vscode.Memento, open);
    await openWalkthroughOnFirstStart(state as unknown as vscode.Memento, open);
    assert.strictEqual(opened, 1);
  });

  it('stays shut when the user turned off VS Code’s own "open walkthroughs on install"', async () => {
    settings.set('workbench.welcomePage.walkthroughs.openOnInstall', false);
    let opened = 0;
    await openWalkthroughOnFirstStart(new Memory() as unknown as vscode.Memento, () => Promise.resolve(opened++));
    assert.strictEqual(opened, 0);
  });
});
