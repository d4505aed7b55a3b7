// End-to-end tests of the board with real mouse and keyboard input in headless Chromium.
// State is checked through the JS API, not pixels; screenshots are saved as artifacts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedApp, saveScreenshot } from './browser.mjs';
import { rectOf, center, click, drag, typeText, workspace, state, visibleCardIn, waitFor } from './ui.mjs';

let server, browser, page, errors;
sharedApp((app) => ({ server, browser, page, errors } = app));

test('create a pipeline and add stages', async () => {
  await click(page, 'button:newpipeline');
  await rectOf(page, 'dialog:input');
  await waitFor(page, () => window.pipeboard.state().typing);  // the field has focus
  await typeText(page, 'Partner deals');
  await page.keyboard.press('Enter');
  await waitFor(page, () => JSON.parse(window.pipeboard.exportWorkspace()).pipelines.some((p) => p.name === 'Partner deals'));
  let ws = await workspace(page);
  const created = ws.pipelines.find((p) => p.name === 'Partner deals');
  assert.deepEqual(created.stages.map((s) => s.name), ['New', 'Presentation', 'Negotiation', 'Won', 'Lost']);
  assert.equal((await state(page)).selected_pipeline, created.id, 'the new pipeline is shown');

  await click(page, 'button:editpipeline');
  await click(page, 'input:newstage');
  await typeText(page, 'Legal review');
  await page.keyboard.press('Enter');
  await waitFor(page, () => JSON.parse(window.pipeboard.exportWorkspace()).pipelines.some((p) => p.stages.some((s) => s.name === 'Legal review')));
  await click(page, 'input:newstage');
  await typeText(page, 'Signed off');
  await click(page, 'button:addstage');
  await waitFor(page, () => JSON.parse(window.pipeboard.exportWorkspace()).pipelines.some((p) => p.stages.some((s) => s.name === 'Signed off')));
  await saveScreenshot(page, 'board-pipeline-editor.png');
  await click(page, 'button:editordone');
  ws = await workspace(page);
  const names = ws.pipelines.find((p) => p.id === created.id).stages.map((s) => s.name);
  // New stages go before the won and lost stages.
  assert.deepEqual(names, ['New', 'Presentation', 'Negotiation', 'Legal review', 'Signed off', 'Won', 'Lost']);
});

test('add a deal with the N shortcut and the quick-add box', async () => {
  const before = (await workspace(page)).deals.length;
  const { selected_pipeline: pipeline } = await state(page);
  await page.keyboard.press('Escape');  // no text field active
  await page.keyboard.press('n');
  await waitFor(page, () => window.pipeboard.state().typing);
  await typeText(page, 'Łódź warehouse rollout');
  await page.keyboard.press('Enter');
  await waitFor(page, (n) => JSON.parse(window.pipeboard.exportWorkspace()).deals.length === n + 1, before);
  const deal = (await workspace(page)).deals.find((d) => d.title === 'Łódź warehouse rollout');
  assert.ok(deal, 'the deal was created with its Latin-extended title');
  assert.equal(deal.pipeline, pipeline);
  const first = (await workspace(page)).pipelines.find((p) => p.id === pipeline).stages[0];
  assert.equal(deal.stage, first.id);
  await saveScreenshot(page, 'board-new-deal.png');
});

test('drag a deal card to another column with the mouse', async () => {
  await click(page, 'pipeline:pipe_sales');
  if ((await state(page)).open_deal) await click(page, 'button:closedeal');
  await waitFor(page, () => window.pipeboard.state().selected_pipeline === 'pipe_sales');
  const { deal, rect } = await visibleCardIn(page, 'st_new');
  const target = await rectOf(page, 'column:st_nego');
  await drag(page, center(rect), { x: target.x + target.width / 2, y: target.y + 200 });
  await waitFor(page, (id) => JSON.parse(window.pipeboard.exportWorkspace()).deals.find((d) => d.id === id).stage === 'st_nego', deal.id);
  const moved = (await workspace(page)).deals.find((d) => d.id === deal.id);
  assert.equal(moved.history.length, deal.history.length + 1, 'the stage history records the move');
  assert.equal(moved.history.at(-1).stage, 'st_nego');
  await saveScreenshot(page, 'board-after-drag.png');
});

test('drag a card onto the Lost zone asks for a reason', async () => {
  const { deal, rect } = await visibleCardIn(page, 'st_pres');
  // The zones appear once a drag starts; find them mid-drag.
  const from = center(rect);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) { await page.mouse.move(from.x + i * 10, from.y + i * 10); await page.waitForTimeout(20); }
  const zone = center(await rectOf(page, 'zone:lost'));
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(from.x + 80 + ((zone.x - from.x - 80) * i) / 8, from.y + 80 + ((zone.y - from.y - 80) * i) / 8);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(60);
  await page.mouse.up();
  await rectOf(page, 'dialog:input');
  await waitFor(page, () => window.pipeboard.state().typing);  // the field has focus
  await saveScreenshot(page, 'board-lost-reason.png');
  await typeText(page, 'Chose a competitor');
  await page.keyboard.press('Enter');
  await waitFor(page, (id) => JSON.parse(window.pipeboard.exportWorkspace()).deals.find((d) => d.id === id).status === 'lost', deal.id);
  const lost = (await workspace(page)).deals.find((d) => d.id === deal.id);
  assert.equal(lost.stage, 'st_lost');
  assert.equal(lost.lost_reason, 'Chose a competitor');
});

