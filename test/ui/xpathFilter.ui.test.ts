import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { writeDemoHome } from '../../scripts/demoHome';
import { findEvent } from '../../src/core/fusion/fusionEvents';
import { referenceCatalog } from '../../src/core/fusion/referenceCatalog';
import { buildFusionEventPayload } from '../../src/core/payloads/fusionEvent';
import { Workbench } from './workbench';

const PO_SERVICE = 'http://xmlns.oracle.com/apps/prc/po/editDocument/purchaseOrderServiceV2/';

describe('an OIC filter for a Fusion event in a real workbench', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start((home, workspace) => {
      writeDemoHome(home);
      // Two payloads as downloaded from OIC tracking: the generated sample's PO, and another PO.
      const payload = buildFusionEventPayload(findEvent(referenceCatalog(), 'PrcPoCommonPo_PurchaseOrder')!);
      const folder = path.join(workspace, '.oew', 'samples', 'fusion');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'po-300000012345678.xml'), payload);
      writeFileSync(path.join(folder, 'po-300000099999999.xml'), payload.replace('300000012345678', '300000099999999'));
    });
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest, 'xpath-');
  });

  after(async () => {
    await wb?.stop();
  });

  it('1. creates a filter for the Purchase Order Event', async () => {
    await wb.openContainer('OCI Events');
    await wb.view('Tenancy').waitFor();
    await wb.runCommand('OCI Events: New Filter for Event');
    const input = wb.quickInput().locator('input');
    await input.fill('Purchase Order Event');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Purchase Order Event' }).first().waitFor();
    await wb.screenshot('xpath-01-pick-event');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'ns0:POHeaderId' }).waitFor();
    await wb.page.locator('.tab', { hasText: 'PurchaseOrder.xpathfilter' }).waitFor();
    await wb.screenshot('xpath-02-created');
  });

  it('2. breaks a prefix and sees the problem', async () => {
    // Find selects the step; typing over it replaces the prefix, as a user would.
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'ns0:POHeaderId' }).first().click();
    await wb.page.keyboard.press('Control+F');
    await wb.page.keyboard.type('ns0:POHeaderId');
    await wb.page.keyboard.press('Escape');
    await wb.page.keyboard.type('ns9:POHeaderId');
    await wb.page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await wb.page.keyboard.press('Control+Shift+M');
    const problem = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'The prefix ns9 is not declared' });
    await problem.waitFor();
    await wb.screenshot('xpath-03-problem');
  });

  it('3. fixes it with a quick fix', async () => {
    await wb.quickFix('ns9', `Declare ns9 as ${PO_SERVICE}`, 'xpath-04-quick-fix-menu');
    await wb.page.locator('.monaco-editor .view-line', { hasText: `xmlns:ns9="${PO_SERVICE}"` }).waitFor();
    await wb.page.locator('.monaco-editor .squiggly-error').waitFor({ state: 'detached' });
    await wb.screenshot('xpath-05-fixed');
  });

  it('4. evaluates it against two payloads, one true and one false', async () => {
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.codelens-decoration a', { hasText: 'Evaluate against payloads' }).click();
    const view = wb.view('Filter Evaluation');
    const matching = view.locator('.monaco-list-row', { hasText: 'po-300000012345678.xml' });
    const other = view.locator('.monaco-list-row', { hasText: 'po-300000099999999.xml' });
    await matching.waitFor();
    assert.match(await matching.innerText(), /true/);
    assert.match(await other.innerText(), /false/);
    await view.locator('.monaco-list-row', { hasText: '1 node: "300000012345678"' }).first().waitFor();
    assert.deepStrictEqual(await wb.cutOffRows('Filter Evaluation', 'label'), []);
    await wb.screenshot('xpath-06-evaluated');
  });
});
