// Sharing pipelines end to end: template files through real downloads and uploads, dropping a
// file on the page, share links, the import preview's choices, bad files, and undo. Real mouse
// and keyboard; the results are checked through window.pipeboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openApp, reopen, saveScreenshot, artifacts } from './browser.mjs';
import { click, rectOf, state, workspace, waitFor } from './ui.mjs';

const IMPORT_PREVIEW = 13;  // ui::Dialog::ImportPreview, as state().dialog reports it

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

async function withApp(fn) {
  const browser = await launch();
  try {
    const { page, errors } = await openApp(browser.context, server.url);
    await fn(page, browser.context, errors);
  } finally { await browser.close(); }
}

const stagesOf = (ws, pipelineId) => ws.pipelines.find((p) => p.id === pipelineId).stages.map((s) => s.name);
const byName = (ws, name) => ws.pipelines.filter((p) => p.name === name);
const templateOf = async (page, id, includeDeals = false) => {
  const t = await page.evaluate(([i, d]) => window.pipeboard.templateJson(i, { includeDeals: d }), [id, includeDeals]);
  assert.equal(t.ok, true, t.error);
  return JSON.parse(t.text);
};
const waitForPreview = (page) => waitFor(page, (d) => window.pipeboard.state().dialog === d, IMPORT_PREVIEW);

// Drops a file built in the page onto the window, as a drag from the desktop would.
async function dropFile(page, name, text, { leaveOverlayShot } = {}) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window._pbDrop = dt;
  }, [name, text]);
  assert.equal(await page.evaluate(() => document.getElementById('pb-drop-hint').hidden), false, 'the drop hint shows');
  if (leaveOverlayShot) await saveScreenshot(page, leaveOverlayShot);
  await page.evaluate(() => {
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: window._pbDrop, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.evaluate(() => document.getElementById('pb-drop-hint').hidden), true, 'the hint goes on drop');
  await waitForPreview(page);
  await rectOf(page, 'dialog:import');
}

// Opens the top bar's Export / Import menu (again, if a closing dialog swallowed the click).
async function openImportMenu(page, item) {
  await waitFor(page, () => window.pipeboard.state().dialog === 0);
  for (let attempt = 0; ; attempt++) {
    await click(page, 'button:import');
    try { await rectOf(page, item, 1500); return; } catch (e) { if (attempt === 2) throw e; }
  }
}

// Headless Chromium blurs the page shortly after a download starts, and ImGui drops the mouse
// button it holds on blur: let that pass before the next click.
const settleAfterDownload = (page) => page.waitForTimeout(600);

async function openShareDialog(page, pipelineId) {
  const r = await rectOf(page, `pipeline:${pipelineId}`);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2, { button: 'right' });
  await click(page, 'menu:share');
  await rectOf(page, 'dialog:share');
}

test('a pipeline exported through a real download imports again through the file picker, and undo takes it back in one step', { timeout: 120000 }, async () => {
  await withApp(async (page, context, errors) => {
    const ws = await workspace(page);
    const p = ws.pipelines[0];
    await openShareDialog(page, p.id);
    await saveScreenshot(page, 'share-dialog.png');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'button:share-download')]);
    await settleAfterDownload(page);
    const slug = p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    assert.equal(download.suggestedFilename(), `${slug}.pipeboard-template.json`);
    const file = path.join(artifacts, download.suggestedFilename());  // keeps its name for the upload
    fs.mkdirSync(artifacts, { recursive: true });
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    const doc = JSON.parse(text);
    assert.equal(doc.format, 'pipeboard.template');
    assert.equal(doc.pipeline.name, p.name);
    assert.deepEqual(doc.pipeline.stages.map((s) => s.name), stagesOf(ws, p.id));
    assert.deepEqual(doc.deals ?? [], [], 'deals are left out unless asked for');
    assert.ok(text.startsWith('{\n  "format": "pipeboard.template",\n  "version": 2,'), 'pretty, stable key order');
    await click(page, 'button:share-close');

    const before = await page.evaluate(() => window.pipeboard.exportWorkspace());
    await openImportMenu(page, 'menu:import-file');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu:import-file')]);
    await chooser.setFiles(file);
    await waitForPreview(page);
    await rectOf(page, 'importchoice:rename');
    await saveScreenshot(page, 'share-import-preview.png');
    await click(page, 'button:import-confirm');
    await waitFor(page, (n) => window.pipeboard.state().pipelines === n, ws.pipelines.length + 1);
    const after = await workspace(page);
    const copies = byName(after, `${p.name} (2)`);
    assert.equal(copies.length, 1, 'renamed to "Name (2)"');
    assert.deepEqual(stagesOf(after, copies[0].id), stagesOf(ws, p.id));
    const s = await state(page);
    assert.equal(s.selected_pipeline, copies[0].id, 'the imported pipeline is selected');
    assert.equal(s.dialog, 0);
    await saveScreenshot(page, 'share-imported.png');

    await click(page, 'button:undo');
    await waitFor(page, (n) => window.pipeboard.state().pipelines === n, ws.pipelines.length);
    assert.equal(await page.evaluate(() => window.pipeboard.exportWorkspace()), before, 'one undo takes the whole import back');
    assert.deepEqual(errors, []);
  });
});

