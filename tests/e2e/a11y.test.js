// Accessibility (issue 27), checked with axe-core (WCAG 2.1 A and AA rules) at both sizes, in both
// languages and both colour schemes; and the parts axe cannot judge, by hand: the charts' data
// tables, the sliders' spoken values and page steps, the errors tied to their inputs, the tabs'
// keyboard pattern, and one live region that announces the answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, open } from './browser.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Serious and critical violations of WCAG 2.1 A/AA on the page as it is now. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return found;
}

for (const [size, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]]) {
  for (const locale of ['en-US', 'zh-CN']) {
    for (const scheme of ['light', 'dark']) {
      test(`axe: no serious or critical violation (${size}, ${locale}, ${scheme})`, async () => {
        const context = await browser.newContext({ viewport: { width, height }, locale, colorScheme: scheme });
        const { page, errors, ctx } = await open(browser, `${server.url}?solve=gpus&deadline_days=60&vs_gpu=b200`, { context });
        // Everything built: the scenarios panel and the tabs, and a rejected value's message.
        await page.waitForSelector('#tab-how');
        await page.locator('[data-field="gpus"]').waitFor();
        await page.locator('[data-field="deadline_days"]').fill('abc');
        await page.locator('[data-field="deadline_days"]').dispatchEvent('change');
        await page.waitForSelector('[data-error-for="deadline_days"]');
        assert.deepEqual(await violations(page), []);
        assert.deepEqual(errors, []);
        await ctx.close();
      });
    }
  }
}

test('each chart has a data table a keyboard reaches, with the figures drawn', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  // [chart, rows at least]: the days at a range of counts, the memory at each ZeRO stage and in
  // serving, the step's one bar.
  for (const [chart, least] of [['days', 8], ['memory', 5], ['step', 1]]) {
    const table = page.locator(`[data-chart-table="${chart}"]`);
    const summary = page.locator(`[data-chart-table="${chart}"] summary`);
    await summary.focus();
    await page.keyboard.press('Enter');
    await table.locator('table tbody tr').first().waitFor();
    assert.ok(await table.locator('tbody tr').count() >= least, chart);
  }
  // The days table lists the scenario's own point: 2048 GPUs on the default scenario.
  const own = await page.locator('[data-chart-table="days"] tr.current').innerText();
  assert.match(own, /2,048/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('sliders speak their values in display units and step by about a tenth with Page Up', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  const slider = page.locator('[data-slider="gpus"]');
  assert.equal(await slider.getAttribute('aria-valuetext'), '2,048 GPUs');
  await slider.focus();
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => document.querySelector('[data-field="gpus"]').value !== '2048');
  const after = Number(await page.inputValue('[data-field="gpus"]'));
  assert.ok(after > 2048 * 1.05 && after < 2048 * 1.3, `${after}`);
  // The deadline: 90 days to about 60 in four presses of Page Down (90 82 75 68 62), not eighty
  // of the arrows.
  const days = page.locator('[data-slider="deadline_days"]');
  await days.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.querySelector('[data-field="deadline_days"]').value === '62');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a rejected value is tied to its input, and the answer is the one live region', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  const input = page.locator('[data-field="gpus"]');
  await input.fill('abc');
  await input.dispatchEvent('change');
  await page.waitForSelector('[data-error-for="gpus"]');
  const described = await input.getAttribute('aria-describedby');
  assert.ok(described, 'aria-describedby set');
  assert.match(await page.locator(`#${described}`).innerText(), /gpus|GPU/i);
  const live = await page.$$eval('[aria-live]', (els) => els.map((e) => e.className));
  assert.deepEqual(live.filter((c) => !/link-problems|undo|status/.test(c)), ['answer-bar']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the tabs follow the WAI-ARIA tabs pattern: arrows move, panels are named by their tabs', async () => {
  const { page, errors, ctx } = await open(browser, server.url);
  const first = page.locator('[role="tab"]').first();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('role') + ' ' + document.activeElement.getAttribute('aria-selected'));
  assert.equal(focused, 'tab true');
  const controls = await page.evaluate(() => document.activeElement.getAttribute('aria-controls'));
  const panel = page.locator(`#${controls}`);
  assert.equal(await panel.getAttribute('role'), 'tabpanel');
  assert.equal(await panel.getAttribute('aria-labelledby'), await page.evaluate(() => document.activeElement.id));
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), await page.locator('[role="tab"]').last().getAttribute('id'));
  // Only the selected tab is in the tab order.
  assert.equal(await page.locator('[role="tab"][tabindex="0"]').count(), 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});
