// Nothing lost: IndexedDB persistence end to end in headless Chromium. Each test gets its own
// browser profile, so its IndexedDB starts empty.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openApp, reopen, saveScreenshot, root } from './browser.mjs';
import { click, rectOf } from './ui.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const api = (page, fn, arg) => page.evaluate(fn, arg);
const state = (page) => api(page, () => window.pipeboard.state());
const flush = (page) => api(page, () => window.pipeboard.flush());
const exportWs = async (page) => JSON.parse(await api(page, () => window.pipeboard.exportWorkspace()));
const dealTitle = async (page, id) => (await exportWs(page)).deals.find((d) => d.id === id)?.title;
const rename = (page, deal, title) =>
  api(page, ([d, t]) => window.pipeboard.dispatch({ type: 'deal.update', deal: d, set: { title: t } }), [deal, title]);

// A browser with its own profile; closes it and its profile afterwards.
async function withBrowser(fn) {
  const browser = await launch();
  try { await fn(browser.context); } finally { await browser.close(); }
}

// Opens another page of the same profile (same origin, same IndexedDB).
async function openPage(context, query = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + query);
  await page.waitForFunction(() => window.pipeboard && window.pipeboard.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.pipeboard.ready);
  return { page, errors };
}

async function waitFor(page, predicate, arg, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await page.waitForTimeout(50);
  }
}

test('data survives a reload, and the first visit is saved without a Save button', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page, errors } = await openApp(context, server.url);
    const first = await flush(page);
    assert.equal(first.status, 'saved');
    const ws = await exportWs(page);
    assert.ok(ws.deals.length > 0, 'a first visit starts with sample data');
    const deal = ws.deals[3].id;
    assert.equal((await rename(page, deal, 'Łódź expansion')).ok, true);
    assert.equal((await state(page)).storage.status === 'saved', false, 'the change is pending or saving at first');
    // Deleted, then back by undo: stored again at the end of its chunk, but ranked second.
    assert.equal((await api(page, (d) => window.pipeboard.dispatch({ type: 'deal.delete', deal: d }), ws.deals[1].id)).ok, true);
    assert.equal((await api(page, () => window.pipeboard.undo())).ok, true);
    const flushed = await flush(page);
    assert.equal(flushed.status, 'saved');
    assert.equal(flushed.pending, 0);
    await reopen(page, server.url);  // not reload(): openApp's URL holds ?demo=240, which would replace the data
    const after = await exportWs(page);
    assert.deepEqual(after, { ...ws, deals: after.deals }, 'everything else is as it was');
    assert.equal(after.deals.length, ws.deals.length);
    assert.equal(after.deals.find((d) => d.id === deal).title, 'Łódź expansion');
    assert.deepEqual(after.deals.map((d) => d.id), ws.deals.map((d) => d.id), 'the order is kept');
    assert.equal((await state(page)).storage.loaded, true);
    assert.deepEqual(errors, []);
  });
});

test('an edit made just before the page closes is there after reopening', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page } = await openApp(context, server.url + '?demo=50');
    await flush(page);
    const deal = (await exportWs(page)).deals[7].id;
    // No flush: the page closes inside the 300 ms debounce, so only the pagehide flush can save it.
    assert.equal((await rename(page, deal, 'Closed mid-edit')).ok, true);
    // runBeforeUnload: the page goes through pagehide as a tab closed by the user does.
    await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);
    const { page: again } = await openPage(context);
    assert.equal(await dealTitle(again, deal), 'Closed mid-edit');
  });
});

