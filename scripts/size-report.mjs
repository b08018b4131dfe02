// Prints the size of each file of the first load (raw, gzip, brotli) and the total, and
// fails when the first load exceeds its budget. The budget is 270 KB gzip: the first load
// grew with the calculator's partial results, every city's figures and the share link
// (issues 9 and 10) to ~223 KB after moving the rules' texts out of it, then with figures
// carried past their window, the rules' notices and a site's figures file (issue 21) to
// ~245 KB, then with the asks probed in the core, the one-line answers and the words of
// every value (issue 22) to ~264 KB; the target is 150 KB — see the README's "Size and speed".
import { appendFileSync, readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const firstLoad = ["index.html", "style.css", "main.js", "figures.js", "offline.js", "yibao_web.js", "yibao_web_bg.wasm"];
const BUDGET_GZIP = 270 * 1024;
const TARGET_GZIP = 150 * 1024;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log("first load".padEnd(22) + "raw KB".padStart(8) + "gzip KB".padStart(9) + "brotli KB".padStart(10));
for (const f of firstLoad) {
  const data = readFileSync(`${dir}/${f}`);
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total = { raw: total.raw + data.length, gzip: total.gzip + gz, brotli: total.brotli + br };
  console.log(f.padEnd(22) + kb(data.length) + " " + kb(gz) + "  " + kb(br));
}
console.log("total".padEnd(22) + kb(total.raw) + " " + kb(total.gzip) + "  " + kb(total.brotli));
console.log(`(budget ${BUDGET_GZIP / 1024} KB gzip; target ${TARGET_GZIP / 1024} KB gzip)`);
for (const [f, what] of [["rules-texts.json", "the rules' quotes and notes, fetched after the first result"], ["yibao_js_bg.wasm", "JS API, loaded by embed.html and fund.html"], ["yibao_xlsx_bg.wasm", "workbooks, loaded by the batch page only when an .xlsx is opened or exported"], ["yibao_figures_bg.wasm", "a site's figures file reader, loaded only where the site serves figures.toml"]]) {
  const data = readFileSync(`${dir}/${f}`);
  console.log(`(${what}: ${f} ${kb(data.length).trim()} KB raw, ${kb(gzipSync(data, { level: 9 }).length).trim()} KB gzip)`);
}
// The batch page's first load: the page, its worker and the CSV-only batch bundle.
const BATCH_BUDGET_GZIP = 250 * 1024;
let batchGzip = 0;
for (const f of ["batch.html", "style.css", "page-lang.js", "figure-boxes.js", "batch.js", "batch-worker.js", "yibao_batch.js", "yibao_batch_bg.wasm"]) {
  batchGzip += gzipSync(readFileSync(`${dir}/${f}`), { level: 9 }).length;
}
console.log(`batch page first load: ${(batchGzip / 1024).toFixed(1)} KB gzip (budget ${BATCH_BUDGET_GZIP / 1024} KB)`);
// For scripts/bench.sh's table.
if (process.env.YIBAO_FIGURES) {
  appendFileSync(process.env.YIBAO_FIGURES, `first_load_gzip_kb\t${(total.gzip / 1024).toFixed(1)}\nbatch_page_gzip_kb\t${(batchGzip / 1024).toFixed(1)}\n`);
}
let over = false;
if (total.gzip > BUDGET_GZIP) {
  console.error(`first load is ${(total.gzip / 1024).toFixed(1)} KB gzip, over the budget of ${BUDGET_GZIP / 1024} KB`);
  over = true;
}
if (batchGzip > BATCH_BUDGET_GZIP) {
  console.error(`the batch page's first load is ${(batchGzip / 1024).toFixed(1)} KB gzip, over the budget of ${BATCH_BUDGET_GZIP / 1024} KB`);
  over = true;
}
if (over) process.exit(1);
