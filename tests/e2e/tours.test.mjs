// Guided tours with real clicks: the built-in tour from start to end on the story demo, the
// keys, a step whose element is missing, recording a tour then saving, reloading and playing it,
// tour files and links (and a bad one refused at its step), and presenter mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openApp, reopen, saveScreenshot, root, artifacts } from './browser.mjs';
import { rectOf, click, typeText, workspace, state, waitFor } from './ui.mjs';

const intro = JSON.parse(fs.readFileSync(path.join(root, 'assets/tours/intro.json'), 'utf8'));
const STAGE_SET = JSON.parse(fs.readFileSync(path.join(root, 'assets/templates/qualification-to-close.json'), 'utf8'))
  .pipeline.stages.map((s) => s.name);
let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

async function withDemo(fn, query = '?start=demo') {
  const browser = await launch();
  try {
    const { page, errors } = await openApp(browser.context, server.url + query, { choose: false });
    await fn(page, browser.context, errors);
  } finally { await browser.close(); }
}

const tour = async (page) => (await state(page)).tour;
const missing = (page) => page.evaluate(() => window.pipeboard.itemRect('text:tour-missing'));

async function startFromHelp(page, index) {
  await click(page, 'button:help');
  await click(page, `menu:tour:${index}`);
  await waitFor(page, () => window.pipeboard.state().tour.playing);
}

// Waits for the card of step n (1-based) to be drawn.
async function atStep(page, n) {
  await waitFor(page, (k) => window.pipeboard.state().tour.step === k, n);
  await rectOf(page, 'tour:card');
}

// Clicks a field of the tour editor, scrolling its list of steps down with the wheel until it shows.
async function clickScrolled(page, name) {
  for (let i = 0; i < 10; i++) {
    const r = await page.evaluate((n) => window.pipeboard.itemRect(n), name);
    if (r && r.height >= 20) return click(page, name);
    const d = await rectOf(page, 'dialog:tour-editor');
    await page.mouse.move(d.x + d.width / 2, d.y + d.height / 2);
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(120);
  }
  throw new Error(`${name} never scrolled into view`);
}

// What each event step of the built-in tour asks the user to do, done with the mouse and keys.
const doers = {
  pipeline_switched: async (page, step) => click(page, step.target),
  view_saved: async (page) => {
    await click(page, 'button:saveview');
    await rectOf(page, 'dialog:input');
    await waitFor(page, () => window.pipeboard.state().typing);
    await typeText(page, 'Big enterprise deals');
    await page.keyboard.press('Enter');
  },
  pipeline_created: async (page) => {
    await click(page, 'button:templates');
    await click(page, 'template:1');  // "Qualification to close" (assets/templates/index.json)
  },
  grouping_changed: async (page) => {
    await click(page, 'combo:groupby');
    await click(page, 'groupby:owner');
  },
  reports_opened: async (page) => click(page, 'button:reports'),
};

test('the whole built-in tour runs to its end on the demo, every step finding its element', { timeout: 300000 }, async () => {
  await withDemo(async (page, context, errors) => {
    const steps = intro.tour.steps;
    assert.ok(steps.length >= 8 && steps.length <= 16);
    const before = await workspace(page);
    await startFromHelp(page, 0);
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      await atStep(page, i + 1);
      const t = await tour(page);
      assert.equal(t.title, step.title);
      assert.equal(t.steps, steps.length);
      if (step.target) {
        assert.equal(await missing(page), null, `step ${i + 1}: ${step.target} is on screen`);
        await rectOf(page, step.target);
      }
      if (i === 1) await saveScreenshot(page, 'tour-step.png');
      const event = step.advance && step.advance.event;
      if (event) {
        assert.ok(doers[event], `the test knows how to do ${event}`);
        await doers[event](page, step);
      } else {
        await click(page, 'button:tour-next');
      }
      if (i + 1 < steps.length) await waitFor(page, (k) => window.pipeboard.state().tour.step === k, i + 2);
    }
    await waitFor(page, () => !window.pipeboard.state().tour.playing);
    const after = await workspace(page);
    assert.ok(after.views.some((v) => v.name === 'Big enterprise deals'), 'the tour saved a view');
    assert.equal(after.pipelines.length, before.pipelines.length + 1, 'and created a pipeline from a template');
    const made = after.pipelines.find((p) => !before.pipelines.some((q) => q.id === p.id));
    assert.deepEqual(made.stages.map((s) => s.name), STAGE_SET, 'the new stage set');
    assert.deepEqual(errors, []);
  });
});

