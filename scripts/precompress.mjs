// Writes `name.br` (brotli, quality 11) and `name.gz` (gzip -9) beside every WASM, JS and CSS
// file of the built apps, so the server sends these once-compressed files (tower-http
// ServeDir's precompressed_br/gzip) instead of compressing them on every request at a lower
// quality: the portal's first load on a phone is ~10 % smaller.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const COMPRESSIBLE = /\.(wasm|js|css)$/;

function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (COMPRESSIBLE.test(entry)) {
      const bytes = readFileSync(path);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }),
      );
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  }
}

walk(process.argv[2] ?? 'app/dist');
