// Serves dist/ under a sub-path on 127.0.0.1 and launches Debian's Chromium headless,
// recording every request the page makes.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, extname, normalize } from "node:path";
import { chromium } from "playwright-core";

export const SUBPATH = "/portal/yibao/";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

export async function serve(dir) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith(SUBPATH)) { res.writeHead(404); res.end(); return; }
    let rel = normalize(url.pathname.slice(SUBPATH.length)).replace(/^(\.\.[/\\])+/, "");
    if (rel === "" || rel === ".") rel = "index.html";
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

/** A page that records every request URL into `requests`. */
export async function page(browser, { viewport = { width: 360, height: 780 }, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport, bypassCSP, serviceWorkers: "allow" });
  const p = await context.newPage();
  p.requests = [];
  p.on("request", (r) => p.requests.push(r.url()));
  p.consoleErrors = [];
  p.on("console", (m) => { if (m.type() === "error") p.consoleErrors.push(m.text()); });
  p.on("pageerror", (e) => p.consoleErrors.push(String(e)));
  return { context, page: p };
}

/** The text of the figure whose label contains `label`. */
export async function figure(p, label) {
  const fig = p.locator("details.figure", { has: p.locator(".label", { hasText: label }) }).first();
  return (await fig.locator(".value").innerText()).replace(/\s+/g, " ").trim();
}
