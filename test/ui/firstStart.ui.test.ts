import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { writeDemoHome } from '../../scripts/demoHome';
import { Workbench } from './workbench';

/**
 * The first minutes of a new user, in a workbench started as a user's VS Code (not a test's):
 * notifications pop up, and the walkthrough opens by itself and ticks only what really happened.
 */
describe('First start of a new user', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start(
      (home, workspace) => {
        writeDemoHome(home);
        // A workspace that uses the workbench: the extension starts with the window.
        mkdirSync(path.join(workspace, '.oew'), { recursive: true });
        writeFileSync(
          path.join(workspace, 'uploads.condition.json'),
          JSON.stringify({ eventType: 'com.oraclecloud.objectstorage.createobject' }, null, 2),
        );
      },
      () => ({}),
      'demo',
    );
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest, 'first-start-');
  });

  after(async () => {
    await wb?.stop();
  });

  const step = (title: string) => wb.page.locator('.getting-started-step', { hasText: title });
  // The walkthrough marks a done step's check icon `complete`.
  const ticked = async (title: string) => (await step(title).locator('.codicon.complete').count()) > 0;

  it('1. opens the walkthrough by itself on the first start', async () => {
    await step('Open the OCI Events view').waitFor({ timeout: 60_000 });
    assert.strictEqual(await ticked('Test a condition against events'), false);
    await wb.screenshotForDocs('first-screen');
  });

  it('2. ticks "Open the OCI Events view" once its button ran', async () => {
    await step('Open the OCI Events view').click();
    await wb.page.getByRole('button', { name: 'Open the Tenancy view' }).click();
    await wb.view('Tenancy').waitFor();
    for (let waited = 0; !(await ticked('Open the OCI Events view')); waited += 200) {
      assert.ok(waited < 10_000, 'the step is ticked');
      await wb.page.waitForTimeout(200);
    }
  });

  it('3. shows an error as a notification, and leaves the condition step unticked when its command failed', async () => {
    // The step's own button, with no condition open: the command fails.
    await step('Test a condition against events').click();
    await wb.page.getByRole('button', { name: 'Test Condition Against Sample Events' }).click();
    const toast = wb.page.locator('.notification-toast', { hasText: 'There is no condition to test.' });
    await toast.waitFor({ timeout: 15_000 });
    await wb.screenshot('first-start-03-error-toast');
    assert.strictEqual(await ticked('Test a condition against events'), false);
  });

  it('4. ticks the condition step once a condition was tested', async () => {
    await wb.openFile('uploads.condition.json');
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'createobject' }).first().waitFor();
    await wb.runCommand('OCI Events: Test Condition Against Sample Events');
    await wb.view('Condition Test').waitFor({ timeout: 15_000 });
    await wb.page.locator('.tab', { hasText: 'Welcome' }).first().click();
    for (let waited = 0; !(await ticked('Test a condition against events')); waited += 200) {
      assert.ok(waited < 10_000, 'the step is ticked');
      await wb.page.waitForTimeout(200);
    }
    await wb.screenshot('first-start-04-condition-ticked');
  });
});
