import { serve, launch } from './browser.js';
const server = await serve();
const browser = await launch();
for (let i = 0; i < 4; i++) {
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await ctx.addInitScript(() => {
  window.__t = {};
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => { const r = await original.apply(WebAssembly, args); window.__t.inst ??= performance.now(); return r; };
  }
  new MutationObserver(() => {
    if (!window.__t.cards && document.querySelector('.cards')) window.__t.cards = performance.now();
    if (!window.__t.tabs && document.querySelector('.tabs tbody tr')) window.__t.tabs = performance.now();
    const c = document.querySelector('[data-chart="days"]');
    if (c && !window.__t.canvasW && c.querySelector('canvas')?.width !== 300) window.__t.canvasW = performance.now();
    if (!window.__t.drawn && document.querySelectorAll('[data-chart][data-drawn]').length >= 2) window.__t.drawn = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
  requestAnimationFrame(function f() { (window.__raf ??= []).push(performance.now()); if (window.__raf.length < 60) requestAnimationFrame(f); });
});
const page = await ctx.newPage();
await page.goto(server.url);
await page.waitForSelector('[data-chart="memory"][data-drawn]');
console.log(JSON.stringify(await page.evaluate(() => ({ ...window.__t, raf: window.__raf.slice(0, 12).map(Math.round) }))));
await ctx.close();
}
await browser.close(); await server.close();
