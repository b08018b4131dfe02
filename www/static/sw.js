// Offline after the first visit to any page: the app's own files, cache-first. Only
// same-origin GET requests are handled; the cache name changes with every build. A new
// build waits until the page asks it to take over (the page offers a reload), so nobody
// keeps old rules without being told. Nothing is ever sent anywhere.
const CACHE = "yibao-__BUILD__";
const FILES = [
  "./", "index.html", "style.css", "early.js", "main.js", "yibao_web.js", "yibao_web_bg.wasm", "rules-texts.json",
  "page-lang.js", "text-file.js", "figure-boxes.js",
  "batch.html", "batch.js", "batch-worker.js", "yibao_batch.js", "yibao_batch_bg.wasm", "yibao_xlsx.js", "yibao_xlsx_bg.wasm",
  "fund.html", "fund.js", "yibao_js.js", "yibao_js_bg.wasm", "yibao-calculator.js", "figures.js", "offline.js", "picture.js",
  "embed.html", "embed.js",
  "yibao_figures.js", "yibao_figures_bg.wasm",
  // The documents' full texts, opened from a step's article, and every city's page (the
  // build lists them).
  __SOURCES__,
  __PAGES__,
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)));
});

self.addEventListener("message", (event) => {
  if (event.data === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("yibao-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  // A site's own figures file changes without a new build: the network first, the copy
  // kept from the last visit when offline.
  if (url.pathname.endsWith("/figures.toml")) {
    event.respondWith(fetch(event.request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((c) => c.put(event.request, copy));
      }
      return response;
    }).catch(() => caches.match(event.request).then((hit) => hit || Response.error())));
    return;
  }
  event.respondWith(
    caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((c) => c.put(event.request, copy));
      }
      return response;
    })),
  );
});
