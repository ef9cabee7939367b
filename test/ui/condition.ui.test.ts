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
    await wb.treeRowAt('Condition Test', /^createobject\s*match$/, 1).waitFor();
    const miss = wb.treeRowAt('Condition Test', 'createobject near miss', 1);
    assert.match(await miss.innerText(), /no match/);
    const failing = wb.treeRowAt('Condition Test', 'Department', 2);
    assert.match(await failing.innerText(), /Department\s*"other-Finance"/);
    await wb.screenshot('condition-05-test-results');
  });

  it('5. shows every row whole at the default side-bar width', async () => {
    const rows = wb.view('Condition Test').locator('.monaco-list-row');
    assert.ok((await rows.count()) >= 4, 'a match, a near miss and its trace');
    assert.deepStrictEqual(await wb.cutOffRows('Condition Test'), [], 'rows cut off at the default width');
    await wb.screenshotForDocs('condition-test');
  });

  it('6. opens the near miss as a read-only event with its trace on top', async () => {
    await wb.treeRowAt('Condition Test', 'createobject near miss', 1).click();
    const editor = wb.page.locator('.monaco-editor', { hasText: 'generated to match the condition in every clause' });
    await editor.waitFor();
    await editor.locator('.view-line', { hasText: 'no match data.freeformTags.Department' }).waitFor();
    await editor.locator('.view-line', { hasText: '"Department": "other-Finance"' }).waitFor();
    await editor.locator('.view-lines').click();
    await wb.page.keyboard.type('x');
    await wb.page.locator('.monaco-editor-overlaymessage', { hasText: 'Cannot edit in read-only editor' }).waitFor();
    await wb.screenshot('condition-07-event-read-only');
  });
});
