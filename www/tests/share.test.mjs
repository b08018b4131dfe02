// The share link as a person uses it: read from the box on the page (never the address
// bar), always what is on screen, copied with the button, opened in a fresh page, and
// pasted into a tab that already has the app open.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, page, figure, typeInto, ready } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the link in the box matches the screen after every change, and restores it in a fresh page", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "#lang=zh&view=employee&city=jining&month=2024-03&wage=5000&employer=other");
  await ready(p);
  await p.click("#f-wage");
  await p.keyboard.press("Control+A");
  await p.keyboard.press("Backspace");
  for (const ch of "8000") {
    await p.keyboard.type(ch);
    const wage = await p.inputValue("#f-wage");
    const box = await p.inputValue("#share");
    assert.match(box, new RegExp(`[#&]wage=${wage}(&|$)`), `after «${ch}» the box says ${box}, the field ${wage}`);
  }
  await p.selectOption("#f-employer", "public_body");
  assert.match(await p.inputValue("#share"), /employer=public_body/);
  await p.click("#tab-eligibility");
  await p.locator("#view-eligibility").waitFor();
  assert.match(await p.inputValue("#share"), /view=eligibility/);
  await p.click("#tab-employee");
  const link = await p.inputValue("#share");
  await context.close();
  const second = await page(browser);
  await second.page.goto(link);
  await ready(second.page);
  assert.equal(await second.page.inputValue("#f-wage"), "8000");
  // 8000 × 7.4% = 592.00 + 6 = 598.00
  assert.equal(await figure(second.page, "单位每月"), "598.00 元");
  assert.equal(await second.page.locator(".link-banner").count(), 0, "same rules: no banner");
  await second.context.close();
});

test("the copy button copies the box's link", async () => {
  const { context, page: p } = await page(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await p.goto(server.base + "#lang=zh&view=employee&city=jining&month=2024-03&wage=7000&employer=other");
  await ready(p);
  await p.click("#copy-link");
  await p.waitForFunction(() => document.getElementById("copy-link").textContent === "已复制");
  const copied = await p.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await p.inputValue("#share"));
  assert.match(copied, /wage=7000/);
  await context.close();
});

test("a link pasted into a tab that has the app open restores its situation", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "#lang=zh&view=employee&city=jining&month=2024-03&wage=5000&employer=other");
  await ready(p);
  await p.evaluate(() => { location.hash = "lang=zh&view=flexible&city=jining&month=2024-03&set.jining.flexible.base=6000"; });
  await p.locator("#view-flexible details.figure").first().waitFor();
  assert.equal(await figure(p, "每月缴费"), "550.00 元");
  assert.equal(await p.inputValue("#p-jining-flexible-base"), "6000");
  await context.close();
});

test("a link made under older rules says which figures changed", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + `#lang=zh&view=employee&city=jining&month=2024-03&wage=5000&employer=other&rv=00000000&f=${encodeURIComponent("employer:399.00,individual:104.00")}`);
  await ready(p);
  const banner = await p.locator(".link-banner").innerText();
  assert.match(banner, /00000000/);
  assert.match(banner, /单位每月: 399\.00 → 406\.00/);
  assert.doesNotMatch(banner, /104\.00 →/);
  await context.close();
});