test('batches a dying tab journaled are replayed at the next start; a stale one is set aside', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page } = await openApp(context, server.url + '?demo=30');
    await flush(page);
    const [first, second] = (await exportWs(page)).deals;
    // Where the deals are stored, with their revisions: what the dying tab knew.
    const stored = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('pipeboard');
      open.onsuccess = () => {
        const r = open.result.transaction('deal_chunks').objectStore('deal_chunks').get(0);
        r.onsuccess = () => {
          open.result.close();
          const c = r.result;
          resolve(c.ids.map((id, i) => ({ id, rev: c.revs[i], rank: c.ranks[i] })));
        };
      };
    }));
    const row = (id) => stored.find((r) => r.id === id);
    const write = (deal, title, expect) => ({ store: 'deals', id: deal.id, expect, rev: row(deal.id).rev + 1,
      rank: row(deal.id).rank, json: JSON.stringify(Object.assign({}, deal, { title })) });
    const journal = [
      { tab: 'gone', batch: JSON.stringify({ seq: 1, writes: [write(first, 'Journaled', row(first.id).rev)] }) },
      { tab: 'gone', batch: JSON.stringify({ seq: 2, writes: [write(second, 'Stale', row(second.id).rev - 1)] }) },
    ];
    await page.evaluate((entries) => localStorage.setItem('pipeboard.journal', JSON.stringify(entries)), journal);
    await reopen(page, server.url);
    assert.equal(await dealTitle(page, first.id), 'Journaled');
    assert.equal(await dealTitle(page, second.id), second.title, 'a write over a changed record is not applied');
    const s = await state(page);
    assert.equal(s.storage.quarantined, 1, 'it is set aside for the user instead');
    assert.equal(s.deals, 30);
    assert.equal(await page.evaluate(() => localStorage.getItem('pipeboard.journal')), null);
  });
});

test('two tabs: different deals both survive, live; the same deal raises a conflict', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page: a } = await openApp(context, server.url + '?demo=40');
    await flush(a);
    const { page: b } = await openPage(context);
    const deals = (await exportWs(a)).deals.map((d) => d.id);
    assert.deepEqual((await exportWs(b)).deals.map((d) => d.id), deals);

    // Different deals: each tab sees the other's edit without a reload.
    await rename(a, deals[0], 'Edited in A');
    await rename(b, deals[1], 'Edited in B');
    assert.equal((await flush(a)).status, 'saved');
    assert.equal((await flush(b)).status, 'saved');
    await waitFor(a, (id) => JSON.parse(window.pipeboard.exportWorkspace()).deals.find((d) => d.id === id).title === 'Edited in B',
      deals[1], 'tab A to receive B\'s edit');
    await waitFor(b, (id) => JSON.parse(window.pipeboard.exportWorkspace()).deals.find((d) => d.id === id).title === 'Edited in A',
      deals[0], 'tab B to receive A\'s edit');

    // The same deal, edited in both before either saved: B must not overwrite A silently.
    await Promise.all([rename(a, deals[2], 'A wins?'), rename(b, deals[2], 'B wins?')]);
    assert.equal((await flush(a)).status, 'saved');
    const stuck = await flush(b);
    assert.equal(stuck.status, 'conflict');
    assert.equal(stuck.conflicts, 1);
    await rectOf(b, 'dialog:conflict');
    await click(b, 'button:conflict-both');
    await b.waitForTimeout(200);
    await saveScreenshot(b, 'storage-conflict.png');
    assert.equal(await dealTitle(a, deals[2]), 'A wins?', 'A keeps its version while B decides');
    await click(b, 'button:conflict-mine');
    assert.equal((await flush(b)).status, 'saved');
    await waitFor(a, (id) => JSON.parse(window.pipeboard.exportWorkspace()).deals.find((d) => d.id === id).title === 'B wins?',
      deals[2], 'A to receive the version B kept');

    // Again, and this time B takes A's version.
    await Promise.all([rename(a, deals[3], 'A again'), rename(b, deals[3], 'B again')]);
    await flush(a);
    assert.equal((await flush(b)).status, 'conflict');
    await click(b, 'button:conflict-theirs');
    assert.equal((await flush(b)).status, 'saved');
    assert.equal(await dealTitle(b, deals[3]), 'A again');

    // New deals made in both tabs at once are both kept, and a tab can edit the other's new deal.
    const pipeline = (await exportWs(a)).pipelines[0].id;
    const create = (page, id) => api(page, ([p, i]) => window.pipeboard.dispatch({ type: 'deal.create', deal: { id: i, title: i, pipeline: p } }), [pipeline, id]);
    await Promise.all([create(a, 'new-in-a'), create(b, 'new-in-b')]);
    assert.deepEqual((await Promise.all([flush(a), flush(b)])).map((r) => r.status), ['saved', 'saved']);
    await waitFor(b, () => JSON.parse(window.pipeboard.exportWorkspace()).deals.some((d) => d.id === 'new-in-a'), null, 'B to receive A\'s new deal');
    assert.equal((await rename(b, 'new-in-a', 'Made in A, edited in B')).ok, true);
    assert.equal((await flush(b)).status, 'saved');

    // A reload of either tab shows all of it.
    const { page: c } = await openPage(context);
    assert.equal(await dealTitle(c, 'new-in-a'), 'Made in A, edited in B');
    assert.equal(await dealTitle(c, 'new-in-b'), 'new-in-b');
    assert.equal((await state(c)).deals, deals.length + 2);
    assert.equal(await dealTitle(c, deals[0]), 'Edited in A');
    assert.equal(await dealTitle(c, deals[1]), 'Edited in B');
    assert.equal(await dealTitle(c, deals[2]), 'B wins?');
    assert.equal(await dealTitle(c, deals[3]), 'A again');
  });
});

