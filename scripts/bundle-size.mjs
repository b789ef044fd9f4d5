// Bundle-size report for the built apps (app/dist, the officials' app, and app/dist/portal,
// the citizens' portal): raw, gzip -9 and brotli (quality 11) bytes of every file and the
// total a first visit downloads. Fails if a compressed WASM grows past its budget, so a size
// regression shows in `make test`. (The portal's whole first load, ≤ 250 KB as served, is
// measured in the browser by end2end/tests/portal.spec.ts.)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'app/dist';
const budgets = [
  { name: "officials' app", dir: dist, kb: Number(process.env.JIXIAO_WASM_BUDGET_KB ?? 896) },
  { name: 'public portal', dir: join(dist, 'portal'), kb: Number(process.env.JIXIAO_PORTAL_WASM_BUDGET_KB ?? 224) },
];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let failed = false;
for (const { name, dir, kb: budgetKb } of budgets) {
  if (!existsSync(dir)) {
    console.error(`${name}: ${dir} is missing`);
    failed = true;
    continue;
  }
  const rows = [];
  for (const file of readdirSync(dir).sort()) {
    const path = join(dir, file);
    // Skip the precompressed copies (scripts/precompress.mjs): they are the same files.
    if (!statSync(path).isFile() || /\.(br|gz)$/.test(file)) continue;
    const bytes = readFileSync(path);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
    rows.push({ file, raw: bytes.length, gzip, brotli });
  }
  console.log(`\n${name} (${dir})`);
  console.log(`${'file'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const r of rows) {
    console.log(`${r.file.padEnd(34)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${kb(r.brotli).padStart(10)}`);
  }
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log(`${'total'.padEnd(34)} ${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)} ${kb(total.brotli).padStart(10)}`);
  const wasm = rows.find((r) => r.file.endsWith('_bg.wasm'));
  if (!wasm) {
    console.error(`${name}: no WASM in ${dir}`);
    failed = true;
  } else if (wasm.brotli > budgetKb * 1024) {
    console.error(`${name}: WASM is ${kb(wasm.brotli)} brotli, over the ${budgetKb} KB budget`);
    failed = true;
  } else {
    console.log(`${name}: WASM ${kb(wasm.brotli)} brotli, within the ${budgetKb} KB budget`);
  }
}
process.exit(failed ? 1 : 0);
