// No box may appear, vanish or move above or inside the form while a person types. For
// every city and view, with every optional box filled first (deemed and transferred months,
// a last base, a pension …), every text box is typed into key by key, as a person does; after
// each, every box must still be there in the same order, and hold what was typed. (A box
// that once appeared under the fingers swallowed the 5 of "25" and told a woman 72 months
// short that she had enough years.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, page, ready } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
const CITIES = ["zhengzhou", "wenzhou", "yancheng", "jining", "huanggang"];
const FILLED = {
  employee: "wage=5000&employer=other",
  flexible: "interrupted=true&first_paid=2026-03",
  resident: "break_years=5&repaid_years=1&in_enrolment_period=false",
  eligibility: "birth=1968-05&category=female-55&situation=employee&paid_months=168&deemed_months=60&transferred_months=12&last_base=4952",
  compare: "wage=5000&employer=other",
};
// What a person types into each kind of box (a rate as people write it, years, yuan).
function sample(id) {
  if (/rate|share/.test(id)) return "8";
  if (/years/.test(id)) return "25";
  if (/months/.test(id)) return "36";
  if (/^f-year$/.test(id)) return "2027";
  return "5432.1";
}
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Ids of the form's inputs and selects, in order (the result below is not the form). */
const form = (p, view) => p.locator(`#view-${view} :is(input, select)`).evaluateAll((els) => els.filter((e) => !e.closest(".result")).map((e) => e.id));

test("every box of every city and view keeps its place and what was typed, key by key", async () => {
  const problems = [];
  const { context, page: p } = await page(browser, { viewport: { width: 390, height: 844 } });
  await p.clock.setFixedTime(new Date("2026-12-10T12:00:00+08:00"));
  for (const city of CITIES) {
    for (const [view, filled] of Object.entries(FILLED)) {
      await p.goto(`${server.base}#lang=zh&city=${city}&view=${view}&${filled}`);
      await p.reload();
      await ready(p);
      for (const s of await p.locator(`#view-${view} details.city-figures > summary`).all()) await s.click();
      const before = await form(p, view);
      const texts = await p.locator(`#view-${view} input[type=text]`).evaluateAll((els) => els.filter((e) => !e.closest(".result")).map((e) => e.id));
      for (const id of texts) {
        const text = sample(id);
        const box = p.locator(`#${id}`);
        await box.evaluate((e) => { const d = e.closest("details"); if (d) d.open = true; });
        await box.click();
        await p.keyboard.press("Control+A");
        await p.keyboard.press("Backspace");
        await p.keyboard.type(text);
        const value = await box.inputValue();
        if (value !== text) problems.push(`${city}/${view} #${id}: typed «${text}», the box holds «${value}»`);
        const now = await form(p, view);
        if (now.join() !== before.join()) problems.push(`${city}/${view} after typing into #${id}: the form's boxes changed: [${before}] → [${now}]`);
      }
    }
  }
  await context.close();
  assert.deepEqual(problems, []);
});
