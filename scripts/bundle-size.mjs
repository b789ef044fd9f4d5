// Bundle-size report for the built app (app/dist): raw, gzip -9 and brotli (quality 11)
// bytes of every file, and the total a first visit downloads. Fails if the compressed
// WASM grows past the budget, so a size regression shows in `make test`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'app/dist';
const budgetKb = Number(process.env.JIXIAO_WASM_BUDGET_KB ?? 768);
const rows = [];
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  rows.push({ name, raw: bytes.length, gzip, brotli });
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${'file'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(34)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${kb(r.brotli).padStart(10)}`);
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'total'.padEnd(34)} ${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)} ${kb(total.brotli).padStart(10)}`);
const wasm = rows.find((r) => r.name.endsWith('_bg.wasm'));
if (!wasm) {
  console.error('no WASM in', dist);
  process.exit(1);
}
if (wasm.brotli > budgetKb * 1024) {
  console.error(`WASM is ${kb(wasm.brotli)} brotli, over the ${budgetKb} KB budget`);
  process.exit(1);
}
console.log(`WASM ${kb(wasm.brotli)} brotli, within the ${budgetKb} KB budget`);
