// Layer schedules and native formats on the page (issue 22), end to end in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, openArchitecture, metric } from './browser.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the architecture panel states the schedule in one line and follows the local-layer kind', async () => {
  const { page, errors, ctx } = await open(browser, server.url + '?model=qwen3-next-80b-a3b');
  await openArchitecture(page);
  const line = page.locator('#schedule-line');
  // Qwen3-Next config.json: full_attention_interval 4 over 48 layers.
  assert.equal(await line.textContent(), '48 layers: 12 × (3 Gated DeltaNet + 1 full); 48 MoE layers; 1 MTP module(s) after');
  // Its linear-attention widths are shown; a window is not.
  await page.waitForSelector('details.arch [data-field="linear_value_heads"]');
  assert.equal(await page.locator('details.arch [data-field="window"]').count(), 0);
  // Switching the local layers to a sliding window shows the window and rewrites the line.
  await page.locator('details.arch [data-field="local_attn"]').selectOption('window');
  await page.waitForSelector('details.arch [data-field="window"]');
  await page.waitForFunction(() => document.querySelector('#schedule-line').textContent.includes('local (0)'));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a sliding-window model\'s cache at 128k is its global layers\' plus the windows\'', async () => {
  // Gemma 3 27B: 10 global layers × 131,072 tokens + 52 × 1,024, at 8,192 B per token per layer.
  const { page, errors, ctx } = await open(browser, server.url + '?model=gemma-3-27b&context_tokens=131072', { locale: 'zh-CN' });
  // Its BF16 weights are 2 B per parameter.
  const memory = await metric(page, 'inference_memory_bytes');
  const params = await metric(page, 'params_total');
  const hand = 2 * params + (10 * 131072 + 52 * 1024) * 8192;
  assert.ok(Math.abs(memory / hand - 1) < 0.01, `${memory} vs ${hand}`);
  await openArchitecture(page);
  assert.equal(await page.locator('#schedule-line').textContent(), '62 层：10 × (5 滑窗 (1024) + 1 全注意力) + 2 滑窗 (1024)');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the serving tab draws memory against the context, up to the scenario\'s own', async () => {
  const { page, errors, ctx } = await open(browser, server.url + '?model=gemma-3-27b&context_tokens=131072');
  await page.locator('#tab-serving').click();
  await page.waitForSelector('[data-chart="context"][data-drawn]');
  // 4k, 8k, 16k, 32k, 64k and 128k.
  assert.equal(await page.getAttribute('[data-chart="context"]', 'data-series'), '6');
  // A longer context adds bars: 4k ... 1M.
  await page.goto(server.url + '?model=gemma-3-27b&context_tokens=1048576');
  await page.locator('#tab-serving').click();
  await page.waitForFunction(() => document.querySelector('[data-chart="context"]')?.dataset.series === '9');
  assert.deepEqual(errors, []);
  await ctx.close();
});
