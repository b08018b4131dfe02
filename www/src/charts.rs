//! SVG charts, drawn from figures the core computed. Sized by viewBox so they scale to a
//! 360-px phone; colours and strokes come from the stylesheet (classes), never inline styles.

use yew::prelude::*;
use yibao::{EligibilityResult, Lang};

use crate::model::WageSeries;
use crate::ui::tr;

// Integer SVG units: drawing needs no more precision, and integers keep float formatting
// out of the wasm.
const W: i64 = 320;
const H: i64 = 200;
const L: i64 = 44; // left margin for the y labels
const B: i64 = 28; // bottom margin for the x labels

fn path(points: &[(i64, i64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Employer and individual monthly amounts against the wage, floor and ceiling marked.
pub fn wage_chart(lang: Lang, s: &WageSeries) -> Html {
    let x_max = s.x_max.max(1);
    let sx = |x: i64| L + x.min(x_max) * (W - L - 8) / x_max;
    let sy = |y: i64| (H - B) - y * (H - B - 10) / s.y_max;
    let employer: Vec<(i64, i64)> = s.points.iter().map(|p| (sx(p.0), sy(p.1))).collect();
    let individual: Vec<(i64, i64)> = s.points.iter().map(|p| (sx(p.0), sy(p.2))).collect();
    let vline = |x: i64, class: &'static str, label: String| {
        html! { <g class={class}><line x1={sx(x).to_string()} x2={sx(x).to_string()} y1="10" y2={(H - B).to_string()} />
        <text x={(sx(x) + 2).to_string()} y="18">{ label }</text></g> }
    };
    let desc = format!(
        "{} 0–{}; {} {}",
        tr(
            lang,
            "单位和个人每月缴费随工资变化，工资范围",
            "employer and individual monthly amounts against wage, wages"
        ),
        s.x_max,
        tr(lang, "当前工资", "current wage"),
        s.wage
    );
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={desc}>
                <line class="axis" x1={L.to_string()} y1={(H - B).to_string()} x2={(W - 8).to_string()} y2={(H - B).to_string()} />
                <line class="axis" x1={L.to_string()} y1="10" x2={L.to_string()} y2={(H - B).to_string()} />
                <text class="tick" x={(L - 4).to_string()} y="14" text-anchor="end">{ s.y_max.to_string() }</text>
                <text class="tick" x={(L - 4).to_string()} y={(H - B).to_string()} text-anchor="end">{ "0" }</text>
                <text class="tick" x={(W - 8).to_string()} y={(H - 10).to_string()} text-anchor="end">{ s.x_max.to_string() }</text>
                <text class="tick" x={L.to_string()} y={(H - 10).to_string()}>{ tr(lang, "工资 →", "wage →") }</text>
                if let Some(f) = s.floor { { vline(f, "limit", tr(lang, "下限", "floor").into()) } }
                if let Some(c) = s.ceiling { { vline(c, "limit", tr(lang, "上限", "ceiling").into()) } }
                { vline(s.wage, "current", String::new()) }
                <polyline class="employer" points={path(&employer)} />
                <polyline class="individual" points={path(&individual)} />
            </svg>
            <figcaption>
                <span class="key employer">{ tr(lang, "单位", "employer") }</span>
                <span class="key individual">{ tr(lang, "个人", "individual") }</span>
                if s.floor.is_none() && s.ceiling.is_none() { <span>{ tr(lang, "（上下限未公布，未标出）", "(floor and ceiling not published)") }</span> }
            </figcaption>
        </figure>
    }
}

/// From the as-of month to the retirement month: months that will be paid, the months
/// still missing, and when benefits begin.
pub fn timeline(lang: Lang, r: &EligibilityResult) -> Html {
    let start = r.as_of;
    let ret = r.retirement.month;
    let scenario = r.continue_paying.as_ref().unwrap_or(&r.stop_now);
    let missing = scenario.shortfall_months as i32;
    let end = scenario
        .benefits_from
        .map_or(ret, |b| b.max(ret))
        .max(start);
    let span = i64::from((end.months_since(start).max(0) + missing.max(0)).max(1));
    let sx = |m: i32| L + i64::from(m) * (W - L - 8) / span;
    let to_ret = ret.months_since(start).max(0);
    let desc = format!(
        "{} {start} → {ret}; {} {missing}",
        tr(lang, "时间线", "timeline"),
        tr(lang, "差额月数", "months missing")
    );
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {W} 90")} role="img" aria-label={desc}>
                <rect class="paying" x={sx(0).to_string()} y="30" width={(sx(to_ret) - sx(0)).max(1).to_string()} height="16" />
                if missing > 0 {
                    <rect class="missing" x={sx(to_ret).to_string()} y="30" width={(sx(to_ret + missing) - sx(to_ret)).to_string()} height="16" />
                }
                <text class="tick" x={sx(0).to_string()} y="22">{ start.to_string() }</text>
                <text class="tick" x={sx(to_ret).to_string()} y="62" text-anchor="middle">{ format!("{} {ret}", tr(lang, "退休", "retire")) }</text>
                if let Some(b) = scenario.benefits_from {
                    <g class="benefits">
                        <line x1={sx(b.months_since(start).max(0)).to_string()} x2={sx(b.months_since(start).max(0)).to_string()} y1="26" y2="50" />
                        <text x={sx(b.months_since(start).max(0)).to_string()} y="80" text-anchor="middle">{ format!("{} {b}", tr(lang, "待遇起", "benefits")) }</text>
                    </g>
                }
            </svg>
            <figcaption>
                <span class="key paying">{ tr(lang, "继续缴费至退休", "paying until retirement") }</span>
                if missing > 0 { <span class="key missing">{ format!("{} {missing} {}", tr(lang, "仍差", "still missing"), tr(lang, "个月", "months")) }</span> }
            </figcaption>
        </figure>
    }
}
