// The first visit (welcome screen and its three starts), the 14-day trial moved through its days
// with pipeboard.setNow (?debug=1), read-only mode after it ends, and licence keys minted by
// tools/mint-licence.mjs with the test key pair and checked by the page's WebCrypto.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { startServer, launch, openApp, reopen, saveScreenshot, root } from './browser.mjs';
import { rectOf, click, center, drag, typeText, workspace, state, visibleCardIn, waitFor } from './ui.mjs';
import { mintLicence } from '../../tools/mint-licence.mjs';

const TEMPLATES = 8;  // ui::Dialog::Templates, as state().dialog reports it
const IMPORT_PREVIEW = 13;  // ui::Dialog::ImportPreview
const DAY = 86_400_000;
const testKey = crypto.createPrivateKey(fs.readFileSync(path.join(root, 'tests/keys/licence-private.pem'), 'utf8'));

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

async function withBrowser(fn) {
  const browser = await launch();
  try { await fn(browser.context); } finally { await browser.close(); }
}

const setNow = (page, ms) => page.evaluate((iso) => window.pipeboard.setNow(iso), new Date(ms).toISOString());
const trial = async (page) => (await state(page)).trial;
// A word of the first deal's title, for the search box.
const exported_title_word = (ws) => ws.deals[0].title.split(/\s+/)[0];
const rename = (page, deal, title) =>
  page.evaluate(([d, t]) => window.pipeboard.dispatch({ type: 'deal.update', deal: d, set: { title: t } }), [deal, title]);

async function openHelpItem(page, item) {
  await click(page, 'button:help');
  await click(page, item);
}

test('a first visit shows the welcome, each of its three starts works, and later visits skip it', { timeout: 180000 }, async () => {
  await withBrowser(async (context) => {
    const { page, errors } = await openApp(context, server.url, { choose: false });
    assert.equal((await state(page)).welcome, true, 'the very first visit shows the welcome');
    await rectOf(page, 'welcome:demo');
    await saveScreenshot(page, 'welcome.png');
    const t = await trial(page);
    assert.equal(t.phase, 'running');
    assert.equal(t.day, 1);
    assert.equal(t.days_left, 14);

    // The demo: one click, and the story workspace is on the board.
    await click(page, 'welcome:demo');
    await waitFor(page, () => !window.pipeboard.state().welcome);
    const demo = await workspace(page);
    assert.deepEqual(demo.pipelines.map((p) => p.id), ['smb', 'enterprise', 'inbound', 'outbound', 'amazon-fba', 'web-store', 'marketplaces', 'past-clients'], 'the story demo');
    assert.ok(demo.deals.length > 100);
    assert.equal((await state(page)).can_undo, false, 'taking the demo already on screen changes nothing');

    // Reopened from the help menu: an empty workspace, as one undoable change.
    await openHelpItem(page, 'menu:help-welcome');
    await waitFor(page, () => window.pipeboard.state().welcome);
    await click(page, 'welcome:empty');
    await waitFor(page, () => window.pipeboard.state().deals === 0);
    const empty = await workspace(page);
    assert.equal(empty.deals.length, 0);
    assert.equal((await state(page)).welcome, false);
    assert.equal((await page.evaluate(() => window.pipeboard.undo())).ok, true, 'undo brings the demo back');
    assert.equal((await workspace(page)).deals.length, demo.deals.length);

    // A template: the gallery opens on an empty workspace.
    await openHelpItem(page, 'menu:help-welcome');
    await waitFor(page, () => window.pipeboard.state().welcome);
    await click(page, 'welcome:template');
    await waitFor(page, (k) => window.pipeboard.state().dialog === k, TEMPLATES);
    assert.equal((await state(page)).deals, 0);
    await saveScreenshot(page, 'welcome-template-gallery.png');

    assert.equal((await page.evaluate(() => window.pipeboard.flush())).status, 'saved');
    await reopen(page, server.url);
    assert.equal((await state(page)).welcome, false, 'a later visit goes straight to the board');
    assert.equal((await state(page)).deals, 0, 'and keeps what was chosen');
    assert.deepEqual(errors, []);
  });
});

test('the welcome offers the demo with its guided tour in one click', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page, errors } = await openApp(context, server.url, { choose: false });
    await click(page, 'welcome:tour');
    await waitFor(page, () => window.pipeboard.state().tour.playing);
    const s = await state(page);
    assert.equal(s.welcome, false);
    assert.equal(s.tour.step, 1);
    assert.equal(s.tour.id, 'intro');
    assert.ok(s.deals > 100, 'on the demo workspace');
    await rectOf(page, 'tour:card');
    assert.deepEqual(errors, []);
  });
});

test('a demo link skips the welcome and lands on the demo board', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page, errors } = await openApp(context, server.url + '?start=demo', { choose: false });
    const s = await state(page);
    assert.equal(s.welcome, false);
    assert.ok(s.deals > 100);
    await reopen(page, server.url);
    assert.equal((await state(page)).welcome, false);
    assert.deepEqual(errors, []);
  });
});

