// Trunk post-build step (release builds, after inline-js.mjs, before precompress.mjs): writes the
// release into the service worker Trunk copied from public/sw.js, then minifies it. The release
// id is a hash of index.html and every asset (names and contents), so any change to any file is
// a new worker, which caches the new set whole and deletes the old one (see public/sw.js).
// The assets are the files beside index.html, less the worker and the pre-compressed copies.
// Dev builds are left alone: their worker stays unfilled and handles no request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const fail = (why) => { console.error(`sw: ${why}`); process.exit(1); };

const files = (await readdir(dir, { withFileTypes: true }))
  .filter((e) => e.isFile() && e.name !== 'sw.js' && !/\.(gz|br)$/.test(e.name))
  .map((e) => e.name)
  .sort();
if (!files.includes('index.html')) fail('no index.html in the staging directory');
const hash = createHash('sha256');
for (const f of files) hash.update(`${f}\0`).update(await readFile(join(dir, f))).update('\0');
const release = hash.digest('hex').slice(0, 16);
const assets = files.filter((f) => f !== 'index.html');

const path = join(dir, 'sw.js');
let source;
try { source = await readFile(path, 'utf8'); } catch { fail('no sw.js: index.html must copy public/sw.js'); }
const line = /^const RELEASE = '', ASSETS = \[\];$/m;
if (!line.test(source)) fail("sw.js has no line `const RELEASE = '', ASSETS = [];` to fill");
source = source.replace(line, () => `const RELEASE = ${JSON.stringify(release)}, ASSETS = ${JSON.stringify(assets)};`);
const { code } = await minify(source, { ecma: 2020, toplevel: true });
await writeFile(path, code);
