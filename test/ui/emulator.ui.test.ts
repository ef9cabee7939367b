import * as assert from 'assert';
import { createPrivateKey } from 'crypto';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { addEmulatorProfiles, writeDemoHome } from '../../scripts/demoHome';
import { Emulator, startEmulator } from '../../src/emulator/emulator';
import { etagOf } from '../../src/emulator/store/state';
import { startReceiver } from '../unit/emulator/receiver';
import { Workbench } from './workbench';

const PASSPHRASE = 'open sesame';

describe('The emulator’s profiles in a real workbench', function () {
  this.timeout(120_000);
  let emulator: Emulator;
  let wb: Workbench;

  before(async () => {
    emulator = await startEmulator({ dataset: 'demo' });
    // The API key of the EMULATOR profile, encrypted, with no pass_phrase in the file.
    const keyFile = path.join(emulator.identity.folder, 'emulator_api_key.pem');
    const key = createPrivateKey(readFileSync(keyFile));
    writeFileSync(keyFile, key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }));
    wb = await Workbench.start((home, _workspace, userDataDir) => {
      writeDemoHome(home);
      addEmulatorProfiles(home, userDataDir, emulator);
    });
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest);
  });

  after(async () => {
    await wb?.stop();
    await emulator?.close();
  });

  const tenancyRows = () => wb.treeRow('Tenancy', emulator.state.tenancy.name);

  it('1. asks for the pass phrase of an encrypted key when told to, and shows the tenancy it fetched', async () => {
    await wb.openContainer('OCI Events');
    // The tree loads by itself and never pops up a password box: it offers a row to click.
    const offer = wb.treeRow('Tenancy', 'Enter the pass phrase of the key…');
    await offer.waitFor({ timeout: 30_000 });
    assert.strictEqual(await wb.quickInput().isVisible(), false);
    await wb.screenshot('20-passphrase-offered');
    await offer.click();
    const input = wb.quickInput().locator('input');
    await input.waitFor({ timeout: 30_000 });
    assert.strictEqual(await input.getAttribute('type'), 'password');
    assert.match(await wb.quickInput().innerText(), /Pass phrase of the key of profile EMULATOR/);
    await wb.screenshot('21-passphrase-asked');
    await input.fill('not it');
    await wb.page.keyboard.press('Enter');
    await wb
      .quickInput()
      .getByText(/That pass phrase did not open/)
      .waitFor();
    await wb.screenshot('22-passphrase-wrong');
    await input.fill(PASSPHRASE);
    await wb.page.keyboard.press('Enter');
    // EMULATOR and EMULATOR_SESSION both open by themselves: their endpoint is local.
    await tenancyRows().nth(1).waitFor({ timeout: 30_000 });
    // The tenancy's row appears under the profile once it is fetched.
    await wb.treeRowAt('Tenancy', emulator.state.tenancy.name, 2).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('23-emulator-tenancy');
  });

  it('2. keeps the pass phrase in secret storage: a refresh fetches again without asking', async () => {
    emulator.server.stats.clear();
    await wb.runCommand('OCI Events: Refresh Tenancy');
    // Both profiles fetch again; EMULATOR can only if its key opened with the kept pass phrase.
    for (let waited = 0; (emulator.server.stats.get('identity.getTenancy') ?? 0) < 2; waited += 100) {
      assert.ok(waited < 30_000, 'both emulator profiles fetched their tenancy again');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await wb.treeRowAt('Tenancy', emulator.state.tenancy.name, 2).first().waitFor({ timeout: 30_000 });
    assert.strictEqual(await wb.treeRow('Tenancy', 'Enter the pass phrase of the key…').count(), 0);
    assert.strictEqual(await wb.quickInput().isVisible(), false, 'no pass phrase was asked for');
    await wb.screenshot('24-refreshed-without-asking');
  });

  const at = (label: string | RegExp, level: number) => wb.treeRowAt('Tenancy', label, level).first();

  it('3. expands the emulator’s tenancy down to a rule and its actions, and to a topic and its subscriptions', async () => {
    await wb.widenSideBar(640);
    await at(emulator.state.tenancy.name, 2).click();
    await at('network', 3).click();
    await at('Rules', 4).click();
    await at('network-changes', 5).click();
    await at('infra-alerts', 6).waitFor({ timeout: 30_000 });
    assert.match(await at('infra-alerts', 6).innerText(), /Notifications topic/);
    assert.match(await at('siem', 6).innerText(), /Stream/);
    await wb.screenshot('25-rule-and-actions');
    await at('network', 3).click();
    await at('apps', 3).click();
    await at('apps-dev', 4).click();
    await at('Topics', 5).click();
    await at('dev-notifications', 6).click();
    const subscription = at(/dev\.example\.com/, 7);
    await subscription.waitFor({ timeout: 30_000 });
    const text = await subscription.innerText();
    assert.match(text, /builder:<redacted>@dev\.example\.com/);
    assert.ok(!text.includes('s3cret'), 'the endpoint’s password is masked');
    assert.match(text, /PENDING: waiting for confirmation/);
    await at('Rules targeting this topic', 7).waitFor();
    await wb.screenshot('26-topic-and-subscriptions');
  });

  it('4. filters the rules by exact name on the service, shown in the view’s description until cleared', async () => {
    await at('Rules', 5).click();
    await at('dev-bucket-uploads', 6).waitFor({ timeout: 30_000 });
    await wb.runCommand('OCI Events: Filter Rules…');
    // Typing narrows the loaded rules at once, with no mode to choose first.
    await wb.quickInput().locator('input').fill('network');
    const header = wb.page.locator('.pane-header', { hasText: 'Tenancy' });
    await header.getByText('rules containing "network"').waitFor({ timeout: 30_000 });
    await at('dev-bucket-uploads', 6).waitFor({ state: 'detached', timeout: 30_000 });
    await wb.screenshot('27-rules-narrowed-as-typed');
    await wb.quickInput().locator('input').fill('network-changes');
    await wb.quickInput().getByText('Name is exactly "network-changes"').click();
    await header.getByText('rules named "network-changes"').waitFor({ timeout: 30_000 });
    // apps-dev has no rule of that name: the service returns none there.
    await at('dev-bucket-uploads', 6).waitFor({ state: 'detached', timeout: 30_000 });
    await wb.screenshot('27-rules-filtered');
    await wb.runCommand('OCI Events: Clear Rule Filter');
    await header.getByText('rules named').waitFor({ state: 'detached', timeout: 30_000 });
    await at('dev-bucket-uploads', 6).waitFor({ timeout: 30_000 });
  });

  it('5. creates a subscription on a topic and sees it PENDING until its endpoint confirms', async () => {
    const receiver = await startReceiver();
    try {
      const confirmation = receiver.next();
      await wb.contextMenu(at('dev-notifications', 6), 'Create Subscription…');
      await wb.quickInput().locator('input').fill('CUSTOM_HTTPS');
      await wb.page.keyboard.press('Enter');
      const input = wb.quickInput().locator('input');
      await wb
        .quickInput()
        .getByText(/this emulator profile also takes http:\/\/127\.0\.0\.1/)
        .waitFor();
      await input.fill(`${receiver.url}?debug=1`);
      await wb
        .quickInput()
        .getByText(/query string/)
        .waitFor();
      await wb.screenshot('28-subscription-endpoint-checked');
      await input.fill(receiver.url);
      await wb.page.keyboard.press('Enter');
      const created = at(receiver.url, 7);
      await created.waitFor({ timeout: 30_000 });
      assert.match(await created.innerText(), /CUSTOM_HTTPS · PENDING: waiting for confirmation/);
      assert.strictEqual((await confirmation).headers['x-oci-ns-messagetype'], 'SubscriptionConfirmation');
      await wb.screenshot('29-subscription-pending');
    } finally {
      await receiver.close();
    }
  });

  /**
   * Selects the first match of `text` in the document with the find widget, as a user would,
   * and types over it. Neither holds a quote: the editor would add its closing twin.
   */
  async function replaceInEditor(text: string, replacement: string): Promise<void> {
    await wb.page.keyboard.press('Control+Home');
    await wb.page.keyboard.press('Control+F');
    await wb.page.keyboard.type(text);
    // Its close button, not Escape: Escape hides a notification first when one is showing.
    await wb.page.locator('.find-widget.visible .codicon-widget-close').click();
    await wb.page.keyboard.insertText(replacement);
  }
  // The editor draws spaces as no-break spaces.
  const editorText = async () =>
    (await wb.page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  const ruleRow = () => at('dev-bucket-uploads', 6);

  it('6. opens a rule from the tree as a document', async () => {
    await wb.contextMenu(ruleRow(), 'Edit Rule');
    await wb.page.locator('.tab', { hasText: 'dev-bucket-uploads.rule.json' }).waitFor({ timeout: 30_000 });
    await wb.page.locator('.monaco-editor .view-line', { hasText: '"displayName": "dev-bucket-uploads"' }).waitFor();
    assert.match(await editorText(), /"topic": "dev-notifications"/);
    await wb.screenshot('30-rule-document');
  });

  it('7. breaks the condition and sees the squiggle', async () => {
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'displayName' }).first().click();
    await replaceInEditor('createobject', 'createobjekt');
    await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    // The Problems view names the rule as the tab does, by its name.
    await wb.page.keyboard.press('Control+Shift+M');
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'dev-bucket-uploads.rule.json' }).waitFor();
    await wb.screenshotForDocs('rule-document-diagnostics');
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'displayName' }).first().click();
  });

  it('8. applies the fix', async () => {
    await wb.quickFix('createobjekt', 'Change to "com.oraclecloud.objectstorage.createobject"', '32-rule-fix-menu');
    await wb.page.locator('.monaco-editor .squiggly-warning').waitFor({ state: 'detached', timeout: 30_000 });
    assert.match(await editorText(), /objectstorage\.createobject"/);
  });

  it('9. saves, which deploys the rule, and the tree shows the change', async () => {
    // The first "true" is the rule's isEnabled.
    await replaceInEditor('true', 'false');
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.tab.dirty', { hasText: '.rule.json' }).waitFor({ state: 'detached', timeout: 30_000 });
    await ruleRow().filter({ hasText: 'disabled' }).waitFor({ timeout: 30_000 });
    const stored = [...emulator.state.rules.values()].find((r) => r.value.displayName === 'dev-bucket-uploads')!;
    assert.strictEqual(stored.value.isEnabled, false, 'deployed');
    await wb.screenshot('33-rule-deployed');
  });

  it('10. after someone else changed the rule, shows both versions, and Take Theirs keeps the user’s text aside', async () => {
    const stored = [...emulator.state.rules.values()].find((r) => r.value.displayName === 'dev-bucket-uploads')!;
    stored.value = { ...stored.value, description: 'changed in the console' };
    stored.etag = etagOf(stored.value);
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'displayName' }).first().click();
    await replaceInEditor('false', 'true');
    await wb.page.keyboard.press('Control+S');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.getByText('Someone changed rule dev-bucket-uploads since you opened it.').waitFor({ timeout: 30_000 });
    await wb.page.locator('.tab', { hasText: 'theirs ↔ yours' }).waitFor();
    await wb.screenshot('34-rule-conflict');
    await dialog.getByRole('button', { name: 'Take Theirs' }).click();
    await wb.page
      .locator('.monaco-editor .view-line', { hasText: 'changed in the console' })
      .first()
      .waitFor({ timeout: 30_000 });
    await wb.page.locator('.tab', { hasText: 'Untitled' }).waitFor();
    assert.strictEqual(stored.value.isEnabled, false, 'nothing of the user’s was deployed');
    await wb.screenshot('35-rule-took-theirs');
  });
});
