import * as assert from 'assert';
import { readFileSync, rmSync, statSync } from 'fs';
import * as path from 'path';
import { writeDemoHome } from '../../scripts/demoHome';
import { Workbench } from './workbench';

// Typed into the guided input; the demo profiles' own values are different.
const TENANCY = 'ocid1.tenancy.oc1..aaaaaaaauitenancy0001';
const USER = 'ocid1.user.oc1..aaaaaaaauiuser000001';

describe('Tenancy view in a real workbench', function () {
  this.timeout(120_000);
  let wb: Workbench;
  let fingerprint = '';
  const consoleErrors: string[] = [];

  before(async () => {
    wb = await Workbench.start((home) => {
      fingerprint = writeDemoHome(home).fingerprint;
    });
    wb.page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) {
        consoleErrors.push(message.text());
      }
    });
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest);
  });

  after(async () => {
    await wb?.stop();
  });

  it('1. opens the OCI Events container from the activity bar', async () => {
    await wb.openContainer('OCI Events');
    await wb.view('Tenancy').waitFor();
    await wb.screenshot('01-container-open');
  });

  it('2. lists the test profiles with their region, and their auth type as the icon, readable at the default width', async () => {
    for (const [name, detail, icon] of [
      ['DEFAULT', 'us-ashburn-1 · default', 'key'],
      ['FRANKFURT', 'eu-frankfurt-1', 'key'],
      ['SESSION', 'ap-tokyo-1', 'watch'],
    ]) {
      const row = wb.treeRow('Tenancy', name);
      await row.waitFor();
      assert.ok((await row.innerText()).includes(detail), await row.innerText());
      assert.strictEqual(await row.locator(`.codicon-${icon}`).count(), 1, `${name} shows the ${icon} icon`);
    }
    assert.deepStrictEqual(await wb.cutOffRows('Tenancy'), []);
    await wb.screenshot('02-profiles-listed');
  });

  it('3. follows an edit of the config file on disk', async () => {
    const config = path.join(wb.run.home, '.oci', 'config');
    wb.writeHomeFile('.oci/config', readFileSync(config, 'utf8') + '\n[UI_GAMMA]\nregion=us-phoenix-1\n');
    await wb.screenshot('03-config-edited');
    await wb.treeRow('Tenancy', 'UI_GAMMA').waitFor();
    await wb.screenshot('04-view-updated');
  });

  it('4. checks a profile in a webview: key, pass phrase and fingerprint', async () => {
    const row = wb.treeRow('Tenancy', 'DEFAULT');
    await row.hover();
    await row.locator('.action-label[aria-label="Check Profile"]').click();
    const webview = wb.webview();
    await webview.getByText('No problems found.').waitFor({ timeout: 30_000 });
    const text = await webview.locator('table').innerText();
    assert.ok(text.includes('Key matches fingerprint'), text);
    assert.ok(text.includes(fingerprint), text);
    await wb.screenshot('05-profile-check');
    assert.deepStrictEqual(consoleErrors, [], 'the webview runs under its CSP without violations');
  });

  it('5. shows a malformed file as an error row naming the line', async () => {
    wb.writeHomeFile('.oci/config', '[DEFAULT]\nregion=us-ashburn-1\n; not a comment for the SDK\n');
    await wb.treeRow('Tenancy', 'OCI config error at line 3').waitFor();
    await wb.screenshot('06-malformed');
  });

  it('6. offers to create a config file when there is none, and creates it with guided input', async () => {
    rmSync(path.join(wb.run.home, '.oci', 'config'));
    const welcome = wb.view('Tenancy').getByText('No OCI config file was found');
    await welcome.waitFor();
    await wb.screenshot('07-welcome');
    await wb.view('Tenancy').getByRole('button', { name: 'Create OCI Config File', exact: true }).click();
    const input = wb.quickInput().locator('input');
    const answers: [string, string][] = [
      ['Profile name', 'DEFAULT'],
      ['Tenancy OCID', TENANCY],
      ['User OCID', USER],
      ['API key fingerprint', fingerprint],
      ['Path of the API signing key', '~/.oci/oci_api_key.pem'],
      ['Region identifier', 'sa-saopaulo-1'],
    ];
    for (const [prompt, value] of answers) {
      await wb.quickInput().getByText(prompt).waitFor();
      if (prompt === 'API key fingerprint') {
        await input.fill('not-a-fingerprint');
        await wb.quickInput().getByText('16 pairs of hex digits').waitFor();
        await wb.screenshot('08-guided-input-validation');
      }
      await input.fill(value);
      await input.press('Enter');
    }
    await wb.treeRow('Tenancy', 'DEFAULT').waitFor();
    const row = await wb.treeRow('Tenancy', 'DEFAULT').innerText();
    assert.ok(row.includes('sa-saopaulo-1'), row);
    const written = readFileSync(path.join(wb.run.home, '.oci', 'config'), 'utf8');
    assert.ok(written.includes(`fingerprint=${fingerprint}`), written);
    assert.strictEqual(
      statSync(path.join(wb.run.home, '.oci', 'config')).mode & 0o777,
      0o600,
      'owner-only, as the CLI writes it',
    );
    await wb.screenshot('09-created');
  });
});