test('a quota error shows the message, keeps the state, offers a backup and retries', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page } = await openApp(context, server.url + '?demo=30');
    await flush(page);
    const deal = (await exportWs(page)).deals[0].id;
    await page.evaluate(() => {  // the browser refuses every write, as when the disk is full
      window.__realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    });
    await rename(page, deal, 'Kept in memory');
    const failed = await flush(page);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error_name, 'QuotaExceededError');
    assert.match(failed.error, /no room/);
    assert.equal(await dealTitle(page, deal), 'Kept in memory');
    await rectOf(page, 'button:backup');
    await saveScreenshot(page, 'storage-quota.png');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'button:backup')]);
    assert.match(download.suggestedFilename(), /^pipeboard-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(backup.deals.find((d) => d.id === deal).title, 'Kept in memory');

    await page.evaluate(() => { IDBObjectStore.prototype.put = window.__realPut; });
    await waitFor(page, () => window.pipeboard.state().storage.status === 'saved', null, 'the retry to succeed');
    await reopen(page, server.url);
    assert.equal(await dealTitle(page, deal), 'Kept in memory');
  });
});

test('corrupt records are reported and set aside; the rest loads', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page } = await openApp(context, server.url + '?demo=25');
    await flush(page);
    const before = await exportWs(page);
    // Two bad deals in a chunk beside good ones, and a chunk that is not a chunk at all.
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('pipeboard');
      open.onsuccess = () => {
        const tx = open.result.transaction('deal_chunks', 'readwrite');
        const store = tx.objectStore('deal_chunks');
        const get = store.get(0);
        get.onsuccess = () => {
          const chunk = get.result;
          const bytes = [...chunk.ids.keys()].map((i) => chunk.text.subarray(chunk.sizes.slice(0, i).reduce((a, b) => a + b, 0)).subarray(0, chunk.sizes[i]));
          const add = (at, id, rev, rank, text) => {
            chunk.ids.splice(at, 0, id); chunk.revs.splice(at, 0, rev); chunk.ranks.splice(at, 0, rank);
            bytes.splice(at, 0, new TextEncoder().encode(text));
          };
          // A BigInt revision (IndexedDB keeps one) must not stop the load: it reads as a number.
          add(3, 'corrupt_title', 1n, 1e15, JSON.stringify({ id: 'corrupt_title', title: 42 }));
          add(chunk.ids.length, 'corrupt_row', 'x', 1e15 + 1, 'not a deal');
          chunk.sizes = bytes.map((b) => b.length);
          chunk.text = new Uint8Array(chunk.sizes.reduce((a, b) => a + b, 0));
          bytes.reduce((at, b) => { chunk.text.set(b, at); return at + b.length; }, 0);
          store.put(chunk);
          store.put({ id: 77, rows: 'garbage' });
        };
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    }));
    await reopen(page, server.url);
    const s = await state(page);
    assert.equal(s.storage.quarantined, 3);
    assert.equal(s.deals, before.deals.length);
    assert.deepEqual((await exportWs(page)).deals, before.deals);
    await rectOf(page, 'text:storage-banner');
    await saveScreenshot(page, 'storage-quarantine.png');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'button:quarantine-export')]);
    const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(exported.rows.map((r) => r.id).sort(), ['corrupt_row', 'corrupt_title', 'deal chunk 77 (unreadable)']);
    assert.ok(exported.rows.every((r) => r.reason.length > 0));
    // Set aside, they no longer sit among the deals: the next start is clean.
    await flush(page);
    await reopen(page, server.url);
    assert.equal((await state(page)).deals, before.deals.length);
    assert.equal((await state(page)).storage.quarantined, 3, 'kept aside until the user dismisses them');
    await click(page, 'button:quarantine-dismiss');
    assert.equal((await state(page)).storage.quarantined, 0);
    assert.equal((await flush(page)).status, 'saved');
    await reopen(page, server.url);
    assert.equal((await state(page)).storage.quarantined, 0);
  });
});

