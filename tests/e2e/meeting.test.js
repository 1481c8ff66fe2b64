// The meeting flow on a phone (issue 27): each of the questions people ask in a meeting is a few
// taps from the first screen, with the answer and the input that drives it on screen together;
// a start-over button; Copy link copies the scenario shown; a pasted config keeps the preset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, answerValue } from './browser.js';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const PHONE = { width: 390, height: 844, dpr: 2 };

/** Whether an element lies wholly inside the viewport. */
async function onScreen(page, selector) {
  const box = await page.locator(selector).boundingBox();
  const { height, width } = page.viewportSize();
  return box !== null && box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= width;
}

/** A user's taps, counted: choosing from a select is two (open it, pick). */
function tapper(page) {
  const t = {
    count: 0,
    async choose(selector, value) {
      t.count += 2;
      await page.locator(selector).selectOption(value);
    },
  };
  return t;
}

/** Types into a field as a person does: the value, then leaving the field. */
async function type(page, name, text) {
  const input = page.locator(`[data-field="${name}"]`);
  await input.fill(text);
  await input.dispatchEvent('change');
}

for (const locale of ['en-US', 'zh-CN']) {
  test(`train by a deadline on a phone (${locale}): two taps, the answer and the deadline on screen together`, async () => {
    const { page, errors, ctx } = await open(browser, server.url, { ...PHONE, locale });
    const taps = tapper(page);
    await taps.choose('[data-field="solve"]', 'gpus');
    await page.waitForSelector('#answer[data-solve="gpus"]');
    const before = await answerValue(page);
    await type(page, 'deadline_days', '30');
    await page.waitForFunction((b) => Number(document.querySelector('#answer').dataset.value) > b, before);
    assert.ok(taps.count <= 3, `${taps.count} taps`);
    assert.ok(await onScreen(page, '#answer'), 'answer on screen');
    assert.ok(await onScreen(page, '[data-field="deadline_days"]'), 'deadline on screen');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('what a budget buys on a phone: the page asks for the budget, then answers beside it', async () => {
  const { page, errors, ctx } = await open(browser, server.url, PHONE);
  const taps = tapper(page);
  await taps.choose('[data-field="solve"]', 'budget');
  await page.waitForSelector('#answer [data-limited-by="ask-budget"]');
  await type(page, 'budget', '2M');
  const seconds = await answerValue(page);
  assert.ok(seconds > 86400, `${seconds / 86400} days`);
  assert.ok(taps.count <= 3, `${taps.count} taps`);
  assert.ok(await onScreen(page, '#answer'));
  assert.ok(await onScreen(page, '[data-field="budget"]'));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('serve N users on a phone: the fleet is the answer and the users are the input beside it', async () => {
  const { page, errors, ctx } = await open(browser, server.url, PHONE);
  const taps = tapper(page);
  await taps.choose('[data-field="solve"]', 'serve');
  await page.waitForSelector('#answer[data-solve="serve"]');
  const small = await answerValue(page);
  await type(page, 'users', '1000000');
  await page.waitForFunction((b) => Number(document.querySelector('#answer').dataset.value) > b, small);
  const fleet = await answerValue(page);
  assert.equal(fleet, Number(await page.getAttribute('.cards [data-metric="serving.gpus"]', 'data-value')));
  assert.ok(taps.count <= 3, `${taps.count} taps`);
  assert.ok(await onScreen(page, '#answer'));
  assert.ok(await onScreen(page, '[data-field="users"]'));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('compare two chips on a phone: both answers in the answer card, the picker beside it', async () => {
  const { page, errors, ctx } = await open(browser, `${server.url}?solve=gpus&deadline_days=60`, PHONE);
  const taps = tapper(page);
  await taps.choose('[data-field="vs_gpu"]', 'b200');
  await page.waitForSelector('#answer-versus');
  const line = await page.locator('#answer-versus').innerText();
  // NVIDIA B200: 1,376 (−56 %): fewer devices for the same deadline.
  assert.match(line, /B200.*\d.*\(−\d+ %\)/);
  assert.ok(taps.count <= 3, `${taps.count} taps`);
  assert.ok(await onScreen(page, '#answer-versus'));
  assert.ok(await onScreen(page, '[data-field="vs_gpu"]'));
  // The link carries the comparison (written once input pauses).
  await page.waitForFunction(() => location.search.includes('vs_gpu=b200'));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the answer stays on screen while the page scrolls to the other inputs', async () => {
  const { page, errors, ctx } = await open(browser, server.url, PHONE);
  await page.locator('[data-field="price_tier"]').scrollIntoViewIfNeeded();
  assert.ok(await onScreen(page, '[data-field="price_tier"]'));
  assert.ok(await onScreen(page, '#answer'), 'the answer bar is held at the top');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('on a laptop no panel scrolls on its own', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  const scrolling = await page.$$eval('main *', (els) => els
    .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight + 1)
    .map((e) => `${e.tagName}.${e.className} ${e.scrollHeight}`));
  assert.deepEqual(scrolling, []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('start over returns to the defaults and keeps the saved scenarios', async () => {
  const { page, errors, ctx } = await open(browser, `${server.url}?model=llama-3-8b&gpus=64`);
  await page.locator('#scenario-name').fill('kept');
  await page.locator('#save-scenario').click();
  await page.waitForSelector('.entry-name:has-text("kept")');
  await page.locator('#start-over').click();
  await page.waitForFunction(() => !location.search.includes('llama-3-8b'));
  assert.equal(await page.inputValue('[data-field="gpus"]'), '2048');
  assert.equal(await page.locator('#f-model').inputValue(), 'llama-3-70b');
  assert.ok(await page.locator('.entry-name:has-text("kept")').count() > 0, 'the saved scenario is kept');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('copy link copies the scenario shown, never the broken link it came from', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const { page, errors, ctx } = await open(browser, `${server.url}?model=llama-3-8b&gpus=abc`, { context });
  await page.waitForSelector('[data-problem-field="gpus"]');
  await page.locator('#copy-link').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.doesNotMatch(copied, /gpus=abc/);
  assert.match(copied, /model=llama-3-8b/);
  assert.ok(copied.startsWith(server.url), copied);
  // The scenario shown: `gpus` falls back to its default, which a link leaves out.
  assert.deepEqual(errors, []);
  await ctx.close();
});

// meta-llama/Meta-Llama-3-8B config.json (trimmed to the keys the count reads).
const LLAMA_3_8B = JSON.stringify({
  architectures: ['LlamaForCausalLM'], model_type: 'llama', hidden_size: 4096, intermediate_size: 14336,
  num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, vocab_size: 128256,
  tie_word_embeddings: false, hidden_act: 'silu', max_position_embeddings: 8192, rope_theta: 500000.0,
});

test('a pasted config names every preset of its shape and keeps the one chosen', async () => {
  const { page, errors, ctx } = await open(browser, `${server.url}?model=llama-3-8b`);
  await page.locator('details.config-import').evaluate((d) => { d.open = true; });
  await page.locator('#config-json').fill(LLAMA_3_8B);
  await page.waitForFunction(() => /=/.test(document.querySelector('#config-status')?.innerText ?? ''));
  const status = await page.locator('#config-status').innerText();
  assert.match(status, /Llama-3 8B/);
  assert.match(status, /Llama-3\.1 8B/);
  assert.equal(await page.locator('#f-model').inputValue(), 'llama-3-8b', 'the chosen preset stays');
  assert.deepEqual(errors, []);
  await ctx.close();
});
