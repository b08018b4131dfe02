//! A result as the page shows it: how sure it is (once, at the top), its headline figures
//! as cards that open to their steps (grouped where they belong together, such as a
//! scenario), a chart, and what the result went without.

use yew::prelude::*;
use yibao::explain::{Explanation, Step};
use yibao::registry::Headline;
use yibao::{Confidence, Lang, Response};

use crate::calc::Outcome;
use crate::charts;
use crate::state::State;
use crate::ui::{badges, tr, tx, txm, Ctx, Fold, Steps};

/// Steps whose key is one of `keys` or starts with `key.`.
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
pub struct CardProps {
    pub h: Headline,
    pub steps: Vec<Step>,
}

/// A figure that opens to the steps that produced it.
#[function_component]
pub fn Card(p: &CardProps) -> Html {
    let ctx = use_context::<Ctx>().expect("state context");
    let lang = ctx.lang;
    let h = &p.h;
    let unit = h.unit.get(lang);
    let summary = html! {
        <summary>
            <span class="label">{ tx(lang, &h.label) }</span>
            <span class="value">{ tx(lang, &h.value) }if !unit.is_empty() { <span class="unit">{ format!(" {unit}") }</span> }</span>
            if let Some(d) = &h.detail { <span class="detail">{ tx(lang, d) }</span> }
            { badges(lang, &p.steps) }
        </summary>
    };
    html! {
        <Fold class="figure" data_key={h.key} {summary}>
            if p.steps.is_empty() {
                <p class="hint">{ tr(lang, "这一数字直接来自上面的数据。", "This figure is read directly from the figures above.") }</p>
            } else {
                <Steps steps={p.steps.clone()} />
            }
        </Fold>
    }
}

fn confidence(lang: Lang, ex: &Explanation) -> Html {
    let level = match ex.confidence {
        Confidence::Official => "official",
        Confidence::Secondary => "secondary",
        Confidence::LowReliabilityOrInferred => "low",
        Confidence::Provisional => "provisional",
        Confidence::UserSupplied => "user",
    };
    html! {
        <div class={classes!("confidence", level)}>
            <p><strong>{ tr(lang, "可信度：", "How sure: ") }</strong>{ tx(lang, &ex.confidence_line()) }</p>
            if !ex.rests_on.is_empty() {
                <ul>{ for ex.rests_on.iter().map(|b| {
                    let what = b.status_words();
                    let value = b.words.as_ref().map_or(b.value.as_str(), |w| w.get(lang));
                    let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
                    html! { <li>{ format!("{} = {value}{open}{}{close}", b.label.get(lang), tx(lang, &what)) }
                        if let Some(s) = &b.source { { " " }<span lang="zh-CN" class="doc">{ tx(lang, s) }</span> }
                    </li> }
                }) }</ul>
            }
        </div>
    }
}

/// The rules' notices that bear on a view (a document's term that ended, a change not
/// confirmed, a law on who sets a figure), each with its source: with a result, or with the
/// request for unpublished figures, so a tab that cannot compute still says why.
pub fn notices_of(o: &Outcome) -> &[yibao::explain::NoticeShown] {
    match &o.result {
        Ok(r) => &r.explanation().notices,
        Err(yibao::Error::MissingFigures { notices, .. }) => notices,
        Err(_) => &[],
    }
}

/// The notices, shown at the top of a view, under the one-line answer.
pub fn notices(lang: Lang, notices: &[yibao::explain::NoticeShown]) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices" role="note">{ for notices.iter().map(|n| html! {
            <p data-notice={n.id}>{ tx(lang, &n.text) }
                if let Some(s) = &n.source { { " " }<span lang="zh-CN" class="doc">{ tx(lang, &s.citation()) }</span> }
            </p>
        }) }</div>
    }
}

fn cards(lang: Lang, r: &Response) -> Html {
    let ex = r.explanation();
    let headline = r.headline();
    let card =
        |h: &Headline| html! { <Card key={h.key} h={h.clone()} steps={steps_for(ex, h.steps)} /> };
    let mut groups: Vec<(&'static str, yibao::Text)> = Vec::new();
    for h in &headline {
        if let Some((k, label)) = &h.group {
            if !groups.iter().any(|(g, _)| g == k) {
                groups.push((k, label.clone()));
            }
        }
    }
    html! { <>
        <div class="figures">{ for headline.iter().filter(|h| h.group.is_none()).map(card) }</div>
        { for groups.iter().map(|(k, label)| html! {
            <section key={*k} class="scenario" data-group={*k}>
                <h3>{ tx(lang, label) }</h3>
                <div class="figures">{ for headline.iter().filter(|h| h.group.as_ref().is_some_and(|(g, _)| g == k)).map(card) }</div>
            </section>
        }) }
    </> }
}

fn notes(lang: Lang, ex: &Explanation) -> Html {
    html! {
        <section class="notes">
            if !ex.not_known.is_empty() {
                <ul class="not-known">{ for ex.not_known.iter().map(|n| html! {
                    <li>{ tr(lang, "未公布：", "Not published: ") }{ tx(lang, &n.label) }{ " — " }{ tx(lang, &n.effect) }</li>
                }) }</ul>
            }
            if !ex.notes.is_empty() { <ul class="remarks">{ for ex.notes.iter().map(|n| html! { <li>{ txm(lang, n) }</li> }) }</ul> }
            if !ex.conventions.is_empty() { <ul class="conventions">{ for ex.conventions.iter().map(|n| html! { <li>{ txm(lang, n) }</li> }) }</ul> }
            <Fold class="all-steps" summary={html! { <summary>{ tr(lang, "全部计算步骤", "All steps") }</summary> }}>
                <Steps steps={ex.steps.clone()} />
            </Fold>
        </section>
    }
}

/// The answer in one line, kept in view at the top while the person types (the result
/// itself may be a screen or two below the boxes on a phone).
pub fn summary(lang: Lang, o: &Outcome) -> Html {
    let text = match &o.result {
        Ok(r) => tx(lang, &r.summary()),
        Err(yibao::Error::MissingFigures { .. }) => tr(
            lang,
            "填写下方标出的未公布数据后即可算出",
            "enter the unpublished figures marked below to see the answer",
        )
        .to_string(),
        Err(_) => tr(lang, "请按提示修改标出的内容", "correct the fields marked").to_string(),
    };
    html! { <p class="answer-line" role="status" aria-live="polite">{ text }</p> }
}

/// The result of a view, or what stands in its way.
pub fn result(state: &State, o: &Outcome, general: &[yibao::Text]) -> Html {
    let lang = state.lang;
    html! {
        <section class="result" aria-live="polite">
            { for general.iter().map(|t| html! { <p class="error general" role="status">{ tx(lang, t) }</p> }) }
            { match &o.result {
                // The figures first (the notices are above the boxes); how sure they are
                // right under them.
                Ok(r) => html! { <>
                    { cards(lang, r) }
                    { confidence(lang, r.explanation()) }
                    { charts::for_result(state, r) }
                    { notes(lang, r.explanation()) }
                </> },
                Err(yibao::Error::MissingFigures { missing, .. }) => html! {
                    <p class="missing" role="status">{ tr(lang, "需要以下未公布的数据才能计算，请在上面填写：", "To compute this, enter these unpublished figures above: ") }
                        { missing.iter().map(|m| tx(lang, &m.label)).collect::<Vec<_>>().join(lang.pick("、", "; ")) }</p>
                },
                Err(_) => html! { <p class="hint" role="status">{ tr(lang, "请按提示修改上面标出的内容。", "Correct the fields marked above.") }</p> },
            } }
        </section>
    }
}
