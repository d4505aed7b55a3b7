// The Reports view and the board on a past day, end to end with real clicks: open Reports,
// change the period, hover and click a forecast bar (the deals behind it), export a table as
// CSV through a real download, the JS API's JSON against the CLI's byte for byte, and step the
// board through past days (read-only, Play, back to today).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launch, openApp, saveScreenshot, artifacts, root } from './browser.mjs';
import { click, center, rectOf, state, workspace, waitFor, drag, visibleCardIn } from './ui.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

async function withApp(fn) {
  const browser = await launch();
  try {
    const { page, errors } = await openApp(browser.context, server.url);
    await fn(page, errors);
  } finally { await browser.close(); }
}

// The native CLI shell/test builds before the browser tests (the Release one when run alone).
function cliPath() {
  for (const dir of ['build/native-debug', 'build/native-release']) {
    const p = path.join(root, dir, 'pipeboard-json');
    if (fs.existsSync(p)) return p;
  }
  throw new Error('no pipeboard-json: build the native-debug preset first');
}

const report = (page, params) => page.evaluate((p) => window.pipeboard.report(p), params);

test('Reports: the period picker, a hovered and clicked forecast bar, CSV export, and the JS API equals the CLI byte for byte', { timeout: 180000 }, async () => {
  await withApp(async (page, errors) => {
    const s0 = await state(page);
    const pipeline = s0.selected_pipeline;
    await click(page, 'button:reports');
    await waitFor(page, () => window.pipeboard.state().mode === 'reports');
    await rectOf(page, 'kpi:open');
    await saveScreenshot(page, 'reports-overview.png');

    // The period picker: the last 12 months.
    await click(page, 'report:period');
    await click(page, 'report:period:last_12_months');
    await waitFor(page, () => window.pipeboard.state().reports.period === 'last_12_months');

    // The same report through the JS API, for the figures the screen shows.
    const r = JSON.parse(await report(page, { pipeline, period: 'last_12_months' }));
    const p = r.pipelines[0];
    assert.equal(p.id, pipeline);
    const currency = Object.keys(p.summary.open_value)[0];
    const month = [...p.forecast.months].reverse().find((m) => m.won && m.won[currency] > 0);
    assert.ok(month, 'the demo has deals won in the last 12 months');

    await click(page, 'report:tab:forecast');
    await waitFor(page, () => window.pipeboard.state().reports.tab === 'forecast');
    const bar = await rectOf(page, `chart:forecast:${month.month}:0`);
    await page.mouse.move(center(bar).x, center(bar).y);
    await page.waitForTimeout(400);  // the tooltip shows after a short hover
    await saveScreenshot(page, 'reports-forecast-hover.png');

    // Clicking the won segment lists exactly the deals won that month: their values add up to the figure.
    await click(page, `chart:forecast:${month.month}:0`);
    await waitFor(page, () => window.pipeboard.state().reports.drill_open);
    const s1 = await state(page);
    assert.match(s1.reports.drill_title, new RegExp(`Won in ${month.month}`));
    const ws = await workspace(page);
    const deals = s1.reports.drill.map((id) => ws.deals.find((d) => d.id === id));
    assert.ok(deals.length > 0);
    for (const d of deals) assert.equal(d.status, 'won');
    const sum = deals.filter((d) => d.value.currency === currency).reduce((a, d) => a + d.value.amount, 0);
    assert.equal(sum, month.won[currency], 'the listed deals are the ones behind the bar');
    await rectOf(page, `drill:${deals[0].id}`);
    await saveScreenshot(page, 'reports-drill.png');
    await click(page, `drill:${deals[0].id}`);  // opens the deal beside the report
    await waitFor(page, (id) => window.pipeboard.state().open_deal === id, deals[0].id);

    // Export the forecast table as CSV through a real download.
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'report:csv')]);
    assert.match(download.suggestedFilename(), /^pipeboard-report-.*-forecast\.csv$/);
    fs.mkdirSync(artifacts, { recursive: true });
    const file = path.join(artifacts, download.suggestedFilename());
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8').split('\r\n');
    assert.match(csv[0], /^pipeline_id,pipeline,month,/);
    assert.equal(csv.filter((l) => l.includes(`,${month.month},`)).length, 1, 'one row per month');

    // Byte-identical JSON: the JS API and pipeboard-json for the same workspace and params.
    const now = '2026-06-15T12:00:00Z';
    const wsFile = path.join(artifacts, 'reports-workspace-from-app.json');
    fs.writeFileSync(wsFile, await page.evaluate(() => window.pipeboard.exportWorkspace()));
    for (const params of [{ pipeline, from: '2025-01-01', to: '2026-06-30', now }, { from: '2026-01-01', to: '2026-03-31', now }]) {
      const fromApi = await report(page, params);
      const args = ['report', wsFile, '--from', params.from, '--to', params.to, '--now', now, '--json'];
      if (params.pipeline) args.push('--pipeline', params.pipeline);
      const fromCli = execFileSync(cliPath(), args, { encoding: 'utf8', maxBuffer: 64 << 20 });
      assert.equal(fromApi, fromCli, `the same bytes for ${JSON.stringify(params)}`);
    }
    // Bad params: a clear error naming the parameter.
    const bad = await page.evaluate(() => { try { window.pipeboard.report({ from: '2026-02-30', to: '2026-03-01' }); return ''; } catch (e) { return e.message; } });
    assert.match(bad, /from/);
    assert.deepEqual(errors, []);
  });
});

