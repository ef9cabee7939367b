import * as assert from 'assert';
import { existsSync } from 'fs';
import * as path from 'path';
import { Workbench } from './workbench';

const LAUNCH = 'com.oraclecloud.computeapi.launchinstance.end';

describe('The Webhook Inbox in a real workbench', function () {
  this.timeout(120_000);
  let wb: Workbench;
  let url: string;

  before(async () => {
    wb = await Workbench.start(() => undefined);
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest, 'inbox-');
  });

  after(() => wb?.stop());

  const post = async (route: string, body: string) => {
    const response = await fetch(`${url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('1. starts from its welcome content and shows its URL in the header', async () => {
    await wb.openContainer('OCI Events');
    const start = wb.view('Webhook Inbox').getByRole('button', { name: 'Start Inbox' });
    await start.waitFor({ timeout: 30_000 });
    await wb.screenshot('60-inbox-stopped');
    await start.click();
    const header = wb.page.locator('.pane-header', { hasText: 'Webhook Inbox' });
    await header.getByText(/http:\/\/127\.0\.0\.1:\d+/).waitFor({ timeout: 30_000 });
    url = /http:\/\/127\.0\.0\.1:\d+/.exec(await header.innerText())![0];
  });

  it('2. shows a request as it arrives, and opens it as a document', async () => {
    const event = { eventType: LAUNCH, data: { resourceName: 'ui-vm' } };
    assert.strictEqual(await post('/hooks/oci', JSON.stringify(event)), 200);
    // Labelled by what it is, without the prefix every OCI event type shares, readable at the default width.
    const row = wb.treeRow('Webhook Inbox', LAUNCH.replace('com.oraclecloud.', ''));
    await row.waitFor({ timeout: 30_000 });
    // The time beside it may be cut at this width; the tooltip has it in full.
    assert.deepStrictEqual(await wb.cutOffRows('Webhook Inbox', 'label'), []);
    await row.click();
    await wb.page.locator('.monaco-editor .view-line', { hasText: '// POST /hooks/oci' }).waitFor({ timeout: 30_000 });
    await wb.page.locator('.monaco-editor .view-line', { hasText: '"resourceName": "ui-vm"' }).waitFor();
    await wb.screenshot('61-inbox-entry');
  });

  it('3. saves the request as a sample from its context menu', async () => {
    await wb.contextMenu(wb.treeRow('Webhook Inbox', LAUNCH.replace('com.oraclecloud.', '')), 'Save as Sample');
    const file = path.join(wb.run.workspace, '.oew', 'samples', `${LAUNCH}.json`);
    for (let waited = 0; !existsSync(file); waited += 100) {
      assert.ok(waited < 30_000, `${file} written`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The sample opens in an editor; until it has, a quick pick opened next would lose the focus to it.
    await wb.page.locator('.tab.active', { hasText: `${LAUNCH}.json` }).waitFor({ timeout: 30_000 });
  });

  it('4. changes the response status from Inbox Settings… in the title bar, refusing a bad one as it is typed', async () => {
    await wb.page
      .locator('.pane-header', { hasText: 'Webhook Inbox' })
      .locator('.action-label[aria-label^="Inbox Settings"]')
      .click();
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'Response status: 200' }).click();
    const input = wb.quickInput().locator('input');
    await input.fill('99');
    await wb
      .quickInput()
      .getByText(/Use 200 to 599/)
      .waitFor({ timeout: 10_000 });
    await wb.screenshot('62-inbox-bad-status');
    await input.fill('503');
    await wb.page.keyboard.press('Enter');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'Response status: 503' }).waitFor({ timeout: 10_000 });
    await wb.page.keyboard.press('Escape');
    assert.strictEqual(await post('/after', '{}'), 503);
  });
});
