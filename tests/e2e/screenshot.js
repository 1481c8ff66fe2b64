// Takes screenshots of the built page at 1280x800 and 390x844, in English and Chinese, for a
// person to look at: node tests/e2e/screenshot.js [out-dir] [query]
import { serve, launch, open } from './browser.js';
import { mkdir } from 'node:fs/promises';

const out = process.argv[2] ?? 'tests/e2e/out';
const query = process.argv[3] ?? '';
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const [name, width, height, dpr] of [['desktop', 1280, 800, 1], ['phone', 390, 844, 2]]) {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, errors } = await open(browser, server.url + query, { width, height, locale, dpr });
      const file = `${out}/${name}-${locale}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file, errors.length ? `errors: ${errors.join(' | ')}` : 'no console errors');
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