test('dropping a file opens the preview; replace keeps one pipeline, merge adds the missing stages', { timeout: 120000 }, async () => {
  await withApp(async (page, context, errors) => {
    const ws = await workspace(page);
    const p = ws.pipelines[0];
    const doc = await templateOf(page, p.id);
    // The template gains a stage and loses none: replace and merge are both offered.
    const open = doc.pipeline.stages.findIndex((s) => s.kind !== 'open');
    doc.pipeline.stages.splice(open, 0, { id: 'stage-legal', name: 'Legal review', color: '#aa66cc', probability: 70, kind: 'open' });
    const text = JSON.stringify(doc);

    await dropFile(page, 'sales.json', text, { leaveOverlayShot: 'share-drop-hint.png' });
    const preview = await page.evaluate((t) => window.pipeboard.previewImport(t), text);
    assert.equal(preview.ok, true);
    assert.equal(preview.name_conflicts.length, 1);
    assert.deepEqual(preview.name_conflicts[0].added, ['Legal review']);
    await click(page, 'importchoice:merge');
    await saveScreenshot(page, 'share-merge.png');
    await click(page, 'button:import-confirm');
    await waitFor(page, (id) => window.pipeboard.state().can_undo && JSON.parse(window.pipeboard.exportWorkspace())
      .pipelines.find((x) => x.id === id).stages.some((s) => s.name === 'Legal review'), p.id);
    let now = await workspace(page);
    assert.equal(now.pipelines.length, ws.pipelines.length, 'merge adds no pipeline');
    assert.deepEqual(stagesOf(now, p.id).filter((n) => n !== 'Legal review'), stagesOf(ws, p.id), 'existing stages stay');
    assert.equal(now.deals.length, ws.deals.length);
    assert.equal((await state(page)).selected_pipeline, p.id);

    await click(page, 'button:undo');
    await waitFor(page, (n) => JSON.parse(window.pipeboard.exportWorkspace()).pipelines[0].stages.length === n, p.stages.length);

    // Replace: the pipeline takes the template's stages; still one pipeline of that name.
    await dropFile(page, 'sales.json', text);
    await click(page, 'importchoice:replace');
    await click(page, 'button:import-confirm');
    await waitFor(page, (id) => JSON.parse(window.pipeboard.exportWorkspace())
      .pipelines.find((x) => x.id === id).stages.some((s) => s.name === 'Legal review'), p.id);
    now = await workspace(page);
    assert.equal(now.pipelines.length, ws.pipelines.length);
    assert.equal(byName(now, p.name).length, 1, 'replace keeps one pipeline of that name');
    assert.deepEqual(stagesOf(now, p.id), doc.pipeline.stages.map((s) => s.name));
    assert.deepEqual(errors, []);
  });
});