test('group by owner and drag between owners', async () => {
  await click(page, 'combo:groupby');
  await click(page, 'groupby:owner');
  await waitFor(page, () => window.pipeboard.state().group_by === 'owner');
  const ws = await workspace(page);
  let card = null;
  for (const d of ws.deals.filter((d) => d.pipeline === 'pipe_sales' && d.owner === 'u_ana')) {
    const r = await page.evaluate((n) => window.pipeboard.itemRect(n), `deal:${d.id}`);
    if (r) { card = { id: d.id, rect: r }; break; }
  }
  assert.ok(card, 'a card of Ana Souza is on screen');
  const target = await rectOf(page, 'column:u_lukasz');
  await drag(page, center(card.rect), { x: target.x + target.width / 2, y: target.y + Math.min(220, target.height / 2) });
  await waitFor(page, (id) => JSON.parse(window.pipeboard.exportWorkspace()).deals.find((d) => d.id === id).owner === 'u_lukasz', card.id);
  await saveScreenshot(page, 'board-grouped-by-owner.png');
});

test('undo and redo with the keyboard and the buttons', async () => {
  const before = await workspace(page);
  const label = (await state(page)).undo_label;
  assert.equal(label, 'Edit deal', 'the owner change is the last step');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.mouse.move(700, 600);
  await page.keyboard.press('Control+z');
  await waitFor(page, () => window.pipeboard.state().can_redo);
  const undone = await workspace(page);
  assert.notDeepEqual(undone, before);
  await page.keyboard.press('Control+Shift+z');
  await waitFor(page, () => !window.pipeboard.state().can_redo);
  assert.deepEqual(await workspace(page), before);
  await click(page, 'button:undo');
  await waitFor(page, () => window.pipeboard.state().can_redo);
  assert.deepEqual(await workspace(page), undone);
  await click(page, 'button:redo');
  await waitFor(page, () => !window.pipeboard.state().can_redo);
  assert.deepEqual(await workspace(page), before);
});

test('filter the board and save it as a view', async () => {
  await click(page, 'combo:groupby');
  await click(page, 'groupby:stage');
  await click(page, 'input:search');
  await typeText(page, 'Renewal');
  await page.waitForTimeout(100);
  await click(page, 'button:saveview');
  await rectOf(page, 'dialog:input');
  await waitFor(page, () => window.pipeboard.state().typing);  // the field has focus
  await typeText(page, 'Renewals');
  await page.keyboard.press('Enter');
  await waitFor(page, () => JSON.parse(window.pipeboard.exportWorkspace()).views.some((v) => v.name === 'Renewals'));
  const view = (await workspace(page)).views.find((v) => v.name === 'Renewals');
  assert.equal(view.pipeline, 'pipe_sales');
  assert.deepEqual(view.filter, { all: [{ text: 'Renewal' }] });
  assert.equal((await state(page)).selected_view, view.id, 'the new view is selected');
  await rectOf(page, `view:${view.id}`);  // listed in the sidebar under its pipeline
  await saveScreenshot(page, 'board-saved-view.png');
});

test('a higher device scale factor renders crisp and clicks still land', async () => {
  const cdp = await browser.context.newCDPSession(page);
  for (const scale of [2, 1.5, 1]) {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: scale, mobile: false });
    await waitFor(page, (s) => window.pipeboard.state().device_pixel_ratio === s, scale);
    const st = await state(page);
    assert.deepEqual(st.canvas, [Math.round(1280 * scale), Math.round(800 * scale)], 'the backbuffer matches device pixels');
    const r = await rectOf(page, 'button:help');
    assert.ok(r.x + r.width <= 1280 && r.y >= 0, 'rectangles are in CSS pixels');
    await click(page, 'button:help');
    await waitFor(page, () => window.pipeboard.itemRect('menu:help-shortcuts') !== null);
    await click(page, 'menu:help-shortcuts');
    await waitFor(page, () => window.pipeboard.itemRect('overlay:help') !== null);
    await saveScreenshot(page, `board-scale-${scale}.png`);
    await page.keyboard.press('Escape');
    await waitFor(page, () => window.pipeboard.itemRect('overlay:help') === null || !window.pipeboard.state());
  }
  await cdp.send('Emulation.clearDeviceMetricsOverride');
});

test('the app stops drawing frames when idle', async () => {
  await page.mouse.move(10, 10);
  await page.waitForTimeout(1500);
  const a = await page.evaluate(() => window.pipeboard.frameStats());
  await page.waitForTimeout(1000);
  const b = await page.evaluate(() => window.pipeboard.frameStats());
  assert.equal(b.frames, a.frames, 'no frames while nothing changes');
  await page.mouse.move(300, 300);
  await page.waitForTimeout(200);
  const c = await page.evaluate(() => window.pipeboard.frameStats());
  assert.ok(c.frames > b.frames, 'input wakes it up');
  assert.deepEqual(errors, [], errors.join('\n'));
});
