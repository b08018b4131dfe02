//! What the page shows, computed from the state by the core. No rule or rate lives here:
//! this module only calls the core and picks out figures for display.

use std::collections::BTreeMap;

use yibao::{ContributionResult, Error, Lang, Text};

use crate::state::{State, View};

/// The reason for each bad field, by the request's field name (`wage`, `set:ID`, …).
pub fn field_errors(err: &Error) -> BTreeMap<String, Text> {
    match err {
        Error::Input { errors } => errors
            .iter()
            .map(|e| (e.field.clone(), e.message.clone()))
            .collect(),
        _ => BTreeMap::new(),
    }
}

/// The headline figures of the current view, as `(key, value)`: what a share link records
/// so that, opened under newer rules, it can say which figures changed.
pub fn headline(s: &State) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |k: &str, v: String| out.push((k.to_string(), v));
    match s.view {
        View::Employee => {
            if let Ok(r) = yibao::contribution(&s.contribution_request(&s.city)) {
                push("employer", r.employer.total.to_string());
                push("individual", r.individual.total.to_string());
                push("base", r.base.to_string());
            }
        }
        View::Flexible => {
            if let Ok(r) = yibao::flexible(&s.flexible_request()) {
                push("monthly", r.monthly_total.to_string());
            }
        }
        View::Resident => {
            if let Ok(r) = yibao::resident(&s.resident_request()) {
                if let Some(p) = &r.individual_premium {
                    push("premium", p.amount.to_string());
                }
                if let Some(w) = r.waiting_months {
                    push("waiting", w.to_string());
                }
            }
        }
        View::Eligibility => {
            if let Ok(r) = yibao::eligibility(&s.eligibility_request()) {
                push("retirement", r.retirement.month.to_string());
                push("shortfall", r.stop_now.shortfall_months.to_string());
                if let Some(t) = &r.stop_now.topup {
                    push("topup", t.amount.to_string());
                }
            }
        }
        View::Compare => {
            for c in cities() {
                if let Ok(r) = yibao::contribution(&s.contribution_request(&c.0)) {
                    push(&c.0, r.monthly_total.to_string());
                }
            }
        }
    }
    out
}

/// Label of a headline key, for the "changed since" banner.
pub fn headline_label(key: &str, lang: Lang) -> String {
    let (zh, en) = match key {
        "employer" => ("单位每月", "employer / month"),
        "individual" => ("个人每月", "individual / month"),
        "base" => ("缴费基数", "base"),
        "monthly" => ("每月缴费", "monthly premium"),
        "premium" => ("个人缴费", "individual premium"),
        "waiting" => ("等待期（月）", "waiting (months)"),
        "retirement" => ("法定退休月份", "retirement month"),
        "shortfall" => ("差额月数", "months missing"),
        "topup" => ("一次性补缴", "one-off top-up"),
        other => return other.to_string(),
    };
    if lang == Lang::Zh {
        zh.into()
    } else {
        en.into()
    }
}

/// The figures that differ between a link and now: `(key, then, now)`.
pub fn changed(
    then: &[(String, String)],
    now: &[(String, String)],
) -> Vec<(String, String, String)> {
    then.iter()
        .filter_map(|(k, v)| {
            let current = now
                .iter()
                .find(|(nk, _)| nk == k)
                .map_or_else(|| "—".to_string(), |(_, nv)| nv.clone());
            (current != *v).then(|| (k.clone(), v.clone(), current))
        })
        .collect()
}

/// `(id, name)` of every city on file.
pub fn cities() -> Vec<(String, Text)> {
    yibao::rules()
        .map(|r| {
            r.cities
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// One line of the city comparison.
pub struct CompareRow {
    pub city: String,
    pub name: Text,
    pub result: Result<ContributionResult, Error>,
}

pub fn compare(s: &State) -> Vec<CompareRow> {
    cities()
        .into_iter()
        .map(|(city, name)| CompareRow {
            result: yibao::contribution(&s.contribution_request(&city)),
            city,
            name,
        })
        .collect()
}

/// Employer and individual amounts at sampled wages, for the chart, in whole yuan
/// (drawing needs no fen, and integers keep float formatting out of the wasm).
pub struct WageSeries {
    /// `(wage, employer, individual)`.
    pub points: Vec<(i64, i64, i64)>,
    pub x_max: i64,
    pub y_max: i64,
    pub floor: Option<i64>,
    pub ceiling: Option<i64>,
    pub wage: i64,
}

fn yuan(m: yibao::Money) -> i64 {
    i64::try_from(m.amount().trunc().mantissa()).unwrap_or(0)
        / 10i64.pow(m.amount().trunc().scale())
}

pub fn wage_series(s: &State, at: &ContributionResult) -> WageSeries {
    let wage = yuan(at.wage);
    let (floor, ceiling) = (at.base_floor.map(yuan), at.base_ceiling.map(yuan));
    let top = [wage * 8 / 5, ceiling.map_or(0, |c| c * 6 / 5), 10_000]
        .into_iter()
        .max()
        .unwrap_or(10_000);
    let step = (top / 24 / 100 + 1) * 100;
    let mut req = s.contribution_request(&s.city);
    let mut points = Vec::new();
    for i in 0..=24 {
        let w = step * i;
        req.wage = yibao::Raw(w.to_string());
        if let Ok(r) = yibao::contribution(&req) {
            points.push((w, yuan(r.employer.total), yuan(r.individual.total)));
        }
    }
    let y_max = points
        .iter()
        .map(|p| p.1.max(p.2))
        .max()
        .unwrap_or(1)
        .max(1);
    WageSeries {
        points,
        x_max: step * 24,
        y_max,
        floor,
        ceiling,
        wage,
    }
}
