// End-to-end tests of the list view's bulk actions, the pipeline editor and in-place validation
// in the deal and pipeline editors, with real mouse and keyboard input in headless Chromium.
// State is checked through the JS API; screenshots are saved as artifacts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedApp, saveScreenshot } from './browser.mjs';
import { rectOf, center, click, drag, typeText, workspace, state, visibleCardIn, waitFor } from './ui.mjs';

let server, browser, page, errors;
sharedApp((app) => ({ server, browser, page, errors } = app));

const dealsById = (ws) => new Map(ws.deals.map((d) => [d.id, d]));

// Clicks with a modifier held, as a person Ctrl- or Shift-clicks.
async function clickWith(page, key, name) {
  await page.keyboard.down(key);
  await page.waitForTimeout(40);
  await click(page, name);
  await page.keyboard.up(key);
  await page.waitForTimeout(40);
}

// The list rows of a pipeline that are on screen, top to bottom.
async function visibleRows(page, pipeline) {
  const rows = [];
  for (const d of (await workspace(page)).deals.filter((d) => d.pipeline === pipeline)) {
    const r = await page.evaluate((n) => window.pipeboard.itemRect(n), `row:${d.id}`);
    if (r && r.height > 0) rows.push({ id: d.id, y: r.y });
  }
  return rows.sort((a, b) => a.y - b.y).map((r) => r.id);
}

// Undo brings the workspace back to `before` in one step, and redo to `after`.
async function assertOneUndoStep(page, beforeWs, label) {
  const afterWs = await workspace(page);
  assert.equal((await state(page)).undo_label, label);
  await click(page, 'button:undo');
  await waitFor(page, () => window.pipeboard.state().can_redo);
  assert.deepEqual(await workspace(page), beforeWs, `one undo reverts "${label}"`);
  await click(page, 'button:redo');
  await waitFor(page, () => !window.pipeboard.state().can_redo);
  assert.deepEqual(await workspace(page), afterWs, 'redo applies it again');
}

// Replaces the text of a named text field with the keyboard and commits it with Enter.
async function retype(page, name, text) {
  await click(page, name);
  await waitFor(page, () => window.pipeboard.state().typing);
  await page.keyboard.press('Control+a');
  await page.waitForTimeout(40);
  if (text) await typeText(page, text);
  else await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await waitFor(page, () => !window.pipeboard.state().typing);
}

const fieldError = (name) => window.pipeboard.state().field_errors[name];

// The error text is drawn right under its field.
async function assertErrorUnder(page, name) {
  const field = await rectOf(page, name);
  const note = await rectOf(page, `error:${name}`);
  assert.ok(note.y >= field.y + field.height - 1 && note.y < field.y + field.height + 40, `the error of ${name} is under it`);
  assert.ok(note.x >= field.x - 2 && note.x < field.x + field.width, `the error of ${name} is aligned with it`);
}

