// The bad-input catalogue (tests/bad-input.md) at the web door: each row marked "web" is
// entered in the app as a person would (through the URL it restores), and the message must
// appear next to the field in Chinese, while the rest of the page keeps working.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, page } from "./harness.mjs";

const root = new URL("../../", import.meta.url).pathname;
const rows = readFileSync(root + "tests/bad-input.md", "utf8").split("\n")
  .filter((l) => l.startsWith("| ") && !l.startsWith("| id ") && !l.startsWith("|---"))
  .map((l) => {
    const c = l.slice(1, -1).split(" | ").map((x) => x.trim());
    return { id: c[0], computation: c[1], request: JSON.parse(c[2].replaceAll("`", "")), field: c[3], code: c[4], zh: c[5], en: c[6], doors: c[7].split(/\s+/) };
  })
  .filter((r) => r.doors.includes("web"));

const VIEW = { contribution: "employee", flexible: "flexible", resident: "resident", eligibility: "eligibility" };
// Each view's request fields, as the page itself lists them (data-fields on the view): a
// field the page gains or drops is then part of every row's request, with no list to update.
const FIELDS = {};

let server, browser;
before(async () => {
  server = await serve(root + "dist/");
  browser = await launch();
  const { context, page: p } = await page(browser);
  for (const [kind, view] of Object.entries(VIEW)) {
    await p.goto(`${server.base}#view=${view}`);
    const section = p.locator(`section.view#view-${view}`);
    await section.waitFor();
    assert.equal(await section.getAttribute("data-kind"), kind);
    FIELDS[kind] = (await section.getAttribute("data-fields")).split(" ").filter(Boolean);
    assert.ok(FIELDS[kind].length > 0, `${view}: the page lists its fields`);
  }
  await context.close();
});
after(async () => { await browser?.close(); await server?.close(); });

function fragment(row) {
  const r = row.request;
  const parts = [["lang", "zh"], ["view", VIEW[row.computation]], ["city", r.city]];
  // Every field of the view, as in the request (absent = empty), so the page computes the same request.
  for (const f of FIELDS[row.computation]) parts.push([f, r[f] ?? (f === "month" ? "2024-03" : "")]);
  for (const [id, v] of Object.entries(r.overrides ?? {})) parts.push([`set.${r.city}.${id}`, v]);
  return parts.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

function where(p, row) {
  if (row.code === "missing_figures") return p.locator(".view .result .missing");
  if (row.field === "city") return p.locator("#city-err");
  if (row.field.startsWith("set:")) return p.locator(`#p-${row.request.city}-${row.field.slice(4).replaceAll(".", "-")}-err`);
  return p.locator(`#f-${row.field}-err`);
}

for (const row of rows) {
  test(`${row.id}: ${row.field} — ${row.zh}`, async () => {
    const { context, page: p } = await page(browser, { viewport: { width: 1000, height: 900 } });
    if (row.computation === "fund") {
      await p.goto(server.base + "fund.html");
      await p.waitForFunction(() => document.body.dataset.ready === "true");
      await p.selectOption("#f-city", row.request.city);
      const csv = ["year,county,revenue,expenditure"].concat(row.request.rows.map((x) => `${x.year},${x.county},${x.revenue},${x.expenditure}`)).join("\n");
      await p.fill("#f-data", csv);
      // The field in the page's language: "row 2: revenue" reads 第 2 行「收入」 in Chinese.
      const where = /^row (\d+)/.exec(row.field)?.[1];
      const named = where ? `第 ${where} 行` : "";
      await p.waitForFunction(([named, zh]) => document.getElementById("f-error").textContent.includes(named) && document.getElementById("f-error").textContent.includes(zh), [named, row.zh]);
    } else if (row.computation === "batch") {
      await p.goto(server.base + "batch.html");
      await p.waitForFunction(() => document.body.dataset.ready === "true");
      await p.setInputFiles("#b-file", root + row.request.file);
      await p.waitForFunction((zh) => document.getElementById("b-problems").textContent.includes(zh), row.zh);
    } else {
      await p.goto(server.base + "#" + fragment(row));
      const box = where(p, row);
      await box.filter({ hasText: row.zh }).first().waitFor({ timeout: 10000 });
      // The rest of the page keeps working: the language switch still works.
      await p.click("button.lang:has-text('English')");
      await box.filter({ hasText: row.en }).first().waitFor({ timeout: 10000 });
    }
    assert.deepEqual(p.requests.filter((u) => !u.startsWith(server.origin)), []);
    await context.close();
  });
}
