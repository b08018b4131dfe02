//! SVG charts, drawn from figures the core computed. Sized by viewBox so they scale to a
//! 360-px phone, with every label inside the box; colours and strokes come from the
//! stylesheet (classes), never inline styles.

use yew::prelude::*;
use yibao::{ContributionResult, EligibilityResult, Lang, Money, Response};

use crate::state::State;
use crate::ui::tr;

// Integer SVG units: drawing needs no more precision, and integers keep float formatting
// out of the wasm.
const W: i64 = 320;
const H: i64 = 200;
const L: i64 = 48; // left margin for the y labels
const R: i64 = 12; // right margin
const B: i64 = 28; // bottom margin for the x labels

fn yuan(m: Money) -> i64 {
    m.to_fen().map_or(0, |f| f / 100)
}

fn path(points: &[(i64, i64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn for_result(state: &State, r: &Response) -> Html {
    match r {
        Response::Contribution(c) => wage_chart(state, c),
        Response::Eligibility(e) => timeline(state.lang, e),
        _ => html! {},
    }
}

/// Employer and individual monthly amounts at sampled wages, computed by the core in one
/// call (the figures in force resolved once, not once a point).
fn series(state: &State, at: &ContributionResult) -> (Vec<(i64, i64, i64)>, i64) {
    let wage = yuan(at.wage);
    let ceiling = at.base_ceiling.map(yuan);
    let top = [wage * 8 / 5, ceiling.map_or(0, |c| c * 6 / 5), 10_000]
        .into_iter()
        .max()
        .unwrap_or(10_000);
    let step = (top / 24 / 100 + 1) * 100;
    let points = crate::calc::contribution_plan(state)
        .map(|plan| {
            (0..=24)
                .map(|i| step * i)
                .filter_map(|w| {
                    let a = plan.amounts(Money::from_fen(w * 100)).ok()?;
                    Some((w, yuan(a.employer_total), yuan(a.individual_total)))
                })
                .collect()
        })
        .unwrap_or_default();
    (points, step * 24)
}

fn wage_chart(state: &State, at: &ContributionResult) -> Html {
    let lang = state.lang;
    let (points, x_max) = series(state, at);
    let y_max = points
        .iter()
        .map(|p| p.1.max(p.2))
        .max()
        .unwrap_or(1)
        .max(1);
    let x_max = x_max.max(1);
    let sx = |x: i64| L + x.min(x_max) * (W - L - R) / x_max;
    let sy = |y: i64| (H - B) - y * (H - B - 14) / y_max;
    let employer: Vec<(i64, i64)> = points.iter().map(|p| (sx(p.0), sy(p.1))).collect();
    let individual: Vec<(i64, i64)> = points.iter().map(|p| (sx(p.0), sy(p.2))).collect();
    let vline = |x: i64, class: &'static str, label: String, y: i64| {
        let anchor = if sx(x) > W - 60 { "end" } else { "start" };
        let tx = if anchor == "end" {
            sx(x) - 3
        } else {
            sx(x) + 3
        };
        html! { <g class={class}><line x1={sx(x).to_string()} x2={sx(x).to_string()} y1="12" y2={(H - B).to_string()} />
        <text x={tx.to_string()} y={y.to_string()} text-anchor={anchor}>{ label }</text></g> }
    };
    let wage = yuan(at.wage);
    let unit = tr(lang, "元/月", "yuan a month");
    let desc = format!(
        "{} 0–{x_max}; {} {wage}",
        tr(
            lang,
            "单位和个人每月缴费随工资变化，工资范围",
            "employer and individual monthly amounts against wage, wages"
        ),
        tr(lang, "当前工资", "current wage")
    );
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={desc}>
                <line class="axis" x1={L.to_string()} y1={(H - B).to_string()} x2={(W - R).to_string()} y2={(H - B).to_string()} />
                <line class="axis" x1={L.to_string()} y1="12" x2={L.to_string()} y2={(H - B).to_string()} />
                <text class="tick" x={(L - 4).to_string()} y="16" text-anchor="end">{ y_max.to_string() }</text>
                <text class="tick" x={(L - 4).to_string()} y="28" text-anchor="end">{ unit }</text>
                <text class="tick" x={(L - 4).to_string()} y={(H - B).to_string()} text-anchor="end">{ "0" }</text>
                <text class="tick" x={(W - R).to_string()} y={(H - 10).to_string()} text-anchor="end">{ x_max.to_string() }</text>
                <text class="tick" x={L.to_string()} y={(H - 10).to_string()}>{ tr(lang, "月工资（元）→", "monthly wage (yuan) →") }</text>
                if let Some(f) = at.base_floor { { vline(yuan(f), "limit", tr(lang, "下限", "floor").into(), 40) } }
                if let Some(c) = at.base_ceiling { { vline(yuan(c), "limit", tr(lang, "上限", "ceiling").into(), 40) } }
                { vline(wage, "current", format!("{} {wage}", tr(lang, "你的工资", "your wage")), 24) }
                <polyline class="employer" points={path(&employer)} />
                <polyline class="individual" points={path(&individual)} />
            </svg>
            <figcaption>
                <span class="key employer">{ tr(lang, "单位", "employer") }</span>
                <span class="key individual">{ tr(lang, "个人", "individual") }</span>
                if at.base_floor.is_none() && at.base_ceiling.is_none() { <span>{ tr(lang, "（上下限未公布，未标出）", "(floor and ceiling not published)") }</span> }
            </figcaption>
        </figure>
    }
}

/// From the as-of month to the retirement month: months that will be paid, the months
/// still missing, and when benefits begin. Labels near an edge are anchored inward.
pub fn timeline(lang: Lang, r: &EligibilityResult) -> Html {
    let start = r.as_of.min(r.retirement.month);
    let ret = r.retirement.month;
    // Without the city's minimum there is no shortfall to draw.
    let Some(scenario) = r.continue_paying.as_ref().or(r.stop_now.as_ref()) else {
        return html! {};
    };
    let missing = scenario.shortfall_months as i32;
    let end = scenario
        .benefits_from
        .map_or(ret, |b| b.max(ret))
        .max(r.as_of);
    let span = i64::from((end.months_since(start).max(0) + missing.max(0)).max(1));
    let left = 8;
    let sx = |m: i32| left + i64::from(m) * (W - left - R) / span;
    let to_ret = ret.months_since(start).max(0);
    let label = |x: i64, y: i64, text: String| {
        let anchor = if x < 70 {
            "start"
        } else if x > W - 70 {
            "end"
        } else {
            "middle"
        };
        html! { <text class="tick" x={x.to_string()} y={y.to_string()} text-anchor={anchor}>{ text }</text> }
    };
    let desc = format!(
        "{} {start} → {ret}; {} {missing}",
        tr(lang, "时间线", "timeline"),
        tr(lang, "差额月数", "months missing")
    );
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {W} 96")} role="img" aria-label={desc}>
                <rect class="paying" x={sx(0).to_string()} y="30" width={(sx(to_ret) - sx(0)).max(1).to_string()} height="16" />
                if missing > 0 {
                    <rect class="missing" x={sx(to_ret).to_string()} y="30" width={(sx(to_ret + missing) - sx(to_ret)).to_string()} height="16" />
                }
                { label(sx(0), 22, start.to_string()) }
                { label(sx(to_ret), 64, format!("{} {ret}", tr(lang, "退休", "retirement"))) }
                if let Some(b) = scenario.benefits_from {
                    <g class="benefits">
                        <line x1={sx(b.months_since(start).max(0)).to_string()} x2={sx(b.months_since(start).max(0)).to_string()} y1="26" y2="50" />
                        { label(sx(b.months_since(start).max(0)), 84, format!("{} {b}", tr(lang, "待遇起", "benefits from"))) }
                    </g>
                }
            </svg>
            <figcaption>
                <span class="key paying">{ if r.retired { tr(lang, "已缴费", "paid") } else { tr(lang, "继续缴费至退休", "paying until retirement") } }</span>
                if missing > 0 { <span class="key missing">{ format!("{} {missing} {}", tr(lang, "仍差", "still missing"), tr(lang, "个月", "months")) }</span> }
            </figcaption>
        </figure>
    }
}
