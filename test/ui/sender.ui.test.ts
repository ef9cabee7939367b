import * as assert from 'assert';
import type { FrameLocator } from 'playwright-core';
import { writeDemoHome } from '../../scripts/demoHome';
import { testServer } from '../unit/http/testServers';
import { Workbench } from './workbench';
import { untilItTakes } from './untilItTakes';

/** The sender panel against the Webhook Inbox, both in a real workbench. */
describe('Webhook Sender and Inbox in a real workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let view: FrameLocator;
  // Stands in for ONS's confirmation endpoint: the inbox fetches ConfirmationURLs on this machine.
  let ons: Awaited<ReturnType<typeof testServer>>;
  const consoleErrors: string[] = [];

  before(async () => {
    ons = await testServer((_req, res) => res.end());
    wb = await Workbench.start((home) => writeDemoHome(home));
    wb.page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) {
        consoleErrors.push(message.text());
      }
    });
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest, 'sender-');
  });

  after(async () => {
    await wb?.stop();
    await ons?.close();
  });

  async function chooseTemplate(title: string): Promise<void> {
    await view.locator('#template').click();
    await view.locator('#template [role="option"]', { hasText: title }).first().click();
    await view.locator('.description').waitFor();
  }

  async function send(): Promise<string> {
    await view.locator('#send').click();
    await view.locator('#status').waitFor({ timeout: 20_000 });
    return view.locator('#status').innerText();
  }

  it('1. opens the panel and chooses Cloudpods VALIDATE', async () => {
    await wb.openContainer('OCI Events');
    await wb.runCommand('OCI Events: Start Inbox');
    await wb.runCommand('OCI Events: Open Webhook Sender');
    view = wb.webview();
    await view.locator('#template').waitFor({ timeout: 30_000 });
    await chooseTemplate('Cloudpods VALIDATE');
    assert.match(await view.locator('.description').innerText(), /X-Yunion-Event: VALIDATE/);
    // Each tab's count is what it shows: the template's secret is a field; its own headers are not extra ones.
    const [fieldsTab, headersTab] = await view.locator('vscode-tab-header').allInnerTexts();
    const fieldRows = await view.locator('vscode-tab-panel').first().locator('.grid > label').count();
    assert.strictEqual(fieldsTab, `Fields (${fieldRows})`);
    assert.ok(fieldRows > 0, 'the robot secret is a field');
    assert.strictEqual(headersTab, 'Extra Headers (0)');
    await wb.screenshot('sender-01-cloudpods-validate');
  });

  it('2. sends it to the inbox: 200 in the panel, the entry in the Webhook Inbox view', async () => {
    await view.locator('#use-inbox').click();
    assert.match(await send(), /^200 OK/);
    await wb.treeRow('Webhook Inbox', 'VALIDATE').first().waitFor({ timeout: 20_000 });
    await wb.screenshotForDocs('sender');
    // Save Request… says where it saved, where the user is looking, with a way to open it.
    await view.locator('#save').click();
    await wb.quickInput().locator('input').fill('cloudpods-validate');
    await wb.page.keyboard.press('Enter');
    await wb.page
      .locator('.notification-toast', { hasText: 'Saved the request as .oew/requests/cloudpods-validate.json' })
      .waitFor({ timeout: 20_000 });
    await wb.screenshot('sender-02-validate-in-inbox');
  });

  it('3. sends an ONS confirmation and sees the inbox confirm it', async () => {
    await chooseTemplate('ONS SubscriptionConfirmation');
    // The last template's response does not stay on screen for this one.
    await view.locator('#status').waitFor({ state: 'detached', timeout: 10_000 });
    await view.locator('#field-confirmationUrl input').fill(`${ons.url}/confirm`);
    await view.locator('#use-inbox').click();
    assert.match(await send(), /^200 OK/);
    const row = wb.treeRow('Webhook Inbox', 'SubscriptionConfirmation').first();
    await row.waitFor({ timeout: 20_000 });
    // A hover can miss when the row redraws under the pointer: move away and hover again, as a user would.
    const hover = wb.page.locator('.monaco-hover', { hasText: /confirmed/i }).first();
    await untilItTakes(
      3,
      async () => {
        await row.hover();
        await hover.waitFor({ timeout: 7_000 });
      },
      () => wb.page.mouse.move(0, 0),
    );
    assert.ok(
      ons.received.some((r) => r.url === '/confirm' && r.method === 'GET'),
      'the inbox opened the URL',
    );
    await wb.screenshot('sender-03-confirmation-confirmed');
  });

  it('4. runs a burst of 50 and shows the summary', async () => {
    await chooseTemplate('OCI event envelope');
    await view.locator('#use-inbox').click();
    await view.locator('vscode-tab-header', { hasText: 'Burst' }).click();
    await view.locator('#burst-count input').fill('50');
    await view.locator('#burst-concurrency input').fill('10');
    await view.locator('#run-burst').click();
    const summary = view.locator('#burst-summary');
    await summary.waitFor({ timeout: 30_000 });
    const text = await summary.innerText();
    assert.match(text, /^50 sent in/);
    assert.match(text, /Status 200\s+50/);
    assert.match(text, /p50[\s\S]*p95[\s\S]*p99/);
    await wb.screenshot('sender-04-burst-summary');
  });

  it('5. shows a body of <img src=x onerror=…> as inert text', async () => {
    const attack = '<img src=x onerror="document.body.dataset.pwned=1">';
    await chooseTemplate('Custom request');
    await view.locator('#use-inbox').click();
    await view.locator('vscode-tab-header', { hasText: 'Body' }).click();
    await view.locator('#body textarea').fill('{"a": ');
    assert.match(await view.locator('#body-problem').innerText(), /^JSON: line 1, column 6: Unexpected end/);
    await view.locator('#body textarea').fill(attack);
    assert.match(await send(), /^200 OK/);
    await view.locator('details', { hasText: 'Request sent' }).locator('summary').click();
    assert.ok((await view.locator('#request-sent').innerText()).includes(attack));
    assert.strictEqual(await view.locator('img').count(), 0, 'no element was made from the body');
    assert.strictEqual(await view.locator('body').getAttribute('data-pwned'), null);
    await wb.screenshot('sender-05-inert-body');
  });

  it('6. keeps its form when hidden and after a window reload; warns while self-signed certificates are accepted', async () => {
    await view.locator('vscode-tab-header', { hasText: 'Options' }).click();
    await view.locator('#self-signed').click();
    assert.match(await view.locator('#self-signed-warning').innerText(), /not verified/);
    const url = await view.locator('#url input').inputValue();
    await wb.runCommand('File: New Untitled Text File');
    await wb.page.locator('.tab', { hasText: 'Webhook Sender' }).click();
    await view.locator('#url').waitFor({ timeout: 20_000 });
    assert.strictEqual(await view.locator('#url input').inputValue(), url);
    await wb.runCommand('Developer: Reload Window');
    await wb.page.locator('.tab', { hasText: 'Webhook Sender' }).click({ timeout: 60_000 });
    view = wb.webview();
    await view.locator('#url').waitFor({ timeout: 30_000 });
    assert.strictEqual(await view.locator('#url input').inputValue(), url);
    assert.match(await view.locator('#self-signed-banner').innerText(), /not verified/);
    assert.match(
      await view.locator('#template').evaluate((e) => (e as HTMLElement & { value: string }).value),
      /custom/,
    );
    await wb.screenshot('sender-06-restored-after-reload');
    assert.deepStrictEqual(consoleErrors, []);
  });
});
