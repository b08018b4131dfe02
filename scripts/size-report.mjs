// Prints the size of what a visitor loads (raw, gzip, brotli), in two stages, and fails
// when either exceeds its budget:
//
// - the first figure: a prerendered page (the largest of the home page and every city's
//   pages, www/src/prerender.rs) and its stylesheet. The figures, steps and citations are
//   in the page, so this is all a phone needs to show them. Target and budget 150 KB gzip
//   (issue 23).
// - the engine, for the first interaction: the scripts and the WebAssembly the page then
//   takes over with (hydration). Budget 300 KB gzip: it grew with the calculator's partial
//   results, every city's figures and the share link (issues 9 and 10) to ~223 KB after
//   moving the rules' texts out of it, with figures carried past their window, the rules'
//   notices and a site's figures file (issue 21) to ~245 KB, with the asks probed in the
//   core, the one-line answers and the words of every value (issue 22) to ~264 KB, and with
//   Yew's hydration (issue 23) to ~293 KB. Its target, 150 KB, is not met: see the README's
//   "Size and speed".
import { appendFileSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
// Every prerendered page (a folder's index.html); the largest stands for them.
const pages = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name === "index.html") pages.push(path.slice(dir.length).replace(/^\//, ""));
  }
})(dir);
const gzipOf = (f) => gzipSync(readFileSync(`${dir}/${f}`), { level: 9 }).length;
const largest = pages.reduce((a, b) => (gzipOf(b) > gzipOf(a) ? b : a), "index.html");
const stages = [
  ["first figure (prerendered page)", [largest, "style.css", "early.js"], 150, 150],
  ["the engine (first interaction)", ["main.js", "figures.js", "offline.js", "yibao_web.js", "yibao_web_bg.wasm"], 300, 150],
];
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const totals = {};
let over = false;
for (const [stage, files, budget, target] of stages) {
  let total = { raw: 0, gzip: 0, brotli: 0 };
  console.log(stage.padEnd(34) + "raw KB".padStart(8) + "gzip KB".padStart(9) + "brotli KB".padStart(10));
  for (const f of files) {
    const data = readFileSync(`${dir}/${f}`);
    const gz = gzipSync(data, { level: 9 }).length;
    const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total = { raw: total.raw + data.length, gzip: total.gzip + gz, brotli: total.brotli + br };
    console.log(("  " + f).padEnd(34) + kb(data.length) + " " + kb(gz) + "  " + kb(br));
  }
  console.log("  total".padEnd(34) + kb(total.raw) + " " + kb(total.gzip) + "  " + kb(total.brotli) + `   (budget ${budget} KB gzip; target ${target} KB)`);
  totals[stage] = total.gzip;
  if (total.gzip > budget * 1024) {
    console.error(`${stage}: ${(total.gzip / 1024).toFixed(1)} KB gzip, over the budget of ${budget} KB`);
    over = true;
  }
}
console.log(`(${pages.length} prerendered pages)`);
const [firstFigure, engine] = Object.values(totals);
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
  appendFileSync(process.env.YIBAO_FIGURES, `first_figure_gzip_kb\t${(firstFigure / 1024).toFixed(1)}\nengine_gzip_kb\t${(engine / 1024).toFixed(1)}\nbatch_page_gzip_kb\t${(batchGzip / 1024).toFixed(1)}\n`);
}
if (batchGzip > BATCH_BUDGET_GZIP) {
  console.error(`the batch page's first load is ${(batchGzip / 1024).toFixed(1)} KB gzip, over the budget of ${BATCH_BUDGET_GZIP / 1024} KB`);
  over = true;
}
if (over) process.exit(1);
