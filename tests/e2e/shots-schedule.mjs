// Screenshots of the architecture panel's schedule line for a person to look at (not a test):
// node tests/e2e/shots-schedule.mjs out-dir
import { serve, launch, open, openArchitecture } from './browser.js';
import { mkdir } from 'node:fs/promises';

const out = process.argv[2] ?? 'tests/e2e/out';
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const [query, tag] of [['?model=qwen3-next-80b-a3b&context_tokens=131072', 'qwen3next'], ['?model=gemma-3-27b&context_tokens=131072', 'gemma3']]) {
    for (const [name, width, height, dpr] of [['desktop', 1280, 800, 1], ['phone', 390, 844, 2]]) {
      for (const locale of ['en-US', 'zh-CN']) {
        for (const scheme of ['light', 'dark']) {
          const context = await browser.newContext({ viewport: { width, height }, locale, deviceScaleFactor: dpr, colorScheme: scheme });
          const { page, errors } = await open(browser, server.url + query, { context });
          await openArchitecture(page);
          await page.locator('#schedule-line').scrollIntoViewIfNeeded();
          const file = `${out}/${tag}-${name}-${locale}-${scheme}.png`;
          await page.screenshot({ path: file });
          await page.locator('#tab-serving').click();
          await page.waitForSelector('[data-chart="context"][data-drawn]');
          await page.locator('[data-chart="context"]').scrollIntoViewIfNeeded();
          await page.screenshot({ path: file.replace('.png', '-context.png') });
          console.log(file, await page.locator('#schedule-line').textContent(), errors.length ? `errors: ${errors.join(' | ')}` : 'no console errors');
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