test('list view: select deals with the mouse and apply bulk actions, each one undo step', async () => {
  await click(page, 'pipeline:pipe_sales');
  await click(page, 'button:list');
  await waitFor(page, () => window.pipeboard.state().mode === 'list' && window.pipeboard.state().selected_pipeline === 'pipe_sales');
  const rows = await visibleRows(page, 'pipe_sales');
  assert.ok(rows.length >= 6, 'enough rows on screen');

  // Click, Shift+click a range, Ctrl+click one more, Ctrl+click one off again.
  await click(page, `row:${rows[0]}`);
  await waitFor(page, (id) => JSON.stringify(window.pipeboard.state().selected_deals) === JSON.stringify([id]), rows[0]);
  await clickWith(page, 'Shift', `row:${rows[2]}`);
  await clickWith(page, 'Control', `row:${rows[4]}`);
  await clickWith(page, 'Control', `row:${rows[5]}`);
  await clickWith(page, 'Control', `row:${rows[5]}`);
  const picked = [rows[0], rows[1], rows[2], rows[4]];
  await waitFor(page, (n) => window.pipeboard.state().selected_deals.length === n, picked.length);
  assert.deepEqual([...(await state(page)).selected_deals].sort(), [...picked].sort());
  await saveScreenshot(page, 'editors-list-selection.png');

  // Move to a stage.
  let beforeWs = await workspace(page);
  await click(page, 'bulk:stage');
  await click(page, 'bulkstage:st_nego');
  await waitFor(page, (ids) => { const ws = JSON.parse(window.pipeboard.exportWorkspace());
    return ids.every((id) => ws.deals.find((d) => d.id === id).stage === 'st_nego'); }, picked);
  let ws = dealsById(await workspace(page));
  for (const id of picked) {
    const was = dealsById(beforeWs).get(id);
    if (was.stage !== 'st_nego') assert.equal(ws.get(id).history.length, was.history.length + 1, 'the move is in the history');
  }
  const untouched = beforeWs.deals.filter((d) => !picked.includes(d.id));
  assert.deepEqual(untouched, (await workspace(page)).deals.filter((d) => !picked.includes(d.id)), 'other deals are untouched');
  await assertOneUndoStep(page, beforeWs, 'Move deals');

  // Change the owner.
  beforeWs = await workspace(page);
  await click(page, 'bulk:owner');
  await click(page, 'bulkowner:u_priya');
  await waitFor(page, (ids) => { const ws = JSON.parse(window.pipeboard.exportWorkspace());
    return ids.every((id) => ws.deals.find((d) => d.id === id).owner === 'u_priya'); }, picked);
  await assertOneUndoStep(page, beforeWs, 'Edit deals');

  // Mark won.
  beforeWs = await workspace(page);
  await click(page, 'bulk:won');
  await waitFor(page, (ids) => { const ws = JSON.parse(window.pipeboard.exportWorkspace());
    return ids.every((id) => ws.deals.find((d) => d.id === id).status === 'won'); }, picked);
  ws = dealsById(await workspace(page));
  for (const id of picked) assert.equal(ws.get(id).stage, 'st_won');
  await assertOneUndoStep(page, beforeWs, 'Move deals');

  // Mark lost: a reason is asked for first.
  beforeWs = await workspace(page);
  await click(page, 'bulk:lost');
  await rectOf(page, 'dialog:input');
  await waitFor(page, () => window.pipeboard.state().typing);
  await click(page, 'dialog:ok');  // no reason yet: refused in the dialog, nothing changes
  assert.deepEqual(await workspace(page), beforeWs);
  await click(page, 'dialog:input');
  await typeText(page, 'Budget frozen');
  await saveScreenshot(page, 'editors-list-lost-reason.png');
  await click(page, 'dialog:ok');
  await waitFor(page, (ids) => { const ws = JSON.parse(window.pipeboard.exportWorkspace());
    return ids.every((id) => ws.deals.find((d) => d.id === id).status === 'lost'); }, picked);
  ws = dealsById(await workspace(page));
  for (const id of picked) {
    assert.equal(ws.get(id).stage, 'st_lost');
    assert.equal(ws.get(id).lost_reason, 'Budget frozen');
  }
  await assertOneUndoStep(page, beforeWs, 'Move deals');

  // Delete: Cancel keeps them, Delete removes exactly the selected deals.
  beforeWs = await workspace(page);
  await click(page, 'bulk:delete');
  await click(page, 'dialog:cancel');
  await waitFor(page, () => window.pipeboard.state().dialog === 0);
  assert.deepEqual(await workspace(page), beforeWs, 'cancel deletes nothing');
  await click(page, 'bulk:delete');
  await saveScreenshot(page, 'editors-list-delete-confirm.png');
  await click(page, 'dialog:ok');
  await waitFor(page, (n) => JSON.parse(window.pipeboard.exportWorkspace()).deals.length === n, beforeWs.deals.length - picked.length);
  ws = dealsById(await workspace(page));
  for (const id of picked) assert.ok(!ws.has(id), `${id} is deleted`);
  assert.deepEqual((await state(page)).selected_deals, [], 'the selection is cleared');
  await click(page, 'button:undo');
  await waitFor(page, (n) => JSON.parse(window.pipeboard.exportWorkspace()).deals.length === n, beforeWs.deals.length);
  assert.deepEqual(await workspace(page), beforeWs, 'one undo brings all the deleted deals back');
  await saveScreenshot(page, 'editors-list-after-undo.png');
});

test('pipeline editor: drag a stage by its handle to reorder', async () => {
  await click(page, 'button:board');
  await click(page, 'button:editpipeline');
  const ids = (await workspace(page)).pipelines.find((p) => p.id === 'pipe_sales').stages.map((s) => s.id);
  const from = center(await rectOf(page, `stagehandle:${ids[0]}`));
  const to = center(await rectOf(page, `stagehandle:${ids[2]}`));
  await drag(page, from, to);
  const expected = [ids[1], ids[2], ids[0], ...ids.slice(3)];
  await waitFor(page, (e) => JSON.stringify(JSON.parse(window.pipeboard.exportWorkspace()).pipelines
    .find((p) => p.id === 'pipe_sales').stages.map((s) => s.id)) === JSON.stringify(e), expected);
  assert.equal((await state(page)).undo_label, 'Reorder stages');
  await saveScreenshot(page, 'editors-stage-reordered.png');

  // And back up: from third place to the top.
  await drag(page, center(await rectOf(page, `stagehandle:${ids[0]}`)), center(await rectOf(page, `stagehandle:${ids[1]}`)));
  await waitFor(page, (e) => JSON.stringify(JSON.parse(window.pipeboard.exportWorkspace()).pipelines
    .find((p) => p.id === 'pipe_sales').stages.map((s) => s.id)) === JSON.stringify(e), ids);
});

