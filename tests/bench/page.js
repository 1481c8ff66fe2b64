// Benchmarks of the release dist/ in headless Chromium (run on demand, not in the test suite):
// sizes per asset (gzip, brotli); served gzip on the fast-4G (9 Mb/s down, 1.5 Mb/s up, 60 ms)
// and slow-4G (1.6 Mb/s, 150 ms) profiles of Chrome DevTools' Network.emulateNetworkConditions,
// cold: navigation -> the prerendered first view on screen, -> the live page drawn, -> a shared
// link's own figures, -> the first slider input's figure (medians of 7 loads); a repeat visit
// from the service worker's cache; slider input -> every effect settled, and
// the chart drawing in the next frame (p50/p95 over 100 moves).
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, DIST } from '../e2e/browser.js';
import { FAST_4G, SLOW_4G, coldPage, pct } from './cold.js';

const ms = (x) => `${x.toFixed(2)} ms`;

async function sizes() {
  let gz = 0, br = 0, raw = 0;
  console.log('asset                                        raw      gzip    brotli');
  for (const f of (await readdir(DIST)).filter((f) => !/\.(gz|br)$/.test(f)).sort()) {
    const body = await readFile(join(DIST, f));
    const g = gzipSync(body, { level: 9 }).length;
    const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    raw += body.length; gz += g; br += b;
    console.log(`${f.padEnd(40)} ${String(body.length).padStart(8)} ${String(g).padStart(9)} ${String(b).padStart(9)}`);
  }
  console.log(`${'total'.padEnd(40)} ${String(raw).padStart(8)} ${String(gz).padStart(9)} ${String(br).padStart(9)}`);
  console.log(`first load: ${(gz / 1024).toFixed(1)} KiB gzip, ${(br / 1024).toFixed(1)} KiB brotli`);
}