test('the arrow keys and Esc drive the tour; Back returns; a missing element says so and Next goes on', { timeout: 180000 }, async () => {
  await withDemo(async (page, context, errors) => {
    await startFromHelp(page, 0);
    await atStep(page, 1);
    await page.keyboard.press('ArrowRight');
    await atStep(page, 2);
    await page.keyboard.press('ArrowLeft');
    await atStep(page, 1);
    await click(page, 'button:tour-next');
    await atStep(page, 2);
    await click(page, 'button:tour-back');
    await atStep(page, 1);
    await page.keyboard.press('Escape');
    await waitFor(page, () => !window.pipeboard.state().tour.playing);

    // The card follows its element when the window is resized.
    const follow = { format: 'pipeboard.tour', version: 1, tour: { id: 'follow', name: 'Follow', steps: [
      { title: 'The help menu', text: 'Top right.', target: 'button:help' }] } };
    await page.evaluate((d) => window.pipeboard.openImport(JSON.stringify(d)), follow);
    await atStep(page, 1);
    const wide = { help: await rectOf(page, 'button:help'), card: await rectOf(page, 'tour:card') };
    await page.setViewportSize({ width: 1100, height: 800 });
    await waitFor(page, (x) => window.pipeboard.itemRect('button:help').x < x - 100, wide.help.x);
    await page.waitForTimeout(200);
    const narrow = { help: await rectOf(page, 'button:help'), card: await rectOf(page, 'tour:card') };
    assert.ok(narrow.card.x < wide.card.x - 100, 'the card moved with the button');
    assert.ok(narrow.card.x + narrow.card.width <= 1100, 'and stays on screen');
    assert.ok(narrow.card.y >= narrow.help.y + narrow.help.height, 'below its element');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press('Escape');
    await waitFor(page, () => !window.pipeboard.state().tour.playing);

    const doc = { format: 'pipeboard.tour', version: 1, tour: { id: 'lost', name: 'Lost element', steps: [
      { title: 'Look here', text: 'This points at nothing on screen.', target: 'button:no-such-thing' },
      { title: 'Still going', text: 'Next got us here.' }] } };
    await page.evaluate((d) => window.pipeboard.openImport(JSON.stringify(d)), doc);
    await atStep(page, 1);
    await rectOf(page, 'text:tour-missing');
    await saveScreenshot(page, 'tour-missing-element.png');
    await click(page, 'button:tour-next');
    await atStep(page, 2);
    await click(page, 'button:tour-next');
    await waitFor(page, () => !window.pipeboard.state().tour.playing);
    assert.deepEqual(errors, []);
  });
});

test('a recorded tour is saved, reloaded and played', { timeout: 240000 }, async () => {
  await withDemo(async (page, context, errors) => {
    const ws = await workspace(page);
    await click(page, 'button:help');
    await click(page, 'menu:tour-record');
    await waitFor(page, () => window.pipeboard.state().tour.recording);
    const targets = [`pipeline:${ws.pipelines[1].id}`, 'button:filters', 'button:list', 'button:board'];
    for (const t of targets) await click(page, t);
    await waitFor(page, (n) => window.pipeboard.state().tour.recorded_steps === n, targets.length);
    await saveScreenshot(page, 'tour-recording.png');
    await click(page, 'button:record-finish');
    await rectOf(page, 'dialog:tour-editor');
    await click(page, 'input:tour-name');
    await page.keyboard.press('Control+A');
    await typeText(page, 'Pipelines at a glance');
    for (let i = 0; i < targets.length; i++) {
      await clickScrolled(page, `input:tour-title:${i}`);
      await page.keyboard.press('Control+A');
      await typeText(page, `Step ${i + 1}: look here`);
      await clickScrolled(page, `input:tour-text:${i}`);
      await typeText(page, `Why step ${i + 1} matters.`);
    }
    await saveScreenshot(page, 'tour-editor.png');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'button:tour-download')]);
    await page.waitForTimeout(600);  // headless Chromium blurs the page after a download
    assert.match(download.suggestedFilename(), /^pipelines-at-a-glance\.pipeboard-tour\.json$/);
    const file = path.join(artifacts, download.suggestedFilename());
    await download.saveAs(file);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.format, 'pipeboard.tour');
    assert.deepEqual(saved.tour.steps.map((s) => s.target), targets);
    assert.deepEqual(saved.tour.steps.map((s) => s.title), targets.map((_, i) => `Step ${i + 1}: look here`));
    assert.equal(saved.tour.steps[2].text, 'Why step 3 matters.');
    await waitFor(page, () => !window.pipeboard.state().tour.editing);

    assert.equal((await page.evaluate(() => window.pipeboard.flush())).status, 'saved');
    await reopen(page, server.url);
    const names = (await tour(page)).tours;
    assert.deepEqual(names.slice(-1), ['Pipelines at a glance'], 'kept with the data');
    await startFromHelp(page, names.length - 1);
    for (let i = 0; i < targets.length; i++) {
      await atStep(page, i + 1);
      assert.equal((await tour(page)).title, `Step ${i + 1}: look here`);
      assert.equal(await missing(page), null, `${targets[i]} is found`);
      await click(page, 'button:tour-next');
    }
    await waitFor(page, () => !window.pipeboard.state().tour.playing);
    assert.deepEqual(errors, []);
  });
});

