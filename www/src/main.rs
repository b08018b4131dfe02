//! The yibao web calculator. Everything shown is computed by the rules core (`yibao`);
//! this crate keeps the state, renders it, and keeps the URL in step. The page's frame and
//! a loading line are static HTML (index.html), painted before this module has loaded.

mod app;
mod calc;
mod charts;
mod compare;
mod result;
mod share;
mod state;
mod ui;
mod views;

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            // The static frame (index.html) is replaced by the live page.
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
