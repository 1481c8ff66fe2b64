import { serve, launch } from '../e2e/browser.js';
const server = await serve(); const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(server.url);
await page.waitForSelector('[data-chart="days"][data-drawn]');
const r = await page.evaluate(async () => {
  const desc = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  const acc = {}; let cur = {};
  Object.defineProperty(Element.prototype, 'innerHTML', { set(v) { const t = performance.now(); desc.set.call(this, v); const k = this.id || this.dataset.chart || this.tagName; const d = performance.now() - t; acc[k] = (acc[k] ?? 0) + d; cur[k] = (cur[k] ?? 0) + d; }, get() { return desc.get.call(this); } });
  const slider = document.querySelector('input[data-slider="gpus"]');
  const totals = []; const rows = [];
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    cur = {}; const t0 = performance.now();
    slider.value = String(400 + (i % 50) * 8);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    totals.push(performance.now() - t0); rows.push([performance.now() - t0, cur]);
  }
  totals.sort((a, b) => a - b);
  rows.sort((a, b) => b[0] - a[0]); return { acc, p50: totals[50], p95: totals[95], worst: rows.slice(0, 6) };
});
console.log(JSON.stringify(r, null, 1));
await browser.close(); await server.close();
