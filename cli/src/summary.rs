//! The text account of a result: its headline figures (the same labels the web's cards and
//! share links use), the scenarios of an eligibility check, then the steps.

use yibao::compute::eligibility::Scenario;
use yibao::{Lang, Response};

fn scenario(out: &mut String, name: &str, s: &Scenario, lang: Lang) {
    out.push_str(&format!(
        "{name}: {} {}{}",
        lang.pick("差", "missing"),
        s.shortfall_months,
        lang.pick(" 个月", " months")
    ));
    if let Some(t) = &s.topup {
        out.push_str(&format!(
            "; {} {}",
            lang.pick("一次性补缴", "one-off top-up"),
            t.amount
        ));
    }
    if let Some(b) = s.benefits_from {
        out.push_str(&format!("; {} {b}", lang.pick("待遇起始", "benefits from")));
    }
    out.push('\n');
}

pub fn render(r: &Response, lang: Lang) -> String {
    // The answer in one line first, then the figures.
    let mut out = format!("{}\n\n", r.summary().get(lang));
    // Grouped figures (an eligibility check's scenarios) get a line each below.
    for h in r.headline().into_iter().filter(|h| h.group.is_none()) {
        let unit = h.unit.get(lang);
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!(" {unit}")
        };
        let detail = h
            .detail
            .as_ref()
            .map(|d| format!(" ({})", d.get(lang)))
            .unwrap_or_default();
        let group = h
            .group
            .as_ref()
            .map(|(_, g)| format!("{}：", g.get(lang)))
            .unwrap_or_default();
        out.push_str(&format!(
            "{group}{}: {}{unit}{detail}\n",
            h.label.get(lang),
            h.value.get(lang)
        ));
    }
    if let Response::Eligibility(e) = r {
        let ret = &e.retirement;
        out.push_str(&format!(
            "{}: {} {} {} {}\n",
            lang.pick("法定退休年龄", "statutory retirement age"),
            ret.age_years,
            lang.pick("岁", "y"),
            ret.age_months,
            lang.pick("个月", "m")
        ));
        if let Some(s) = &e.stop_now {
            scenario(
                &mut out,
                lang.pick("若现在停止缴费", "if payments stop now"),
                s,
                lang,
            );
        }
        if let Some(c) = &e.continue_paying {
            scenario(
                &mut out,
                lang.pick("若持续缴费至退休", "if payments continue"),
                c,
                lang,
            );
        }
    }
    out.push('\n');
    out + &crate::render::explanation(r.explanation(), lang)
}