test('a first visit through a template link opens its preview, not the welcome', { timeout: 120000 }, async () => {
  let link;
  await withBrowser(async (context) => {
    const { page } = await openApp(context, server.url + '?demo=40');
    link = await page.evaluate(() => window.pipeboard.shareLink('pipe_sales'));
  });
  await withBrowser(async (context) => {
    const { page, errors } = await openApp(context, link, { choose: false });
    await waitFor(page, (k) => window.pipeboard.state().dialog === k, IMPORT_PREVIEW);
    assert.equal((await state(page)).welcome, false);
    await reopen(page, server.url);
    assert.equal((await state(page)).welcome, false, 'the welcome stays away on later visits too');
    assert.deepEqual(errors, []);
  });
});

test('setNow exists only on debug=1 pages', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page } = await openApp(context, server.url);
    assert.equal(await page.evaluate(() => typeof window.pipeboard.setNow), 'undefined');
    await reopen(page, server.url + '?debug=1');
    assert.equal(await page.evaluate(() => typeof window.pipeboard.setNow), 'function');
    const bad = await page.evaluate(() => { try { window.pipeboard.setNow('next tuesday'); return 'accepted'; } catch (e) { return e.message; } });
    assert.match(bad, /time|date/i);
  });
});

test('the trial on day 1, 12 and 15: read-only at the end, exports work, a reload and a clock moved back keep it so', { timeout: 240000 }, async () => {
  await withBrowser(async (context) => {
    const { page, errors } = await openApp(context, server.url + '?demo=240&debug=1');
    const day1 = await trial(page);
    assert.equal(day1.day, 1);
    assert.equal(day1.phase, 'running');
    assert.equal(day1.read_only, false);
    assert.match(day1.banner, /14 days left/);
    const started = Date.parse(day1.started);
    assert.equal(Date.parse(day1.ends_at), started + 14 * DAY);

    await setNow(page, started + 11 * DAY + 3_600_000);
    const day12 = await trial(page);
    assert.equal(day12.day, 12);
    assert.equal(day12.phase, 'ending', 'the last 3 days are prominent');
    assert.equal(day12.days_left, 3);
    await rectOf(page, 'banner:trial');
    await saveScreenshot(page, 'trial-day-12.png');
    const ws = await workspace(page);
    assert.equal((await rename(page, ws.deals[0].id, 'Still allowed on day 12')).ok, true);

    await setNow(page, started + 14 * DAY + 3_600_000);
    const day15 = await trial(page);
    assert.equal(day15.day, 15);
    assert.equal(day15.phase, 'expired');
    assert.equal(day15.read_only, true);
    await rectOf(page, 'banner:trial');
    await saveScreenshot(page, 'trial-expired.png');

    // Every change is refused with the same message, through the API and the mouse alike.
    const before = await page.evaluate(() => window.pipeboard.exportWorkspace());
    const refused = await rename(page, ws.deals[1].id, 'Not on day 15');
    assert.equal(refused.ok, false);
    assert.match(refused.error, /trial has ended.*read-only/);
    const message = refused.error;
    await click(page, 'pipeline:pipe_sales');
    const { deal, rect } = await visibleCardIn(page, 'st_new');
    const target = await rectOf(page, 'column:st_nego');
    await drag(page, center(rect), { x: target.x + target.width / 2, y: target.y + 200 });
    await waitFor(page, (m) => window.pipeboard.state().message === m, message);
    assert.equal((await workspace(page)).deals.find((d) => d.id === deal.id).stage, 'st_new');
    const undo = await page.evaluate(() => window.pipeboard.undo());
    assert.equal(undo.ok, false, 'undo is a change too');
    assert.equal(await page.evaluate(() => window.pipeboard.exportWorkspace()), before, 'nothing changed');

    // Nothing is locked in: search, tours, exports and reports keep working.
    await click(page, 'input:search');
    await typeText(page, exported_title_word(JSON.parse(before)));
    await waitFor(page, () => window.pipeboard.state().search.length > 0);
    await page.keyboard.press('Escape');
    await click(page, 'button:help');
    await click(page, 'menu:tour:0');
    await waitFor(page, () => window.pipeboard.state().tour.playing);
    await click(page, 'button:tour-next');
    await waitFor(page, () => window.pipeboard.state().tour.step === 2);
    await click(page, 'button:tour-skip');
    await waitFor(page, () => !window.pipeboard.state().tour.playing);
    const exported = JSON.parse(before);
    assert.equal(exported.deals.length, 240);
    const template = await page.evaluate(() => window.pipeboard.templateJson('pipe_sales'));
    assert.equal(template.ok, true);
    assert.match(template.text, /pipeboard.template/);
    assert.match(await page.evaluate(() => window.pipeboard.report({ pipeline: 'pipe_sales' })), /"summary"/);
    // The backup download, with real clicks on the Export / Import menu.
    await click(page, 'button:import');
    await rectOf(page, 'menu:backup');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'menu:backup')]);
    await page.waitForTimeout(600);  // headless Chromium blurs the page after a download
    assert.match(download.suggestedFilename(), /^pipeboard-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(JSON.stringify(backup).includes(ws.deals[1].title), true, 'the backup holds the deals');

    // A reload keeps it read-only, and so does a clock moved back before the end.
    assert.equal((await page.evaluate(() => window.pipeboard.flush())).status, 'saved');
    await reopen(page, server.url + '?debug=1');
    assert.equal((await trial(page)).phase, 'expired', 'a reload keeps the trial ended');
    await setNow(page, started + 2 * DAY);
    const back = await trial(page);
    assert.equal(back.phase, 'expired', 'moving the clock back does not reopen the trial');
    assert.ok(Date.parse(back.now) >= started + 14 * DAY, 'the app keeps the latest time seen');
    assert.equal((await rename(page, ws.deals[1].id, 'Clock trick')).ok, false);
    await reopen(page, server.url);
    assert.equal((await trial(page)).phase, 'expired', 'the real clock, earlier than the latest seen, changes nothing');

    // Storage only partly cleared: either copy of the trial's clock is enough.
    await page.evaluate(() => localStorage.clear());
    await reopen(page, server.url);
    assert.equal((await trial(page)).phase, 'expired', 'localStorage cleared: IndexedDB still knows');
    assert.equal((await workspace(page)).deals.length, 240, 'and the data is as it was');
    assert.equal((await page.evaluate(() => window.pipeboard.flush())).status, 'saved');
    await page.goto('about:blank');  // the app lets go of its database
    const side = await context.newPage();  // same origin, without the app
    await side.goto(server.url + 'favicon.svg');
    await side.evaluate(() => new Promise((resolve, reject) => {
      const r = indexedDB.deleteDatabase('pipeboard');
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
    }));
    await side.close();
    await reopen(page, server.url);
    assert.equal((await trial(page)).phase, 'expired', 'IndexedDB deleted: localStorage still knows, the trial does not restart');
    assert.equal((await state(page)).welcome, true, 'the data was deleted, so it is a first visit again');
    assert.deepEqual(errors, []);
  });
});

