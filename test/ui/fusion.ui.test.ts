import * as assert from 'assert';
import { addEmulatorProfiles, DEMO_FUSION_CONNECTION, writeDemoHome } from '../../scripts/demoHome';
import { Emulator, startEmulator } from '../../src/emulator/emulator';
import { Workbench } from './workbench';

describe('the Fusion Events view in a real workbench', function () {
  this.timeout(120_000);
  let emulator: Emulator;
  let wb: Workbench;

  before(async () => {
    emulator = await startEmulator({ dataset: 'demo' });
    let env: Record<string, string> = {};
    wb = await Workbench.start(
      (home, _workspace, userDataDir) => {
        writeDemoHome(home);
        env = addEmulatorProfiles(home, userDataDir, emulator);
      },
      () => env,
    );
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest, 'fusion-');
  });

  after(async () => {
    await wb?.stop();
    await emulator?.close();
  });

  const row = (label: string | RegExp) => wb.treeRow('Fusion Events', label).first();

  it('1. browses the catalog by module', async () => {
    await wb.openContainer('OCI Events');
    // Room for the Fusion tree: the Tenancy and Webhook Inbox views fold away, as a user would fold them.
    await wb.view('Tenancy').waitFor();
    await wb.toggleView('Tenancy');
    await wb.toggleView('Webhook Inbox');
    await wb.toggleView('Fusion Events');
    await row(DEMO_FUSION_CONNECTION).click();
    await row(/^Catalog/).click();
    await row(/^Procurement/).click();
    await row('Purchase Order Event').waitFor();
    assert.match(await row('Purchase Order Event').innerText(), /PurchaseOrder · enabled/);
    await wb.screenshot('fusion-01-catalog');
  });

  it('2. enables a disabled Payables event', async () => {
    await row(/^Disabled Events/).click();
    const hold = row('Payables Invoice Hold Applied');
    await hold.waitFor();
    const hint = row('Payables: how to enable');
    await hint.waitFor();
    const label = hint.locator('.label-name');
    assert.ok(
      await label.evaluate((l) => l.scrollWidth <= l.clientWidth + 1),
      'the hint reads whole at the default width',
    );
    // Rows are positioned, not ordered, in the DOM: their data-index is the order a user sees.
    const shown = await wb
      .view('Fusion Events')
      .locator('.monaco-list-row')
      .filter({ has: wb.page.locator('.codicon-bell-slash') })
      .evaluateAll((rows) =>
        rows.map((r) => ({
          index: Number(r.getAttribute('data-index')),
          name: r.querySelector('.label-name')?.textContent ?? '',
        })),
      );
    // Disabled catalog events wear the same icon: only the rows below the Disabled Events group count.
    const group = Number(await row(/^Disabled Events/).getAttribute('data-index'));
    const names = shown
      .filter((r) => r.index > group)
      .sort((a, b) => a.index - b.index)
      .map((r) => r.name.toLowerCase());
    assert.ok(names.length > 1);
    assert.deepStrictEqual(names, [...names].sort());
    await wb.screenshot('fusion-02-disabled');
    await hold.hover();
    await hold.locator('.action-label[aria-label="Enable Event…"]').click();
    await wb.page.locator('.monaco-dialog-box').getByRole('button', { name: 'Enable' }).click();
    await hold.waitFor({ state: 'detached' });
    const record = [...emulator.state.fusion.businessEvents.values()].find(
      (r) => r.BusinessEventCode === 'ApInvHoldApplied',
    );
    assert.strictEqual(record?.EnabledFlag, true);
    await wb.screenshot('fusion-03-enabled');
  });

  it('3. sees the stale-subscription warning', async () => {
    await row(/^Subscriptions/).click();
    const stale = row('AP_HOLD_ALERTS');
    await stale.waitFor();
    assert.strictEqual(await stale.locator('.codicon-warning').count(), 1);
    await wb.screenshot('fusion-04-stale-subscription');
  });

  it('3b. sees that AP_INVOICE_SYNC waits on a disabled event', async () => {
    const invoices = row('AP_INVOICE_SYNC');
    await invoices.waitFor();
    assert.match(await invoices.innerText(), /event disabled/);
    assert.strictEqual(await invoices.locator('.codicon-warning').count(), 1);
    await wb.screenshotForDocs('fusion-view');
  });

  it('4. creates a filter for the Purchase Order Event from its node', async () => {
    const po = row('Purchase Order Event');
    await po.hover();
    await po.locator('.action-label[aria-label="New Filter for This Event"]').click();
    await wb.page.locator('.tab', { hasText: 'PurchaseOrder.xpathfilter' }).waitFor();
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'ns0:POHeaderId' }).waitFor();
    await wb.screenshot('fusion-05-new-filter');
  });
});
