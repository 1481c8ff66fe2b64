// Screenshots of the prerendered first view (the module held back, so the page never mounts) and
// of the live page, at 1280×800 and 390×844, in both languages, light and dark:
// node shots-prerender.mjs OUT_DIR [QUERY]
import { serve, launch } from './browser.js';

const out = process.argv[2] ?? 'out';
const query = process.argv[3] ?? '';
const server = await serve();
const browser = await launch();
for (const [w, h, dpr] of [[1280, 800, 1], [390, 844, 2]]) {
  for (const locale of ['en-US', 'zh-CN']) {
    for (const scheme of ['light', 'dark']) {
      for (const live of [false, true]) {
        const ctx = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: dpr, locale, colorScheme: scheme });
        const page = await ctx.newPage();
        if (!live) await page.route('**/*.wasm', (r) => r.abort());
        await page.goto(server.url + query);
        await page.waitForSelector(live ? '[data-chart="days"][data-drawn]' : '#prerender');
        const name = `${out}/${live ? 'live' : 'pre'}-${w}-${locale}-${scheme}.png`;
        await page.screenshot({ path: name });
        await ctx.close();
      }
    }
  }
}
await browser.close();
await server.close();
