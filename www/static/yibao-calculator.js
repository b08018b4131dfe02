// <yibao-calculator city="jining" view="employee" lang="zh"></yibao-calculator>: the whole
// calculator inside any page, with one script tag:
//
//   <script type="module" src="https://your.portal/yibao/yibao-calculator.js"></script>
//
// It renders in a shadow root (the host page's CSS does not reach in, and the calculator's
// does not leak out), loads its engine (yibao_web.js and its wasm, from beside this file)
// only when an element is on the page, never touches the page's address or title, and
// makes no request to another origin. Attributes: city (jining, zhengzhou, wenzhou,
// yancheng, huanggang), view (employee, flexible, resident, eligibility, compare), lang
// (zh, en), month (YYYY-MM), wage, employer (other, public_body), official ("1": official
// figures only). Each new result is announced as a `yibao-result` event (bubbling, composed):
// `event.detail = {city, view, lang, figures: [{key, label: {zh, en}, value: {zh, en}, unit: {zh, en}}]}`.

const base = new URL(".", import.meta.url);
const ATTRIBUTES = ["city", "view", "lang", "month", "wage", "employer", "official"];

// The calculator's citations read the rules' quotes and notes through window.yibaoText once
// they are fetched (after the first result); the calculator's own page (main.js) does the same.
let engine;
function load() {
  engine ??= (async () => {
    const { fetchFigures, installFigures } = await import(new URL("figures.js", base).href);
    const figures = fetchFigures(base);
    const m = await import(new URL("yibao_web.js", base).href);
    await m.default({ module_or_path: new URL("yibao_web_bg.wasm", base) });
    // The site's own figures, where it serves them beside this file: before the first mount.
    const refused = await installFigures(base, m, figures);
    if (refused) console.warn("yibao: figures.toml set aside:", refused.en);
    if (!window.yibaoText) {
      window.yibaoText = (key, field) => window.yibaoTexts?.[key]?.[field];
      fetch(new URL("rules-texts.json", base))
        .then((r) => (r.ok ? r.json() : null))
        .then((texts) => { if (texts) { window.yibaoTexts = texts; window.dispatchEvent(new Event("yibao-texts")); } })
        .catch(() => {});
    }
    return m;
  })();
  return engine;
}

/** The element's attributes as the calculator's share-link fragment. */
function fragment(el) {
  const pairs = [];
  for (const name of ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value !== null && value !== "") pairs.push(`${name}=${encodeURIComponent(value)}`);
  }
  return pairs.join("&");
}

class YibaoCalculator extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  connectedCallback() {
    this.#render();
  }

  attributeChangedCallback() {
    if (this.isConnected && this.shadowRoot) this.#render();
  }

  disconnectedCallback() {
    // Taken off the page: the calculator inside is unmounted (re-inserting mounts it anew).
    this.#ticket = (this.#ticket ?? 0) + 1;
    this.#unmount();
  }

  #unmount() {
    this.#app?.unmount();
    this.#app?.free();
    this.#app = undefined;
  }

  async #render() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    this.#unmount();
    const ticket = (this.#ticket = (this.#ticket ?? 0) + 1);
    const lang = this.getAttribute("lang") === "en" ? "en" : "zh-CN";
    shadow.innerHTML = `<link rel="stylesheet" href="${new URL("style.css", base)}"><div class="yibao" lang="${lang}"><p class="loading" role="status">${lang === "en" ? "Loading the calculator…" : "正在加载计算器…"}</p></div>`;
    const m = await load();
    // Attributes changed while loading: only the latest rendering mounts.
    if (ticket !== this.#ticket) return;
    const root = shadow.querySelector(".yibao");
    root.innerHTML = "";
    this.#app = m.mountCalculator(root, this, fragment(this), base.href);
  }

  #ticket;
  #app;
}

if (!customElements.get("yibao-calculator")) customElements.define("yibao-calculator", YibaoCalculator);