test('stage fields explain invalid input in place and keep it for correction', async () => {
  assert.notEqual((await state(page)).dialog, 0, 'the pipeline editor is open');
  const stage = 'st_pres';
  const name = `stageprob:${stage}`;
  const beforeWs = await workspace(page);

  await retype(page, name, '150');
  await waitFor(page, (n) => window.pipeboard.state().field_errors[n] !== undefined, name);
  let err = await page.evaluate(fieldError, name);
  assert.equal(err.message, 'Must be between 0 and 100');
  assert.equal(err.value, '150', 'the rejected value stays in the field');
  assert.deepEqual(await workspace(page), beforeWs, 'nothing changed');
  await assertErrorUnder(page, name);
  assert.equal((await state(page)).message, '', 'the error is not in the header');

  await retype(page, `stagerot:${stage}`, '-3');
  await waitFor(page, () => window.pipeboard.state().field_errors['stagerot:st_pres'] !== undefined);
  assert.equal((await page.evaluate(fieldError, `stagerot:${stage}`)).message, 'Must be between 0 and 3650');
  await retype(page, `stagename:${stage}`, '');
  await waitFor(page, () => window.pipeboard.state().field_errors['stagename:st_pres'] !== undefined);
  assert.equal((await page.evaluate(fieldError, `stagename:${stage}`)).message, 'Must not be empty');
  assert.ok((await page.evaluate(fieldError, name)), 'the probability error stays while another field is edited');
  assert.deepEqual(await workspace(page), beforeWs, 'still nothing changed');
  await saveScreenshot(page, 'editors-stage-errors.png');

  // Fix them: each error goes and its value is applied.
  await retype(page, name, '35');
  await waitFor(page, (n) => window.pipeboard.state().field_errors[n] === undefined, name);
  await retype(page, `stagerot:${stage}`, '9');
  await retype(page, `stagename:${stage}`, 'Demo');
  await waitFor(page, () => Object.keys(window.pipeboard.state().field_errors).length === 0);
  const s = (await workspace(page)).pipelines.find((p) => p.id === 'pipe_sales').stages.find((x) => x.id === stage);
  assert.deepEqual([s.probability, s.rotting_days, s.name], [35, 9, 'Demo']);
  assert.equal(await page.evaluate(() => window.pipeboard.itemRect('error:stageprob:st_pres')), null, 'the error text is gone');
});

test('custom field options: a repeated option is shown at the options field', async () => {
  await click(page, 'tab:fields');
  const beforeWs = await workspace(page);
  const name = 'fieldoptions:f_industry';
  await retype(page, name, 'Retail, Health, Retail');
  await waitFor(page, (n) => window.pipeboard.state().field_errors[n] !== undefined, name);
  assert.equal((await page.evaluate(fieldError, name)).message, 'Repeats option "Retail"');
  assert.deepEqual(await workspace(page), beforeWs);
  await assertErrorUnder(page, name);

  // Adding a field whose name exists: the error is at the name box, which keeps the text.
  await click(page, 'input:newfield');
  await typeText(page, 'Industry');
  await click(page, 'button:addfield');
  await waitFor(page, () => window.pipeboard.state().field_errors['input:newfield'] !== undefined);
  assert.equal((await page.evaluate(fieldError, 'input:newfield')).message, 'A field named "Industry" exists');
  await saveScreenshot(page, 'editors-field-errors.png');
  await retype(page, 'input:newfield', 'Team size');
  await click(page, 'button:addfield');
  await waitFor(page, () => JSON.parse(window.pipeboard.exportWorkspace()).fields.some((f) => f.name === 'Team size'));
  assert.equal((await page.evaluate(fieldError, 'input:newfield')), undefined);

  // Closing the editor abandons the rejected options edit.
  await click(page, 'button:editordone');
  await waitFor(page, () => window.pipeboard.state().dialog === 0);
  assert.deepEqual((await state(page)).field_errors, {});
  const industry = (await workspace(page)).fields.find((f) => f.id === 'f_industry');
  assert.deepEqual(industry.options, beforeWs.fields.find((f) => f.id === 'f_industry').options);
});

