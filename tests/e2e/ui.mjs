// Real mouse and keyboard helpers for the board tests. Elements are found by their UI names
// through pipeboard.itemRect() (CSS pixels), so the tests click what a person would.
export async function rectOf(page, name, timeout = 3000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const r = await page.evaluate((n) => window.pipeboard.itemRect(n), name);
    if (r && r.width > 0) return r;
    if (Date.now() > deadline) throw new Error(`no UI element named ${name}`);
    await page.mouse.move(2, 2 + Math.random());  // input keeps the app drawing frames
    await page.waitForTimeout(30);
  }
}

export const center = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

// A press and release at a point, with frames between the steps as a hand would leave them.
export async function clickAt(page, c) {
  await page.mouse.move(c.x, c.y);
  await page.waitForTimeout(30);
  await page.mouse.down();
  await page.waitForTimeout(30);
  await page.mouse.up();
  await page.waitForTimeout(60);
}

export async function click(page, name) {
  await clickAt(page, center(await rectOf(page, name)));
}

// Drags with the mouse, in small steps with frames between them, as a hand would.
export async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.waitForTimeout(40);
  await page.mouse.down();
  await page.waitForTimeout(40);
  const steps = 16;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(60);
  await page.mouse.up();
  await page.waitForTimeout(80);
}

export async function typeText(page, text) {
  await page.keyboard.type(text, { delay: 15 });
  await page.waitForTimeout(40);
}

export const workspace = async (page) => JSON.parse(await page.evaluate(() => window.pipeboard.exportWorkspace()));
export const state = (page) => page.evaluate(() => window.pipeboard.state());

// The first card of a column that is on screen.
export async function visibleCardIn(page, stageId) {
  const ws = await workspace(page);
  for (const d of ws.deals.filter((d) => d.stage === stageId)) {
    const r = await page.evaluate((n) => window.pipeboard.itemRect(n), `deal:${d.id}`);
    if (r && r.height > 0) return { deal: d, rect: r };
  }
  throw new Error(`no visible card in ${stageId}`);
}

// Generous: CI machines are shared and frames can stall under load.
export async function waitFor(page, predicate, arg, timeout = 15000) {
  await page.waitForFunction(predicate, arg, { timeout, polling: 50 });
}
