// The fund page in headless Chromium: figures pasted as CSV, the year-by-year table, who
// paid each deficit, the chart with the warning line, CSV export and bad-input messages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, page } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open() {
  const { context, page: p } = await page(browser, { viewport: { width: 1000, height: 900 } });
  await p.goto(server.base + "fund.html");
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  return { context, p };
}

test("黄冈: the sample deficit runs through every step of Art. 18; warnings and chart shown", async () => {
  const { context, p } = await open();
  await p.locator("#f-results").waitFor();
  const table = await p.locator("#f-table").innerText();
  // 2025 A: historical 50,000; adjustment fund 42,000; county government 939,200; pooling fund 124,000; the rest 110,800.
  for (const figure of ["50000.00", "42000.00", "939200.00", "124000.00", "110800.00"]) assert.match(table, new RegExp(figure.replace(".", "\\.")));
  assert.match(table, /⚠/);
  assert.equal(await p.locator("#f-chart svg .warning-line").count(), 2);
  const [download] = await Promise.all([p.waitForEvent("download"), p.click("#f-csv")]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv, /^\ufeff年度,县区/);
  assert.match(csv, /2025,A县,1100000\.00,2300000\.00,66000\.00,-1266000\.00,50000\.00,42000\.00,939200\.00,124000\.00,110800\.00/);
  await context.close();
});

test("济宁 asks for the split set elsewhere, then computes", async () => {
  const { context, p } = await open();
  await p.selectOption("#f-city", "jining");
  await p.fill("#f-data", "year,county,revenue,expenditure,opening_balance\n2020,J,500000,600000,100000\n");
  await p.locator("#ff-fund-deficit-city_share").waitFor();
  await p.fill("#ff-fund-deficit-city_share", "0.5");
  await p.waitForFunction(() => document.getElementById("f-table").innerText.includes("15000.00"));
  assert.match(await p.locator("#f-remit").innerText(), /30000\.00/);
  await context.close();
});

test("bad input names the row and field", async () => {
  const { context, p } = await open();
  await p.fill("#f-data", "year,county,revenue,expenditure\n2024,A,-5,1\n2024,A,1,1\n");
  await p.waitForFunction(() => document.getElementById("f-error").textContent.includes("row 2: revenue"));
  assert.match(await p.locator("#f-error").innerText(), /不能为负数/);
  await p.fill("#f-data", "year,county,revenue,expenditure\n2024,A,1,1\n2026,A,1,1\n");
  await p.waitForFunction(() => document.getElementById("f-error").textContent.includes("row 3: year"));
  assert.match(await p.locator("#f-error").innerText(), /2025/);
  await context.close();
});