test('data saved by schema version 0 is migrated, and a copy of it is kept', { timeout: 120000 }, async () => {
  const fixture = fs.readFileSync(path.join(root, 'tests/fixtures/storage-schema0.json'), 'utf8');
  const expected = JSON.parse(fs.readFileSync(path.join(root, 'tests/samples/workspace-v1.json'), 'utf8'));
  await withBrowser(async (context) => {
    const page = await context.newPage();
    await page.goto(server.url + 'favicon.svg');  // same origin, without the app
    await page.evaluate((text) => new Promise((resolve, reject) => {
      const open = indexedDB.open('pipeboard', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('workspace', { keyPath: 'id' });
      open.onsuccess = () => {
        const tx = open.result.transaction('workspace', 'readwrite');
        tx.objectStore('workspace').put(JSON.parse(text));
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    }), fixture);
    await reopen(page, server.url);
    const ws = await exportWs(page);
    assert.deepEqual(ws.deals.map((d) => d.id), expected.deals.map((d) => d.id));
    assert.deepEqual(ws.pipelines.map((p) => p.name), expected.pipelines.map((p) => p.name));
    const s = await flush(page);
    assert.equal(s.status, 'saved');
    assert.match(s.notice, /upgraded/);
    const kept = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('pipeboard');
      open.onsuccess = () => {
        const tx = open.result.transaction(['backups', 'workspace'], 'readonly');
        const backups = tx.objectStore('backups').getAll();
        const legacy = tx.objectStore('workspace').count();
        tx.oncomplete = () => { open.result.close(); resolve({ backups: backups.result, legacy: legacy.result }); };
      };
    }));
    assert.equal(kept.legacy, 0);
    assert.equal(kept.backups.length, 1);
    assert.equal(kept.backups[0].schema, 0);
    assert.equal(kept.backups[0].document, JSON.parse(fixture).document);
    await page.reload();
    await page.evaluate(() => window.pipeboard.ready);
    assert.deepEqual(await exportWs(page), ws);
  });
});

