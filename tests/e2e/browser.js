// Shared helpers: serve dist/ on loopback, launch Debian's Chromium headless, open the page.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { execSync } from 'node:child_process';
import { join, extname, resolve } from 'node:path';

export const DIST = resolve(process.env.SUANLI_DIST ?? new URL('../../dist', import.meta.url).pathname);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/**
 * Serves `DIST` under `/suanli/` (a sub-path, as a project page would be) on a free loopback port.
 * With `gzip`, the pre-compressed `.gz` copies are served with `content-encoding: gzip`, as a
 * host with nginx's `gzip_static` would (the benchmark measures that); with `brotli`, the `.br`
 * copies where the browser accepts them (`brotli_static`), else the `.gz` ones.
 * `requests` lists the path of every request that reached the server, in order.
 */
export async function serve(root = DIST, prefix = '/suanli/', { gzip = false, brotli = false } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let file = join(root, path.slice(prefix.length) || 'index.html');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      let body;
      // Brotli where the browser asks for it (Chromium does on loopback, a secure context).
      if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        try { body = await readFile(file + '.br'); headers['content-encoding'] = 'br'; } catch { /* no copy */ }
      }
      if (gzip && !body) {
        try { body = await readFile(file + '.gz'); headers['content-encoding'] = 'gzip'; } catch { /* no copy */ }
      }
      body ??= await readFile(file);
      res.writeHead(200, headers).end(body);
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, requests, close: () => new Promise((ok) => server.close(ok)) };
}

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser']) {
    try { return execSync(`command -v ${name}`, { encoding: 'utf8' }).trim(); } catch { /* next */ }
  }
  throw new Error('chromium not found: install Debian chromium (scripts/ensure-tools does)');
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Opens the page and collects console errors and page errors (panics show as both).
 * Waits until the three charts have been drawn once.
 */
export async function open(browser, url, { width = 1280, height = 800, locale = 'en-US', dpr = 1, context } = {}) {
  const ctx = context ?? await browser.newContext({ viewport: { width, height }, locale, deviceScaleFactor: dpr });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-chart="days"][data-drawn]');
  await page.waitForSelector('[data-chart="memory"][data-drawn]');
  await page.waitForSelector('[data-chart="step"][data-drawn]');
  return { page, errors, ctx };
}

/** Opens the architecture panel and waits for its fields (built when it is first opened). */
export async function openArchitecture(page) {
  await page.locator('details.arch').evaluate((d) => { d.open = true; });
  await page.waitForSelector('details.arch [data-field="layers"]');
}

/** Reads a `data-metric` element's raw value. */
export async function metric(page, key) {
  const v = await page.getAttribute(`.cards [data-metric="${key}"]`, 'data-value');
  return Number(v);
}

/** The answer card's raw value, once the page has an answer (not a request for an input). */
export async function answerValue(page) {
  await page.waitForSelector('#answer[data-value]:not([data-value=""])');
  return Number(await page.getAttribute('#answer', 'data-value'));
}