test('a tour file through the file picker plays; a bad one is refused at its step; a tour link plays', { timeout: 240000 }, async () => {
  await withDemo(async (page, context, errors) => {
    const before = await page.evaluate(() => window.pipeboard.exportWorkspace());
    const bad = { format: 'pipeboard.tour', version: 1, tour: { id: 'bad', name: 'Bad', steps: [
      { title: 'Fine', text: 'ok' }, { title: 'Also fine' }, { title: '', text: 'no title' },
      { title: 'Odd action', action: { kind: 'fly', value: 'x' } }] } };
    const pick = async (name, doc) => {
      const file = path.join(artifacts, name);
      fs.mkdirSync(artifacts, { recursive: true });
      fs.writeFileSync(file, JSON.stringify(doc, null, 2));
      await click(page, 'button:import');
      await rectOf(page, 'menu:import-file');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu:import-file')]);
      await chooser.setFiles(file);
    };
    await pick('bad.pipeboard-tour.json', bad);
    await waitFor(page, () => /cannot be played/.test(window.pipeboard.state().message)).catch(async (e) => { throw new Error(e.message + ': ' + (await state(page)).message); });
    assert.match((await state(page)).message, /cannot be played: \/tour\/steps\/1\/text: is required \(and 3 more\)/, 'the message line points at the first bad step');
    await rectOf(page, 'dialog:tour-refused');
    const refused = (await tour(page)).refused;
    assert.ok(refused.some((l) => /^\/tour\/steps\/2\/title: /.test(l)), 'the dialog lists the step without a title');
    assert.ok(refused.some((l) => /^\/tour\/steps\/3\/action\/kind: unknown action "fly"/.test(l)), 'and the unknown action');
    await saveScreenshot(page, 'tour-refused.png');
    await click(page, 'button:tour-refused-ok');
    await waitFor(page, () => window.pipeboard.state().tour.refused.length === 0);
    assert.equal((await tour(page)).playing, false);
    assert.equal(await page.evaluate(() => window.pipeboard.exportWorkspace()), before, 'nothing changed');
    const toursBefore = (await tour(page)).tours.length;

    const good = { format: 'pipeboard.tour', version: 1, tour: { id: 'shared', name: 'Shared tour', steps: [
      { title: 'Hello from a file', text: 'Tours travel as files.', target: 'button:help' },
      { title: 'Reports', text: 'Every pipeline side by side.', action: { kind: 'reports', value: 'all' } },
      { title: 'A saved view', text: 'Big enterprise deals.', action: { kind: 'view', value: 'enterprise-big' } },
      { title: 'The board in June', text: 'As it stood then.', action: { kind: 'past_day', value: '2026-06-01' } }] } };
    await pick('shared.pipeboard-tour.json', good);
    await atStep(page, 1);
    assert.equal((await tour(page)).name, 'Shared tour');
    await click(page, 'button:tour-next');
    await atStep(page, 2);
    assert.equal((await state(page)).mode, 'reports', 'the step opened Reports');
    await click(page, 'button:tour-next');
    await atStep(page, 3);
    let s = await state(page);
    assert.equal(s.selected_view, 'enterprise-big', 'the step applied the saved view');
    assert.equal(s.mode, 'board');
    await click(page, 'button:tour-next');
    await atStep(page, 4);
    s = await state(page);
    assert.equal(s.past_day, '2026-06-01', 'the step set the board\'s past day');
    await page.keyboard.press('Escape');
    assert.equal((await tour(page)).tours.length, toursBefore + 1, 'the tour is kept in the menu');

    const link = await page.evaluate((d) => window.pipeboard.tourLink(d), { ...good, tour: { ...good.tour, id: 'linked', name: 'Linked tour' } });
    assert.match(link, /#tour=/);
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForFunction(() => window.pipeboard && window.pipeboard.ready, null, { timeout: 30000 });
    await waitFor(other, () => window.pipeboard.state().tour.playing && window.pipeboard.state().tour.name === 'Linked tour');
    await other.close();

    // Dropped on the page, as a file from a colleague.
    const dropped = { ...good, tour: { ...good.tour, id: 'dropped', name: 'Dropped tour' } };
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.pipeboard-tour.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, JSON.stringify(dropped));
    await waitFor(page, () => window.pipeboard.state().tour.name === 'Dropped tour');
    await atStep(page, 1);
    assert.deepEqual(errors, []);
  });
});

