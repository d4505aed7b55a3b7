// Browser smoke test: the page loads in headless Chromium with WebGL2, pipeboard.ready
// resolves, and a workspace imported through the JS API exports back identically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedApp, saveScreenshot, root } from './browser.mjs';

let server, browser, page, errors;
sharedApp((app) => ({ server, browser, page, errors } = app));

test('the page loads, renders with WebGL2 and shows the pipelines', async () => {
  const webgl2 = await page.evaluate(() => !!document.getElementById('canvas').getContext('webgl2'));
  assert.equal(webgl2, true);
  const state = await page.evaluate(() => window.pipeboard.state());
  assert.ok(state.pipelines > 0, 'the demo workspace has pipelines');
  assert.ok(state.selected_pipeline, 'a pipeline is selected');
  await page.waitForTimeout(300);
  await saveScreenshot(page, 'smoke-board.png');
  assert.deepEqual(errors, []);
});

test('a workspace imported through the API round-trips exactly', async () => {
  const sample = JSON.parse(fs.readFileSync(path.join(root, 'tests/samples/workspace-v2.json'), 'utf8'));
  const result = await page.evaluate((json) => window.pipeboard.importWorkspace(json), JSON.stringify(sample));
  assert.deepEqual(result, { ok: true, error: '' });
  const first = await page.evaluate(() => window.pipeboard.exportWorkspace());
  const exported = JSON.parse(first);
  // The same records come back (the sample spells some values in non-canonical ways, e.g. time offsets).
  for (const kind of ['pipelines', 'people', 'fields', 'views', 'deals'])
    assert.deepEqual(exported[kind].map((r) => r.id), (sample[kind] || []).map((r) => r.id), kind);
  assert.equal(exported.format, 'pipeboard.workspace');
  // The canonical export round-trips byte for byte.
  const again = await page.evaluate((json) => { window.pipeboard.importWorkspace(json); return window.pipeboard.exportWorkspace(); }, first);
  assert.equal(again, first);
  const state = await page.evaluate(() => window.pipeboard.state());
  assert.equal(state.deals, sample.deals.length);
});

test('a bad document is refused with its JSON path and changes nothing', async () => {
  const before = await page.evaluate(() => window.pipeboard.exportWorkspace());
  const bad = JSON.parse(before);
  bad.deals[0].value.amount = 'lots';
  const result = await page.evaluate((json) => window.pipeboard.importWorkspace(json), JSON.stringify(bad));
  assert.equal(result.ok, false);
  assert.match(result.error, /^\/workspace\/deals\/0\/value\/amount: expected an integer/);
  assert.equal(await page.evaluate(() => window.pipeboard.exportWorkspace()), before);
});

test('dispatch, undo and redo work through the API', async () => {
  const ws = JSON.parse(await page.evaluate(() => window.pipeboard.exportWorkspace()));
  const deal = ws.deals.find((d) => d.status === 'open');
  const pipeline = ws.pipelines.find((p) => p.id === deal.pipeline);
  const target = pipeline.stages.find((s) => s.kind === 'open' && s.id !== deal.stage);
  const moved = await page.evaluate((c) => window.pipeboard.dispatch(c), { type: 'deal.move', deal: deal.id, stage: target.id });
  assert.deepEqual(moved, { ok: true, error: '' });
  const stageOf = () => page.evaluate((id) => JSON.parse(window.pipeboard.exportWorkspace()).deals.find((d) => d.id === id).stage, deal.id);
  assert.equal(await stageOf(), target.id);
  assert.equal((await page.evaluate(() => window.pipeboard.undo())).ok, true);
  assert.equal(await stageOf(), deal.stage);
  assert.equal((await page.evaluate(() => window.pipeboard.redo())).ok, true);
  assert.equal(await stageOf(), target.id);
  const invalid = await page.evaluate(() => window.pipeboard.dispatch({ type: 'deal.move', deal: 'nope', stage: 'x' }));
  assert.equal(invalid.ok, false);
  assert.match(invalid.error, /no deal has id "nope"/);
});
