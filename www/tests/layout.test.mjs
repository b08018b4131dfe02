// Every city × view on a 360-px phone, in each language: nothing is wider than the screen,
// no element id is used twice, and the page speaks one language at a time (in Chinese no
// parameter id, English unit or field-name prefix; in English no Chinese except the
// documents' own words, which are marked lang="zh-CN").
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, page, ready } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CITIES = ["zhengzhou", "wenzhou", "yancheng", "jining", "huanggang"];
const VIEWS = ["employee", "flexible", "resident", "eligibility", "compare"];
const REST = "month=2024-06&wage=5000&employer=other&birth=1974-05&category=female-50&as_of=2026-11&paid_months=60&last_base=4000";

/** The page's visible text outside the documents' own words (quotes, titles). */
function ownText() {
  const clone = document.body.cloneNode(true);
  for (const el of clone.querySelectorAll('[lang="zh-CN"], noscript, script, style, [hidden]')) el.remove();
  // Open every closed <details> so their contents are checked too.
  return clone.innerText + " " + [...clone.querySelectorAll("input, select, option, textarea")].map((e) => e.placeholder ?? "").join(" ");
}

for (const lang of ["zh", "en"]) {
  test(`360 px, ${lang}: every city and view fits the screen and speaks ${lang} only`, async () => {
    const { context, page: p } = await page(browser);
    const problems = [];
    for (const city of CITIES) {
      for (const view of VIEWS) {
        await p.goto(server.base + `#lang=${lang}&view=${view}&city=${city}&${REST}`);
        await ready(p);
        // Open every card so the steps and sources are laid out and read too.
        await p.locator("details").evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
        // A card builds its steps when first opened: wait until every one holds more than
        // its summary.
        await p.waitForFunction(() => [...document.querySelectorAll("details")].every((d) => d.children.length > 1));
        const where = `${city}/${view}`;
        const width = await p.evaluate(() => document.documentElement.scrollWidth);
        if (width > 360) problems.push(`${where}: ${width} px wide`);
        const ids = await p.locator("[id]").evaluateAll((els) => els.map((e) => e.id));
        const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
        if (dup.length) problems.push(`${where}: duplicate ids ${[...new Set(dup)].join(", ")}`);
        const text = await p.evaluate(ownText);
        if (lang === "zh") {
          for (const re of [/\b[a-z_]+\.[a-z_]+\.[a-z_]+\b/, /\b(?:employee|flexible|resident|retiree|fund|rounding)\.[a-z_]+\b/, /yuan\/(?:month|year)|\((?:rate|years|months)\)/, /research note/i, /\b(?:wage|month|city|employer|file|set):/, /\bone of\b|true\|false|comma-separated/]) {
            const m = text.match(re);
            if (m) problems.push(`${where}: «${m[0]}» in Chinese`);
          }
        } else {
          const m = text.match(/[\u3400-\u9fff]+/);
          if (m) problems.push(`${where}: «${m[0]}» in English`);
        }
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