test('a valid licence lifts the expiry; a tampered, malformed or expired key is refused with a reason', { timeout: 240000 }, async () => {
  await withBrowser(async (context) => {
    const { page, errors } = await openApp(context, server.url + '?demo=240&debug=1');
    const started = Date.parse((await trial(page)).started);
    await setNow(page, started + 20 * DAY);
    assert.equal((await trial(page)).phase, 'expired');
    const ws = await workspace(page);

    const valid = mintLicence(testKey, { licensee: 'Acme Łódź Ltd', seats: 5, expires: '2099-12-31' });
    const [payload, signature] = valid.split('.');
    const forged = Buffer.from(JSON.stringify({ licensee: 'Acme Łódź Ltd', seats: 500, expires: '2099-12-31' })).toString('base64url');
    const keys = {
      tampered: `${forged}.${signature}`,
      malformed: 'not-a-licence-key',
      expired: mintLicence(testKey, { licensee: 'Old Customer', seats: 1, expires: '2020-01-31' }),
      otherSigner: mintLicence(crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
        { licensee: 'Acme Łódź Ltd', seats: 5, expires: '2099-12-31' }),
    };
    assert.ok(payload.length > 0);

    await click(page, 'button:trial-licence');
    await rectOf(page, 'dialog:licence');
    const tryKey = async (key) => {
      await click(page, 'input:licence');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.insertText(key);  // as a paste would
      await page.waitForTimeout(60);
      await click(page, 'button:licence-apply');
      await waitFor(page, () => !window.pipeboard.state().trial.checking);
      return page.evaluate(() => window.pipeboard.state().trial);
    };
    for (const [name, key] of Object.entries(keys)) {
      const t = await tryKey(key);
      assert.equal(t.phase, 'expired', `${name}: still read-only`);
      assert.ok(t.licence_status && t.licence_status.length > 10, `${name}: says why (${t.licence_status})`);
      assert.equal(t.licence_error, true, name);
      if (name === 'expired') assert.match(t.licence_status, /expired on 2020-01-31/);
      if (name === 'tampered' || name === 'otherSigner') assert.match(t.licence_status, /signature|not issued/i);
    }
    await saveScreenshot(page, 'licence-refused.png');
    assert.equal((await rename(page, ws.deals[0].id, 'Refused still')).ok, false);

    const t = await tryKey(valid);
    assert.equal(t.phase, 'licensed');
    assert.equal(t.licensee, 'Acme Łódź Ltd');
    assert.equal(t.seats, 5);
    assert.equal(t.licence_expires, '2099-12-31');
    assert.match(t.banner, /Acme Łódź Ltd/);
    await saveScreenshot(page, 'licence-valid.png');
    await click(page, 'button:licence-close');
    assert.equal((await rename(page, ws.deals[0].id, 'Licensed again')).ok, true, 'changes are allowed again');

    assert.equal((await page.evaluate(() => window.pipeboard.flush())).status, 'saved');
    await reopen(page, server.url + '?debug=1');
    await waitFor(page, () => window.pipeboard.state().trial.phase === 'licensed');
    assert.equal((await trial(page)).licensee, 'Acme Łódź Ltd', 'the key is kept');
    assert.deepEqual(errors, []);
  });
});