test('a person the workspace lacks can be mapped to an existing one', { timeout: 120000 }, async () => {
  await withApp(async (page, context, errors) => {
    const ws = await workspace(page);
    const p = ws.pipelines[0];
    const doc = await templateOf(page, p.id, true);
    assert.ok(doc.deals.length > 0 && doc.people.length > 0);
    const stranger = doc.people[0];
    stranger.name = 'Zed Stranger';
    stranger.email = 'zed.stranger@example.org';
    const owned = doc.deals.filter((d) => d.owner === stranger.id).length;
    assert.ok(owned > 0);
    const target = ws.people.find((x) => x.id !== doc.people[0].id) || ws.people[0];

    await page.evaluate((t) => window.pipeboard.openImport(t), JSON.stringify(doc));
    await waitForPreview(page);
    await click(page, `importchoice:person:${stranger.id}`);
    await click(page, `importmatch:${target.id}`);
    await saveScreenshot(page, 'share-map-person.png');
    await click(page, 'button:import-confirm');
    await waitFor(page, (n) => window.pipeboard.state().pipelines === n, ws.pipelines.length + 1);
    const now = await workspace(page);
    assert.equal(now.people.length, ws.people.length, 'nobody new was created');
    assert.equal(now.people.some((x) => x.email === stranger.email), false);
    const imported = byName(now, `${p.name} (2)`)[0];
    const stages = new Set(imported.stages.map((s) => s.id));
    const deals = now.deals.filter((d) => stages.has(d.stage));
    assert.equal(deals.length, doc.deals.length);
    assert.equal(deals.filter((d) => d.owner === target.id).length >= owned, true, 'the stranger\'s deals go to the chosen person');
    assert.deepEqual(errors, []);
  });
});

test('a share link opens the preview in a new page and imports the same stages', { timeout: 120000 }, async () => {
  await withApp(async (page, context, errors) => {
    const ws = await workspace(page);
    const p = ws.pipelines[1];
    const link = await page.evaluate((id) => window.pipeboard.shareLink(id), p.id);
    assert.ok(link.startsWith(server.url + '#template='), link.slice(0, 80));
    assert.ok(link.length <= 8000);
    // The same from the share dialog's button.
    await openShareDialog(page, p.id);
    await click(page, 'button:share-link');
    await rectOf(page, 'text:share-status');
    await saveScreenshot(page, 'share-link-status.png');
    // Too long with every deal: the link is refused and the file offered instead.
    const big = ws.pipelines.map((x) => x.id).find((id) => ws.deals.filter((d) => x(id, d)).length > 40);
    function x(id, d) { return ws.pipelines.find((q) => q.id === id).stages.some((s) => s.id === d.stage); }
    const refused = await page.evaluate((id) => window.pipeboard.shareLink(id, { includeDeals: true }).then(() => 'made', (e) => e.message), big);
    assert.match(refused, /more than 8,000.*download the template file/);
    await page.evaluate(() => window.pipeboard.flush());

    const other = await context.newPage();
    const otherErrors = [];
    other.on('pageerror', (e) => otherErrors.push(String(e)));
    await other.goto(link);
    await other.waitForFunction(() => window.pipeboard && window.pipeboard.ready, null, { timeout: 30000 });
    await other.evaluate(() => window.pipeboard.ready);
    await waitForPreview(other);
    assert.equal(await other.evaluate(() => location.hash), '', 'the fragment is cleared');
    await rectOf(other, 'button:import-confirm');
    await saveScreenshot(other, 'share-link-preview.png');
    await click(other, 'button:import-confirm');
    await waitFor(other, (n) => window.pipeboard.state().pipelines === n, ws.pipelines.length + 1);
    const now = await workspace(other);
    const copy = byName(now, `${p.name} (2)`)[0];
    assert.ok(copy);
    assert.deepEqual(stagesOf(now, copy.id), stagesOf(ws, p.id));
    assert.deepEqual(otherErrors, []);
    assert.deepEqual(errors, []);
  });
});