test('deal editor fields explain invalid input in place and keep it for correction', async () => {
  await click(page, 'button:board');
  await waitFor(page, () => window.pipeboard.state().mode === 'board');
  const { deal, rect } = await visibleCardIn(page, 'st_new');
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);  // a click opens the deal
  await waitFor(page, (id) => window.pipeboard.state().open_deal === id, deal.id);
  const beforeWs = await workspace(page);

  const cases = [
    ['editor:contact_email', 'jane at acme', 'Is not an email address like name@example.com'],
    ['editor:expected_close', '2026-02-30', 'Expected a date like 2026-03-31, got "2026-02-30" (or a day that does not exist)'],
    ['editor:value', '12abc', 'Is not an amount like 1,250.50'],
    ['editor:title', '', 'Must not be empty'],
  ];
  for (const [name, text, message] of cases) {
    await retype(page, name, text);
    await waitFor(page, (n) => window.pipeboard.state().field_errors[n] !== undefined, name);
    const err = await page.evaluate(fieldError, name);
    assert.equal(err.message, message, name);
    assert.equal(err.value, text, `${name} keeps the rejected text`);
    await assertErrorUnder(page, name);
  }
  assert.deepEqual(await workspace(page), beforeWs, 'no rejected edit changed the workspace');
  assert.equal(Object.keys((await state(page)).field_errors).length, cases.length, 'each field shows its own error');
  await saveScreenshot(page, 'editors-deal-errors.png');
  await click(page, 'button:theme');  // the error colours read on the light theme too
  await waitFor(page, () => !window.pipeboard.state().dark);
  await saveScreenshot(page, 'editors-deal-errors-light.png');
  await click(page, 'button:theme');
  await waitFor(page, () => window.pipeboard.state().dark);

  // Too large an amount is explained too, in the same place.
  await retype(page, 'editor:value', '99999999999999');
  await waitFor(page, () => window.pipeboard.state().field_errors['editor:value']?.value === '99999999999999');
  assert.equal((await page.evaluate(fieldError, 'editor:value')).message, 'Is too large (at most 10,000,000,000.00)');

  // Fixing a field removes only its error and applies the value.
  await retype(page, 'editor:contact_email', 'jane@acme.test');
  await waitFor(page, () => window.pipeboard.state().field_errors['editor:contact_email'] === undefined);
  await retype(page, 'editor:expected_close', '2026-02-28');
  await retype(page, 'editor:value', '1,250.50');
  await retype(page, 'editor:title', 'Scanners for Łódź');
  await waitFor(page, () => Object.keys(window.pipeboard.state().field_errors).length === 0);
  const d = (await workspace(page)).deals.find((x) => x.id === deal.id);
  assert.equal(d.contact_email, 'jane@acme.test');
  assert.equal(d.expected_close, '2026-02-28');
  assert.deepEqual(d.value, { amount: 125050, currency: 'EUR' });
  assert.equal(d.title, 'Scanners for Łódź');
  await saveScreenshot(page, 'editors-deal-fixed.png');

  // Escape drops a rejected edit and the field shows the saved value again.
  await retype(page, 'editor:contact_email', 'nope');
  await waitFor(page, () => window.pipeboard.state().field_errors['editor:contact_email'] !== undefined);
  await click(page, 'editor:contact_email');
  await waitFor(page, () => window.pipeboard.state().typing);
  await page.keyboard.press('Escape');
  await waitFor(page, () => window.pipeboard.state().field_errors['editor:contact_email'] === undefined);
  assert.equal((await state(page)).open_deal, deal.id, 'the first Escape only leaves the field');
  assert.equal((await workspace(page)).deals.find((x) => x.id === deal.id).contact_email, 'jane@acme.test');

  // A long note (past any fixed input buffer) survives an edit in full.
  const long = 'Call notes: '.padEnd(600, 'x');
  assert.equal((await page.evaluate(([id, notes]) => window.pipeboard.dispatch({ type: 'deal.update', deal: id, set: { notes } }),
    [deal.id, long])).ok, true);
  const panel = center(await rectOf(page, 'panel:deal'));
  for (let i = 0; i < 20 && !(await page.evaluate(() => window.pipeboard.itemRect('editor:notes'))); i++) {
    await page.mouse.move(panel.x, panel.y);
    await page.mouse.wheel(0, 200);  // the notes are further down the panel
    await page.waitForTimeout(80);
  }
  await click(page, 'editor:notes');
  await waitFor(page, () => window.pipeboard.state().typing);
  await page.keyboard.press('Control+End');
  await typeText(page, ' ok');
  await click(page, 'editor:company');  // leaving the notes for a field above commits them
  await waitFor(page, (id) => JSON.parse(window.pipeboard.exportWorkspace()).deals.find((d) => d.id === id).notes.endsWith(' ok'), deal.id);
  assert.equal((await workspace(page)).deals.find((x) => x.id === deal.id).notes, `${long} ok`);
  assert.deepEqual(errors, [], errors.join('\n'));
});
