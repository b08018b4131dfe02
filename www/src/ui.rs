//! Building blocks: fields with their error beside them, boxes for figures nobody
//! published, figure cards that open to their steps, and the steps with their sources.

use yew::prelude::*;
use yibao::explain::{Cite, Origin, Step};
use yibao::model::Unit;
use yibao::{Lang, Status, Text};

use crate::calc::Ask;
use crate::state::{Action, State, View};
use crate::views::{self, Input, Widget};

pub type Ctx = UseReducerHandle<State>;

/// The text in the current language.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

pub fn tx(lang: Lang, t: &Text) -> String {
    t.get(lang).to_string()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// A text in the page's language where it may quote Chinese names (a document number, an
/// article, 以内): in English, each run of Chinese is marked `lang="zh-CN"`, so it is read
/// and set as Chinese.
pub fn txm(lang: Lang, t: &Text) -> Html {
    let s = t.get(lang);
    if lang == Lang::Zh || !s.chars().any(is_han) {
        return html! { { s.to_string() } };
    }
    let mut parts = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find(is_han) {
        let (before, from) = rest.split_at(start);
        let end = from
            .find(|c: char| !is_han(c) && !c.is_ascii_digit())
            .unwrap_or(from.len());
        let (han, after) = from.split_at(end);
        parts.push(html! { { before.to_string() } });
        parts.push(html! { <span lang="zh-CN">{ han.to_string() }</span> });
        rest = after;
    }
    parts.push(html! { { rest.to_string() } });
    html! { <>{ for parts }</> }
}

fn value_of(e: &Event) -> String {
    let t = e.target_unchecked_into::<web_sys::HtmlInputElement>();
    if t.type_() == "checkbox" {
        t.checked().to_string()
    } else {
        t.value()
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub input: &'static str,
    pub view: View,
    #[prop_or_default]
    pub error: Option<Text>,
}

/// One of a view's inputs, with its hint and, beside it, its error.
#[function_component]
pub fn Field(p: &FieldProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let Some(input) = views::spec(p.view)
        .inputs
        .iter()
        .find(|i| i.name == p.input)
        .copied()
    else {
        return html! {};
    };
    let lang = ctx.lang;
    let name = input.name;
    let id = format!("f-{name}");
    let err_id = format!("{id}-err");
    let on_input = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| ctx.dispatch(Action::Field(name, value_of(&e))))
    };
    let on_change = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| ctx.dispatch(Action::Field(name, value_of(&e))))
    };
    let value = ctx.field(name).to_string();
    let invalid = p.error.is_some();
    let control = widget(
        &input, &id, &err_id, value, invalid, lang, on_input, on_change,
    );
    html! {
        <div class={classes!("field", invalid.then_some("invalid"), (input.widget == Widget::Check).then_some("check"))}>
            if input.widget == Widget::Check {
                { control }<label for={id.clone()}>{ tr(lang, input.label.0, input.label.1) }</label>
            } else {
                <label for={id.clone()}>{ tr(lang, input.label.0, input.label.1) }</label>{ control }
            }
            if let Some(h) = input.hint { <small class="hint">{ tr(lang, h.0, h.1) }</small> }
            <small id={err_id} class="error" role="status">{ p.error.as_ref().map(|e| tx(lang, e)).unwrap_or_default() }</small>
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn widget(
    input: &Input,
    id: &str,
    err_id: &str,
    value: String,
    invalid: bool,
    lang: Lang,
    on_input: Callback<InputEvent>,
    on_change: Callback<Event>,
) -> Html {
    let id = id.to_string();
    let described = err_id.to_string();
    match input.widget {
        Widget::Choose(choices) => html! {
            <select id={id} name={input.name} onchange={on_change} aria-describedby={described}>
                { for choices.iter().map(|c| html! { <option key={c.word} value={c.word} selected={value == c.word}>{ lang.pick(c.zh, c.en) }</option> }) }
            </select>
        },
        Widget::Check => html! {
            <input id={id} type="checkbox" name={input.name} checked={value == "true"} onchange={on_change} />
        },
        Widget::Month => html! {
            <input id={id} type="month" name={input.name} {value} oninput={on_input} aria-invalid={invalid.to_string()} aria-describedby={described} />
        },
        Widget::Amount | Widget::Count => html! {
            <input id={id} type="text" inputmode={if input.widget == Widget::Count { "numeric" } else { "decimal" }} name={input.name} {value}
                oninput={on_input} aria-invalid={invalid.to_string()} aria-describedby={described} autocomplete="off" />
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct FigureBoxProps {
    pub city: String,
    pub ask: Ask,
    pub view: View,
}

/// A box for a figure the city never published: its name and unit in words, where to find
/// it, how what was typed was read, and what it is also used for. Never a silent default.
#[function_component]
pub fn FigureBox(p: &FigureBoxProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    let def = p.ask.id.def();
    let (city, key) = (p.city.clone(), def.key().to_string());
    let fid = format!("p-{}-{}", p.city, key.replace('.', "-"));
    let on_set = {
        let ctx = ctx.clone();
        Callback::from(move |value: String| {
            ctx.dispatch(Action::Figure {
                city: city.clone(),
                id: key.clone(),
                value,
            })
        })
    };
    let unit = def.unit.label();
    let label = if unit.is_empty() {
        def.label().get(lang).to_string()
    } else {
        match lang {
            Lang::Zh => format!("{}（{}）", def.label().zh, unit.zh),
            Lang::En => format!("{} ({})", def.label().en, unit.en),
        }
    };
    let others = views::also_read_by(p.ask.id, p.view);
    let described = format!("{fid}-hint {fid}-err");
    html! {
        <div class={classes!("field", p.ask.error.is_some().then_some("invalid"))} data-param={def.key()}>
            <label for={fid.clone()}>{ label }</label>
            { figure_control(def.unit, &fid, &p.ask.text, &described, lang, on_set) }
            <small id={format!("{fid}-hint")} class="hint">{ lang.pick(def.hint_zh, def.hint_en) }</small>
            if let Some(r) = &p.ask.reading { <small class="reading">{ tx(lang, r) }</small> }
            if let Some(s) = &p.ask.set_aside {
                <small class="hint">{ format!("{}{}{}{}{}{}", tr(lang, "有来源给出 ", "a source gives "), s.words.as_ref().map_or(s.value.as_str(), |w| w.get(lang)), lang.pick("（", " ("), tx(lang, &s.status.label()), lang.pick("）", ")"), tr(lang, "，因“只用官方数据”未采用", ", set aside for “official figures only”")) }</small>
            }
            if !p.ask.text.is_empty() && !others.is_empty() {
                <small class="shared">{ format!("{}{}", tr(lang, "本市的这一数据也用于：", "this city's figure is also used in: "), others.iter().map(|s| lang.pick(s.tab.0, s.tab.1)).collect::<Vec<_>>().join(lang.pick("、", ", "))) }</small>
            }
            <small id={format!("{fid}-err")} class="error" role="status">{ p.ask.error.as_ref().map(|e| tx(lang, e)).unwrap_or_default() }</small>
        </div>
    }
}

fn figure_control(
    unit: Unit,
    fid: &str,
    text: &str,
    described: &str,
    lang: Lang,
    on_set: Callback<String>,
) -> Html {
    let (fid, described, value) = (fid.to_string(), described.to_string(), text.to_string());
    let on_input = on_set.reform(|e: InputEvent| value_of(&e));
    let on_change = on_set.reform(|e: Event| value_of(&e));
    let choose = |options: Vec<(&'static str, &'static str, &'static str)>| {
        html! {
            <select id={fid.clone()} onchange={on_change.clone()} aria-describedby={described.clone()}>
                <option value="" selected={value.is_empty()}>{ tr(lang, "请选择", "choose") }</option>
                { for options.into_iter().map(|(w, zh, en)| html! { <option key={w} value={w} selected={value == w}>{ lang.pick(zh, en) }</option> }) }
            </select>
        }
    };
    match unit {
        Unit::Flag => choose(vec![("true", "是", "yes"), ("false", "否", "no")]),
        Unit::Choice(c) => choose(c.iter().map(|c| (c.word, c.zh, c.en)).collect()),
        Unit::ChoiceSet(c) => {
            html! { <ChoiceSet id={fid} choices={c} value={value} on_set={on_set} /> }
        }
        Unit::Month => {
            html! { <input id={fid} type="month" {value} oninput={on_input} aria-describedby={described} /> }
        }
        _ => {
            html! { <input id={fid} type="text" inputmode="decimal" {value} oninput={on_input} autocomplete="off" aria-describedby={described} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct ChoiceSetProps {
    id: String,
    choices: &'static [yibao::model::Choice],
    value: String,
    on_set: Callback<String>,
}

/// Several words of a vocabulary as checkboxes; the value is the chosen words, comma-joined.
#[function_component]
fn ChoiceSet(p: &ChoiceSetProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    let chosen: Vec<&str> = p
        .value
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    html! {
        <fieldset class="choices" id={p.id.clone()}>
            { for p.choices.iter().map(|c| {
                let on = chosen.contains(&c.word);
                let (word, chosen) = (c.word, chosen.iter().map(|s| s.to_string()).collect::<Vec<_>>());
                let choices = p.choices;
                let onchange = p.on_set.reform(move |e: Event| {
                    let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                    // Keep the vocabulary's order, whatever order the boxes were ticked in.
                    choices.iter().map(|c| c.word).filter(|w| if *w == word { checked } else { chosen.iter().any(|x| x == w) }).collect::<Vec<_>>().join(",")
                });
                let cid = format!("{}-{}", p.id, c.word);
                html! { <label key={c.word} for={cid.clone()} class="choice"><input id={cid} type="checkbox" value={c.word} checked={on} {onchange} />{ lang.pick(c.zh, c.en) }</label> }
            }) }
        </fieldset>
    }
}

/// A badge where a figure rests on something less than an official document, saying what
/// (a carried figure says its own grade too), and one where it came from the site's file.
fn badge(lang: Lang, c: &Cite) -> Html {
    let site = c.source.as_ref().is_some_and(|s| s.document.site.is_some());
    let site = site.then(
        || html! { <span class="badge site">{ tr(lang, "本站数据", "this site's figure") }</span> },
    );
    let grade = match (c.origin, c.status) {
        (Origin::User, _) => {
            html! { <span class="badge user">{ tr(lang, "你提供的数据", "your figure") }</span> }
        }
        (_, Some(s)) if s.needs_caution() => {
            html! { <span class="badge caution">{ tx(lang, &yibao::explain::status_words(s, c.carried.as_ref())) }</span> }
        }
        _ => html! {},
    };
    html! { <>{ grade }{ for site }</> }
}

/// A citation's text field: inline where the core carries it, else from the fetched texts.
fn cite_text(c: &Cite, inline: Option<&str>, field: &str) -> Option<String> {
    match inline.filter(|t| !t.is_empty()) {
        Some(t) => Some(t.to_string()),
        None => c
            .text_key
            .as_deref()
            .and_then(|k| crate::browser::rules_text(k, field)),
    }
}

fn cite(lang: Lang, c: &Cite) -> Html {
    let quote = c
        .source
        .as_ref()
        .and_then(|s| cite_text(c, Some(s.quote), "quote"))
        .unwrap_or_default();
    let note = c.note_text().or_else(|| {
        Some(Text::new(
            cite_text(c, None, "note_zh")?,
            cite_text(c, None, "note")?,
        ))
    });
    html! {
        <li class="cite">
            <span>{ format!("{} = {}", c.label.get(lang), c.shown(lang)) }</span>{ " " }{ badge(lang, c) }
            if let Some(s) = &c.source {
                <div class="source">
                    // A document with an address links to it (a code repository's name stays
                    // in the address, the words in the title).
                    if let Some(url) = s.document.url {
                        <a lang="zh-CN" class="doc" href={url} target="_blank" rel="noopener noreferrer">{ tx(lang, &s.citation()) }</a>{ " " }
                    } else {
                        <span lang="zh-CN" class="doc">{ tx(lang, &s.citation()) }</span>{ " " }
                    }
                    if !quote.is_empty() { <q lang="zh-CN">{ quote.clone() }</q> }
                    if s.document.has_text {
                        { " " }<button type="button" class="open-source" data-doc={s.document.id} data-quote={quote}>{ tr(lang, "查看原文", "read the article") }</button>
                    }
                </div>
            }
            if let Some(n) = note { <div class="note">{ txm(lang, &n) }</div> }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    pub steps: Vec<Step>,
}

/// Steps with their formulas and citations.
#[function_component]
pub fn Steps(p: &StepsProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    html! {
        <ol class="steps">
            { for p.steps.iter().map(|s| html! {
                <li>
                    <div><strong>{ tx(lang, &s.label) }</strong>{ lang.pick("：", ": ") }<span class="formula">{ tx(lang, &s.formula) }</span></div>
                    if !s.cites.is_empty() { <ul class="cites">{ for s.cites.iter().map(|c| cite(lang, c)) }</ul> }
                </li>
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
pub struct FoldProps {
    pub class: &'static str,
    /// `data-key`: which figure the card shows (tests and the share link's checks read it).
    #[prop_or_default]
    pub data_key: Option<&'static str>,
    pub summary: Html,
    pub children: Html,
}

/// A `<details>` whose body is built the first time it is opened, then kept. A result's
/// cards hold most of the page's elements in their steps (277 of 389 for an employee's
/// result), and building them for cards nobody opens took a large part of the time to the
/// first figure on a phone.
/// Set on a page the build rendered in advance: its cards' steps and citations are in its
/// markup (a reader without JavaScript, or a search engine, opens them too), so the code's
/// first render builds them as well, to take that markup over unchanged.
#[derive(Clone, Copy, PartialEq)]
pub struct Prerendered(pub bool);

#[function_component]
pub fn Fold(p: &FoldProps) -> Html {
    let prerendered = use_context::<Prerendered>().is_some_and(|p| p.0);
    let opened = use_state_eq(|| prerendered);
    let details = use_node_ref();
    // Once alive, a card nobody opened lets its steps go again: each key typed then redraws
    // the figures only, as on a page that was not prerendered.
    {
        let (opened, details) = (opened.clone(), details.clone());
        use_effect_with((), move |_| {
            let open = details
                .cast::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            if !open {
                opened.set(false);
            }
        });
    }
    let ontoggle = {
        let opened = opened.clone();
        // `toggle` fires after the element opens or closes: it is open when it has `open`.
        Callback::from(move |e: Event| {
            if e.target_dyn_into::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"))
            {
                opened.set(true);
            }
        })
    };
    html! {
        <details ref={details} class={p.class} data-key={p.data_key} {ontoggle}>
            { p.summary.clone() }
            if *opened { { p.children.clone() } }
        </details>
    }
}

/// The badges a set of steps earns: the person's figures, the site's, and figures short of
/// official. Several figures stand behind a card, so a carried one reads "含暂按上期标准的数据"
/// (the card's own figure may be a fresh one beside a carried limit).
pub fn badges(lang: Lang, steps: &[Step]) -> Html {
    let cites = || steps.iter().flat_map(|s| &s.cites);
    let user = cites().any(|c| c.origin == Origin::User);
    let site = cites().any(|c| c.source.as_ref().is_some_and(|s| s.document.site.is_some()));
    let mut statuses: Vec<Status> = cites()
        .flat_map(|c| [c.status, c.carried.as_ref().map(|k| k.status)])
        .flatten()
        .filter(|s| s.needs_caution())
        .collect();
    statuses.sort();
    statuses.dedup();
    let words = |s: Status| match s {
        Status::Provisional => yibao::Confidence::Provisional.label_short(),
        s => s.label(),
    };
    html! { <>
        if user { <span class="badge user">{ tr(lang, "含你提供的数据", "uses your figures") }</span> }
        if site { <span class="badge site">{ tr(lang, "含本站数据", "uses this site's figures") }</span> }
        { for statuses.into_iter().map(|s| html! { <span class="badge caution">{ tx(lang, &words(s)) }</span> }) }
    </> }
}
