// Serves dist/ under a sub-path on 127.0.0.1 and launches Debian's Chromium headless,
// recording every request the page makes.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, extname, normalize } from "node:path";
import { chromium } from "playwright-core";

export const SUBPATH = "/portal/yibao/";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

/** Serves `dir`; `extra` maps a file name to a body served as if it were there (a site's
 * figures.toml, without touching dist/). */
export async function serve(dir, extra = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith(SUBPATH)) { res.writeHead(404); res.end(); return; }
    let rel = normalize(url.pathname.slice(SUBPATH.length)).replace(/^(\.\.[/\\])+/, "");
    if (rel === "" || rel === ".") rel = "index.html";
    // A city's page is a folder's index.html (jining/, jining/resident/), as any static host serves it.
    else if (rel.endsWith("/")) rel += "index.html";
    if (rel in extra) { res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }); res.end(extra[rel]); return; }
    try {
      const body = await readFile(join(dir, rel));
      res.writeHead(200, { "content-type": TYPES[extname(rel)] ?? "application/octet-stream", "cache-control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404); res.end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, base: origin + SUBPATH, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // Playwright gives every launch a fresh, empty profile of its own.
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

/** A page that records every request URL into `requests`. A phone by default: 360 px,
 * touch, Chinese. Service workers only where a test needs them (offline, updates). */
export async function page(browser, { viewport = { width: 360, height: 780 }, bypassCSP = false, serviceWorkers = "block", locale = "zh-CN" } = {}) {
  const context = await browser.newContext({ viewport, bypassCSP, serviceWorkers, locale, hasTouch: true, isMobile: viewport.width < 500 });
  const p = await context.newPage();
  p.requests = [];
  p.on("request", (r) => p.requests.push(r.url()));
  p.consoleErrors = [];
  // The calculator asks for a site's figures.toml at start; a site without one answers 404,
  // which Chromium logs: that probe is expected, not an error of the page.
  p.on("console", (m) => { if (m.type() === "error" && !m.location()?.url?.endsWith("/figures.toml")) p.consoleErrors.push(m.text()); });
  p.on("pageerror", (e) => p.consoleErrors.push(String(e)));
  return { context, page: p };
}

/** The text of the figure whose label contains `label` (within a page or a section). */
export async function figure(scope, label) {
  const page = scope.page ? scope.page() : scope;
  const fig = scope.locator("details.figure", { has: page.locator(".label", { hasText: label }) }).first();
  return (await fig.locator(".value").innerText()).replace(/\s+/g, " ").trim();
}

/** Types into a field key by key, as a person does: focus, select what is there, delete it,
 * then one key at a time. After every key the same field must still have the focus (the
 * next key must not land anywhere else). */
export async function typeInto(p, selector, text) {
  await p.locator(selector).first().scrollIntoViewIfNeeded();
  await p.locator(selector).first().click();
  const id = await p.evaluate(() => document.activeElement?.id);
  await p.keyboard.press("Control+A");
  await p.keyboard.press("Backspace");
  if (await p.evaluate(() => document.activeElement?.id) !== id) throw new Error(`${selector}: focus lost after clearing`);
  for (const ch of text) {
    await p.keyboard.type(ch);
    const now = await p.evaluate(() => document.activeElement?.id);
    if (now !== id) throw new Error(`${selector}: after typing «${ch}» of «${text}» the focus moved from #${id} to #${now}`);
  }
}

/** Waits for the calculator's first render (a result, a missing-figure line or an error). */
export async function ready(p) {
  // The page is alive: what it shows is the engine's, not the build's prerendering.
  await p.locator("main[data-ready=true]").first().waitFor();
  await p.locator("#view-employee, #view-flexible, #view-resident, #view-eligibility, #view-compare").first().waitFor();
  await p.locator(".view .result").first().waitFor();
}