test('the board on a past day: step back, read-only with a banner, changes since, Play, and back to today', { timeout: 180000 }, async () => {
  await withApp(async (page, errors) => {
    // A deal moved today: on every past day it stands where it was, and it is among the changes since.
    const ws0 = await workspace(page);
    const selected = (await state(page)).selected_pipeline;
    const p0 = ws0.pipelines.find((p) => p.id === selected);
    const open0 = p0.stages.filter((s) => s.kind === 'open');
    const deal = ws0.deals.find((d) => d.pipeline === p0.id && d.stage === open0[0].id && d.status === 'open' &&
      Date.parse(d.created) < Date.now() - 40 * 86400000);
    assert.ok(deal, 'the demo has an old deal in the first stage');
    const movedApi = await page.evaluate((c) => window.pipeboard.dispatch(c), { type: 'deal.move', deal: deal.id, stage: open0[1].id });
    assert.equal(movedApi.ok, true, movedApi.error);
    await rectOf(page, 'past:back');
    for (let i = 0; i < 3; i++) await click(page, 'past:back');
    const s1 = await state(page);
    const today = new Date().toISOString().slice(0, 10);
    const threeBack = new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10);
    assert.equal(s1.past_day, threeBack);
    assert.equal(s1.past_shown, true);
    await rectOf(page, 'past:banner');

    // A month back, typed into the date field.
    const monthBack = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
    await click(page, 'past:date');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(monthBack, { delay: 15 });
    await page.keyboard.press('Enter');
    await waitFor(page, (d) => window.pipeboard.state().past_day === d, monthBack);
    const s2 = await state(page);
    assert.ok(s2.past_changed > 0, 'the deal moved today changed since');
    await click(page, 'past:changes');
    await rectOf(page, `changed:${deal.id}`);
    await saveScreenshot(page, 'board-past-day.png');

    // Read-only: a drag to another column changes nothing and says why.
    const before = await page.evaluate(() => window.pipeboard.exportWorkspace());
    const ws = await workspace(page);
    const pipeline = ws.pipelines.find((p) => p.id === s2.selected_pipeline);
    const open = pipeline.stages.filter((s) => s.kind === 'open');
    let moved = false;
    for (const stage of open) {
      try {
        const { rect } = await visibleCardIn(page, stage.id);
        const target = await rectOf(page, `column:${open[(open.indexOf(stage) + 1) % open.length].id}`);
        await drag(page, center(rect), center(target));
        moved = true;
        break;
      } catch { /* no card of that stage on screen that day */ }
    }
    if (moved) {
      assert.equal(await page.evaluate(() => window.pipeboard.exportWorkspace()), before, 'nothing changes in the past');
    }

    // Play steps forward by itself; Today returns to the live board.
    await click(page, 'past:play');
    await waitFor(page, (d) => { const s = window.pipeboard.state(); return s.past_playing && s.past_day > d; }, monthBack);
    await click(page, 'past:play');  // pause
    await click(page, 'past:today');
    await waitFor(page, () => window.pipeboard.state().past_day === null);
    assert.equal((await state(page)).past_shown, false);
    assert.ok(today > monthBack);
    assert.deepEqual(errors, []);
  });
});
