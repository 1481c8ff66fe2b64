// The Launch tab (issue 26): each framework's settings follow the scenario and copy to the
// clipboard, end to end in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './browser.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a copied Megatron command carries the layout, and the settings follow the scenario', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  // NVIDIA's DeepSeek-V3 recipe on 1024 H100: TP 2, PP 16, EP 64 (folded, ETP 1).
  const { page, errors } = await open(browser, server.url + '?model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=2&pp=16&ep=64&global_batch=4096', { context });
  await page.locator('#tab-launch').click();
  await page.waitForSelector('#launch-megatron');
  await page.locator('#copy-megatron').click();
  await page.waitForFunction(() => document.querySelector('#copy-megatron').textContent === 'Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  for (const flag of ['--tensor-model-parallel-size 2', '--pipeline-model-parallel-size 16', '--expert-model-parallel-size 64', '--expert-tensor-parallel-size 1', '--global-batch-size 4096', 'torchrun --nnodes 128 --nproc-per-node 8']) {
    assert.ok(copied.includes(flag), `${flag} in ${copied}`);
  }
  // All five frameworks are there.
  for (const id of ['megatron', 'torchtitan', 'deepspeed', 'vllm', 'sglang']) {
    assert.equal(await page.locator(`#launch-${id}`).count(), 1, id);
  }
  // The settings follow the scenario: a new TP size is in the command at once.
  await page.locator('[data-field="tp"]').fill('4');
  await page.locator('[data-field="tp"]').press('Enter');
  await page.waitForFunction(() => document.querySelector('#launch-megatron').textContent.includes('--tensor-model-parallel-size 4'));
  assert.match(await page.locator('#launch-torchtitan').textContent(), /tensor_parallel_degree = 4/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the launch tab reads in Chinese', async () => {
  const { page, errors, ctx } = await open(browser, server.url + '?model=llama-3-8b&gpus=64', { locale: 'zh-CN' });
  await page.locator('#tab-launch').click();
  await page.waitForSelector('#launch-vllm');
  assert.equal(await page.locator('#tab-launch').textContent(), '启动配置');
  assert.equal(await page.locator('#copy-vllm').textContent(), '复制');
  assert.match(await page.locator('#launch-vllm').textContent(), /vllm serve meta-llama\/Meta-Llama-3-8B-Instruct/);
  assert.deepEqual(errors, []);
  await ctx.close();
});
