// Offline and repeat visits (issue 24): the service worker (public/sw.js, filled in by
// tools/sw.mjs) caches the release on the first visit; with the network cut, a reload shows the
// page and the same figures; a repeat visit takes no hashed asset from the server; a new release
// replaces the old one whole, its cache and the old one's deleted, never a mix of the two.
// A release is simulated rather than rebuilt: a copy of dist/ whose wasm gets another name,
// with index.html patched to match and the build's hook run again on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, copyFile, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, DIST } from './browser.js';

const REPO = new URL('../..', import.meta.url).pathname;
const CHARTS = ['days', 'memory', 'step'];

/** A copy of dist/ to serve and change: the original stays as the build left it. */
async function copyOfDist() {
  const root = await mkdtemp(join(tmpdir(), 'suanli-offline-'));
  await cp(DIST, root, { recursive: true });
  // The test server serves the plain files; stale .gz/.br copies would only confuse a reader.
  for (const f of await readdir(root)) if (/\.(gz|br)$/.test(f)) await rm(join(root, f));
  return root;
}

const wasmName = async (root) => (await readdir(root)).find((f) => f.endsWith('_bg.wasm'));
const releaseOf = async (root) => (await readFile(join(root, 'sw.js'), 'utf8')).match(/"([0-9a-f]{16})"/)[1];

/**
 * A new release in `root`, in place: the wasm renamed (as a new build would name it), index.html
 * naming it, and the worker rewritten by the build's own hook from public/sw.js.
 */
async function newRelease(root) {
  const old = await wasmName(root);
  const hash = old.match(/-([0-9a-f]+)_bg\.wasm$/)[1];
  const renamed = old.replace(hash, createHash('sha256').update(old).digest('hex').slice(0, hash.length));
  await rename(join(root, old), join(root, renamed));
  const index = await readFile(join(root, 'index.html'), 'utf8');
  assert.ok(index.includes(old), 'index.html does not name the wasm');
  await writeFile(join(root, 'index.html'), index.replaceAll(old, renamed));
  await copyFile(join(REPO, 'public/sw.js'), join(root, 'sw.js'));
  execFileSync(process.execPath, [join(REPO, 'tools/sw.mjs')], {
    env: { ...process.env, TRUNK_STAGING_DIR: root, TRUNK_PROFILE: 'release' },
  });
  return renamed;
}

async function drawn(page) {
  for (const c of CHARTS) await page.waitForSelector(`[data-chart="${c}"][data-drawn]`);
}

/** Every card's figure: [metric, value] pairs, in page order. */
async function figures(page) {
  const cards = await page.$$eval('.cards [data-metric]', (els) => els.map((e) => [e.dataset.metric, e.dataset.value]));
  assert.ok(cards.some(([m]) => m === 'training_seconds'), 'no training_seconds card');
  for (const [m, v] of cards) assert.ok(Number.isFinite(Number(v)) && v !== '', `${m} = ${v}`);
  return cards;
}

/** This scope's caches (the worker names them "suanli <scope> <release>") and their URLs. */
function caches(page) {
  return page.evaluate(async () => {
    const scope = (await navigator.serviceWorker.getRegistration()).scope;
    const out = {};
    for (const name of await self.caches.keys()) {
      if (!name.startsWith(`suanli ${scope} `)) continue;
      const cache = await self.caches.open(name);
      out[name.slice(`suanli ${scope} `.length)] = (await cache.keys()).map((r) => r.url).sort();
    }
    return out;
  });
}

/**
 * Waits until `fn` (async, run in the page) holds, asking every 50 ms. (Playwright's
 * waitForFunction does not await: a promise counts as true, so it cannot wait on the Cache API.)
 */
