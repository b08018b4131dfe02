//! The yibao web calculator. Everything shown is computed by the rules core (`yibao`);
//! this crate only keeps the state, renders, and keeps the URL in step.

mod app;
mod charts;
mod model;
mod state;
mod ui;
mod views;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
