import * as assert from 'assert';
import { writeDemoHome } from '../../scripts/demoHome';
import { testServer } from '../unit/http/testServers';
import { Workbench } from './workbench';

describe('Webhook Sender in a real workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let server: Awaited<ReturnType<typeof testServer>>;
  const consoleErrors: string[] = [];

  before(async () => {
    server = await testServer((_req, res) => res.end('{"ok":true}'));
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
    await server?.close();
  });

  it('1. opens the panel and chooses Cloudpods VALIDATE', async () => {
    await wb.openContainer('OCI Events');
    await wb.runCommand('OCI Events: Open Webhook Sender');
    const view = wb.webview();
    await view.locator('#template').waitFor({ timeout: 30_000 });
    await wb.screenshot('sender-01-open');
    await view.locator('#url input').fill(`${server.url}/robot`);
    await view.locator('#send').click();
    await view.locator('#status').waitFor();
    await wb.screenshot('sender-02-sent');
    assert.match(await view.locator('#status').innerText(), /200/);
    assert.deepStrictEqual(consoleErrors, []);
  });
});
