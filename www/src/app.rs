//! The page: language, city and month, the view tabs, the view, the share link.

use yew::prelude::*;
use yibao::Lang;

use crate::model;
use crate::state::{from_fragment, to_fragment, Action, State, View};
use crate::ui::{tr, tx, Ctx};
use crate::views;

fn this_month() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}", d.get_full_year(), d.get_month() + 1)
}

fn initial() -> State {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    from_fragment(&hash, State::new(&this_month()))
}

fn rules_version() -> String {
    yibao::rules()
        .map(|r| r.version.clone())
        .unwrap_or_default()
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial);
    let lang = state.lang;

    // The URL always carries the whole situation (in the fragment, never sent anywhere).
    {
        let s = (*state).clone();
        use_effect_with(s, |s| {
            let frag = to_fragment(s, &rules_version(), &model::headline(s));
            if let Some(w) = web_sys::window() {
                if let Ok(h) = w.history() {
                    let _ = h.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&format!("#{frag}")),
                    );
                }
                if let Some(doc) = w.document() {
                    if let Some(root) = doc.document_element() {
                        let _ = root
                            .set_attribute("lang", if s.lang == Lang::Zh { "zh-CN" } else { "en" });
                    }
                    doc.set_title(tr(
                        s.lang,
                        "医保市级统筹计算器",
                        "Medical insurance calculator (city-level pooling)",
                    ));
                }
            }
        });
    }

    let rules = match yibao::rules() {
        Ok(r) => r,
        Err(e) => return html! { <main><p class="error">{ e.render(lang) }</p></main> },
    };
    let city = rules.city(&state.city);
    let set = |a: fn(String) -> Action| {
        let state = state.clone();
        move |v: String| state.dispatch(a(v))
    };
    let on_city = {
        let f = set(Action::City);
        Callback::from(move |e: Event| {
            f(e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value())
        })
    };
    let on_month = {
        let f = set(Action::Month);
        Callback::from(move |e: InputEvent| {
            f(e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value())
        })
    };
    let lang_button = |l: Lang, label: &'static str| {
        let state = state.clone();
        html! { <button type="button" class="lang" aria-pressed={(lang == l).to_string()} onclick={Callback::from(move |_| state.dispatch(Action::Lang(l)))}>{ label }</button> }
    };
    let tab = |v: View, zh: &'static str, en: &'static str| {
        let state = state.clone();
        let current = state.view == v;
        html! { <button type="button" id={format!("tab-{}", v.id())} class="tab" aria-current={current.then_some("page")} onclick={Callback::from(move |_| state.dispatch(Action::View(v)))}>{ tr(lang, zh, en) }</button> }
    };
    let month_error = match state.view {
        View::Employee | View::Flexible | View::Compare => {
            let r = if state.view == View::Flexible {
                yibao::flexible(&state.flexible_request()).err()
            } else {
                yibao::contribution(&state.contribution_request(&state.city)).err()
            };
            r.as_ref()
                .map(model::field_errors)
                .and_then(|m| m.get("month").cloned())
        }
        _ => None,
    };
    let link_banner = state.link.as_ref().filter(|l| l.rules_version != rules.version).map(|l| {
        let changed = model::changed(&l.figures, &model::headline(&state));
        let dismiss = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::DismissLink))
        };
        html! {
            <aside class="link-banner" role="status">
                <p>{ format!("{} {} {} {}.", tr(lang, "此链接生成于规则版本", "This link was made under rules version"), l.rules_version, tr(lang, "，当前为", "; the rules are now"), rules.version) }</p>
                if changed.is_empty() { <p>{ tr(lang, "链接中记录的数字没有变化。", "The figures the link recorded have not changed.") }</p> }
                else { <ul>{ for changed.iter().map(|(k, then, now)| html! { <li>{ format!("{}: {then} → {now}", model::headline_label(k, lang)) }</li> }) }</ul> }
                <button type="button" onclick={dismiss}>{ tr(lang, "知道了", "Dismiss") }</button>
            </aside>
        }
    });
    let url = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();

    html! {
        <ContextProvider<Ctx> context={state.clone()}>
        <header>
            <h1>{ tr(lang, "医保市级统筹计算器", "Medical insurance under city-level pooling") }</h1>
            <div class="langs" role="group" aria-label="语言 / Language">{ lang_button(Lang::Zh, "中文") }{ lang_button(Lang::En, "English") }</div>
        </header>
        <main>
            { link_banner.unwrap_or_default() }
            <section class="where">
                <div class="field">
                    <label for="city">{ tr(lang, "城市", "City") }</label>
                    <select id="city" onchange={on_city}>
                        { for rules.cities.iter().map(|c| html! { <option value={c.id.clone()} selected={city.is_some_and(|x| x.id == c.id)}>{ tx(lang, &c.name) }</option> }) }
                    </select>
                </div>
                <div class={classes!("field", month_error.is_some().then_some("invalid"))}>
                    <label for="month">{ tr(lang, "月份", "Month") }</label>
                    <input id="month" type="month" value={state.month.clone()} oninput={on_month} aria-describedby="month-err" />
                    <small id="month-err" class="error" role="status">{ month_error.map(|e| tx(lang, &e)).unwrap_or_default() }</small>
                </div>
                if let Some(c) = city {
                    <div class="city-info">
                        <p><strong>{ c.document.number.clone().unwrap_or_else(|| c.document.title.clone()) }</strong>
                           { format!(" · {} {}", tr(lang, "市级统筹自", "pooled from"), c.pooling_from) }
                           { c.pooling_to.map(|t| format!(" {} {t}", tr(lang, "至", "to"))).unwrap_or_default() }</p>
                        if !c.excluded_areas.is_empty() {
                            <p>{ tr(lang, "不含：", "Except: ") }{ c.excluded_areas.iter().map(|a| tx(lang, a)).collect::<Vec<_>>().join("、") }</p>
                        }
                        <p class="summary">{ tx(lang, &c.summary) }</p>
                    </div>
                }
            </section>
            <nav class="tabs" aria-label={tr(lang, "计算类型", "Calculators")}>
                { tab(View::Employee, "在职职工", "Employee") }
                { tab(View::Flexible, "灵活就业", "Flexible") }
                { tab(View::Resident, "城乡居民", "Resident") }
                { tab(View::Eligibility, "退休待遇与补缴", "Retirement & top-up") }
                { tab(View::Compare, "城市对比", "Compare cities") }
            </nav>
            <section class="view" id={format!("view-{}", state.view.id())}>
            { match state.view {
                View::Employee => views::employee(&state),
                View::Flexible => views::flexible(&state),
                View::Resident => views::resident(&state),
                View::Eligibility => views::eligibility(&state),
                View::Compare => views::compare(&state),
            } }
            </section>
            <section class="share">
                <label for="share">{ tr(lang, "分享链接（含全部输入，不会上传）", "Share link (holds all inputs; nothing is uploaded)") }</label>
                <input id="share" type="text" readonly=true value={url} />
            </section>
        </main>
        <footer>
            <p>{ tr(lang, "全部计算在你的浏览器中完成，输入的内容不会离开本机。", "Everything is computed in your browser; nothing you type leaves it.") }</p>
            <p>{ format!("{} {}", tr(lang, "规则版本", "rules version"), rules.version) }{ " · " }<a href="batch.html">{ tr(lang, "工资表批量核对", "Payroll batch") }</a>{ " · " }<a href="fund.html">{ tr(lang, "市级统筹基金", "The pooled fund") }</a>{ " · " }<a href="embed.html">{ tr(lang, "嵌入与 JS 接口", "Embed and JS API") }</a></p>
        </footer>
        </ContextProvider<Ctx>>
    }
}
