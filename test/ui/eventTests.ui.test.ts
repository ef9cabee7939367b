import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { writeDemoHome } from '../../scripts/demoHome';
import { Workbench } from './workbench';

const CREATE = 'com.oraclecloud.objectstorage.createobject';
const upload = (bucketName: string) => ({ eventType: CREATE, data: { additionalDetails: { bucketName } } });
const FILES: Record<string, unknown> = {
  'rules/backups.rule.json': {
    displayName: 'backups',
    isEnabled: true,
    condition: { eventType: [CREATE], data: { additionalDetails: { bucketName: 'RMAN_BCS' } } },
    actions: { actions: [] },
  },
  '.oew/samples/rman.json': upload('RMAN_BCS'),
  '.oew/tests/backups.eventtest.json': {
    rule: '../../rules/backups.rule.json',
    cases: [
      { name: 'an RMAN backup', event: '../samples/rman.json', expect: 'match' },
      { name: 'a photo upload', event: upload('photos'), expect: 'no match' },
      { name: 'a photo upload, expected to match', event: upload('photos'), expect: 'match' },
    ],
  },
  // A failure's message opens at the clause that decided it, as a user who wants it would set.
  '.vscode/settings.json': { 'testing.automaticallyOpenPeekView': 'failureAnywhere' },
};

describe('event tests in the Testing view of a real workbench', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start((home, workspace) => {
      writeDemoHome(home);
      for (const [relative, content] of Object.entries(FILES)) {
        mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
        writeFileSync(path.join(workspace, relative), JSON.stringify(content, null, 2));
      }
    });
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest, 'event-tests-');
  });

  after(async () => {
    await wb?.stop();
  });

  const row = (label: string | RegExp) => wb.page.locator('.test-explorer .monaco-list-row').filter({ hasText: label });

  it('1. lists the test file and its cases without opening it', async () => {
    await wb.openContainer('Testing');
    await row('.oew/tests').waitFor({ timeout: 60_000 });
    if (!(await row('backups').isVisible())) {
      await row('.oew/tests').click();
    }
    await row('backups').click();
    await wb.page.keyboard.press('ArrowRight');
    await row('an RMAN backup').waitFor();
    await row('a photo upload, expected to match').waitFor();
    await wb.screenshot('event-tests-01-discovered');
  });

  it('2. runs them: two pass, one fails with its message at the clause of the rule that decided it', async () => {
    await wb.runCommand('Test: Run All Tests');
    const peek = wb.page.locator('.peekview-widget', { hasText: 'Expected "match", got "no match"' });
    await peek.waitFor({ timeout: 60_000 });
    assert.match(
      await peek.innerText(),
      /data\.additionalDetails\.bucketName is "photos", and the condition wants "RMAN_BCS"/,
    );
    // The peek is in the rule document, at the clause.
    await wb.page.locator('.tab.active', { hasText: 'backups.rule.json' }).waitFor();
    await row('a photo upload, expected to match').locator('.codicon-testing-failed-icon').waitFor();
    await row('an RMAN backup').locator('.codicon-testing-passed-icon').waitFor();
    await wb.screenshotForDocs('testing-view');
  });
});
