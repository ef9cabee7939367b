import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { writeDemoHome } from '../../scripts/demoHome';
import { Workbench } from './workbench';

const CONDITION = `{
  "eventType": ["com.oraclecloud.objectstorage.createobject"],
  "data": {
    "freeFormTags": { "Department": "Finance" }
  }
}
`;

describe('a rule condition in a real workbench', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start((home, workspace) => {
      writeDemoHome(home);
      mkdirSync(path.join(workspace, 'rules'), { recursive: true });
      writeFileSync(path.join(workspace, 'rules', 'uploads.condition.json'), CONDITION);
    });
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest, 'condition-');
  });

  after(async () => {
    await wb?.stop();
  });

  it('1. opens a condition file', async () => {
    await wb.openFile('uploads.condition.json');
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'freeFormTags' }).waitFor();
    await wb.screenshot('condition-01-open');
  });

  it('2. shows the squiggle and the problem', async () => {
    await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor();
    await wb.page.keyboard.press('Control+Shift+M');
    const problem = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'Real events carry "freeformTags"' });
    await problem.waitFor();
    await wb.screenshot('condition-02-problem');
    await problem.click();
  });

  it('3. applies the quick fix', async () => {
    await wb.quickFix('freeFormTags', 'Rename to "freeformTags"', 'condition-03-quick-fix-menu');
    await wb.page.locator('.monaco-editor .view-line', { hasText: '"freeformTags"' }).waitFor();
    await wb.page.locator('.monaco-editor .squiggly-warning').waitFor({ state: 'detached' });
    await wb.screenshot('condition-04-fixed');
  });

  it('4. tests the condition against sample events and shows the results', async () => {
    await wb.page.locator('.codelens-decoration a', { hasText: 'Test against sample events' }).click();
    const view = wb.view('Condition Test');
    const row = view.locator('.monaco-list-row', { hasText: 'com.oraclecloud.objectstorage.createobject' });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /matched|no match/);
    await wb.screenshot('condition-05-test-results');
  });
});
