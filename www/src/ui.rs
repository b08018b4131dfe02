//! Building blocks: labelled fields with their error, figures that open to their steps,
//! the explanation, and inputs for figures nobody published.

use yew::prelude::*;
use yibao::explain::{Cite, Explanation, Origin, Step};
use yibao::{Lang, Status, Text};

use crate::state::{Action, State};

pub type Ctx = UseReducerHandle<State>;

/// The text in the current language.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Zh {
        zh
    } else {
        en
    }
}

pub fn tx(lang: Lang, t: &Text) -> String {
    t.get(lang).to_string()
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The request field this input fills.
    pub name: &'static str,
    pub label: (&'static str, &'static str),
    #[prop_or_default]
    pub hint: Option<(&'static str, &'static str)>,
    /// `text`, `month`; money and counts use `text` with a numeric keyboard.
    #[prop_or("text")]
    pub kind: &'static str,
    #[prop_or("decimal")]
    pub inputmode: &'static str,
    #[prop_or_default]
    pub error: Option<Text>,
}

#[function_component]
pub fn Field(p: &FieldProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    let name = p.name;
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            ctx.dispatch(Action::Field(
                name,
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            ))
        })
    };
    let id = format!("f-{name}");
    let err_id = format!("{id}-err");
    html! {
        <div class={classes!("field", p.error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ tr(lang, p.label.0, p.label.1) }</label>
            <input id={id} name={name} type={p.kind} inputmode={p.inputmode} value={ctx.field(name).to_string()} {oninput}
                aria-invalid={p.error.is_some().to_string()} aria-describedby={err_id.clone()} autocomplete="off" />
            if let Some(h) = p.hint { <small class="hint">{ tr(lang, h.0, h.1) }</small> }
            <small id={err_id} class="error" role="status">{ p.error.as_ref().map(|e| tx(lang, e)).unwrap_or_default() }</small>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub name: &'static str,
    pub label: (&'static str, &'static str),
    pub options: Vec<(&'static str, &'static str, &'static str)>,
    #[prop_or_default]
    pub error: Option<Text>,
}

#[function_component]
pub fn Select(p: &SelectProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    let name = p.name;
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            ctx.dispatch(Action::Field(
                name,
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            ))
        })
    };
    let id = format!("f-{name}");
    let current = ctx.field(name).to_string();
    html! {
        <div class="field">
            <label for={id.clone()}>{ tr(lang, p.label.0, p.label.1) }</label>
            <select id={id} name={name} {onchange}>
                { for p.options.iter().map(|(v, zh, en)| html! { <option value={*v} selected={current == *v}>{ tr(lang, zh, en) }</option> }) }
            </select>
            <small class="error" role="status">{ p.error.as_ref().map(|e| tx(lang, e)).unwrap_or_default() }</small>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub name: &'static str,
    pub label: (&'static str, &'static str),
}

#[function_component]
pub fn Check(p: &CheckProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let name = p.name;
    let checked = ctx.field(name) == "true";
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            ctx.dispatch(Action::Field(
                name,
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked()
                    .to_string(),
            ))
        })
    };
    let id = format!("f-{name}");
    html! {
        <div class="field check">
            <input id={id.clone()} type="checkbox" {checked} {onchange} />
            <label for={id}>{ tr(ctx.lang, p.label.0, p.label.1) }</label>
        </div>
    }
}

fn status_badge(lang: Lang, c: &Cite) -> Html {
    match (c.origin, c.status) {
        (Origin::User, _) => {
            html! { <span class="badge user">{ tr(lang, "用户提供", "user-supplied") }</span> }
        }
        (_, Some(s)) if s.needs_caution() => {
            html! { <span class={classes!("badge", "caution")}>{ tx(lang, &s.label()) }</span> }
        }
        (_, Some(s)) => html! { <span class="badge">{ tx(lang, &s.label()) }</span> },
        _ => html! {},
    }
}

