// Trunk post-build hook: writes .gz and .br beside each text and wasm asset of a release build,
// for static hosts that serve pre-compressed files. Dev builds are left alone.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);
for (const f of await readdir(dir)) {
  if (!/\.(wasm|js|css|html|svg)$/.test(f)) continue;
  const body = await readFile(join(dir, f));
  await writeFile(join(dir, `${f}.gz`), gzipSync(body, { level: 9 }));
  await writeFile(join(dir, `${f}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
