//! What the page reads from the browser: the clock, the address, the rules' fetched texts.
//! The build renders the city pages natively (`prerender.rs`, Yew's server-side rendering),
//! where there is no browser: there, each function gives what a page opened with a bare
//! address would see, so the same components render the same markup on both sides.

use yibao::YearMonth;

/// "This month" in China (UTC+8), as the CLI and the JS API count it.
pub fn this_month() -> YearMonth {
    #[cfg(target_arch = "wasm32")]
    let secs = (js_sys::Date::now() / 1000.0) as i64;
    #[cfg(not(target_arch = "wasm32"))]
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    YearMonth::in_china(secs)
        .or_else(|| YearMonth::new(2026, 1))
        .expect("a month within 1900–2200")
}

/// The address's fragment (a share link's situation), with its `#`.
pub fn location_hash() -> String {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// The page's address without its fragment (empty when prerendering: the share box's value
/// is set when the page comes alive).
pub fn base_url() -> String {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!(
                "{}{}{}",
                l.origin().ok()?,
                l.pathname().ok()?,
                l.search().ok()?
            ))
        })
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// An address relative to the page's (`../wenzhou/`), made whole, without a fragment
/// (empty when prerendering).
pub fn resolve(relative: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|here| web_sys::Url::new_with_base(relative, &here).ok())
        .map(|u| {
            u.set_hash("");
            u.href()
        })
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = relative;
        String::new()
    }
}

/// The list of every city's pages beside the calculator (static, written by the build) in
/// the page's language, its links opening in it.
pub fn page_list_in(english: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let all = |selector: &str| {
            let list = doc.query_selector_all(selector).ok();
            let n = list.as_ref().map_or(0, web_sys::NodeList::length);
            (0..n)
                .filter_map(|i| list.as_ref()?.get(i)?.dyn_into::<web_sys::Element>().ok())
                .collect::<Vec<_>>()
        };
        for el in all("nav.pages [data-en]") {
            if el.get_attribute("data-zh").is_none() {
                let _ = el.set_attribute("data-zh", &el.text_content().unwrap_or_default());
            }
            let text = el.get_attribute(if english { "data-en" } else { "data-zh" });
            el.set_text_content(text.as_deref());
        }
        for a in all("nav.pages a[href]") {
            let href = a.get_attribute("href").unwrap_or_default();
            let bare = href.split('#').next().unwrap_or_default();
            let _ = a.set_attribute(
                "href",
                &format!("{bare}{}", if english { "#lang=en" } else { "" }),
            );
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = english;
}

/// `encodeURIComponent`: the browser's own in the page; natively, the same set of
/// characters left as they are (A–Z a–z 0–9 - _ . ! ~ * ' ( )).
pub fn encode_component(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::encode_uri_component(s));
    #[cfg(not(target_arch = "wasm32"))]
    {
        use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
        const COMPONENT: &percent_encoding::AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'_')
            .remove(b'.')
            .remove(b'!')
            .remove(b'~')
            .remove(b'*')
            .remove(b'\'')
            .remove(b'(')
            .remove(b')');
        utf8_percent_encode(s, COMPONENT).to_string()
    }
}

/// `decodeURIComponent`, empty where the text is not valid.
pub fn decode_component(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return js_sys::decode_uri_component(s)
        .map(String::from)
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .map(String::from)
        .unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A field of the rules' texts (`quote`, `note`, `note_zh`) by a citation's key, once
    /// main.js has fetched them (rules-texts.json, after the first paint); else nothing.
    #[wasm_bindgen(js_namespace = window, js_name = yibaoText)]
    fn yibao_text(key: &str, field: &str) -> Option<String>;
}

/// A field of the rules' fetched texts. A prerendered page has none (the page's first
/// render in the browser has none either; they arrive after it).
pub fn rules_text(key: &str, field: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return yibao_text(key, field);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, field);
        None
    }
}
