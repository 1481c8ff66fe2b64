// What the page benchmarks share (page.js, peer.mjs): the network profiles, a cold page on one of
// them, and percentiles.

/** Fast 4G as issue 24 states it: 9 Mb/s down, 1.5 Mb/s up, 60 ms latency. */
export const FAST_4G = { offline: false, latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 };
/** Slow 4G as issue 24 states it: 1.6 Mb/s down, 150 ms latency. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

/**
 * A fresh context at 1280×800 with `scripts` run before any of the page's own, the cache disabled
 * and `profile` emulated (Chrome DevTools' Network.emulateNetworkConditions): a cold load.
 */
export async function coldPage(browser, profile, ...scripts) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  for (const script of scripts) await ctx.addInitScript(script);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', profile);
  return { ctx, page };
}

/** The `p`-th percentile of `xs`. */
export const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };
