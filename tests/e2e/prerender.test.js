// The prerendered first view (issue 24; src/app/first_view.rs, put into index.html by Trunk's hook):
// - it is what the app renders for the default scenario: the module is held back until the
//   prerendered page has been read, then let through, and the live page must show the same
//   figures, inputs and charts, in English and in Chinese;
// - a shared link, or a returning visitor's autosaved scenario, never shows the default's
//   figures: they are marked pending until the app has computed the link's own;
// - no console errors in either state; screenshots of both states at both sizes (out/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve, launch } from './browser.js';

const OUT = new URL('./out/', import.meta.url).pathname;

/**
 * Opens `url` with the wasm module held back; returns the page, its console errors, and
 * `release()`, which lets the module through.
 */
async function openHeld(browser, url, { width = 1280, height = 800, dpr = 1, locale = 'en-US', init } = {}) {
  const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, locale });
  if (init) await ctx.addInitScript(init);
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { page, ctx, errors, release };
}

/**
 * What the page shows, read from `root`'s visible parts: every figure (metric, raw value, text),
 * every input of the form (field, value), the charts' series counts and own point.
 */
function shown(root) {
  const visible = (e) => e.getClientRects().length > 0;
  const figures = [...root.querySelectorAll('.answer-bar [data-metric], .cards [data-metric], .side [data-metric]')]
    .filter(visible)
    .map((e) => [e.dataset.metric, e.dataset.value, e.innerText.replace(/\s+/g, ' ').trim()]);
  const inputs = [...root.querySelectorAll('.side [data-field], .side [data-slider]')]
    .filter(visible)
    .map((e) => [e.dataset.field ?? `slider:${e.dataset.slider}`, e.type === 'checkbox' || e.type === 'radio' ? e.checked : e.value]);
  const charts = [...root.querySelectorAll('[data-chart]')]
    .map((e) => [e.dataset.chart, e.dataset.series, e.dataset.current ?? null]);
  const cards = [...root.querySelectorAll('.card-label')].filter(visible).map((e) => e.innerText.trim());
  return { figures, inputs, charts, cards };
}

test('the prerendered first view is what the app renders for the default scenario, in both languages', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, ctx, errors, release } = await openHeld(browser, server.url, { locale });
      // Before the module: the prerendered page in the browser's language, its three charts
      // drawn (SVG), not marked pending.
      await page.waitForSelector('#prerender');
      const lang = await page.evaluate(() => document.documentElement.lang);
      assert.equal(lang, locale === 'zh-CN' ? 'zh-CN' : 'en');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pending')), false);
      const pre = await page.evaluate(`(${shown})(document.querySelector('#prerender > [lang="${lang}"]'))`);
      assert.equal(await page.locator('#prerender .chart-svg svg').count(), 3 * 2 * 2 * 2, 'three charts, two schemes, two sizes, two languages');
      assert.equal(await page.locator(`#prerender > [lang="${lang}"] .chart-svg:visible`).count(), 3, 'one SVG of each chart on screen');
      assert.ok(pre.figures.length >= 15, `figures prerendered: ${pre.figures.length}`);
      assert.ok(pre.inputs.length >= 10, `inputs prerendered: ${pre.inputs.length}`);
      // The answer is on screen before the module: 90.7 days is the default scenario's answer
      // (Llama 3 70B, 15T tokens on 2,048 H100, as the CLI prints it).
      const answer = pre.figures.find(([m]) => m === 'training_seconds');
      assert.match(answer[2], locale === 'zh-CN' ? /90\.7 天/ : /90\.7 days/);
      // Now the module: the live page replaces the prerendered one, and shows the same.
      release();
      await page.waitForSelector('[data-chart="days"][data-drawn]');
      assert.equal(await page.locator('#prerender').count(), 0, 'the prerendered view is gone');
      const live = await page.evaluate(`(${shown})(document.body)`);
      assert.deepEqual(live.figures, pre.figures, 'figures');
      assert.deepEqual(live.inputs, pre.inputs, 'inputs');
      assert.deepEqual(live.charts, pre.charts, 'charts');
      assert.deepEqual(live.cards, pre.cards, 'card labels');
      assert.deepEqual(errors, [], 'no console errors');
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a shared link or an autosaved scenario never shows the default figures', async () => {
  const server = await serve();
  const browser = await launch();
  const defaultFigures = async (page) => page.locator('#prerender .card-value').evaluateAll(
    (els) => els.filter((e) => getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length > 0).length);
  try {
    const cases = [
      ['a shared link', `${server.url}?gpus=512&model=llama-3-8b`, null, true],
      ['an autosaved scenario', server.url, `localStorage.setItem('suanli.working', JSON.stringify('gpus=512&model=llama-3-8b'))`, true],
      ['the autosaved default', server.url, null, false],
    ];
    for (const [what, url, init, pending] of cases) {
      // The autosaved default: what a first visit leaves behind (read from that visit).
      let script = init;
      if (!init && !pending) {
        const first = await openHeld(browser, server.url);
        first.release();
        await first.page.waitForSelector('[data-chart="days"][data-drawn]');
        const saved = await first.page.evaluate(() => localStorage.getItem('suanli.working'));
        assert.ok(saved !== null, 'the first visit autosaves');
        script = `localStorage.setItem('suanli.working', ${JSON.stringify(saved)})`;
        await first.ctx.close();
      }
      const { page, ctx, errors, release } = await openHeld(browser, url, { init: script });
      await page.waitForSelector('#prerender');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pending')), pending, what);
      const visible = await defaultFigures(page);
      if (pending) {
        assert.equal(visible, 0, `${what}: no prerendered figure is visible`);
        assert.equal(await page.locator('#prerender .chart-svg:visible').count(), 0, `${what}: no prerendered chart`);
      } else {
        assert.ok(visible >= 13, `${what}: the prerendered figures are shown (${visible})`);
      }
      release();
      await page.waitForSelector('[data-chart="days"][data-drawn]');
      if (pending) {
        // The link's own figures: Llama 3 8B has 8.03B parameters, not the default's 70.6B.
        const params = await page.locator('.cards [data-metric="params_total"]').getAttribute('data-value');
        assert.equal(Math.round(Number(params) / 1e7), 803, `${what}: the link's own figures`);
      }
      assert.deepEqual(errors, [], `${what}: no console errors`);
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test('screenshots of the prerendered and the live state, at both sizes, in both languages', async () => {
  await mkdir(OUT, { recursive: true });
  const server = await serve();
  const browser = await launch();
  try {
    for (const [width, height, dpr] of [[1280, 800, 1], [390, 844, 2]]) {
      for (const locale of ['en-US', 'zh-CN']) {
        const { page, ctx, errors, release } = await openHeld(browser, server.url, { width, height, dpr, locale });
        await page.waitForSelector('#prerender');
        await page.screenshot({ path: `${OUT}prerendered-${width}-${locale}.png` });
        release();
        await page.waitForSelector('[data-chart="step"][data-drawn]');
        await page.screenshot({ path: `${OUT}live-${width}-${locale}.png` });
        assert.deepEqual(errors, []);
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
