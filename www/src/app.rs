//! The page: language and "official figures only", the city, the view tabs, the view (its
//! fields, the boxes for figures nobody published, the result), and the share link.

use gloo_events::EventListener;
use yew::prelude::*;
use yibao::{Lang, YearMonth};

use crate::browser::{base_url, location_hash};
use crate::calc::{self, Outcome};
use crate::state::{from_fragment, this_month, to_fragment, Action, State, View};
use crate::ui::{tr, tx, Ctx, Field, FigureBox, Prerendered};
use crate::views::{self, SPECS};
use crate::{compare, result, share};

/// Where the calculator lives: its own page (the address bar holds the situation), or a
/// `<yibao-calculator>` element on someone else's page (`main.rs`, `mountCalculator`).
#[derive(Clone, PartialEq)]
pub struct Embed {
    /// The element: `yibao-result` events are dispatched on it.
    pub host: web_sys::HtmlElement,
    /// Its attributes as a share link's fragment.
    pub fragment: String,
    /// Where the calculator's files are (the batch and fund pages), ending in `/`.
    pub base: String,
}

/// A page the build rendered in advance (a city's page, or the home page): what it shows
/// before its code has loaded, and so what the code's first render must show too (it then
/// takes over that markup: hydration).
#[derive(Clone, PartialEq, Debug)]
pub struct Page {
    pub city: String,
    pub view: View,
    /// The month the page was rendered for (the build's).
    pub month: YearMonth,
    /// The site's root: as the build wrote it, the way from the page ("", "../" or
    /// "../../"); in the browser, the whole address (`https://…/yibao/`), made so at start.
    pub root: String,
    /// The page's own place under the root: "" for the home page, `jining/`, …
    pub path: String,
}

impl Page {
    /// The page's situation in a given month: its city and view, the core's starting fields.
    pub fn state(&self, month: YearMonth) -> State {
        let mut s = State::new(month);
        s.city = self.city.clone();
        s.view = self.view;
        s
    }
}

#[derive(Clone, PartialEq, Properties, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub embed: Option<Embed>,
    #[prop_or_default]
    pub page: Option<Page>,
}

fn initial(props: &AppProps) -> State {
    match (&props.embed, &props.page) {
        (Some(e), _) => from_fragment(&e.fragment, State::new(this_month())),
        // Exactly what was rendered in advance; [`live`] follows once the page is alive.
        (None, Some(page)) => page.state(page.month),
        (None, None) => from_fragment(&location_hash(), State::new(this_month())),
    }
}

/// A prerendered page's own situation: this month, and what its address's fragment holds
/// (a share link's inputs).
fn live(page: &Page) -> State {
    from_fragment(&location_hash(), page.state(this_month()))
}

