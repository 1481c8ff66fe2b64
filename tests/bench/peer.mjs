// Side by side with the peer named in issue 24, llm-calc (github.com/iopsystems/llm-calc, a
// Svelte page), in one run: the loads interleaved (ours, the peer's, ours, ...), cold (cache
// disabled), gzip- and brotli-served, on the fast-4G and slow-4G profiles of page.js.
//
//   PEER_DIST=/path/to/llm-calc/dist node tests/bench/peer.mjs
//
// The peer is not part of this repository. Its build, on a machine that can reach GitHub and npm:
//   git clone https://github.com/iopsystems/llm-calc && cd llm-calc && git checkout faf2fcb
//   npm ci --ignore-scripts && npx vite build --base ./
// Its pre-compressed copies (.gz, .br, as for ours) are written here if they are missing.
//
// Each page is timed to the same three moments, measured inside the page:
// - its results on screen: ours, the prerendered figures and charts; the peer's, its
//   performance table and both of its charts (memory bar and roofline, Observable Plot SVG);
//   the frame after they are in the document;
// - a shared link's own figures: ours `?gpus=512&model=llama-3-8b`, the charts drawn; the peer's
//   `#calc?…&m=llama-3.1-8b…`, its results for that model;
// - the first input answered: as soon as the live page is up, an input is dispatched (ours: the
//   GPU-count slider; the peer's: the prompt-token field) and the time is taken once the figure
//   it changes shows the new value, after every microtask (a posted message).
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, DIST } from '../e2e/browser.js';
import { FAST_4G, SLOW_4G, coldPage, pct } from './cold.js';

const PEER = process.env.PEER_DIST;
if (!PEER) throw new Error('PEER_DIST: the built llm-calc dist/ (see the comment at the top)');
const N = Number(process.env.LOADS ?? 7);

async function files(dir) {
  const out = [];
  for (const f of await readdir(dir)) {
    const p = join(dir, f);
    if ((await stat(p)).isDirectory()) out.push(...await files(p));
    else if (!/\.(gz|br)$/.test(f)) out.push(p);
  }
  return out;
}

async function precompress(dir) {
  let raw = 0, gz = 0, br = 0;
  for (const f of await files(dir)) {
    if (/sw\.js$/.test(f)) continue;
    const body = await readFile(f);
    const g = gzipSync(body, { level: 9 });
    const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    await stat(`${f}.gz`).catch(() => writeFile(`${f}.gz`, g));
    await stat(`${f}.br`).catch(() => writeFile(`${f}.br`, b));
    raw += body.length; gz += g.length; br += b.length;
  }
  return { raw, gz, br };
}

// Ours: the prerendered view on screen, the live charts drawn; then the first slider input.
const OURS = () => {
  const done = (key) => requestAnimationFrame(() => { window[key] ??= performance.now(); });
  new MutationObserver((_, obs) => {
    if (document.querySelectorAll('#prerender > [lang="en"] .chart-svg').length >= 12) { obs.disconnect(); done('__results'); }
  }).observe(document, { subtree: true, childList: true });
  new MutationObserver((_, obs) => {
    if (document.querySelectorAll('[data-chart][data-drawn]').length < 3) return;
    obs.disconnect();
    window.__live = performance.now();
    const slider = document.querySelector('input[data-slider="gpus"]');
    const figure = document.querySelector('.cards [data-metric="training_seconds"]');
    const before = figure?.dataset.value;
    slider.value = slider.value === '400' ? '408' : '400';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { window.__input = figure.dataset.value !== before ? performance.now() : NaN; };
    ch.port2.postMessage(0);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
};

// The peer: its performance table and both charts; then the first prompt-token edit.
const THEIRS = () => {
  new MutationObserver((_, obs) => {
    const perf = document.querySelector('.perf-panel td');
    if (!(perf && document.querySelector('.bar-chart svg') && document.querySelector('.roofline .plot svg'))) return;
    obs.disconnect();
    requestAnimationFrame(() => { window.__results = performance.now(); });
    window.__live = performance.now();
    const field = document.querySelector('input[title^="Positive integer (≥1). Accepts plain integers or k/M suffixes (1024-based), e.g."]');
    const panel = document.querySelector('.perf-panel');
    const before = panel.textContent;
    field.value = field.value === '4096' ? '4000' : '4096';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { window.__input = panel.textContent !== before ? performance.now() : NaN; };
    ch.port2.postMessage(0);
  }).observe(document, { subtree: true, childList: true });
};

async function load(browser, url, profile, script, key) {
  const { ctx, page } = await coldPage(browser, profile, script);
  await page.goto(url);
  await page.waitForFunction((k) => window[k] !== undefined && window.__input !== undefined, key);
  const t = await page.evaluate((k) => [window[k], window.__input], key);
  await ctx.close();
  if (!Number.isFinite(t[1])) throw new Error(`${url}: the input changed no figure`);
  return t;
}

const med = (xs) => `${pct(xs, 50).toFixed(0)} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}) ms`;

const [ours, theirs] = [await precompress(DIST), await precompress(PEER)];
console.log(`sizes, all assets: Suanli ${ours.raw} raw, ${ours.gz} gzip, ${ours.br} brotli; llm-calc ${theirs.raw} raw, ${theirs.gz} gzip, ${theirs.br} brotli`);
const browser = await launch();
try {
  for (const [encoding, options] of [['gzip', { gzip: true }], ['brotli', { gzip: true, brotli: true }]]) {
    const a = await serve(DIST, '/suanli/', options);
    const b = await serve(PEER, '/peer/', options);
    for (const [label, profile] of [['fast 4G', FAST_4G], ['slow 4G', SLOW_4G]]) {
      const r = { first: [[], []], link: [[], []], input: [[], []] };
      for (let i = 0; i < N; i++) {
        const [f0, i0] = await load(browser, a.url, profile, OURS, '__results');
        const [f1, i1] = await load(browser, b.url, profile, THEIRS, '__results');
        const [l0] = await load(browser, `${a.url}?gpus=512&model=llama-3-8b`, profile, OURS, '__live');
        const [l1] = await load(browser, `${b.url}#calc?a=h100&v=sxm-80&m=llama-3.1-8b&w=bf16&kv=fp16&ac=bf16&pt=2048&ot=512`, profile, THEIRS, '__live');
        r.first[0].push(f0); r.first[1].push(f1);
        r.input[0].push(i0); r.input[1].push(i1);
        r.link[0].push(l0); r.link[1].push(l1);
      }
      console.log(`[${label}, ${encoding}, ${N} cold loads each, interleaved] Suanli | llm-calc | ratio of medians`);
      for (const [name, [x, y]] of Object.entries({ 'results on screen (first view)': r.first, "a shared link's own figures": r.link, 'first input answered': r.input })) {
        console.log(`  ${name}: ${med(x)} | ${med(y)} | ${(pct(x, 50) / pct(y, 50)).toFixed(2)}`);
      }
    }
    await a.close(); await b.close();
  }
} finally {
  await browser.close();
}
