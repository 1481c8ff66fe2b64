// Saved scenarios, compare, share links and export/import, end to end in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, metric } from './browser.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const names = (page) => page.$$eval('.saved .entry-name', (els) => els.map((e) => e.textContent));

async function save(page, name) {
  await page.locator('#scenario-name').fill(name);
  await page.locator('#save-scenario').click();
  await page.waitForFunction((n) => [...document.querySelectorAll('.saved .entry-name')].some((e) => e.textContent === n), name);
}

async function setGpus(page, n) {
  await page.locator('[data-field="gpus"]').fill(String(n));
  await page.locator('[data-field="gpus"]').press('Enter');
  // The address bar and the autosave follow once input pauses.
  await page.waitForFunction((n) => new URLSearchParams(location.search).get('gpus') === String(n), n);
}

test('save, reload, still there; the working scenario survives a reload without a link', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  await setGpus(page, 3072);
  await save(page, 'Plan A');
  await page.reload();
  await page.waitForSelector('.saved .entry-name');
  assert.deepEqual(await names(page), ['Plan A']);
  // A fresh page with no query restores the autosaved working scenario.
  const { page: fresh } = await open(browser, server.url, { context: ctx });
  assert.match(fresh.url(), /gpus=3072/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('rename, duplicate, delete and undo', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  await save(page, 'Draft');
  const id = await page.getAttribute('.saved-entry', 'data-entry');
  await page.locator(`[data-rename-start="${id}"]`).click();
  await page.locator(`[data-rename="${id}"]`).fill('Final');
  await page.locator(`[data-rename="${id}"]`).press('Enter');
  await page.waitForFunction(() => document.querySelector('.saved .entry-name')?.textContent === 'Final');
  await page.locator(`[data-duplicate="${id}"]`).click();
  await page.waitForFunction(() => document.querySelectorAll('.saved-entry').length === 2);
  assert.deepEqual((await names(page)).sort(), ['Final', 'Final (2)']);
  await page.locator(`[data-delete="${id}"]`).click();
  await page.waitForFunction(() => document.querySelectorAll('.saved-entry').length === 1);
  await page.locator('#undo-delete').click();
  await page.waitForFunction(() => document.querySelectorAll('.saved-entry').length === 2);
  assert.deepEqual((await names(page)).sort(), ['Final', 'Final (2)']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('two pages in one browser see each other\'s saves, with no lost update', async () => {
  const a = await open(browser, server.url);
  const b = await open(browser, server.url, { context: a.ctx });
  await save(a.page, 'From A');
  await b.page.waitForFunction(() => [...document.querySelectorAll('.saved .entry-name')].some((e) => e.textContent === 'From A'));
  await save(b.page, 'From B');
  await a.page.waitForFunction(() => document.querySelectorAll('.saved-entry').length === 2);
  assert.deepEqual((await names(a.page)).sort(), ['From A', 'From B']);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await a.ctx.close();
});

test('corrupt entries are kept aside and reported; newer ones are left alone; old ones migrate', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('suanli.scenario.bad', '{garbage');
    localStorage.setItem('suanli.scenario.future', 'schema=9&name=Future&q=v%3D2');
    localStorage.setItem('suanli.scenario.old', 'v=1&model=llama-2-7b');
  });
  const { page, errors } = await open(browser, server.url, { context: ctx });
  await page.waitForSelector('[data-unreadable="suanli.aside.bad"]');
  assert.ok(await page.locator('[data-unreadable="suanli.scenario.future"]').count());
  const store = await page.evaluate(() => ({ ...localStorage }));
  assert.equal(store['suanli.aside.bad'], '{garbage', 'the corrupt value is kept');
  assert.equal(store['suanli.scenario.bad'], undefined);
  assert.equal(store['suanli.scenario.future'], 'schema=9&name=Future&q=v%3D2', 'a newer entry is untouched');
  // Migrated to the serde form gloo-storage writes (schema 2, src/library.rs).
  assert.match(store['suanli.scenario.old'], /^\{"schema":2,/, 'the old entry was migrated');
  assert.ok((await names(page)).includes('old'));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a full storage is reported and nothing is silently dropped', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  // Fill storage to the brim: big chunks first, then halve down to single characters.
  const filled = await page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler.${i++}`, chunk); } catch { break; }
      }
    }
    return i;
  });
  assert.ok(filled > 5, `filled with ${filled} items`);
  await page.locator('#scenario-name').fill('Too much');
  await page.locator('#save-scenario').click();
  await page.waitForSelector('[data-trouble]');
  assert.match(await page.locator('[data-trouble]').innerText(), /Too much/);
  // The page keeps working.
  const before = await metric(page, 'training_seconds');
  await setGpus(page, 8192);
  assert.ok((await metric(page, 'training_seconds')) < before);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('with storage unavailable the page works and says so', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const { page, errors } = await open(browser, server.url + '?gpus=1024', { context: ctx });
  await page.waitForSelector('[data-trouble]');
  assert.match(await page.locator('[data-trouble]').innerText(), /unavailable/i);
  assert.ok(await metric(page, 'training_seconds') > 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('markup in a scenario name and in a link field renders as text', async () => {
  const payload = '<img src=x onerror="window.__xss=1">';
  const { page, errors, ctx } = await open(browser, server.url + '?model=' + encodeURIComponent(payload));
  await save(page, payload);
  assert.equal(await page.locator('.saved img, .link-problems img').count(), 0);
  assert.ok((await names(page)).includes(payload));
  assert.match(await page.locator('.link-problems').innerText(), /onerror/);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('compare up to four saved scenarios: table with differences, overlaid curves and bars', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  await setGpus(page, 1024);
  await save(page, 'Small');
  await setGpus(page, 4096);
  await save(page, 'Big');
  for (const n of ['Small', 'Big']) {
    const id = await page.locator('.saved-entry', { hasText: n }).getAttribute('data-entry');
    // Compare is a visible toggle button on each saved entry.
    await page.locator(`[data-compare="${id}"]`).click();
    assert.equal(await page.getAttribute(`[data-compare="${id}"]`, 'aria-pressed'), 'true');
  }
  await page.waitForSelector('[data-compare-table]');
  const heads = await page.$$eval('[data-compare-table] thead th', (els) => els.map((e) => e.textContent));
  // The table leads with the inputs that differ: here the GPU count, 1024 against 4096.
  const firstInput = await page.locator('[data-compare-table] tr.input-row').first().innerText();
  assert.match(firstInput, /1,024/);
  assert.match(firstInput, /4,096/);
  // The first column is the scenario on screen; "Big" is that scenario, so it is named under
  // the baseline's heading instead of repeating it as a column of its own.
  assert.equal(heads.length, 2, heads.join(','));
  assert.match(heads[0], /^On screen \(baseline\)\s*= saved “Big”$/);
  assert.equal(heads[1], 'Small');
  assert.ok(await page.locator('[data-compare-table] td.diff').count() > 0, 'differences highlighted');
  const legend = await page.locator('figure:has([data-chart="days"]) .legend').innerText();
  assert.match(legend, /Small/);
  assert.match(legend, /Big/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('export then import round-trips; report and chart exports are real files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'suanli-'));
  const { page, errors, ctx } = await open(browser, server.url + '?model=qwen2.5-72b&gpus=512&tokens=18T&mfu=0.35');
  const grab = async (selector) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
    const path = join(dir, dl.suggestedFilename());
    await dl.saveAs(path);
    return path;
  };
  const scenarioFile = await grab('#export-scenario');
  const exported = JSON.parse(await readFile(scenarioFile, 'utf8'));
  assert.equal(exported.fields.model, 'qwen2.5-72b');
  const days = await metric(page, 'training_seconds');
  const csv = await readFile(await grab('#export-csv'), 'utf8');
  assert.match(csv, new RegExp(`^training_seconds,${days}$`, 'm'));
  const report = JSON.parse(await readFile(await grab('#export-json'), 'utf8'));
  assert.equal(report.metrics.training_seconds, days);
  const png = await readFile(await grab('#export-png'));
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const svg = await readFile(await grab('#export-svg'), 'utf8');
  assert.match(svg, /<svg[\s\S]*<\/svg>/);

  // Change everything, then import: the exported scenario comes back exactly. The import
  // control is a label in the page's language; a click on it opens the file chooser.
  await page.goto(server.url + '?model=llama-2-7b');
  await page.waitForSelector('[data-chart="days"][data-drawn]');
  assert.equal(await page.$eval('label.import', (l) => l.textContent.trim()), 'Import scenario');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('label.import').click()]);
  await chooser.setFiles(scenarioFile);
  await page.waitForFunction(() => location.search.includes('qwen2.5-72b'));
  assert.equal(await metric(page, 'training_seconds'), days);

  // A file that is not a scenario is reported by name, and nothing changes.
  const junk = join(dir, 'junk.json');
  await writeFile(junk, 'not json at all');
  await page.setInputFiles('#import-file', junk);
  await page.waitForSelector('.link-problems [data-problem-field="file"]');
  assert.equal(await metric(page, 'training_seconds'), days);
  assert.deepEqual(errors, []);
  await ctx.close();
});