/// Tells the host page what the element now shows: `detail` is `{city, view, lang,
/// figures: [{key, label: {zh, en}, value: {zh, en}, unit: {zh, en}}]}` (values as shown,
/// money with two decimals), or `figures: []` while the situation is incomplete.
fn announce(host: &web_sys::HtmlElement, state: &State, headline: &[yibao::Headline]) {
    use js_sys::{Array, Object, Reflect};
    let text = |t: &yibao::Text| {
        let o = Object::new();
        let _ = Reflect::set(&o, &"zh".into(), &t.zh.as_ref().into());
        let _ = Reflect::set(&o, &"en".into(), &t.en.as_ref().into());
        o
    };
    let figures = Array::new();
    for h in headline {
        let f = Object::new();
        let _ = Reflect::set(&f, &"key".into(), &h.key.into());
        let _ = Reflect::set(&f, &"label".into(), &text(&h.label));
        let _ = Reflect::set(&f, &"value".into(), &text(&h.value));
        let _ = Reflect::set(&f, &"unit".into(), &text(&h.unit));
        figures.push(&f);
    }
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"city".into(), &state.city.as_str().into());
    let _ = Reflect::set(&detail, &"view".into(), &state.view.id().into());
    let _ = Reflect::set(&detail, &"lang".into(), &state.lang.pick("zh", "en").into());
    let _ = Reflect::set(&detail, &"figures".into(), &figures);
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("yibao-result", &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn rules_version() -> String {
    yibao::rules()
        .map(|r| r.version.clone())
        .unwrap_or_default()
}

/// The address of what is shown, without its fragment: on the site's own pages, the page of
/// its city and view (`…/wenzhou/resident/`; the home page for the comparison), so a shared
/// link opens on that page and a chat's preview names that city; the page's own address
/// while it shows its own city and view, and elsewhere.
fn address(page: Option<&Page>, state: &State, rules: &yibao::Rules) -> String {
    let Some(page) = page else {
        return base_url();
    };
    let Some(city) = rules.city(&state.city) else {
        return base_url();
    };
    // Its own city and view: the page's own place (the home page stays the home page).
    let path = if (page.city.as_str(), page.view) == (city.id.as_str(), state.view) {
        page.path.clone()
    } else {
        views::page_path(&city.id, state.view).unwrap_or_default()
    };
    match page.root.as_str() {
        "" => base_url(),
        root => format!("{root}{path}"),
    }
}

/// Keeps the address bar, the page's language and its title in step with what is shown.
fn sync_page(url: &str, lang: Lang, title: &str) {
    let Some(w) = web_sys::window() else { return };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
    if let Some(doc) = w.document() {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.pick("zh-CN", "en"));
        }
        doc.set_title(title);
    }
    crate::browser::page_list_in(lang == Lang::En);
}

fn header(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let lang_button = |l: Lang, label: &'static str| {
        let ctx = ctx.clone();
        html! { <button type="button" class="lang" lang={l.pick("zh-CN", "en")} aria-pressed={(lang == l).to_string()} onclick={Callback::from(move |_| ctx.dispatch(Action::Lang(l)))}>{ label }</button> }
    };
    let on_official = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            ctx.dispatch(Action::OfficialOnly(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            ))
        })
    };
    html! {
        <header>
            <h1>{ tr(lang, "医保市级统筹计算器", "Medical insurance under city-level pooling") }</h1>
            <div class="langs" role="group" aria-label={tr(lang, "语言", "Language")}>{ lang_button(Lang::Zh, "中文") }{ lang_button(Lang::En, "English") }</div>
            <div class="field check official">
                <input id="official-only" type="checkbox" checked={ctx.official_only} onchange={on_official} />
                <label for="official-only">{ tr(lang, "只用官方文件的数据（其余的请自行填写）", "Official figures only (enter the rest yourself)") }</label>
            </div>
        </header>
    }
}

fn city_section(ctx: &Ctx, rules: &'static yibao::Rules, error: Option<&yibao::Text>) -> Html {
    let lang = ctx.lang;
    let city = rules.city(&ctx.city);
    let on_city = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            ctx.dispatch(Action::City(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            ))
        })
    };
    html! {
        <section class="where">
            <div class="field">
                <label for="city">{ tr(lang, "城市", "City") }</label>
                <select id="city" onchange={on_city} aria-describedby="city-err">
                    { for rules.cities.iter().map(|c| html! { <option key={c.id.clone()} value={c.id.clone()} selected={city.is_some_and(|x| x.id == c.id)}>{ tx(lang, &c.name) }</option> }) }
                </select>
                <small id="city-err" class="error" role="status">{ error.map(|e| tx(lang, e)).unwrap_or_default() }</small>
            </div>
            if let Some(c) = city {
                <div class="city-info">
                    <p><strong lang="zh-CN">{ c.document.number.clone().unwrap_or_else(|| c.document.title.clone()) }</strong>
                       { format!(" · {} {}", tr(lang, "市级统筹自", "pooled from"), c.pooling_from) }
                       { c.pooling_to.map(|t| format!(" {} {t}", tr(lang, "至", "to"))).unwrap_or_default() }</p>
                    if !c.excluded_areas.is_empty() {
                        <p>{ tr(lang, "不含：", "Except: ") }{ c.excluded_areas.iter().map(|a| tx(lang, a)).collect::<Vec<_>>().join(lang.pick("、", ", ")) }</p>
                    }
                    <p class="summary">{ tx(lang, &c.summary) }</p>
                </div>
            }
        </section>
    }
}

