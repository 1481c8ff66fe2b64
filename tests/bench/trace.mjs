// Traces one load and prints the renderer main thread's top-level work in order.
import { serve, launch } from '../e2e/browser.js';
import { writeFileSync } from 'node:fs';
const server = await serve();
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto('about:blank');
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'loading', 'navigation'] });
await page.goto(server.url);
await page.waitForSelector('[data-chart="memory"][data-drawn]');
await page.waitForTimeout(300);
const buf = await browser.stopTracing();
writeFileSync('/tmp/probe/trace.json', buf);
const ev = JSON.parse(buf).traceEvents;
const nav = ev.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.includes('suanli'));
const t0 = nav ? nav.ts : Math.min(...ev.filter((e) => e.ts).map((e) => e.ts));
const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && ev.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
const mine = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > 300).sort((a, b) => a.ts - b.ts);
let end = 0;
for (const e of mine) {
  if (e.ts < end) continue; // nested
  end = e.ts + e.dur;
  console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)}  ${e.name} ${e.args?.data?.url?.split('/').pop() ?? e.args?.data?.functionName ?? ''}`);
}
const marks = ev.filter((e) => e.pid === main.pid && /firstContentfulPaint|firstPaint|domContentLoaded|MarkDOMContent|MarkLoad/.test(e.name));
for (const m of marks) console.log('mark', ((m.ts - t0) / 1000).toFixed(1), m.name);
await browser.close(); await server.close();
