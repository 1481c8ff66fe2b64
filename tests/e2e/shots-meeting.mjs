// Screenshots of the meeting questions (a deadline, a budget, serving users, two chips) at both
// sizes, in both languages and both colour schemes, for a person to look at (not a test); each
// also checks for text clipped by its box and for catalog ids shown raw:
// node tests/e2e/shots-meeting.mjs out-dir
import { serve, launch, open } from './browser.js';
import { mkdir } from 'node:fs/promises';

const out = process.argv[2] ?? 'tests/e2e/out';
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();

const FLOWS = [
  ['deadline', '?solve=gpus&deadline_days=60'],
  ['budget', '?solve=budget&budget=5M&gpus=1024'],
  ['serve', '?solve=serve&users=200000'],
  ['chips', '?solve=gpus&deadline_days=60&vs_gpu=b200'],
  ['ask-budget', '?solve=budget'],
];

try {
  for (const [name, width, height, dpr] of [['desktop', 1280, 800, 1], ['phone', 390, 844, 2]]) {
    for (const locale of ['en-US', 'zh-CN']) {
      for (const scheme of ['light', 'dark']) {
        for (const [flow, query] of FLOWS) {
          const context = await browser.newContext({ viewport: { width, height }, locale, deviceScaleFactor: dpr, colorScheme: scheme });
          const { page, errors } = await open(browser, server.url + query, { context });
          const file = `${out}/${flow}-${name}-${locale}-${scheme}.png`;
          await page.screenshot({ path: file });
          // Text cut by its own box (an input's value wider than the input, a card's figure).
          const clipped = await page.$$eval('input.num, .card-value, .card-detail, .unit, label', (els) => els
            .filter((e) => e.offsetParent && e.scrollWidth > e.clientWidth + 1)
            .map((e) => `${e.tagName}#${e.id || e.dataset.field || ''} "${(e.value ?? e.textContent).slice(0, 30)}"`));
          const raw = (await page.locator('main').innerText()).match(/\b(h100-sxm|b200|a100-80g-sxm|llama-3-70b)\b/g) ?? [];
          console.log(file, errors.length ? `errors: ${errors.join(' | ')}` : 'no console errors',
            clipped.length ? `clipped: ${clipped.join(', ')}` : '', raw.length ? `raw ids: ${raw.join(', ')}` : '');
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
