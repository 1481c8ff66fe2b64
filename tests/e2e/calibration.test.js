// The predicted MFU's error band and the calibration to the user's own run (issue 23), end to
// end in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, metric } from './browser.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a predicted MFU shows the held-out band, and the days their range, in both languages', async () => {
  const url = server.url + '?model=llama-3-70b&gpu=h100-sxm&gpus=1024&mfu=auto';
  const { page, errors, ctx } = await open(browser, url);
  const band = page.locator('#mfu-band');
  assert.match(await band.textContent(), /^MFU \d+\.\d–\d+\.\d% \(held-out error \d+\.\d% on \d+ published dense runs not fitted to; worst \d+%\)$/);
  // The days' range brackets the days.
  const days = await metric(page, 'training_seconds') / 86400;
  const range = await page.locator('#answer-band').textContent();
  const [low, high] = range.match(/[\d.]+/g).map(Number);
  assert.ok(low < days && days < high, `${range} vs ${days}`);
  assert.deepEqual(errors, []);
  await ctx.close();
  const zh = await open(browser, url, { locale: 'zh-CN' });
  assert.match(await zh.page.locator('#mfu-band').textContent(), /^MFU 区间 .*未参与拟合的稠密公开运行/);
  assert.match(await zh.page.locator('#answer-band').textContent(), /^留出验证区间/);
  assert.deepEqual(zh.errors, []);
  await zh.ctx.close();
});

test('outside the published runs the MFU is marked unchecked, with no range', async () => {
  const { page, errors, ctx } = await open(browser, server.url + '?model=llama-3-70b&gpu=b200&gpus=1024&mfu=auto');
  const band = page.locator('#mfu-band.unchecked');
  assert.match(await band.textContent(), /outside the checked ground: no published run on this accelerator/);
  assert.match(await page.locator('#answer-band').textContent(), /unchecked estimate/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a measured run calibrates the planned one, and the link reopens calibrated', async () => {
  // The measured run: Llama 3 8B on 64 H100.
  const { page, errors, ctx } = await open(browser, server.url + '?model=llama-3-8b&gpu=h100-sxm&gpus=64&tp=1&pp=1&mfu=auto');
  const predicted = await metric(page, 'training_seconds');
  await page.locator('#calibrate summary').click();
  await page.locator('#calibrate-use').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('calib'));
  // It reached 0.9 of the MFU the fitted model predicts.
  const mfu = Number(await page.getAttribute('#predicted-mfu [data-metric="step.mfu"]', 'data-value'));
  await page.locator('[data-field="calib_mfu"]').fill(String(mfu * 0.9));
  await page.locator('[data-field="calib_mfu"]').press('Enter');
  await page.waitForFunction(() => Number(document.querySelector('#calibrate-factor')?.dataset.value) < 1);
  assert.match(await page.locator('#calibrate-factor').textContent(), /^compute efficiency × 0\.\d{3}: measured [\d.]+ s per step where the fitted model predicts [\d.]+ s$/);
  // Calibrated on itself, the run takes the measured time: 1/0.9 of the days.
  await page.waitForFunction((p) => {
    const v = Number(document.querySelector('#answer')?.dataset.value);
    return Math.abs(v / (p / 0.9) - 1) < 1e-6;
  }, predicted);
  // The planned run: 1024 GPUs. The calibration stays, the link carries it.
  await page.locator('[data-field="gpus"]').fill('1024');
  await page.locator('[data-field="gpus"]').press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('gpus') === '1024');
  const link = page.url();
  assert.match(link, /[?&]calib=[^&]*gpus%3D64/);
  const planned = await metric(page, 'training_seconds');
  const factor = await page.getAttribute('#calibrate-factor', 'data-value');
  assert.deepEqual(errors, []);
  await ctx.close();
  // Reopened from the link: calibrated, the same days.
  const again = await open(browser, link, { locale: 'zh-CN' });
  assert.equal(await again.page.getAttribute('#calibrate-factor', 'data-value'), factor);
  assert.equal(await metric(again.page, 'training_seconds'), planned);
  assert.match(await again.page.locator('#calibrate-factor').textContent(), /^计算效率 × 0\.\d{3}/);
  assert.deepEqual(again.errors, []);
  await again.ctx.close();
});
