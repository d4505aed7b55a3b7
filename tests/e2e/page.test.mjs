// The page around the board: the WebGL2 error screen, the clipboard, and the light theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, saveScreenshot } from './browser.mjs';
import { click, typeText, state, waitFor } from './ui.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test('without WebGL2 the page explains what to do instead of failing silently', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  await page.goto(server.url);
  const fatal = page.locator('#fatal');
  await fatal.waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await fatal.textContent(), /WebGL 2/);
  assert.match(await fatal.textContent(), /hardware acceleration/);
  const rejected = await page.evaluate(() => window.pipeboard.ready.then(() => 'resolved', (e) => e.message));
  assert.match(rejected, /WebGL 2/);
  await saveScreenshot(page, 'page-no-webgl2.png');
  await page.close();
});

test('copy and paste work in text fields', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const { page } = await openApp(browser.context, server.url);
  await click(page, 'input:search');
  await typeText(page, 'Orbit');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await waitFor(page, () => navigator.clipboard.readText().then((t) => t === 'Orbit'));
  // Paste text that came from another application.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.evaluate(() => navigator.clipboard.writeText('Łódź'));
  await page.keyboard.press('Control+v');
  await waitFor(page, () => window.pipeboard.state().search === 'Łódź');
  assert.equal((await state(page)).search, 'Łódź');
});

test('the light theme can be switched on and off', async () => {
  const page = browser.context.pages().at(-1);
  await click(page, 'button:theme');
  await waitFor(page, () => window.pipeboard.state().dark === false);
  await page.mouse.move(600, 400);
  await page.waitForTimeout(300);
  await saveScreenshot(page, 'page-light-theme.png');
  await click(page, 'button:theme');
  await waitFor(page, () => window.pipeboard.state().dark === true);
});