fn tabs(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    html! {
        <nav class="tabs" aria-label={tr(lang, "计算类型", "Calculators")}>
            { for SPECS.iter().map(|s| {
                let (ctx2, v) = (ctx.clone(), s.view);
                html! { <button key={v.id()} type="button" id={format!("tab-{}", v.id())} class="tab" aria-current={(ctx.view == v).then_some("page")}
                    onclick={Callback::from(move |_| ctx2.dispatch(Action::View(v)))}>{ tr(lang, s.tab.0, s.tab.1) }</button> }
            }) }
        </nav>
    }
}

/// A view's fields, each with its error beside it.
fn inputs(
    state: &State,
    view: View,
    errors: &std::collections::BTreeMap<String, yibao::Text>,
) -> Html {
    let spec = views::spec(view);
    html! {
        <div class="inputs">
            { for spec.inputs.iter().filter(|i| (i.when)(state)).map(|i| html! { <Field key={i.name} input={i.name} view={view} error={errors.get(i.name).cloned()} /> }) }
        </div>
    }
}

/// Where a person finds the figures asked for: a payslip only where a wage is at issue; with
/// official figures only, some were published but set aside, which the words say.
fn legend(lang: Lang, state: &State) -> &'static str {
    match (state.official_only, state.view) {
        (true, _) => tr(
            lang,
            "需要你填写的数据（未公布，或来源不是官方文件而未采用）：请按当地缴费通知填写",
            "Figures to enter (not published, or set aside as not from an official document): take them from the local notice",
        ),
        (false, View::Employee | View::Flexible) => tr(
            lang,
            "未公布的数据：请按当地通知或工资条填写",
            "Figures nobody published: enter them from the local notice or your payslip",
        ),
        (false, View::Resident) => tr(
            lang,
            "未公布的数据：请按当地居民医保缴费通知填写",
            "Figures nobody published: enter them from the local resident-insurance notice",
        ),
        (false, _) => tr(
            lang,
            "未公布的数据：请按当地通知填写",
            "Figures nobody published: enter them from the local notice",
        ),
    }
}

