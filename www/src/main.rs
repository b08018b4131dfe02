//! The yibao web calculator. Everything shown is computed by the rules core (`yibao`);
//! this crate keeps the state, renders it, and keeps the URL in step. Every page of the site
//! (the home page, each city's views) is rendered by the build from the same components
//! (prerender.rs), so its figures are painted before this module has loaded; the module then
//! takes that markup over.

mod app;
mod browser;
mod calc;
mod charts;
mod compare;
mod result;
mod share;
mod state;
mod ui;
mod views;

#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
mod prerender;

use wasm_bindgen::prelude::wasm_bindgen;

/// In the browser, nothing at load: main.js (or the `<yibao-calculator>` element) first
/// installs a site's figures file where the site serves one, then mounts ([`start`],
/// [`mount_calculator`]). Built natively with the `ssr` feature, the build's prerenderer:
/// `yibao-web DIST` writes every city's pages into DIST (see prerender.rs).
fn main() {
    #[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
    std::process::exit(prerender::main());
}

/// A site's figures file, checked by the figures module (`yibao_figures.js`), merged into
/// the rules every computation reads from now on. Throws `{zh, en}` (one defect a line)
/// where the figures do not fit the rules (a city or a parameter they do not have); the
/// calculator then runs on its own figures.
#[wasm_bindgen(js_name = installFigures)]
pub fn install_figures(bytes: &[u8]) -> Result<(), wasm_bindgen::JsValue> {
    let refused = |zh: String, en: String| {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"zh".into(), &zh.into());
        let _ = js_sys::Reflect::set(&o, &"en".into(), &en.into());
        wasm_bindgen::JsValue::from(o)
    };
    let site: yibao::model::SiteFigures = postcard::from_bytes(bytes).map_err(|_| {
        refused(
            "数值文件无法读取".into(),
            "the figures file cannot be read".into(),
        )
    })?;
    let installed = yibao::rules::install_site(&site);
    SITE_FIGURES.store(installed.is_ok(), std::sync::atomic::Ordering::Relaxed);
    installed.map_err(|e| match e {
        yibao::Error::Rules { issues } => {
            let lines = |f: fn(&yibao::RuleIssue) -> String| {
                issues.iter().map(f).collect::<Vec<_>>().join("\n")
            };
            refused(
                lines(|i| format!("{} [{}]：{}", i.file, i.key, i.reason.zh)),
                lines(|i| format!("{} [{}]: {}", i.file, i.key, i.reason.en)),
            )
        }
        _ => refused(
            "数值文件无法使用".into(),
            "the figures file cannot be used".into(),
        ),
    })
}

/// Set once a site's figures are installed: a prerendered page was rendered without them,
/// so the page is rendered anew rather than taken over.
static SITE_FIGURES: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Mounts the calculator on its own page (index.html's `<div id="app" data-yibao>`);
/// anywhere else the module only mounts when asked ([`mount_calculator`]), so a host
/// page's own `#app` is never touched.
#[wasm_bindgen]
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("#app[data-yibao]").ok().flatten());
    let Some(root) = root else { return };
    // A page the build rendered (prerender.rs) says which: its markup is taken over as it
    // is (hydration), then the page follows this month and its address's situation.
    let page = || {
        let data = |name: &str| root.get_attribute(name);
        // Made whole now, while the address is still the page's own: the address then
        // follows what is shown (`…/wenzhou/resident/`), and links from the page must not
        // move with it.
        let site = browser::resolve(&format!("./{}", data("data-root")?));
        let here = browser::resolve("./");
        Some(app::Page {
            city: data("data-city")?,
            view: state::View::parse(&data("data-view")?)?,
            month: data("data-month")?.parse().ok()?,
            path: here.strip_prefix(&site).unwrap_or_default().to_string(),
            root: site,
        })
    };
    match page() {
        Some(page) => {
            let props = app::AppProps {
                embed: None,
                page: Some(page),
            };
            let renderer = yew::Renderer::<app::App>::with_root_and_props(root.clone(), props);
            if SITE_FIGURES.load(std::sync::atomic::Ordering::Relaxed) {
                root.set_inner_html("");
                renderer.render();
            } else {
                renderer.hydrate();
            }
        }
        None => {
            // A static frame (index.html as written) is replaced by the live page.
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
    }
}

/// Mounts the calculator in `root` for the `<yibao-calculator>` element `host`: the
/// situation comes from the element's attributes, written as a share link's fragment
/// (`city=jining&view=employee&lang=en`); the host page's address, title and language are
/// left alone; each new result is announced on `host` as a `yibao-result` event; links to
/// the batch and fund pages start from `base` (where the calculator's files are).
///
/// Returns the mounted calculator, which the element unmounts before mounting anew (an
/// attribute changed) and when it leaves the page: an app not unmounted keeps its state and
/// listeners alive after its DOM is gone.
#[wasm_bindgen(js_name = mountCalculator)]
pub fn mount_calculator(
    root: web_sys::Element,
    host: web_sys::HtmlElement,
    fragment: String,
    base: String,
) -> Mounted {
    let embed = app::Embed {
        host,
        fragment,
        base,
    };
    Mounted(Some(
        yew::Renderer::<app::App>::with_root_and_props(
            root,
            app::AppProps {
                embed: Some(embed),
                page: None,
            },
        )
        .render(),
    ))
}

/// A calculator mounted in a `<yibao-calculator>` element.
#[wasm_bindgen]
pub struct Mounted(Option<yew::AppHandle<app::App>>);

#[wasm_bindgen]
impl Mounted {
    /// Unmounts the calculator (its DOM, state and listeners); once is enough.
    pub fn unmount(&mut self) {
        if let Some(app) = self.0.take() {
            app.destroy();
        }
    }
}
