// The pre-compressed copies in dist/ (for static hosts that serve them in place of the file):
// each must be its file, compressed, from the same build. Trunk runs post-build hooks at the
// same time, so a copy made while another hook still rewrote index.html was stale once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { join } from 'node:path';
import { DIST } from './browser.js';

test('every .gz and .br in dist/ decompresses to the file beside it', async () => {
  const files = await readdir(DIST);
  const copies = files.filter((f) => /\.(gz|br)$/.test(f));
  assert.ok(copies.some((f) => f.startsWith('index.html')), `no pre-compressed index.html in ${DIST}`);
  for (const copy of copies) {
    const original = copy.replace(/\.(gz|br)$/, '');
    assert.ok(files.includes(original), `${copy} has no ${original} beside it`);
    const packed = await readFile(join(DIST, copy));
    const unpacked = copy.endsWith('.gz') ? gunzipSync(packed) : brotliDecompressSync(packed);
    assert.ok(unpacked.equals(await readFile(join(DIST, original))), `${copy} is not ${original} compressed`);
  }
  for (const f of files.filter((f) => /\.(wasm|html|svg)$/.test(f))) {
    assert.ok(files.includes(`${f}.gz`) && files.includes(`${f}.br`), `${f} has no .gz and .br copies`);
  }
});
