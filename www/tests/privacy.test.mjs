// Privacy proof: every request the app makes while a person uses each view, the batch page
// and the fund page is recorded; the test fails if any goes to another origin, is anything
// but a GET for the app's own files, or carries what the person typed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, typeInto, ready } from "./harness.mjs";

const root = new URL("../../", import.meta.url).pathname;
let server, browser;
before(async () => { server = await serve(root + "dist/"); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Values a person might type, distinctive enough to find anywhere in a request.
const TYPED = ["73519.27", "48213.61", "3917.44", "2871.53", "1966-07", "陈小明", "E7731"];

test("nothing typed leaves the browser, and nothing goes to another origin", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: "allow" });
  const seen = [];
  context.on("request", (r) => seen.push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() ?? "" }));
  const p = await context.newPage();
  await p.goto(server.base);
  await ready(p);

  // Employee view: wage and an unpublished figure.
  await p.selectOption("#city", "zhengzhou");
  await typeInto(p, "#f-wage", TYPED[0]);
  await typeInto(p, "#p-zhengzhou-employee-fixed-employer", TYPED[3]);
  await p.locator(".result details.figure").first().waitFor();
  // Flexible, resident, eligibility, compare.
  await p.selectOption("#city", "wenzhou");
  await p.click("#tab-flexible");
  await typeInto(p, "#p-wenzhou-flexible-base", TYPED[1]);
  await p.selectOption("#city", "jining");
  await p.click("#tab-resident");
  await typeInto(p, "#f-break_years", "3");
  await p.click("#tab-eligibility");
  await p.fill("#f-birth", TYPED[4]);
  await p.selectOption("#f-situation", "never_enrolled");
  await typeInto(p, "#f-paid_months", "0");
  await typeInto(p, "#f-pension", TYPED[2]);
  await p.click("#tab-compare");
  await p.locator(".city-card").first().waitFor();
  await p.click("button.lang:has-text('English')");
  // The share link holds the situation, in the fragment only.
  const link = await p.inputValue("#share");
  assert.ok(link.includes("#") && link.includes(TYPED[0]), "the link carries the situation after #");
  await p.reload();
  await p.locator(".city-card").first().waitFor();

  // Batch page: a payroll with a name and an id, computed and exported.
  await p.goto(server.base + "batch.html");
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  await p.setInputFiles("#b-file", { name: "p.csv", mimeType: "text/csv", buffer: Buffer.from(`工号,姓名,月工资,单位类型\n${TYPED[6]},${TYPED[5]},${TYPED[0]},other\n`) });
  await p.click("#b-go");
  await p.locator("#b-results").waitFor();
  await Promise.all([p.waitForEvent("download"), p.click("#b-csv")]);

  // Fund page: figures pasted and exported.
  await p.goto(server.base + "fund.html");
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  await p.fill("#f-data", `year,county,revenue,expenditure\n2024,A,${TYPED[0]},${TYPED[1]}\n`);
  await p.locator("#f-results").waitFor();
  await Promise.all([p.waitForEvent("download"), p.click("#f-csv")]);
  await context.close();

  assert.ok(seen.length > 5, "requests were recorded");
  const own = (u) => u.startsWith(server.origin + "/") || u.startsWith("blob:" + server.origin) || u.startsWith("data:");
  assert.deepEqual(seen.filter((r) => !own(r.url)).map((r) => r.url), [], "no request to another origin");
  assert.deepEqual(seen.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.url}`), [], "only GETs");
  for (const r of seen) {
    const everything = decodeURIComponent(r.url) + JSON.stringify(r.headers) + r.body;
    for (const t of TYPED) assert.ok(!everything.includes(t), `request ${r.url} carries «${t}»`);
  }
});
