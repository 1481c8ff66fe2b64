// Screenshots of compare (empty, two scenarios, four) and of the reality check, for a person to
// look at (not a test): node tests/e2e/shots-compare.mjs out-dir
import { serve, launch, open } from './browser.js';
import { mkdir } from 'node:fs/promises';

const out = process.argv[2] ?? 'tests/e2e/out';
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();

async function setGpus(page, n) {
  await page.locator('[data-field="gpus"]').fill(String(n));
  await page.locator('[data-field="gpus"]').press('Enter');
  await page.waitForFunction((n) => new URLSearchParams(location.search).get('gpus') === String(n), n);
}

async function save(page, name) {
  await page.locator('#scenario-name').fill(name);
  await page.locator('#save-scenario').click();
  await page.waitForFunction((n) => [...document.querySelectorAll('.saved .entry-name')].some((e) => e.textContent === n), name);
}

async function compare(page, name) {
  const id = await page.locator('.saved-entry', { hasText: name }).getAttribute('data-entry');
  await page.locator(`[data-compare="${id}"]`).click();
  await page.waitForSelector(`[data-compare-table] th[data-compared="${name}"]`);
}

/** Scrolls an element to the top of the viewport, then takes a screenshot. */
async function shot(page, selector, file) {
  await page.locator(selector).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: file });
}

try {
  for (const [name, width, height, dpr] of [['desktop', 1280, 800, 1], ['phone', 390, 844, 2]]) {
    for (const locale of ['en-US', 'zh-CN']) {
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ viewport: { width, height }, locale, deviceScaleFactor: dpr, colorScheme: scheme });
        const { page, errors } = await open(browser, server.url, { context });
        const base = `${out}/compare-${name}-${locale}-${scheme}`;
        await shot(page, '.library', `${base}-empty.png`);
        await save(page, 'Plan A');
        await page.locator('#f-gpu').selectOption('b200');
        await setGpus(page, 4096);
        await compare(page, 'Plan A');
        await shot(page, '.library', `${base}-two.png`);
        await save(page, 'Plan B');
        await setGpus(page, 1024);
        await save(page, 'Plan C');
        await page.locator('#f-gpu').selectOption('h100-sxm');
        await setGpus(page, 8192);
        await compare(page, 'Plan B');
        await compare(page, 'Plan C');
        await shot(page, '.compare-box', `${base}-four.png`);
        await shot(page, '.charts', `${base}-charts.png`);
        await page.locator('#tab-reality').click();
        await shot(page, '.tabs', `${base}-reality.png`);
        console.log(base, errors.length ? `errors: ${errors.join(' | ')}` : 'no console errors');
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
