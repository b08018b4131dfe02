// Offline after the first visit to any page (the calculator, the batch page, the fund
// page): each registers the service worker, which caches every page's files and the
// documents' texts. When a newer build is deployed, say so and offer to reload rather than
// keep old rules quietly. `en()` says whether the page is in English.
export function registerOffline(en) {
  if ("serviceWorker" in navigator) {
    let updating = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (updating) location.reload();
    });
    navigator.serviceWorker.register(new URL("sw.js", import.meta.url)).then((reg) => {
      const offer = (worker) => {
        if (!navigator.serviceWorker.controller || document.getElementById("update")) return;
        const bar = document.createElement("aside");
        bar.id = "update";
        bar.className = "update-banner";
        bar.setAttribute("role", "status");
        const text = document.createElement("span");
        text.textContent = en() ? "A newer version, with updated figures, is available." : "有新版本（数据已更新）。";
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = en() ? "Reload" : "刷新";
        button.addEventListener("click", () => { updating = true; worker.postMessage("SKIP_WAITING"); });
        bar.append(text, button);
        document.body.prepend(bar);
      };
      if (reg.waiting) offer(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const worker = reg.installing;
        worker?.addEventListener("statechange", () => { if (worker.state === "installed") offer(worker); });
      });
      reg.update().catch(() => {});
    }).catch(() => {});
  }
}
