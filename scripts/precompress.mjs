// Writes a .gz (gzip -9) and a .br (brotli, quality 11) beside every text and wasm file of
// dist/, so a server can send them as they are (nginx gzip_static/brotli_static, Caddy
// `precompressed`): smaller transfers with no compression work per request.
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const kinds = /\.(html|css|js|mjs|wasm|txt|json|svg|md)$/;
function walk(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (kinds.test(name)) {
      const data = readFileSync(path);
      writeFileSync(path + ".gz", gzipSync(data, { level: 9 }));
      writeFileSync(path + ".br", brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    }
  }
}
walk(dir);
