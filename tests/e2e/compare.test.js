// Compare, as a new user meets it: explained before anything is saved, a labelled baseline,
// readable names, and both scenarios on a phone. End to end in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './browser.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function save(page, name) {
  await page.locator('#scenario-name').fill(name);
  await page.locator('#save-scenario').click();
  await page.waitForFunction((n) => [...document.querySelectorAll('.saved .entry-name')].some((e) => e.textContent === n), name);
}

async function setField(page, field, value) {
  await page.locator(`[data-field="${field}"]`).fill(String(value));
  await page.locator(`[data-field="${field}"]`).press('Enter');
}

async function compare(page, name) {
  const id = await page.locator('.saved-entry', { hasText: name }).getAttribute('data-entry');
  await page.locator(`[data-compare="${id}"]`).click();
  await page.waitForSelector(`[data-compare-table] th[data-compared="${name}"], [data-same-as="${name}"]`);
}

/** Saves "Plan A" on H100s, then puts B200s on screen and compares Plan A beside them. */
async function twoScenarios(page) {
  await save(page, 'Plan A');
  await page.locator('[data-field="gpu"]').selectOption('b200');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('gpu') === 'b200');
  await setField(page, 'gpus', 4096);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('gpus') === '4096');
  await compare(page, 'Plan A');
}

test('before any save, compare explains itself and its button saves a scenario to compare', async () => {
  for (const [locale, words] of [['en-US', /Compare sets saved scenarios beside the one on screen/], ['zh-CN', /对比功能/]]) {
    const { page, errors, ctx } = await open(browser, server.url, { locale });
    await page.waitForSelector('[data-compare-empty]');
    assert.match(await page.locator('[data-compare-empty]').innerText(), words);
    assert.equal(await page.locator('.compare-toggle').count(), 0, 'nothing to toggle yet');
    assert.ok(await page.locator('#save-to-compare').isVisible());
    await page.locator('#save-to-compare').click();
    await page.waitForSelector('.saved-entry .compare-toggle');
    assert.ok(await page.locator('.saved-entry .compare-toggle').isEnabled());
    // The explanation gives way to how to compare.
    await page.waitForSelector('[data-compare-pick]');
    assert.equal(await page.locator('[data-compare-empty]').count(), 0);
    // Compared with the unchanged page, the saved one is the scenario on screen: said, not
    // repeated as a second column.
    await page.locator('.saved-entry .compare-toggle').click();
    await page.waitForSelector('[data-compare-all-same]');
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

test('the baseline column is labelled, percentages say what they are relative to, and names are readable', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  await twoScenarios(page);
  const heads = await page.$$eval('[data-compare-table] thead th', (els) => els.map((e) => e.textContent.trim()));
  assert.equal(heads[0], 'On screen (baseline)');
  assert.deepEqual(heads.slice(1), ['Plan A']);
  assert.match(await page.locator('#compare-note').innerText(), /relative to the first column, the scenario on screen/);
  // The accelerator row: catalog names, never ids.
  const gpuRow = await page.locator('[data-compare-table] tr[data-input="gpu"]').innerText();
  assert.match(gpuRow, /B200/);
  assert.match(gpuRow, /H100/);
  const text = await page.locator('[data-compare-table]').innerText();
  for (const id of ['h100-sxm', 'b200', 'a100-80g-sxm']) {
    assert.ok(!new RegExp(`(^|[\\s(])${id}($|[\\s)])`, 'm').test(text), `raw id ${id} in: ${text}`);
  }
  // Each percentage says in its tooltip what it is relative to.
  const titles = await page.$$eval('[data-compare-table] td.diff[title]', (els) => els.map((e) => e.title));
  assert.ok(titles.length > 0);
  for (const t of titles) assert.match(t, /^[+-]\d+% relative to the scenario on screen$/);
  // Saving the scenario on screen and comparing it too: one baseline column that says so.
  await save(page, 'Plan B');
  await compare(page, 'Plan B');
  const heads2 = await page.$$eval('[data-compare-table] thead th', (els) => els.map((e) => e.textContent.trim()));
  assert.equal(heads2.length, 2, heads2.join(' | '));
  assert.match(heads2[0], /^On screen \(baseline\)\s*= saved “Plan B”$/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('in Chinese the baseline and the choices are translated', async () => {
  const { page, errors, ctx } = await open(browser, server.url, { locale: 'zh-CN' });
  await save(page, '方案甲');
  // Another scenario on screen: B200s with full recomputation.
  await page.goto(server.url + '?gpu=b200&recompute=full');
  await page.waitForSelector('[data-chart="days"][data-drawn]');
  await compare(page, '方案甲');
  assert.equal(await page.locator('[data-compare-table] th[data-baseline]').innerText(), '当前页面（基准）');
  assert.match(await page.locator('#compare-note').innerText(), /百分比相对于第一列/);
  const text = await page.locator('[data-compare-table]').innerText();
  assert.ok(!/\bb200\b|h100-sxm/.test(text), text);
  // The recomputation row in Chinese words, not the query's.
  const recompute = await page.locator('[data-compare-table] tr[data-input="recompute"]').innerText();
  assert.ok(!/\bfull\b|\bselective\b|\bnone\b/.test(recompute), recompute);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('on a phone the baseline and a compared scenario are both on screen, and a scroll hint shows when more are', async () => {
  const { page, errors, ctx } = await open(browser, server.url, { width: 390, height: 844, dpr: 2 });
  await twoScenarios(page);
  const cells = async (name) => {
    const row = page.locator('[data-compare-table] tr[data-input="gpus"]');
    await row.scrollIntoViewIfNeeded();
    const base = await row.locator('td.baseline').boundingBox();
    const other = await row.locator('td').nth(name).boundingBox();
    return { base, other };
  };
  const inView = (b) => b && b.x >= 0 && b.x + b.width <= 390 + 0.5;
  const { base, other } = await cells(1);
  assert.ok(inView(base), `baseline at ${JSON.stringify(base)}`);
  assert.ok(inView(other), `Plan A at ${JSON.stringify(other)}`);
  // The page itself never scrolls sideways.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  // Two more compared: the table scrolls sideways, says so, and keeps the baseline in view.
  await setField(page, 'gpus', 3072);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('gpus') === '3072');
  await save(page, 'Plan C');
  await setField(page, 'gpus', 1024);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('gpus') === '1024');
  await save(page, 'Plan D');
  await setField(page, 'gpus', 512);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('gpus') === '512');
  await compare(page, 'Plan C');
  await compare(page, 'Plan D');
  await page.waitForSelector('[data-scroll-hint]:not([hidden])');
  assert.ok(await page.locator('[data-scroll-hint]').isVisible());
  await page.locator('.compare-scroll').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await page.waitForFunction(() => {
    const el = document.querySelector('.compare-scroll');
    return el.scrollLeft > 0;
  });
  const last = await cells(3);
  assert.ok(inView(last.base), `baseline after scrolling at ${JSON.stringify(last.base)}`);
  assert.ok(inView(last.other), `Plan D at ${JSON.stringify(last.other)}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
