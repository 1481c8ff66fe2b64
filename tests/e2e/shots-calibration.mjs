// Screenshots of the MFU band, the days' range and the calibration panel for a person to look at
// (not a test): node tests/e2e/shots-calibration.mjs out-dir
import { serve, launch, open } from './browser.js';
import { mkdir } from 'node:fs/promises';

const out = process.argv[2] ?? 'tests/e2e/out';
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
const run = encodeURIComponent('model=llama-3-8b&gpu=h100-sxm&gpus=64&tp=1&pp=1');
const query = `?model=llama-3-70b&gpu=h100-sxm&gpus=1024&mfu=auto&calib=${run}&calib_mfu=0.45`;
try {
  for (const [name, width, height, dpr] of [['desktop', 1280, 800, 1], ['phone', 390, 844, 2]]) {
    for (const locale of ['en-US', 'zh-CN']) {
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ viewport: { width, height }, locale, deviceScaleFactor: dpr, colorScheme: scheme });
        const { page, errors } = await open(browser, server.url + query, { context });
        const file = `${out}/calib-${name}-${locale}-${scheme}.png`;
        await page.screenshot({ path: file.replace('.png', '-top.png') });
        await page.locator('#calibrate').scrollIntoViewIfNeeded();
        await page.screenshot({ path: file });
        await page.locator('#tab-reality').click();
        await page.locator('#held-out-summary').scrollIntoViewIfNeeded();
        await page.screenshot({ path: file.replace('.png', '-reality.png') });
        console.log(file, await page.locator('#mfu-band').textContent(), errors.length ? `errors: ${errors.join(' | ')}` : 'no console errors');
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