test('data saved by schema version 1 (a row per deal) is regrouped into chunks, and a copy is kept', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page } = await openApp(context, server.url + '?demo=1200&one=1');
    const ws = await exportWs(page);
    // Replace the database with what Pipeboard 1 wrote: IndexedDB version 2, a row per record.
    await page.goto(server.url + 'favicon.svg');
    await page.evaluate((doc) => new Promise((resolve, reject) => {
      const del = indexedDB.deleteDatabase('pipeboard');
      del.onerror = () => reject(del.error);
      del.onsuccess = () => {
        const open = indexedDB.open('pipeboard', 2);
        open.onupgradeneeded = () => {
          for (const name of ['pipelines', 'people', 'fields', 'views', 'deals', 'backups']) open.result.createObjectStore(name, { keyPath: 'id' });
          open.result.createObjectStore('meta', { keyPath: 'key' });
          open.result.createObjectStore('quarantine', { autoIncrement: true });
        };
        open.onsuccess = () => {
          const names = ['pipelines', 'people', 'fields', 'views', 'deals'];
          const tx = open.result.transaction(names.concat(['meta']), 'readwrite');
          for (const name of names) {
            // Stored out of rank order: the rank, not the key, gives the order.
            doc[name].forEach((r, i) => tx.objectStore(name).put({ id: r.id, rev: 3, rank: (i + 1) * 1024, json: JSON.stringify(r) }));
          }
          tx.objectStore('meta').put({ key: 'schema', value: 1 });
          tx.oncomplete = () => { open.result.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
      };
    }), ws);
    await reopen(page, server.url);
    assert.deepEqual(await exportWs(page), ws);
    const s = await flush(page);
    assert.equal(s.status, 'saved');
    assert.match(s.notice, /upgraded/);
    const stored = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('pipeboard');
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['backups', 'deal_chunks'], 'readonly');
        const backups = tx.objectStore('backups').getAll();
        const chunks = tx.objectStore('deal_chunks').getAll();
        tx.oncomplete = () => {
          db.close();
          resolve({ version: db.version, stores: [...db.objectStoreNames], backups: backups.result,
            chunks: chunks.result.map((c) => c.ids.length) });
        };
      };
    }));
    assert.equal(stored.version, 3);
    assert.ok(!stored.stores.includes('deals'), 'the row-per-deal store is gone');
    assert.deepEqual(stored.chunks, [500, 500, 200]);
    assert.equal(stored.backups.length, 1);
    assert.equal(stored.backups[0].schema, 1);
    assert.equal(stored.backups[0].rows.length, ws.deals.length);
    // Upgraded data is edited and saved like any other.
    const deal = ws.deals[700].id;
    assert.equal((await rename(page, deal, 'After the upgrade')).ok, true);
    assert.equal((await flush(page)).status, 'saved');
    await reopen(page, server.url);
    assert.equal(await dealTitle(page, deal), 'After the upgrade');
    assert.equal((await state(page)).deals, ws.deals.length);
    assert.equal((await state(page)).storage.notice, '');
  });
});

test('without storage the app runs in memory and says nothing will be kept', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked by policy', 'SecurityError'); } });
    });
    const { page, errors } = await openApp(context, server.url + '?demo=20');
    const s = (await state(page)).storage;
    assert.equal(s.status, 'unavailable');
    assert.match(s.error, /SecurityError|IndexedDB/);
    assert.ok((await state(page)).deals > 0, 'the app still works');
    const deal = (await exportWs(page)).deals[0].id;
    assert.equal((await rename(page, deal, 'Only in memory')).ok, true);
    assert.equal((await flush(page)).status, 'unavailable');
    await rectOf(page, 'button:backup');
    await saveScreenshot(page, 'storage-unavailable.png');
    assert.deepEqual(errors, []);
  });
});

test('a newer version opening the database makes an older tab stop saving, with a message', { timeout: 120000 }, async () => {
  await withBrowser(async (context) => {
    const { page: old } = await openApp(context, server.url + '?demo=20');
    assert.equal((await flush(old)).status, 'saved');
    const other = await context.newPage();
    await other.goto(server.url + 'favicon.svg');
    // A future Pipeboard upgrades the database: the open tab must step aside, not block or write.
    const upgraded = await other.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('pipeboard', 4);
      open.onupgradeneeded = () => open.result.createObjectStore('future');
      open.onsuccess = () => { open.result.close(); resolve(true); };
      open.onerror = () => reject(open.error);
      open.onblocked = () => reject(new Error('blocked by the old tab'));
    }));
    assert.equal(upgraded, true);
    await waitFor(old, () => window.pipeboard.state().storage.status === 'unavailable', null, 'the old tab to stop saving');
    assert.match((await state(old)).storage.error, /updated in another tab/);
    const deal = (await exportWs(old)).deals[0].id;
    await rename(old, deal, 'Not written by old code');
    assert.equal((await flush(old)).status, 'unavailable');
    // And the old code cannot open the newer database again.
    const { page: reopened } = await openPage(context);
    assert.equal((await state(reopened)).storage.status, 'unavailable');
    assert.match((await state(reopened)).storage.error, /newer Pipeboard/);
  });
});
