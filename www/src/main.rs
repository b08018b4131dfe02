use yew::prelude::*;
#[function_component]
fn App() -> Html { let s = { let v: serde_json::Value = serde_json::from_str("{\"a\":[1,2,\"x\"]}").unwrap(); format!("{}", v.as_object().map(|t| t.len()).unwrap_or(0)) }; html!{ <p>{s}</p> } }
fn main() { yew::Renderer::<App>::new().render(); }