test('presenter mode: no trial banner, 125% and 150%, a tour from any step, and a demo reset undone', { timeout: 240000 }, async () => {
  await withDemo(async (page, context, errors) => {
    const fresh = await workspace(page);
    await click(page, 'button:help');
    await click(page, 'menu:presenter');
    await rectOf(page, 'banner:presenter');
    assert.equal(await page.evaluate(() => window.pipeboard.itemRect('button:trial')), null, 'the trial badge is hidden');
    const small = await rectOf(page, 'button:help');
    await click(page, 'button:zoom-125');
    await waitFor(page, () => window.pipeboard.state().zoom_percent === 125);
    await page.waitForTimeout(200);
    const mid = await rectOf(page, 'button:help');
    assert.ok(Math.abs(mid.height / small.height - 1.25) < 0.08, `125%: ${mid.height} vs ${small.height}`);
    await click(page, 'button:zoom-150');
    await waitFor(page, () => window.pipeboard.state().zoom_percent === 150);
    await page.waitForTimeout(200);
    const big = await rectOf(page, 'button:help');
    assert.ok(Math.abs(big.height / small.height - 1.5) < 0.08, `150%: ${big.height} vs ${small.height}`);
    await saveScreenshot(page, 'presenter-150.png');
    await click(page, 'button:zoom-100');
    await waitFor(page, () => window.pipeboard.state().zoom_percent === 100);

    // A tour from its fifth step.
    await click(page, 'combo:tour-step');
    await click(page, 'tourstep:5');
    await click(page, 'button:tour-start');
    await atStep(page, 5);
    assert.equal((await tour(page)).title, intro.tour.steps[4].title);
    await click(page, 'button:tour-skip');
    await waitFor(page, () => !window.pipeboard.state().tour.playing);

    // A demo that a walkthrough changed is fresh again in one click, and undo brings the changes back.
    const deal = fresh.deals[0];
    const r = await page.evaluate((id) => window.pipeboard.dispatch({ type: 'deal.update', deal: id, set: { title: 'Changed in the demo' } }), deal.id);
    assert.equal(r.ok, true);
    await page.evaluate(() => window.pipeboard.dispatch({ type: 'deal.delete', deal: JSON.parse(window.pipeboard.exportWorkspace()).deals[1].id }));
    await click(page, 'button:reset-demo');
    await waitFor(page, () => /fresh again/.test(window.pipeboard.state().message));
    const reset = await workspace(page);
    assert.equal(reset.deals.length, fresh.deals.length);
    assert.equal(reset.deals.find((d) => d.title === 'Changed in the demo'), undefined);
    assert.deepEqual(reset.pipelines.map((p) => p.id), fresh.pipelines.map((p) => p.id));
    assert.equal((await page.evaluate(() => window.pipeboard.undo())).ok, true);
    assert.ok((await workspace(page)).deals.some((d) => d.title === 'Changed in the demo'), 'undo brings back the walkthrough');

    await click(page, 'button:presenter-exit');
    await waitFor(page, () => !window.pipeboard.state().presenter);
    await rectOf(page, 'button:trial');
    assert.deepEqual(errors, []);
  });
});