test('a damaged share link says so and changes nothing', { timeout: 120000 }, async () => {
  await withApp(async (page, context) => {
    await page.evaluate(() => window.pipeboard.flush());
    const before = await page.evaluate(() => window.pipeboard.exportWorkspace());
    const other = await context.newPage();
    await other.goto(server.url + '#template=AAAA-not-deflate');
    await other.waitForFunction(() => window.pipeboard && window.pipeboard.ready, null, { timeout: 30000 });
    await waitFor(other, () => /damaged/.test(window.pipeboard.state().message));
    assert.notEqual((await state(other)).dialog, IMPORT_PREVIEW);
    assert.equal(await other.evaluate(() => window.pipeboard.exportWorkspace()), before);
    assert.equal(await other.evaluate(() => location.hash), '');
    await saveScreenshot(other, 'share-link-damaged.png');
  });
});

test('bad files show their errors with paths, cannot be imported, and change nothing', { timeout: 120000 }, async () => {
  await withApp(async (page, context, errors) => {
    const ws = await workspace(page);
    const before = await page.evaluate(() => window.pipeboard.exportWorkspace());
    const doc = await templateOf(page, ws.pipelines[0].id);
    const cases = [
      ['not JSON', '{"format": "pipeboard.template", oops', /./],
      ['wrong format', JSON.stringify({ format: 'something.else', version: 1 }), /format/],
      ['future version', JSON.stringify({ ...doc, version: 99 }), /newer|version/i],
      ['bad stage', JSON.stringify({ ...doc, pipeline: { ...doc.pipeline, stages: [{ ...doc.pipeline.stages[0], probability: 250 }] } }), /./],
    ];
    for (const [what, text, pattern] of cases) {
      const preview = await page.evaluate((t) => window.pipeboard.previewImport(t), text);
      assert.equal(preview.ok, false, what);
      assert.ok(preview.errors.length > 0, what);
      assert.ok(preview.errors.every((e) => typeof e.path === 'string' && e.message.length > 0), what);
      assert.match(preview.errors.map((e) => `${e.path} ${e.message}`).join('\n'), pattern, what);
      if (what === 'bad stage') assert.ok(preview.errors.some((e) => e.path.startsWith('/pipeline/stages/0')), 'the path points at the stage');
      await dropFile(page, `${what}.json`, text);
      await rectOf(page, 'text:import-error:0');
      await saveScreenshot(page, `share-bad-${what.replace(/ /g, '-')}.png`);
      await click(page, 'button:import-confirm');  // disabled: nothing happens
      assert.equal((await state(page)).dialog, IMPORT_PREVIEW, 'the preview stays open');
      await click(page, 'button:import-cancel');
      await waitFor(page, () => window.pipeboard.state().dialog === 0);
      assert.equal(await page.evaluate(() => window.pipeboard.exportWorkspace()), before, what);
    }
    assert.equal((await state(page)).can_undo, false);
    assert.deepEqual(errors, []);
  });
});

test('"Save as template" adds the pipeline to the gallery, survives a reload, and can be deleted', { timeout: 120000 }, async () => {
  await withApp(async (page, context, errors) => {
    const ws = await workspace(page);
    const p = ws.pipelines[2];
    const r = await rectOf(page, `pipeline:${p.id}`);
    await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2, { button: 'right' });
    await click(page, 'menu:saveastemplate');
    await waitFor(page, () => /Saved .* to your templates/.test(window.pipeboard.state().message));
    assert.equal((await page.evaluate(() => window.pipeboard.flush())).status, 'saved');
    await reopen(page, server.url);
    await click(page, 'button:templates');
    await rectOf(page, 'usertemplate:0');
    await saveScreenshot(page, 'share-user-template.png');
    await click(page, 'usertemplate:0');
    await waitFor(page, (n) => window.pipeboard.state().pipelines === n, ws.pipelines.length + 1);
    const now = await workspace(page);
    const copy = byName(now, `${p.name} (2)`)[0];
    assert.ok(copy, 'the template makes a new pipeline');
    assert.deepEqual(stagesOf(now, copy.id), stagesOf(ws, p.id));

    await click(page, 'button:templates');
    await click(page, 'usertemplate-delete:0');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.pipeboard.itemRect('usertemplate:0')), null, 'deleted from the gallery');
    assert.equal((await page.evaluate(() => window.pipeboard.flush())).status, 'saved');
    await reopen(page, server.url);
    await click(page, 'button:templates');
    await rectOf(page, 'template:0');
    assert.equal(await page.evaluate(() => window.pipeboard.itemRect('usertemplate:0')), null, 'still deleted after a reload');
    assert.deepEqual(errors, []);
  });
});

