// Trunk post-build hook: minifies the JavaScript wasm-bindgen generated (terser, ES module,
// exports kept) in release builds, and updates its integrity hash in index.html. Runs before
// precompress.mjs. Dev builds are left alone.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const sri = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
const indexPath = join(dir, 'index.html');
let index = await readFile(indexPath, 'utf8');
for (const f of await readdir(dir)) {
  if (!f.endsWith('.js')) continue;
  const path = join(dir, f);
  const original = await readFile(path, 'utf8');
  const { code } = await minify(original, { module: true, ecma: 2020 });
  await writeFile(path, code);
  index = index.replaceAll(sri(original), sri(code));
}
await writeFile(indexPath, index);
