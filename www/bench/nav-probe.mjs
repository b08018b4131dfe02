// Where navigation time goes, run by hand (`node www/bench/nav-probe.mjs` after a build): for
// each of five fresh visits, when the first figure entered the page and was painted, when
// each file arrived, first paint, and the wasm start-up (main.js). Times from navigation start.
import { serve, launch, page } from "../tests/harness.mjs";
const dist = new URL("../../dist/", import.meta.url).pathname;
const server = await serve(dist);
const browser = await launch();
for (let i = 0; i < 5; i++) {
  const { context, page: p } = await page(browser);
  await p.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector(".result details.figure")) {
        window.__seen = performance.now();
        requestAnimationFrame(() => { window.__painted = performance.now(); });
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await p.goto(server.base + "#view=employee&city=jining&month=2024-03&wage=5000&employer=other");
  await p.locator(".result details.figure").first().waitFor();
  const r = await p.evaluate(() => new Promise((res) => requestAnimationFrame(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const rs = performance.getEntriesByType("resource").map((e) => `${e.name.split("/").pop()} ${e.startTime.toFixed(0)}→${e.responseEnd.toFixed(0)}`);
    const paints = performance.getEntriesByType("paint").map((e) => `${e.name} ${e.startTime.toFixed(0)}`);
    res({ seen: window.__seen?.toFixed(0), painted: window.__painted?.toFixed(0), now: performance.now().toFixed(0), domInteractive: nav.domInteractive.toFixed(0), dcl: nav.domContentLoadedEventEnd.toFixed(0), rs, paints, init: window.__yibaoInitMs?.toFixed(0), first: window.__yibaoFirstResult?.toFixed(0), marks: performance.getEntriesByType("measure").map((m) => `${m.name} ${m.startTime.toFixed(0)}+${m.duration.toFixed(1)}`) });
  })));
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close(); await server.close();
