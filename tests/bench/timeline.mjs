import { serve, launch } from '../e2e/browser.js';
const server = await serve();
const browser = await launch();
const rows = [];
for (let i = 0; i < 8; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript(() => {
    window.__t = { init: performance.now() };
    for (const name of ['instantiateStreaming', 'instantiate', 'compileStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = async (...args) => { window.__t[name + 'Call'] ??= performance.now(); const r = await original.apply(WebAssembly, args); window.__t[name] ??= performance.now(); return r; };
    }
    new MutationObserver((_, obs) => { if (document.querySelectorAll('[data-chart][data-drawn]').length >= 2) { window.__t.drawn = performance.now(); obs.disconnect(); } })
      .observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
  });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.__t.drawn !== undefined);
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop().split('-')[0] + e.name.slice(-4), [e.startTime, e.responseEnd].map(Math.round)]));
    return { ...window.__t, fetchStart: nav.fetchStart, respEnd: nav.responseEnd, domInteractive: nav.domInteractive, dcl: nav.domContentLoadedEventEnd, res };
  });
  rows.push(r);
  console.log(JSON.stringify(r, (k, v) => typeof v === 'number' ? Math.round(v) : v));
  await ctx.close();
}
await browser.close(); await server.close();
