// Shared by the browser tests: starts the static server on a free port and launches Debian's
// chromium headless through playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const appDir = process.env.PIPEBOARD_APP_DIR || path.join(root, 'build/wasm-release/app');
export const artifacts = path.join(root, 'build/test-artifacts');

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'shell/serve.mjs'), appDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { if (String(d).includes('running')) resolve(); });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') };
}

export async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeboard-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); };
  return { context, close };
}

// The generated 240-deal demo (?demo=240) unless the URL chooses its start: the tests' figures
// are pinned to it, and it skips the first visit's welcome screen (tested in first_run.test.mjs).
export function withDemo(url) {
  const u = new URL(url);
  if (!u.searchParams.has('demo') && !u.searchParams.has('start')) u.searchParams.set('demo', '240');
  return u.toString();
}

// Opens the app and waits for pipeboard.ready; collects page errors for the test to assert on.
export async function openApp(context, url, { choose = true } = {}) {
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(choose ? withDemo(url) : url);
  await page.waitForFunction(() => window.pipeboard && window.pipeboard.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.pipeboard.ready);
  return { page, errors };
}

// Opens the app again in the same page, at a URL without ?demo (which would replace the data), and
// waits until it is ready: a later visit, as a returning user makes it.
export async function reopen(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.pipeboard && window.pipeboard.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.pipeboard.ready);
}

export function saveScreenshot(page, name) {
  fs.mkdirSync(artifacts, { recursive: true });
  return page.screenshot({ path: path.join(artifacts, name) });
}

// For a file whose tests share one app: registers hooks that start the server, launch the browser
// and open the app before the first test (then hands {server, browser, page, errors} to `use`),
// and close them after the last. One hook, so nothing depends on the order hooks run in.
export function sharedApp(use, query = '') {
  const shared = {};
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launch();
    Object.assign(shared, await openApp(shared.browser.context, shared.server.url + query));
    use(shared);
  });
  after(async () => {
    await shared.browser?.close();
    shared.server?.stop();
  });
  return shared;
}
