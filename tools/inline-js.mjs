// Trunk post-build step (release builds, before precompress.mjs): puts the wasm-bindgen
// JavaScript inside index.html, minified, in place of Trunk's loader, which imported it as a
// second file. One request fewer on the page's critical path: the module starts instantiating
// the wasm as soon as the HTML is parsed, instead of after another round trip (about 40 ms less
// to a started page on the benchmark machine, see the README). Inside the page the glue exports
// nothing, so terser also drops the classes nothing calls. Dev builds are left alone.
import { readdir, readFile, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const fail = (why) => { console.error(`inline-js: ${why}`); process.exit(1); };

const glue = (await readdir(dir)).find((f) => f.endsWith('.js'));
if (!glue) fail('no wasm-bindgen JavaScript in the staging directory');
const wasm = glue.replace(/\.js$/, '_bg.wasm');
const indexPath = join(dir, 'index.html');
let index = await readFile(indexPath, 'utf8');

// Trunk's loader: an inline module that imports the glue and calls its default export.
const loader = /<script type=module>[^<]*?from '\.\/[^']+\.js'[\s\S]*?<\/script>/;
if (!loader.test(index)) fail("Trunk's loader script not found in index.html");

// The glue as a plain module: no exports, and a call of its init function at the end.
let source = await readFile(join(dir, glue), 'utf8');
const exportList = /^export \{([^}]*)\};?$/m;
const init = source.match(exportList)?.[1].match(/(\w+) as default/)?.[1];
if (!init) fail('the glue has no default export (its init function)');
source = source.replace(exportList, '').replace(/^export (class|function|async function|const|let) /gm, '$1 ');
// `using` support for the exported classes: nothing outside can hold one now, and the line
// would keep each class alive (Leptos' server functions bring three stream classes along).
source = source.replace(/^if \(Symbol\.dispose\) (\w+)\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;$/gm, '');
if (/^export\b/m.test(source)) fail('the glue has an export this hook does not know');
source += `\nawait ${init}({ module_or_path: './${wasm}' });\n`;
const { code } = await minify(source, { module: true, ecma: 2020 });
if (code.includes('</script')) fail('the minified glue contains "</script"');

index = index
  .replace(loader, () => `<script type=module>${code}</script>`)
  .replace(/<link[^>]*rel=modulepreload[^>]*>/, '');
await writeFile(indexPath, index);
await unlink(join(dir, glue));