fn cite(lang: Lang, c: &Cite) -> Html {
    html! {
        <li class="cite">
            <code>{ c.param.clone().map(|p| format!("{p} = {}", c.value)).unwrap_or_else(|| c.value.clone()) }</code>
            { " " }{ status_badge(lang, c) }
            if let Some(s) = &c.source {
                <div class="source">
                    if let Some(url) = &s.url.clone().or_else(|| s.document.url.clone()) {
                        <a href={url.clone()} rel="noreferrer noopener" target="_blank">{ s.document.short_name().to_string() }</a>
                    } else {
                        <span>{ s.document.short_name().to_string() }</span>
                    }
                    { format!(" {} ", s.article) }
                    <q>{ s.quote.clone() }</q>
                </div>
            }
            if let Some(n) = &c.note { <div class="note">{ n.clone() }</div> }
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
                    <div><strong>{ tx(lang, &s.label) }</strong>{ "：" }<span class="formula">{ tx(lang, &s.formula) }</span></div>
                    if !s.cites.is_empty() { <ul class="cites">{ for s.cites.iter().map(|c| cite(lang, c)) }</ul> }
                </li>
            }) }
        </ol>
    }
}

/// Steps whose key is one of `keys` or starts with `prefix.`.
pub fn steps_for(ex: &Explanation, keys: &[&str]) -> Vec<Step> {
    ex.steps
        .iter()
        .filter(|s| {
            keys.iter()
                .any(|k| s.key == *k || s.key.starts_with(&format!("{k}.")))
        })
        .cloned()
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct FigureProps {
    pub label: (&'static str, &'static str),
    pub value: String,
    #[prop_or_default]
    pub unit: (&'static str, &'static str),
    pub steps: Vec<Step>,
    /// Whether any step used a user-supplied or caution value.
    #[prop_or_default]
    pub flagged: bool,
}

/// A figure that opens to the steps that produced it.
#[function_component]
pub fn Figure(p: &FigureProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    let user = p
        .steps
        .iter()
        .flat_map(|s| &s.cites)
        .any(|c| c.origin == Origin::User);
    let caution = p
        .steps
        .iter()
        .flat_map(|s| &s.cites)
        .any(|c| c.status.is_some_and(Status::needs_caution));
    html! {
        <details class="figure">
            <summary>
                <span class="label">{ tr(lang, p.label.0, p.label.1) }</span>
                <span class="value">{ p.value.clone() }<span class="unit">{ tr(lang, p.unit.0, p.unit.1) }</span></span>
                if user { <span class="badge user">{ tr(lang, "含用户提供数据", "uses your figures") }</span> }
                if caution { <span class="badge caution">{ tr(lang, "含非官方或推断数据", "uses unofficial or inferred figures") }</span> }
            </summary>
            <Steps steps={p.steps.clone()} />
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct NotesProps {
    pub ex: Explanation,
}

/// What the result rests on: cautions, figures not known, notes, and the full steps.
#[function_component]
pub fn Notes(p: &NotesProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    let ex = &p.ex;
    html! {
        <section class="notes">
            if !ex.user_supplied.is_empty() {
                <p class="user">{ tr(lang, "本结果使用了你提供的数据：", "This result uses figures you supplied: ") }{ ex.user_supplied.join(", ") }</p>
            }
            if !ex.cautions.is_empty() {
                <ul class="cautions">{ for ex.cautions.iter().map(|c| html! {
                    <li>{ tr(lang, "注意：", "Caution: ") }{ tx(lang, &c.label) }{ " — " }{ tx(lang, &c.status.label()) }</li>
                }) }</ul>
            }
            if !ex.not_known.is_empty() {
                <ul class="not-known">{ for ex.not_known.iter().map(|n| html! {
                    <li>{ tr(lang, "未公布：", "Not published: ") }{ tx(lang, &n.label) }{ " — " }{ tx(lang, &n.effect) }</li>
                }) }</ul>
            }
            if !ex.notes.is_empty() { <ul class="remarks">{ for ex.notes.iter().map(|n| html! { <li>{ tx(lang, n) }</li> }) }</ul> }
            <details class="all-steps">
                <summary>{ tr(lang, "全部计算步骤", "All steps") }</summary>
                <Steps steps={ex.steps.clone()} />
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct FiguresInputProps {
    pub city: String,
    /// Parameter ids to offer as inputs.
    pub ids: Vec<String>,
    #[prop_or_default]
    pub errors: std::collections::BTreeMap<String, Text>,
}

/// Inputs for figures the city never published, each with its hint: never a silent default.
#[function_component]
pub fn FigureInputs(p: &FiguresInputProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    if p.ids.is_empty() {
        return html! {};
    }
    html! {
        <fieldset class="supplied">
            <legend>{ tr(lang, "未公布的数据：请按当地通知或工资条填写", "Figures nobody published: enter them from the local notice or your payslip") }</legend>
            { for p.ids.iter().filter_map(|id| yibao::model::find(id)).map(|def| {
                let (city, id) = (p.city.clone(), def.key().to_string());
                let value = ctx.overrides.get(&p.city).and_then(|m| m.get(def.key())).cloned().unwrap_or_default();
                let oninput = {
                    let ctx = ctx.clone();
                    Callback::from(move |e: InputEvent| ctx.dispatch(Action::Override { city: city.clone(), id: id.clone(), value: e.target_unchecked_into::<web_sys::HtmlInputElement>().value() }))
                };
                let fid = format!("p-{}", def.key().replace('.', "-"));
                let err = p.errors.get(&format!("set:{}", def.key()));
                html! {
                    <div class={classes!("field", err.is_some().then_some("invalid"))}>
                        <label for={fid.clone()}>{ if lang == Lang::Zh { def.label_zh } else { def.label_en } }<span class="unit">{ format!(" ({})", def.unit.describe()) }</span></label>
                        <input id={fid.clone()} type="text" inputmode="decimal" {value} {oninput} autocomplete="off" aria-describedby={format!("{fid}-hint {fid}-err")} />
                        <small id={format!("{fid}-hint")} class="hint">{ if lang == Lang::Zh { def.hint_zh } else { def.hint_en } }</small>
                        <small id={format!("{fid}-err")} class="error" role="status">{ err.map(|e| tx(lang, e)).unwrap_or_default() }</small>
                    </div>
                }
            }) }
        </fieldset>
    }
}

/// An error that is not about one visible field: missing figures or a general message.
pub fn error_box(lang: Lang, err: &yibao::Error, shown_fields: &[&str]) -> Html {
    match err {
        yibao::Error::MissingFigures { missing } => html! {
            <p class="missing" role="status">{ tr(lang, "需要以下未公布的数据才能计算：", "To compute this, supply these unpublished figures: ") }
                { missing.iter().map(|m| tx(lang, &m.label)).collect::<Vec<_>>().join("、") }</p>
        },
        yibao::Error::Input { errors } => {
            let other: Vec<_> = errors
                .iter()
                .filter(|e| {
                    !shown_fields.contains(&e.field.as_str()) && !e.field.starts_with("set:")
                })
                .collect();
            html! { <>{ for other.iter().map(|e| html! { <p class="error general" role="status">{ format!("{}: {}", e.field, tx(lang, &e.message)) }</p> }) }</> }
        }
        yibao::Error::Rules { issues } => html! {
            <p class="error general">{ tr(lang, "规则文件无效：", "Invalid rules: ") }{ issues.first().map(|i| tx(lang, &i.reason)).unwrap_or_default() }</p>
        },
    }
}

/// The parameter ids to offer as inputs for a city: those missing now, those the result
/// went without, and those already supplied (so they stay editable).
pub fn offered_ids(
    ctx: &State,
    city: &str,
    err: Option<&yibao::Error>,
    ex: Option<&Explanation>,
) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |id: &str| {
        if !ids.iter().any(|x| x == id) {
            ids.push(id.to_string());
        }
    };
    if let Some(yibao::Error::MissingFigures { missing }) = err {
        missing.iter().for_each(|m| add(&m.id));
    }
    if let Some(ex) = ex {
        ex.not_known
            .iter()
            .filter(|n| {
                n.param.scope() == yibao::model::Scope::City
            })
            .for_each(|n| add(n.param.key()));
        ex.user_supplied.iter().for_each(|u| add(u));
    }
    if let Some(m) = ctx.overrides.get(city) {
        m.keys().for_each(|k| add(k));
    }
    ids
}