fn figure_boxes(state: &State, o: &Outcome) -> Html {
    let lang = state.lang;
    if o.asks.is_empty() {
        return html! {};
    }
    html! {
        <fieldset class="supplied">
            <legend>{ legend(lang, state) }</legend>
            { for o.asks.iter().map(|a| html! { <FigureBox key={a.id.key()} city={state.city.clone()} ask={a.clone()} view={state.view} /> }) }
        </fieldset>
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let embed = props.embed.clone();
    let state = use_reducer({
        let props = props.clone();
        move || initial(&props)
    });
    // A prerendered page, once alive, shows this month and its address's situation. The
    // page says it is alive (`<main data-ready>`) from the render that shows them: before
    // it, what is on screen is the build's rendering.
    let alive = use_state_eq(|| false);
    {
        let (state, page, alive) = (state.clone(), props.page.clone(), alive.clone());
        use_effect_with((), move |_| {
            if let Some(page) = page {
                let live = live(&page);
                if live != *state {
                    state.dispatch(Action::Start(live));
                }
            }
            alive.set(true);
        });
    }
    // A share link pasted into this tab restores its situation (the page does not reload);
    // an element on another page leaves that page's address alone.
    {
        let (state, own_page) = (state.clone(), embed.is_none());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                let on_hash = own_page.then(|| {
                    let state = state.clone();
                    EventListener::new(&w, "hashchange", move |_| {
                        let hash = web_sys::window()
                            .and_then(|w| w.location().hash().ok())
                            .unwrap_or_default();
                        state.dispatch(Action::Restore(hash));
                    })
                });
                // main.js fetches the rules' quotes and notes after the first paint.
                let on_texts = EventListener::new(&w, "yibao-texts", move |_| {
                    state.dispatch(Action::TextsLoaded)
                });
                (on_hash, on_texts)
            });
            move || drop(listener)
        });
    }
    let Ok(rules) = yibao::rules() else {
        return html! { <main><p class="error">{ "规则文件无效 / Invalid rules" }</p></main> };
    };
    let outcome = use_memo((*state).clone(), |s| {
        calc::computes(s.view).then(|| calc::outcome(views::spec(s.view), s, &s.city))
    });
    let headline = outcome
        .as_ref()
        .as_ref()
        .map(Outcome::headline)
        .unwrap_or_default();
    let version = rules_version();
    let figures = calc::link_figures(&headline);
    let url = format!(
        "{}#{}",
        address(props.page.as_ref(), &state, rules),
        to_fragment(&state, &version, &figures)
    );
    {
        let title = views::page_title(
            state.lang,
            rules.city(&state.city),
            state.view,
            views::title_year(&state),
        );
        let (url, lang, embed, shown, headline) = (
            url.clone(),
            state.lang,
            embed.clone(),
            (*state).clone(),
            headline.clone(),
        );
        use_effect_with(url, move |url| match &embed {
            None => sync_page(url, lang, &title),
            Some(e) => announce(&e.host, &shown, &headline),
        });
    }
    let base = match (&embed, &props.page) {
        (Some(e), _) => e.base.clone(),
        (None, Some(page)) => page.root.clone(),
        (None, None) => String::new(),
    };
    let lang = state.lang;
    // The batch and fund pages open in the same language, city and "official figures only".
    let carry = format!(
        "#city={}{}{}",
        state.city,
        if lang == Lang::En { "&lang=en" } else { "" },
        if state.official_only {
            "&official=1"
        } else {
            ""
        }
    );
    let city_error = outcome
        .as_ref()
        .as_ref()
        .and_then(|o| o.field_errors.get("city").cloned());
    let body = match outcome.as_ref() {
        Some(o) => {
            let spec = views::spec(state.view);
            html! { <>
                { result::summary(state.lang, o) }
                { result::notices(state.lang, result::notices_of(o)) }
                { inputs(&state, state.view, &o.field_errors) }
                { figure_boxes(&state, o) }
                { result::result(&state, o, &calc::unshown_errors(o, spec, &state)) }
            </> }
        }
        None => {
            let (cards, errors) = compare::compare(&state);
            html! { <>{ inputs(&state, View::Compare, &errors) }{ cards }</> }
        }
    };
    html! {
        <ContextProvider<Ctx> context={state.clone()}>
        <ContextProvider<Prerendered> context={Prerendered(props.page.is_some())}>
        { header(&state) }
        <main data-ready={alive.then_some("true")}>
            if embed.is_none() { { share::banner(&state, &state, &version, &figures, &headline) } }
            { city_section(&state, rules, city_error.as_ref()) }
            { tabs(&state) }
            // What the view computes and from which request fields, for scripts and tests that
            // build a request as the page does (the fields are the view's, in its order).
            <section class="view" id={format!("view-{}", state.view.id())} key={state.view.id()}
                data-kind={views::spec(state.view).kind}
                data-fields={views::spec(state.view).inputs.iter().map(|i| i.name).collect::<Vec<_>>().join(" ")}>{ body }</section>
            // An element's situation lives in its host page, which has its own address.
            if embed.is_none() { <share::Share url={url} alive={*alive} /> }
        </main>
        <footer>
            <p>{ tr(lang, "全部计算在你的浏览器中完成，输入的内容不会离开本机。", "Everything is computed in your browser; nothing you type leaves it.") }</p>
            <p>{ format!("{} {}", tr(lang, "规则版本", "rules version"), version) }{ " · " }<a href={format!("{base}batch.html{carry}")}>{ tr(lang, "工资表批量核对", "Payroll batch") }</a>{ " · " }<a href={format!("{base}fund.html{carry}")}>{ tr(lang, "市级统筹基金", "The pooled fund") }</a>{ " · " }<a href={format!("{base}embed.html")}>{ tr(lang, "嵌入与 JS 接口", "Embed and JS API") }</a></p>
        </footer>
        </ContextProvider<Prerendered>>
        </ContextProvider<Ctx>>
    }
}
