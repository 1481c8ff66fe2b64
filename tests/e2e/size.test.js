// The size budget (issue #6): everything a first visit downloads, gzip-compressed, stays within
// 150 kB (150,000 bytes). Bytes are deterministic, unlike times: this is a test, the timings are
// in tests/bench.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DIST } from './browser.js';

const BUDGET = 150_000;

test(`dist/ is at most ${BUDGET} bytes gzip`, async () => {
  const files = (await readdir(DIST)).filter((f) => !/\.(gz|br)$/.test(f));
  assert.ok(files.some((f) => f.endsWith('.wasm')), `no wasm in ${DIST}: build it first`);
  let total = 0;
  const sizes = [];
  for (const f of files) {
    const gz = gzipSync(await readFile(join(DIST, f)), { level: 9 }).length;
    total += gz;
    sizes.push(`${f}: ${gz}`);
  }
  console.log(`first load: ${total} bytes gzip (${sizes.join(', ')})`);
  assert.ok(total <= BUDGET, `${total} bytes gzip > ${BUDGET}: ${sizes.join(', ')}`);
});
