// Suanli's service worker: the page opens offline (a meeting room with bad Wi-Fi), and a repeat
// visit starts from the cache instead of downloading the wasm again.
//
// Strategy, and why:
// - The page (index.html) is network first, with a short timeout: online, a new release is seen
//   at once; offline, or when the network hangs for TIMEOUT_MS, the cached copy opens. Every
//   number is computed in the browser, so the cached page shows the same figures as online.
// - The hashed assets (the wasm, the icon) are cache first: their names change with their
//   content, so a cached one is never stale, and a repeat visit asks the network for none.
// - One cache per release, filled whole at install: index.html and the assets it names, fetched
//   together and checked against each other (index.html must name every asset). The release id
//   is a hash of these files, written below by the build with the list of assets
//   (tools/sw.mjs), so any change to any of them is a new worker and a new cache. This file's
//   name stays sw.js, so the registration in index.html never changes.
// - activate deletes the caches of other releases: index.html and its assets always come from
//   the same release's cache, never a mix. Network responses are never written to the cache.
// - skipWaiting: a new release's worker takes over as soon as its cache is complete, instead of
//   waiting until every tab of the old one has closed (with network first, those tabs would
//   see the new page online but keep the old one offline). Safe because the page loads all its
//   assets when it starts: an old tab asks for nothing more after the switch.
// - clients.claim: the tab of the first visit comes under the worker at once, not at its next
//   load, so every open tab is under the worker whose cache matches it.
// - Cache names hold the scope: a GitHub Pages origin (user.github.io) hosts other projects,
//   and another copy of Suanli may live under another path; only this scope's caches are touched.
//
// Unfilled (the line below as written here, that is `trunk serve` without --release, where the
// build hooks do nothing), the worker handles no request, so every request goes to the dev
// server, and it deletes the caches a release build served from the same address left behind.
const RELEASE = '', ASSETS = [];

const TIMEOUT_MS = 3000;
const SCOPE = new URL(self.registration.scope);
const PREFIX = `suanli ${SCOPE.href} `;
const CACHE = PREFIX + RELEASE;
const INDEX = new URL('index.html', SCOPE).href;
const ASSET_URLS = new Set(ASSETS.map((a) => new URL(a, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(RELEASE ? precache().then(() => self.skipWaiting()) : self.skipWaiting());
});

async function precache() {
  try {
    // index.html is revalidated (it has no hash in its name); the assets may come from the HTTP
    // cache, where the first visit has just put them.
    const responses = await Promise.all([INDEX, ...ASSET_URLS].map(async (url) => {
      const response = await fetch(url, { cache: url === INDEX ? 'no-cache' : 'default' });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      // A host that redirects index.html to the directory: a redirected response cannot answer
      // a navigation, a copy of it can.
      return [url, response.redirected ? new Response(response.body, response) : response];
    }));
    const html = await responses[0][1].clone().text();
    const missing = ASSETS.filter((a) => !html.includes(a));
    if (missing.length) throw new Error(`index.html is another release's (it lacks ${missing})`);
    const cache = await caches.open(CACHE);
    await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
  } catch (e) {
    // No half-filled cache: the install fails, the previous release (if any) stays in charge,
    // and the browser tries again on a later visit.
    await caches.delete(CACHE);
    throw e;
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

if (RELEASE) {
  self.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.method !== 'GET') return;
    const { pathname } = new URL(request.url);
    if (request.mode === 'navigate' && (pathname === SCOPE.pathname || pathname === SCOPE.pathname + 'index.html')) {
      event.respondWith(page(request));
    } else if (ASSET_URLS.has(request.url)) {
      event.respondWith(asset(request));
    }
  });
}

const cached = (url) => caches.match(url, { cacheName: CACHE, ignoreVary: true });

// Network first; the cached copy on a network error, a server error, or after TIMEOUT_MS.
async function page(request) {
  const copy = await cached(INDEX);
  const network = fetch(request);
  if (!copy) return network;
  return Promise.race([
    network.then((response) => (response.status >= 500 ? copy : response), () => copy),
    new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS, copy)),
  ]);
}

// Cache first; the network if the browser dropped the cache.
async function asset(request) {
  return (await cached(request.url)) ?? fetch(request);
}
