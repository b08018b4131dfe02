//! The share link, shown in a box that always holds what is on screen, with a copy button
//! and (where the browser has one) the system share sheet; and the banner a link made
//! under other rules opens with.

use yew::prelude::*;

use crate::calc;
use crate::state::{Action, State};
use crate::ui::{tr, tx, Ctx};

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The whole link, built from the state this render shows.
    pub url: String,
    /// The page is alive (its engine has taken it over). Before, as the build rendered it,
    /// the page does not know its address: the box is empty and its buttons off. (The
    /// page's first render must equal the build's, attribute for attribute, to be taken
    /// over: an attribute the build wrote and the first render leaves out is kept.)
    pub alive: bool,
}

/// The link box. Copying and the share sheet are done by `main.js` (the browser's
/// clipboard and `navigator.share`), which reads the box itself.
#[function_component]
pub fn Share(p: &ShareProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    let alive = p.alive;
    let url = if alive { p.url.clone() } else { String::new() };
    html! {
        <section class="share">
            <label for="share">{ tr(lang, "分享链接（含全部输入，不会上传）", "Share link (holds all inputs; nothing is uploaded)") }</label>
            <div class="share-row">
                <input id="share" type="text" readonly=true value={url} />
                <button type="button" id="copy-link" disabled={!alive} data-done={tr(lang, "已复制", "Copied")}>{ tr(lang, "复制链接", "Copy link") }</button>
                <button type="button" id="share-link" hidden=true data-title={tr(lang, "医保市级统筹计算器", "Medical insurance calculator")}>{ tr(lang, "分享…", "Share…") }</button>
            </div>
            // A picture of the result to send in a chat, and a printout: both made in this
            // browser from what the page shows (main.js), nothing uploaded.
            <div class="share-row">
                <button type="button" id="save-picture" disabled={!alive}>{ tr(lang, "保存结果图片", "Save as picture") }</button>
                <button type="button" id="print-result" disabled={!alive}>{ tr(lang, "打印", "Print") }</button>
            </div>
        </section>
    }
}

/// A link made under other rules says which of its figures have changed since.
pub fn banner(
    state: &State,
    ctx: &Ctx,
    version: &str,
    now: &[(String, String)],
    labels: &[yibao::registry::Headline],
) -> Html {
    let lang = state.lang;
    let Some(l) = state.link.as_ref().filter(|l| l.rules_version != version) else {
        return html! {};
    };
    let changed = calc::changed(&l.figures, now);
    let label = |k: &str| {
        labels
            .iter()
            .find(|h| h.key == k)
            .map_or_else(|| k.to_string(), |h| tx(lang, &h.label))
    };
    let dismiss = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::DismissLink))
    };
    html! {
        <aside class="link-banner" role="status">
            <p>{ format!("{} {} {} {}.", tr(lang, "此链接生成于规则版本", "This link was made under rules version"), l.rules_version, tr(lang, "，当前为", "; the rules are now"), version) }</p>
            if changed.is_empty() { <p>{ tr(lang, "链接中记录的数字没有变化。", "The figures the link recorded have not changed.") }</p> }
            else { <ul>{ for changed.iter().map(|(k, then, now)| html! { <li>{ format!("{}: {then} → {now}", label(k)) }</li> }) }</ul> }
            <button type="button" onclick={dismiss}>{ tr(lang, "知道了", "Dismiss") }</button>
        </aside>
    }
}