async function until(page, what, fn, arg) {
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > deadline) throw new Error(`still not true after 30 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the registration's one worker is activated, controls the page, nothing pending. */
function settled(page) {
  return until(page, 'the worker active and in control', async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return Boolean(reg && !reg.installing && !reg.waiting && reg.active?.state === 'activated'
      && navigator.serviceWorker.controller?.state === 'activated');
  });
}

/** The wasm the page loaded, by name. */
const loadedWasm = (page) => page.evaluate(() =>
  performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()).find((n) => n.endsWith('_bg.wasm')));

test('first visit caches the release; offline, a reload shows the same figures; a repeat visit and a new release', async () => {
  const root = await copyOfDist();
  const server = await serve(root);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const release = await releaseOf(root);
    const wasm = await wasmName(root);
    const base = server.url;

    // 1. First visit, online: the worker installs, takes the page, and its cache holds
    //    index.html and every hashed asset, and nothing else.
    let { page, errors } = await open(browser, base, { context });
    await settled(page);
    const assets = (await readdir(root)).filter((f) => f !== 'sw.js').map((f) => new URL(f, base).href).sort();
    assert.deepEqual(await caches(page), { [release]: assets });
    assert.ok(assets.some((u) => u.endsWith(wasm)) && assets.some((u) => u.endsWith('/index.html')));
    const online = await figures(page);

    // 2. The network cut: a reload shows the page, its charts and the same figures, and nothing
    //    reaches the server.
    server.requests.length = 0;
    await context.setOffline(true);
    await page.reload();
    await drawn(page);
    assert.deepEqual(await figures(page), online);
    assert.deepEqual(server.requests, [], 'requests reached the server while offline');
    assert.deepEqual(errors, []);
    await page.close();

    // 3. A repeat visit, online: index.html from the network (a new release would show), the
    //    hashed assets from the cache.
    await context.setOffline(false);
    server.requests.length = 0;
    ({ page, errors } = await open(browser, base, { context }));
    await figures(page);
    const hashed = server.requests.filter((p) => /-[0-9a-f]+(_bg)?\.(wasm|svg)$/.test(p));
    assert.deepEqual(hashed, [], 'hashed assets fetched again on a repeat visit');
    assert.ok(server.requests.includes('/suanli/'), `index.html not asked of the network: ${server.requests}`);
    assert.deepEqual(errors, []);
    await page.close();

    // 4. A new release on the server. The next visit shows it at once (index.html is network
    //    first, its new wasm comes from the network); its worker installs and activates, and the
    //    old release's cache is deleted: one release cached, whole.
    const wasm2 = await newRelease(root);
    const release2 = await releaseOf(root);
    assert.notEqual(release2, release);
    ({ page, errors } = await open(browser, base, { context }));
    assert.equal(await loadedWasm(page), wasm2);
    await until(page, "the new release's cache, and only it", async (r) => {
      const scope = (await navigator.serviceWorker.getRegistration()).scope;
      const names = (await caches.keys()).filter((n) => n.startsWith(`suanli ${scope} `));
      return names.length === 1 && names[0].endsWith(` ${r}`);
    }, release2);
    await settled(page);
    const assets2 = assets.map((u) => u.replace(wasm, wasm2));
    assert.deepEqual(await caches(page), { [release2]: assets2 });
    const cachedIndex = await page.evaluate(async (r) => {
      const scope = (await navigator.serviceWorker.getRegistration()).scope;
      return (await (await caches.open(`suanli ${scope} ${r}`)).match('index.html')).text();
    }, release2);
    assert.ok(cachedIndex.includes(wasm2) && !cachedIndex.includes(wasm), 'the cached index.html is not the new release');

    // Offline again: the page opens from the new release's cache, whole.
    server.requests.length = 0;
    await context.setOffline(true);
    await page.reload();
    await drawn(page);
    assert.equal(await loadedWasm(page), wasm2);
    assert.deepEqual(await figures(page), online);
    assert.deepEqual(server.requests, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});

test("the dev build's worker (left unfilled) handles no request and deletes a release's cache", async () => {
  const root = await copyOfDist();
  const server = await serve(root);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    let { page, errors } = await open(browser, server.url, { context });
    await settled(page);
    assert.equal(Object.keys(await caches(page)).length, 1);
    await page.close();

    // What `trunk serve` without --release serves at the same address: public/sw.js as written.
    await copyFile(join(REPO, 'public/sw.js'), join(root, 'sw.js'));
    ({ page, errors } = await open(browser, server.url, { context }));
    await until(page, "the release's cache deleted", async () => {
      const scope = (await navigator.serviceWorker.getRegistration()).scope;
      return !(await caches.keys()).some((n) => n.startsWith(`suanli ${scope} `));
    });
    await settled(page);

    server.requests.length = 0;
    await page.reload();
    await drawn(page);
    const wasm = await wasmName(root);
    assert.ok(server.requests.includes(`/suanli/${wasm}`), `the wasm did not come from the server: ${server.requests}`);
    assert.deepEqual(await caches(page), {});
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});