test('a backup from the Export / Import menu goes through the same preview, replaces everything, and undoes in one step', { timeout: 120000 }, async () => {
  await withApp(async (page, context, errors) => {
    await openImportMenu(page, 'menu:backup');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'menu:backup')]);
    await settleAfterDownload(page);
    assert.match(download.suggestedFilename(), /^pipeboard-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(artifacts, 'share-backup.json');
    fs.mkdirSync(artifacts, { recursive: true });
    await download.saveAs(file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(backup.format, 'pipeboard.workspace');
    const ws = await workspace(page);
    assert.deepEqual(backup, ws);

    const id = ws.pipelines[0].id;
    assert.equal((await page.evaluate((i) => window.pipeboard.dispatch({ type: 'pipeline.create', pipeline: { name: 'Extra' } }), id)).ok, true);
    const before = await page.evaluate(() => window.pipeboard.exportWorkspace());

    // The Import… dialog: typed text that is not JSON is refused in the preview...
    await openImportMenu(page, 'menu:import-paste');
    await click(page, 'menu:import-paste');
    await click(page, 'input:importtext');
    await page.keyboard.type('hello there', { delay: 15 });
    await click(page, 'button:import-preview');
    await waitForPreview(page);
    await rectOf(page, 'text:import-error:0');
    await click(page, 'button:import-cancel');
    await waitFor(page, () => window.pipeboard.state().dialog === 0);
    assert.equal(await page.evaluate(() => window.pipeboard.exportWorkspace()), before);

    // ...and its file button takes the backup.
    await openImportMenu(page, 'menu:import-paste');
    await click(page, 'menu:import-paste');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'button:import-file')]);
    await chooser.setFiles(file);
    await waitForPreview(page);
    const preview = await page.evaluate(() => window.pipeboard.previewImport(window.pipeboard.exportWorkspace()));
    assert.equal(preview.kind, 'workspace');
    await rectOf(page, 'button:import-confirm');
    await saveScreenshot(page, 'share-backup-preview.png');
    await click(page, 'button:import-confirm');
    await waitFor(page, (n) => window.pipeboard.state().pipelines === n, ws.pipelines.length);
    assert.deepEqual(await workspace(page), ws, 'the workspace is the backup');
    await click(page, 'button:undo');
    await waitFor(page, (n) => window.pipeboard.state().pipelines === n, ws.pipelines.length + 1);
    assert.equal(await page.evaluate(() => window.pipeboard.exportWorkspace()), before, 'one undo step');
    assert.deepEqual(errors, []);
  });
});

test('the pipeline editor exports too, and "Include deals" puts the deals in the file', { timeout: 120000 }, async () => {
  await withApp(async (page, context, errors) => {
    const ws = await workspace(page);
    const s = await state(page);
    const p = ws.pipelines.find((x) => x.id === s.selected_pipeline);
    const stageIds = new Set(p.stages.map((x) => x.id));
    const count = ws.deals.filter((d) => stageIds.has(d.stage)).length;
    await click(page, 'button:editpipeline');
    await click(page, 'button:editorshare');
    await rectOf(page, 'dialog:share');
    await click(page, 'check:includedeals');
    await saveScreenshot(page, 'share-from-editor.png');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'button:share-download')]);
    await settleAfterDownload(page);
    const doc = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(doc.pipeline.name, p.name);
    assert.equal(doc.deals.length, count, 'every deal of the pipeline');
    assert.ok(doc.people.length > 0, 'with their owners');
    await click(page, 'button:share-close');
    await waitFor(page, () => window.pipeboard.state().dialog === 0);
    assert.deepEqual(errors, []);
  });
});
