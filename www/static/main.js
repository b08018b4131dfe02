// Starts the app (all logic is in the WebAssembly module) and the offline cache.
import init from "./yibao_web.js";

const started = performance.now();
init().then(() => {
  // For the browser benchmark: time from navigation start to the first rendered result.
  window.__yibaoFirstResult = performance.now();
  window.__yibaoInitMs = performance.now() - started;
});

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("sw.js").catch(() => {});
}
