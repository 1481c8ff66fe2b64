// MoE layouts folded over TP, CP and DP (issue 28), end to end in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './browser.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the layout form shows ETP and both groupings of a stage, in both languages', async () => {
  // NVIDIA's DeepSeek-V3 recipe on 1024 H100: TP 2, PP 16, EP 64, so DP 32 < EP.
  const url = server.url + '?model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=2&pp=16&ep=64';
  const { page, errors, ctx } = await open(browser, url);
  const groups = page.locator('#layout-groups');
  // 64 ranks of H100 in nodes of 8: the all-to-all crosses 8 of them.
  assert.equal(await groups.textContent(), 'attention TP 2 × CP 1 × DP 32 = 64 · experts ETP 1 × EP 64 × EDP 1 = 64 · EP all-to-all across 8 scale-up domains of 8');
  // An empty ETP shows the one the layout uses.
  assert.equal(await page.getAttribute('[data-field="etp"]', 'placeholder'), '1');
  // ETP 2 does not fit EP 64 in 64 ranks: EP 32 is used, and the notes say so.
  await page.locator('[data-field="etp"]').fill('2');
  await page.locator('[data-field="etp"]').press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('etp') === '2');
  await page.waitForFunction(() => /ETP 2 × EP 32/.test(document.querySelector('#layout-groups').textContent));
  await page.locator('#tab-notes').click();
  await page.waitForFunction(() => [...document.querySelectorAll('li.notice')].some((li) => /etp x ep \(2 x 64\)/.test(li.textContent)));
  assert.deepEqual(errors, []);
  await ctx.close();
  const zh = await open(browser, url, { locale: 'zh-CN' });
  assert.match(await zh.page.locator('#layout-groups').textContent(), /^注意力 TP 2 × CP 1 × DP 32 = 64 · 专家 ETP 1 × EP 64 × EDP 1 = 64 · EP all-to-all 跨 8 个 8 卡高速互联域$/);
  assert.deepEqual(zh.errors, []);
  await zh.ctx.close();
});

test('layout=auto explains the expert group it chose', async () => {
  // Qwen3-235B-A22B on 256 H100: the search's fastest layout keeps each expert whole (ETP 1).
  const { page, errors, ctx } = await open(browser, server.url + '?model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&mfu=auto&layout=auto');
  await page.waitForFunction(() => /experts ETP 1 ×/.test(document.querySelector('#layout-groups')?.textContent ?? ''));
  await page.locator('#tab-layouts').click();
  await page.waitForSelector('.layout-desc');
  assert.match(await page.locator('.layout-desc').first().textContent(), /EP \d+ · ETP 1/);
  assert.deepEqual(errors, []);
  await ctx.close();
});
