// End-to-end tests of the release build in headless Chromium: the page renders with no console
// error, sliders move the numbers the right way, the language switches completely, links carry
// the scenario, bad links and bad input are reported by field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve, launch, open, metric } from './browser.js';

let server, browser;
const OUT = new URL('./out/', import.meta.url).pathname;

before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(OUT, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function slide(page, name, to) {
  // fill() sets the range input and fires input/change, as a drag would.
  await page.locator(`input[data-slider="${name}"]`).fill(String(to));
}

test('renders from a sub-path with no console error, every card finite', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  const values = await page.$$eval('.cards [data-metric]', (els) => els.map((e) => [e.dataset.metric, Number(e.dataset.value)]));
  assert.ok(values.length >= 10, `cards: ${values.length}`);
  for (const [k, v] of values) assert.ok(Number.isFinite(v) && v >= 0, `${k} = ${v}`);
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /NaN|Infinity/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('each main slider moves its dependent figures the right way', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  const cases = [
    // [slider, position, metric, direction]
    ['gpus', 900, 'training_days', -1],
    ['mfu', 900, 'training_days', -1],
    ['tokens', 950, 'training_flops', +1],
    ['deadline_days', 900, 'gpus_for_deadline', -1],
    ['params', 900, 'params_total', +1],
    ['params', 200, 'memory_per_gpu.total_bytes', -1],
    ['users', 950, 'serving.gpus', +1],
  ];
  for (const [slider, pos, key, dir] of cases) {
    const before = await metric(page, key);
    await slide(page, slider, pos);
    const after = await metric(page, key);
    assert.ok(Math.sign(after - before) === dir, `${slider} -> ${key}: ${before} -> ${after}`);
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a fast drag writes the address bar once it pauses, not per event', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  await page.evaluate(() => {
    window.__replaced = 0;
    const orig = history.replaceState.bind(history);
    history.replaceState = (...a) => { window.__replaced++; return orig(...a); };
  });
  await page.evaluate(async () => {
    const s = document.querySelector('input[data-slider="gpus"]');
    for (let i = 0; i < 300; i++) {
      s.value = String(300 + i);
      s.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 1));
    }
  });
  await page.waitForTimeout(400);
  const replaced = await page.evaluate(() => window.__replaced);
  assert.ok(replaced >= 1 && replaced < 30, `replaceState called ${replaced} times for 300 events`);
  const gpus = await page.inputValue('[data-field="gpus"]');
  assert.match(page.url(), new RegExp(`gpus=${gpus}`));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('sliders work from the keyboard and the charts repaint', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  const drawn = () => page.getAttribute('[data-chart="days"]', 'data-drawn').then(Number);
  const before = await metric(page, 'training_days');
  const paints = await drawn();
  await page.locator('input[data-slider="gpus"]').focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  assert.ok((await metric(page, 'training_days')) < before);
  assert.ok((await drawn()) > paints, 'chart repainted');
  // The focused slider is visibly outlined.
  const outline = await page.$eval('input[data-slider="gpus"]', (e) => getComputedStyle(e).outlineStyle);
  assert.notEqual(outline, 'none');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a slider move redraws only the chart parts that changed', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  // Marks each chart's current <svg> element; after a move, a kept mark means it was not rewritten.
  const mark = () => page.$$eval('[data-chart] svg', (svgs) => svgs.forEach((s) => { s.dataset.kept = '1'; }));
  const state = () => page.$$eval('[data-chart]', (charts) => Object.fromEntries(charts.map((c) =>
    [c.dataset.chart, { kept: c.querySelector('svg')?.dataset.kept === '1', drawn: Number(c.dataset.drawn) }])));
  const move = async (name, by) => {
    await mark();
    const before = await state();
    const value = await page.$eval(`input[data-slider="${name}"]`, (e) => Number(e.value));
    await slide(page, name, value + by);
    const after = await state();
    // Every move brings both charts up to date (data-drawn counts that).
    for (const chart of ['days', 'memory']) assert.ok(after[chart].drawn > before[chart].drawn, `${name}: ${chart} not updated`);
    return after;
  };
  // MFU changes the days, not the memory per GPU: the memory chart is left as it is.
  let after = await move('mfu', -40);
  assert.deepEqual([after.days.kept, after.memory.kept], [false, true], 'MFU move');
  // A small step of the GPU count (2048 to about 2110) moves only the current-choice marker on
  // the days chart: its axis ends at a round number (20k) that a step this size does not pass.
  // The memory per GPU changes: ZeRO shards over more data-parallel replicas.
  after = await move('gpus', 3);
  assert.deepEqual([after.days.kept, after.memory.kept], [true, false], 'GPU-count move');
  const live = await page.$eval('[data-chart="days"] g[data-live]', (g) => g.children.length);
  assert.ok(live > 0, 'the marker is drawn');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the charts follow the system switching between light and dark', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  // The first shape of each chart is its background (charts::LIGHT and charts::DARK, bg).
  const backgrounds = () => page.$$eval('[data-chart] svg > rect:first-of-type', (rs) => rs.map((r) => r.getAttribute('fill')));
  assert.deepEqual(await backgrounds(), ['#ffffff', '#ffffff']);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-chart] svg > rect:first-of-type')]
    .every((r) => r.getAttribute('fill') !== '#ffffff'));
  assert.deepEqual(await backgrounds(), ['#181a1f', '#181a1f']);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-chart] svg > rect:first-of-type')]
    .every((r) => r.getAttribute('fill') === '#ffffff'));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('charts are vector drawings sized to their box, sharp at devicePixelRatio 2', async () => {
  const { page, ctx } = await open(browser, server.url, { dpr: 2 });
  for (const name of ['days', 'memory']) {
    const [w, h, cw, ch, paths] = await page.$eval(`[data-chart="${name}"]`, (c) => {
      const svg = c.querySelector('svg');
      return [Number(svg.getAttribute('width')), Number(svg.getAttribute('height')), c.clientWidth, c.clientHeight,
        svg.querySelectorAll('polyline, path, rect, line').length];
    });
    // One SVG user unit per CSS pixel: text and lines are drawn at device resolution.
    assert.deepEqual([w, h], [cw, ch], name);
    assert.ok(paths > 5, `${name}: ${paths} shapes`);
  }
  // The days chart: four curves (the chosen GPU and three others) and the deadline.
  const lines = await page.$$eval('[data-chart="days"] svg polyline', (els) => els.length);
  assert.ok(lines >= 4, `${lines} polylines`);
  await ctx.close();
});