// Records, relative to navigation start, when the three charts carry data-drawn, and when the wasm
// module finished instantiating (just before the app's main runs): what comes before that is
// the browser's (fetching, compiling), what comes after is the page's own start.
const RECORD_DRAWN = () => {
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      window.__instantiatedAt ??= performance.now();
      return result;
    };
  }
  new MutationObserver((_, obs) => {
    if (document.querySelectorAll('[data-chart][data-drawn]').length >= 3) {
      window.__chartsDrawnAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
};


// Records when the prerendered first view is complete on screen (issue 24): the frame after the
// parser has put in its last chart (the figures come before the charts), and when the live page
// has replaced it (the charts drawn on their canvases).
const RECORD_FIRST_VIEW = () => {
  new MutationObserver((_, obs) => {
    if (document.querySelectorAll('#prerender > [lang="en"] .chart-svg').length >= 12) {
      obs.disconnect();
      requestAnimationFrame(() => { window.__prerenderedAt = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true });
};

/**
 * The first view, a shared link and the first slider input, cold (cache disabled), median of
 * `n` loads on `profile`: navigation -> the prerendered figures and charts on screen; ->
 * the live page drawn (a link's own figures, and the page answering a slider); and the first
 * slider input's figure after that.
 */
async function coldLoads(browser, url, profile, label, n = 7) {
  const first = [], live = [], link = [], input = [];
  for (let i = 0; i < n; i++) {
    for (const withLink of [false, true]) {
      const { ctx, page } = await coldPage(browser, profile, RECORD_DRAWN, RECORD_FIRST_VIEW);
      await page.goto(withLink ? `${url}?gpus=512&model=llama-3-8b` : url);
      await page.waitForFunction(() => window.__chartsDrawnAt !== undefined);
      if (withLink) {
        link.push(await page.evaluate(() => window.__chartsDrawnAt));
      } else {
        const [pre, drawn, answered] = await page.evaluate(async () => {
          // The first slider input once the page is live: its figure changes in the same task.
          const slider = document.querySelector('input[data-slider="gpus"]');
          const figure = document.querySelector('.cards [data-metric="training_seconds"]');
          const before = figure.dataset.value;
          slider.value = '400';
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
          if (figure.dataset.value === before) throw new Error('the slider input changed no figure');
          return [window.__prerenderedAt, window.__chartsDrawnAt, performance.now()];
        });
        first.push(pre);
        live.push(drawn);
        input.push(answered);
      }
      await ctx.close();
    }
  }
  const med = (xs) => `median ${ms(pct(xs, 50))} (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))})`;
  console.log(`[${label}, cold, ${n} loads each]`);
  console.log(`  first view: navigation -> prerendered figures and charts on screen: ${med(first)}`);
  console.log(`  navigation -> the live page drawn (default scenario): ${med(live)}`);
  console.log(`  shared link: navigation -> the link's own figures and charts: ${med(link)}`);
  console.log(`  interactive: navigation -> the first slider input's figure: ${med(input)}`);
}

/** A repeat visit: the release cached by the service worker on the first visit. */
async function repeatVisits(browser, url, n = 7) {
  const times = [];
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript(RECORD_DRAWN);
  const first = await ctx.newPage();
  await first.goto(url);
  await first.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await first.close();
  for (let i = 0; i < n; i++) {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_4G);
    await page.goto(url);
    await page.waitForFunction(() => window.__chartsDrawnAt !== undefined);
    times.push(await page.evaluate(() => window.__chartsDrawnAt));
    await page.close();
  }
  await ctx.close();
  console.log(`repeat visit (service worker cache, fast 4G): navigation -> the live page drawn: median ${ms(pct(times, 50))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`);
}

async function moves(browser, url, label = 'default scenario', n = 100) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-chart="days"][data-drawn]');
  const result = await page.evaluate(async (n) => {
    const slider = document.querySelector('input[data-slider="gpus"]');
    const canvas = document.querySelector('[data-chart="days"]');
    const charts = [...document.querySelectorAll('[data-chart]')];
    const settled = [], drawing = [], frame = [];
    // A message posted right after the input arrives once every microtask, so every reactive
    // effect Leptos scheduled for the move, has run.
    const afterEffects = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(performance.now()); ch.port2.postMessage(0); });
    for (let i = 0; i < n; i++) {
      const before = canvas.dataset.drawn;
      // Wait for a fresh frame so each move starts idle, as a drag's events do.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      // t1: the days chart drawn; last: the last chart drawn (the move changes all three).
      let t1, last;
      const obs = new MutationObserver(() => {
        last = performance.now();
        if (t1 === undefined && canvas.dataset.drawn !== before) t1 = last;
      });
      for (const c of charts) obs.observe(c, { attributes: true, attributeFilter: ['data-drawn'] });
      slider.value = String(400 + (i % 50) * 8);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      settled.push((await afterEffects()) - t0);
      // The first animation frame after the input: the page draws its charts in that frame's
      // callbacks, registered before this one, so they have drawn when this one runs. Its
      // timestamp is the frame's start: what the drawing added to the frame is last - start.
      const [start, tf] = await new Promise((r) => requestAnimationFrame((ts) => r([ts, performance.now()])));
      obs.disconnect();
      if (t1 === undefined) t1 = Infinity;
      drawing.push(Math.max(0, (last ?? Infinity) - Math.max(start, t0)));
      frame.push(t1 <= tf ? 1 : 0);
    }
    return { drawing, settled, inFrame: frame.reduce((a, b) => a + b, 0) };
  }, n);
  console.log(`[${label}]`);
  console.log(`slider input -> every effect settled: p50 ${ms(pct(result.settled, 50))}, p95 ${ms(pct(result.settled, 95))}, max ${ms(Math.max(...result.settled))}`);
  console.log(`the next frame's chart drawing (frame start -> the charts drawn): p50 ${ms(pct(result.drawing, 50))}, p95 ${ms(pct(result.drawing, 95))}, max ${ms(Math.max(...result.drawing))}; ${result.inFrame}/${n} drawn in the first frame after the input`);
  await ctx.close();
}

await sizes();
const browser = await launch();
try {
  // Served as a static host with pre-compressed copies serves it: gzip, then brotli.
  for (const [encoding, options] of [['gzip', { gzip: true }], ['brotli', { gzip: true, brotli: true }]]) {
    const server = await serve(DIST, '/suanli/', options);
    await coldLoads(browser, server.url, FAST_4G, `fast 4G, ${encoding}`);
    await coldLoads(browser, server.url, SLOW_4G, `slow 4G, ${encoding}`);
    await server.close();
  }
  const server = await serve(DIST, '/suanli/', { gzip: true });
  await repeatVisits(browser, server.url);
  await moves(browser, server.url);
  // The step-time model's heaviest paths: the layout search on every move (dense and MoE).
  await moves(browser, `${server.url}?mfu=auto&layout=auto`, 'mfu=auto&layout=auto');
  await moves(browser, `${server.url}?model=deepseek-v3&gpu=h800-sxm&global_batch=15360&mfu=auto&layout=auto`, 'DeepSeek-V3, layout=auto');
  await server.close();
} finally {
  await browser.close();
}
