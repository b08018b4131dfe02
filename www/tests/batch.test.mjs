// The payroll batch page in headless Chromium, and the same payroll through the CLI, the
// JS API and the page with every figure compared.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { serve, launch, page } from "./harness.mjs";

const root = new URL("../../", import.meta.url).pathname;
const dist = root + "dist/";
const cli = process.env.YIBAO_BIN ?? root + "target/debug/yibao";
const payroll = (f) => root + "tests/payroll/" + f;
let server, browser;

before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openBatch() {
  const { context, page: p } = await page(browser, { viewport: { width: 1000, height: 900 } });
  await p.goto(server.base + "batch.html");
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  await p.selectOption("#b-city", "jining");
  await p.fill("#b-month", "2024-03");
  await p.dispatchEvent("#b-month", "change");
  return { context, p };
}

async function compute(p, file) {
  await p.setInputFiles("#b-file", file);
  await p.locator("#b-mapping dl").waitFor();
  await p.click("#b-go");
  await p.locator("#b-results").waitFor();
}

function parseCsv(text) {
  return text.replace(/^\ufeff/, "").trim().split("\r\n").map((l) => l.split(","));
}

test("same numbers everywhere: CLI, JS API and the batch page agree on every figure", async () => {
  const fromCli = execFileSync(cli, ["batch", payroll("gbk.csv"), "--city", "jining", "--month", "2024-03"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const { context, p } = await openBatch();
  await compute(p, payroll("gbk.csv"));
  // The mapping was shown before computing.
  assert.match(await p.locator("#b-mapping").innerText(), /月工资 \(3\)/);
  const [download] = await Promise.all([p.waitForEvent("download"), p.click("#b-csv")]);
  const fromPage = readFileSync(await download.path(), "utf8");
  assert.equal(fromPage, fromCli, "the page's CSV export is byte for byte the CLI's output");
  // The JS API, one request per row, gives the same employer and individual totals.
  const rows = parseCsv(fromCli).slice(1);
  const input = parseCsv(readFileSync(payroll("gbk.csv")).toString("latin1")).length; // row count only
  assert.equal(rows.length, input - 1);
  const wages = { A001: ["5000", "other"], A002: ["8000", "public_body"], A003: ["3333.33", "other"], A004: ["12000.5", "other"] };
  const fromApi = await p.evaluate(async (wages) => {
    const api = await import("./yibao_js.js");
    await api.default();
    const out = {};
    for (const [id, [wage, employer]] of Object.entries(wages)) {
      const r = api.contribution({ city: "jining", month: "2024-03", employer, wage });
      out[id] = [r.base, r.employer.basic, r.employer.total, r.individual.basic, r.individual.total];
    }
    return out;
  }, wages);
  for (const r of rows) {
    assert.deepEqual([r[3], r[4], r[6], r[7], r[9]], fromApi[r[1]], `row ${r[0]} (${r[1]})`);
  }
  // Totals on the page: employer 406.00 + 598.00 + 272.67 + 966.04 = 2242.71.
  assert.match(await p.locator("#b-totals").innerText(), /2242\.71/);
  await context.close();
});

test("broken rows are listed with row, column and reason; filters for failed and mismatched rows", async () => {
  const { context, p } = await openBatch();
  await compute(p, payroll("broken.csv"));
  await p.selectOption("#b-filter", "failed");
  assert.match(await p.locator("#b-count").innerText(), /^7 行/);
  const table = await p.locator("#b-rows").innerText();
  assert.match(table, /5\s+B04[\s\S]*月工资[\s\S]*不能为负数/);
  await p.selectOption("#b-filter", "all");
  assert.match(await p.locator("#b-count").innerText(), /^9 行/);
  // Export as .xlsx works too.
  const [download] = await Promise.all([p.waitForEvent("download"), p.click("#b-xlsx")]);
  assert.equal(readFileSync(await download.path()).subarray(0, 2).toString(), "PK");
  await context.close();
});

test("GBK CSV, BOM CSV and .xlsx are read; a file without a header or an empty one is refused", async () => {
  const { context, p } = await openBatch();
  await compute(p, payroll("payroll.xlsx"));
  assert.match(await p.locator("#b-totals").innerText(), /658\.67/); // 406.00 + 252.67
  await p.selectOption("#b-employer", "other");
  await compute(p, payroll("bom.csv"));
  assert.match(await p.locator("#b-totals").innerText(), /498\.02/); // 406.00 + 86.02 + 6.00
  await p.setInputFiles("#b-file", payroll("noheader.csv"));
  await p.waitForFunction(() => document.getElementById("b-error").textContent.includes("表头"));
  await p.setInputFiles("#b-file", { name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await p.waitForFunction(() => document.getElementById("b-error").textContent.includes("空"));
  await context.close();
});

test("a large file shows progress and nothing leaves the browser", async () => {
  const lines = ["工号,月工资,单位类型"];
  for (let i = 0; i < 30000; i++) lines.push(`E${i},${3000 + (i % 50) * 100},other`);
  const { context, p } = await openBatch();
  await compute(p, { name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  assert.equal(await p.locator("#b-progress").getAttribute("value"), "30000");
  assert.match(await p.locator("#b-progress-text").innerText(), /30000 \/ 30000/);
  const foreign = p.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("blob:") && !u.startsWith("data:"));
  assert.deepEqual(foreign, []);
  await context.close();
});