test('the address bar carries the scenario and a reload restores it', async () => {
  const { page, ctx } = await open(browser, server.url);
  await page.locator('[data-field="gpus"]').fill('4096');
  await page.locator('[data-field="gpus"]').press('Enter');
  const days = await metric(page, 'training_days');
  // The address bar follows once input pauses (browsers throttle rapid replaceState).
  await page.waitForFunction(() => /[?&]gpus=4096/.test(location.search));
  assert.match(page.url(), /[?&]v=1/);
  const historyLength = await page.evaluate(() => history.length);
  await page.reload();
  await page.waitForSelector('[data-chart="days"][data-drawn]');
  assert.equal(await metric(page, 'training_days'), days);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'no history entries added');
  await ctx.close();
});

test('a link with bad fields opens, lists each field, and has no console error', async () => {
  const q = '?v=1&model=gpt-9&gpus=-3&mfu=abc&tp=1.5&bogus=1&tokens=<script>alert(1)</script>';
  const { page, errors, ctx } = await open(browser, server.url + q);
  const fields = await page.$$eval('.link-problems [data-problem-field]', (els) => els.map((e) => e.dataset.problemField));
  for (const f of ['model', 'gpus', 'mfu', 'tp', 'bogus', 'tokens']) assert.ok(fields.includes(f), `${f} in ${fields}`);
  // The payload is shown as text, never run or parsed as markup.
  assert.equal(await page.locator('.link-problems script').count(), 0);
  assert.match(await page.locator('.link-problems').innerText(), /<script>alert\(1\)<\/script>/);
  await page.locator('.link-problems .dismiss').click();
  assert.equal(await page.locator('.link-problems').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('data sized as a dataset: same tokens on switching, bytes per token, bad sizes rejected', async () => {
  const { page, errors, ctx } = await open(browser, server.url + '?tokens=1T');
  const flops = () => metric(page, 'training_flops');
  const before = await flops();
  await page.locator('[data-field="data-mode-dataset"]').check();
  // 1T tokens at 4 bytes per token (English BPE, formulas.md sec. 2) is 4 TB.
  assert.equal(await page.inputValue('[data-field="dataset_tb"]'), '4');
  assert.equal(await page.inputValue('[data-field="bytes_per_token"]'), '4');
  assert.equal(await flops(), before);
  await page.locator('[data-field="bytes_per_token"]').fill('2');
  await page.locator('[data-field="bytes_per_token"]').press('Enter');
  assert.equal(await flops(), 2 * before);
  for (const bad of ['', 'abc', '0']) {
    await page.locator('[data-field="dataset_tb"]').fill(bad);
    await page.locator('[data-field="dataset_tb"]').press('Enter');
    assert.ok(await page.locator('[data-error-for="dataset_tb"]').count(), `"${bad}" rejected`);
    assert.equal(await flops(), 2 * before);
  }
  await page.locator('[data-field="data-mode-tokens"]').check();
  assert.equal(await page.inputValue('[data-field="tokens"]'), '2T');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('empty optional fields show what they stand for', async () => {
  const { page, ctx } = await open(browser, server.url);
  // 1000 users x 10 requests per hour = 2.78 requests/s; H100 SXM5 TDP 700 W.
  assert.equal(await page.getAttribute('[data-field="requests_per_s"]', 'placeholder'), '2.78');
  assert.equal(await page.getAttribute('[data-field="power_w"]', 'placeholder'), '700 W (TDP)');
  assert.match(await page.getAttribute('[data-field="price_per_gpu_hour"]', 'placeholder'), /catalog estimate/);
  // Typing a total rate overrides the per-user one; clearing it restores it.
  const gpus = await metric(page, 'serving.gpus');
  await page.locator('[data-field="requests_per_s"]').fill('50');
  await page.locator('[data-field="requests_per_s"]').press('Enter');
  assert.ok((await metric(page, 'serving.gpus')) > gpus);
  await page.locator('[data-field="requests_per_s"]').fill('');
  await page.locator('[data-field="requests_per_s"]').press('Enter');
  assert.equal(await metric(page, 'serving.gpus'), gpus);
  await ctx.close();
});

test('typed nonsense is reported beside the field and the last valid value stays', async () => {
  const { page, ctx } = await open(browser, server.url);
  const before = await metric(page, 'training_days');
  await page.locator('[data-field="mfu"]').fill('150%');
  await page.locator('[data-field="mfu"]').press('Enter');
  const msg = await page.locator('[data-error-for="mfu"]').innerText();
  assert.match(msg, /0\.01/);
  assert.match(msg, /1\b/);
  assert.equal(await metric(page, 'training_days'), before);
  await ctx.close();
});

/** Text nodes outside names, ids, formulas and sources that contain an English word. */
async function englishLeftovers(page) {
  return page.evaluate(() => {
    const skip = 'code, .source, option, select, .card-value, .legend, td, [data-field], [data-metric="peak_tflops"], h1, script, style, #lang, .card-detail';
    const allowed = /^(MFU|HFU|ZeRO-?|LoRA|QLoRA|SwiGLU|GeGLU|FLOPs?|PF|days|FFN|MoE|MLA|RoPE|KV|QKV|GQA|MHA|MQA|TP|PP|BPE|TDP|PUE|HBM|CO2e?|Chinchilla|LayerNorm|vLLM|AdamW|SGD|Adam|GPU|GPUs|token|tokens|batch|tok|bits?|fp\d+|bf16|tf32|TFLOP|TB|GB|KB|MB|MWh|kWh|Gb|W|Suanli|USD|CNY|JSON|Llama|NVLink|dropout|norm|all-reduce|tp|pp|replicas|global_batch)$/i;
    const bad = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest(skip)) continue;
      const words = n.textContent.match(/[A-Za-z][A-Za-z-]{3,}/g) ?? [];
      const english = words.filter((w) => !allowed.test(w));
      if (english.length) bad.push(n.textContent.trim());
    }
    return bad;
  });
}

test('switching to 中文 leaves no untranslated string; choice persists', async () => {
  const { page, errors, ctx } = await open(browser, server.url, { locale: 'en-US' });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // The detector must see the English page as English, or it proves nothing.
  assert.ok((await englishLeftovers(page)).length > 20, 'detector finds English text in English');
  await page.locator('#lang').click();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  for (const tab of ['#tab-how', '#tab-reality', '#tab-notes']) {
    await page.locator(tab).click();
    await page.locator('details.arch').evaluate((d) => { d.open = true; });
    const leftovers = await englishLeftovers(page);
    assert.deepEqual(leftovers, [], `untranslated in ${tab}`);
  }
  await page.reload();
  await page.waitForSelector('[data-chart="days"][data-drawn]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a Chinese browser gets Chinese by default', async () => {
  const { page, ctx } = await open(browser, server.url, { locale: 'zh-CN' });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.locator('h1').innerText(), /算力/);
  await ctx.close();
});

test('screenshots at 1280x800 and 390x844 in both languages', async () => {
  for (const [name, width, height, dpr] of [['desktop', 1280, 800, 1], ['phone', 390, 844, 2]]) {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, errors, ctx } = await open(browser, server.url, { width, height, locale, dpr });
      // Nothing wider than the viewport (no horizontal scrolling on a phone).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} ${locale}: ${overflow}px wider than the viewport`);
      await page.screenshot({ path: `${OUT}${name}-${locale}.png` });
      assert.deepEqual(errors, []);
      await ctx.close();
    }
  }
});
