//! The figures nobody published that a payroll batch needs, offered as boxes: the same
//! figures, order (the catalogue's) and labels as the calculator's, for the employer kinds
//! the file's rows use.

use std::collections::BTreeMap;

use yibao::asks::{with_typed, Boxes};
use yibao::compute::contribution::plan;
use yibao::{EmployerKind, Error, Options as Settings, ParamId, Raw, Text};

use super::Options;

/// A box for a figure: what it is, whether the batch cannot run without it (else it is a
/// fixed amount left out of the totals), and what the person typed with its reading or error.
pub use yibao::asks::FigureBox as Ask;

/// The boxes to show for a batch whose rows use `kinds`: the core decides them for each
/// kind's plan (yibao::asks::with_typed, as the calculator's boxes), merged.
pub fn asks(options: &Options, kinds: &[EmployerKind]) -> Vec<Ask> {
    let settings = Settings {
        official_only: options.official_only,
        explain: false,
    };
    let mut all = Boxes::default();
    for &kind in kinds {
        let plan_with = |typed: &BTreeMap<String, Raw>| {
            plan(&options.city, &options.month, kind, typed, settings)
        };
        // Which figures the batch cannot do without whatever was typed: a box stays
        // "required" after the person fills it in.
        let needed: Vec<ParamId> = match plan_with(&BTreeMap::new()) {
            Err(Error::MissingFigures { missing, .. }) => missing.iter().map(|m| m.id).collect(),
            _ => Vec::new(),
        };
        let (_, boxes) = with_typed(&options.overrides, plan_with);
        for (id, b) in boxes.0 {
            let required = b.required || needed.contains(&id);
            let a = all.0.entry(id).or_insert(b);
            a.required |= required;
        }
    }
    all.into_vec().into_iter().map(Ask::from).collect()
}

/// The figures still missing for the batch to run, as one message (none: it can run).
pub fn missing_message(boxes: &[Ask]) -> Option<Text> {
    let missing: Vec<&Ask> = boxes
        .iter()
        .filter(|a| a.required && (a.text.trim().is_empty() || a.error.is_some()))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let zh: Vec<&str> = missing.iter().map(|a| a.label.zh.as_ref()).collect();
    let en: Vec<&str> = missing.iter().map(|a| a.label.en.as_ref()).collect();
    Some(Text::new(
        format!(
            "本市未公布以下数据，请在上方填写后再计算：{}",
            zh.join("、")
        ),
        format!(
            "This city has not published these figures; enter them above, then compute: {}",
            en.join("; ")
        ),
    ))
}
