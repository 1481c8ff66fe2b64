// One scenario, one truth (issue 27): in every solve mode, the answer card, the other cards, the
// days chart's own point and the derivations describe the same scenario, the one at the answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, metric, answerValue } from './browser.js';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const DAY = 86400;

/** The days chart's own point: [devices, days]. */
async function chartPoint(page) {
  const v = await page.getAttribute('[data-chart="days"]', 'data-current');
  return v.split(' ').map(Number);
}

/** The derivations table's row for a figure, once the table is up to date. */
async function derived(page, key) {
  await page.locator('#tab-how').click();
  await page.waitForSelector('table.derivations:not([data-stale]) tr[data-metric="training_seconds"]');
  return Number(await page.getAttribute(`table.derivations tr[data-metric="${key}"]`, 'data-value'));
}

/** What every view shows of the run: the cards, the chart's point and the derivations agree. */
async function agree(page) {
  const seconds = await metric(page, 'training_seconds');
  const [gpus, days] = await chartPoint(page);
  assert.ok(Math.abs(days * DAY / seconds - 1) < 1e-9, `chart ${days} d vs card ${seconds / DAY} d`);
  assert.ok(Math.abs((await derived(page, 'training_seconds')) / seconds - 1) < 1e-9, 'derivation of the days');
  return { seconds, gpus };
}

const typed = async (page, name) => page.inputValue(`[data-field="${name}"]`);

test('devices for a deadline: the days, the chart and the GPU input are at the answer', async () => {
  const { page, errors, ctx } = await open(browser, `${server.url}?model=llama-3-70b&gpu=h100-sxm&gpus=2048&deadline_days=60&solve=gpus`);
  const n = await answerValue(page);
  assert.notEqual(n, 2048);
  const { seconds, gpus } = await agree(page);
  assert.equal(gpus, n, 'the chart point sits at the answer');
  assert.ok(seconds / DAY <= 60, `${seconds / DAY} days on ${n} GPUs`);
  assert.equal(Number(await typed(page, 'gpus')), n, 'the GPU input shows the answer');
  assert.equal(await page.getAttribute('[data-field="gpus"]', 'readonly'), '');
  await page.waitForSelector('[data-solved="gpus"]');
  assert.equal(await metric(page, 'gpus_for_deadline'), n);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('tokens in a deadline: the days are the deadline and the tokens input is the answer', async () => {
  const { page, errors, ctx } = await open(browser, `${server.url}?model=llama-3-70b&gpu=h100-sxm&gpus=2048&deadline_days=60&solve=tokens`);
  const tokens = await answerValue(page);
  const { seconds, gpus } = await agree(page);
  assert.equal(gpus, 2048);
  assert.ok(seconds / DAY <= 60 && seconds / DAY > 59.4, `${seconds / DAY} days`);
  await page.waitForSelector('[data-solved="tokens"]');
  const text = await typed(page, 'tokens');
  assert.ok(text.length <= 5, `tokens input "${text}" reads as a figure`);
  // The training FLOPs are the answer's: 6·N·D plus attention, for these tokens.
  assert.ok(await metric(page, 'training_flops') > 6 * 70e9 * tokens);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('what a budget buys: the run costs the budget; without a budget the page asks for one', async () => {
  const { page, errors, ctx } = await open(browser, `${server.url}?model=llama-3-70b&gpu=h100-sxm&gpus=1024&solve=budget&budget=5000000`);
  const seconds = await answerValue(page);
  const agreed = await agree(page);
  assert.equal(agreed.seconds, seconds, 'the answer is the days card');
  const rental = await metric(page, 'rental');
  assert.ok(rental <= 5e6 && rental > 0.99 * 5e6, `rental ${rental}`);
  // Clearing the budget: no "0 days", a request for the budget.
  await page.locator('[data-field="budget"]').fill('');
  await page.locator('[data-field="budget"]').dispatchEvent('change');
  await page.waitForSelector('#answer.asks [data-limited-by="ask-budget"]');
  assert.match(await page.locator('#answer').innerText(), /Enter a budget/);
  assert.doesNotMatch(await page.locator('#answer .card-value').innerText(), /\b0\b/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the compute-optimal model: parameters and tokens at the answer, the run fills the deadline', async () => {
  const { page, errors, ctx } = await open(browser, `${server.url}?model=llama-3-70b&gpu=h100-sxm&gpus=2048&deadline_days=60&solve=model`);
  const n = await answerValue(page);
  assert.equal(await metric(page, 'params_total'), n);
  const { seconds } = await agree(page);
  assert.ok(seconds / DAY <= 60 && seconds / DAY > 59.4, `${seconds / DAY} days`);
  await page.waitForSelector('[data-solved="params"]');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('training days: the answer is the days card; a new question starts from the answer shown', async () => {
  const { page, errors, ctx } = await open(browser, `${server.url}?model=llama-3-70b&gpu=h100-sxm&gpus=2048&deadline_days=60&solve=gpus`);
  const n = await answerValue(page);
  await page.locator('[data-field="solve"]').selectOption('days');
  await page.waitForSelector('#answer[data-solve="days"]');
  assert.equal(Number(await typed(page, 'gpus')), n, 'the devices solved for are kept as the input');
  const days = await answerValue(page);
  const { seconds, gpus } = await agree(page);
  assert.equal(days, seconds);
  assert.equal(gpus, n);
  assert.equal(await page.getAttribute('[data-field="gpus"]', 'readonly'), null);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a deadline no GPU count meets: the days view shows a dash and the reason, not the search\'s cap', async () => {
  // Llama 3 70B, 15T tokens in half a day with the predicted MFU: adding replicas stops paying
  // long before (tests/step.rs a_deadline_no_count_meets_has_no_count holds the core to it).
  const { page, errors, ctx } = await open(browser, `${server.url}?model=llama-3-70b&gpu=h100-sxm&gpus=1024&mfu=auto&deadline_days=0.5`);
  const card = page.locator('.cards [data-metric="gpus_for_deadline"]');
  await card.locator('.card-value', { hasText: '—' }).waitFor();
  assert.equal(await card.getAttribute('data-value'), '');
  assert.match(await card.locator('.card-detail').textContent(), /^No GPU count up to 10 million meets this deadline/);
  assert.deepEqual(errors, []);
  await ctx.close();
});
