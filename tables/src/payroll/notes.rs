//! What a batch's plans rest on, named once for the whole file: figures supplied, not known, missing.

use super::*;

/// A figure the plans used or went without, named for people.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Noted {
    pub id: String,
    pub label: Text,
}

/// What the plans rested on: figures the person supplied, unpublished fixed amounts they
/// went without, and figures missing altogether (the rows that needed them failed).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlanNotes {
    pub user_supplied: Vec<Noted>,
    pub not_known: Vec<Noted>,
    pub missing: Vec<Noted>,
    /// Lines the core wrote for the plans' amounts: figures carried provisionally, the
    /// rules' notices, a base not held to its limits. Every door shows them.
    pub cautions: Vec<Text>,
}

pub(super) fn noted(ids: impl Iterator<Item = ParamId>) -> Vec<Noted> {
    let set: BTreeSet<ParamId> = ids.collect();
    set.into_iter()
        .map(|id| Noted {
            id: id.key().into(),
            label: id.def().label(),
        })
        .collect()
}

pub(super) fn reason(e: Error) -> Text {
    match e {
        Error::Input { errors } => errors
            .into_iter()
            .next()
            .map_or_else(Text::default, |e| e.message),
        Error::MissingFigures { missing, .. } => missing_figures_text(&missing),
        Error::Rules { issues } => issues
            .into_iter()
            .next()
            .map_or_else(Text::default, |i| i.reason),
    }
}

/// Why a row (or the batch page's whole run) could not be computed when figures nobody
/// published are needed: their labels on one line. The CLI's row reasons and the batch
/// page's problems say it alike.
pub fn missing_figures_text(missing: &[MissingFigure]) -> Text {
    let zh: Vec<&str> = missing.iter().map(|m| m.label.zh.as_ref()).collect();
    let en: Vec<&str> = missing.iter().map(|m| m.label.en.as_ref()).collect();
    Text::new(
        format!("缺少未公布的数据：{}", zh.join("、")),
        format!("figures nobody published are needed: {}", en.join("; ")),
    )
}

impl Batch {
    /// Figures the plans used that the person supplied, went without, or could not do without.
    pub fn plan_notes(&self) -> PlanNotes {
        let plans = || self.plans.values().flatten();
        PlanNotes {
            user_supplied: noted(plans().flat_map(|p| p.user_supplied.iter().copied())),
            not_known: noted(plans().flat_map(|p| p.not_known.iter().copied())),
            missing: noted(self.missing.iter().copied()),
            cautions: plans()
                .flat_map(|p| p.cautions.iter())
                .fold(Vec::new(), |mut all, c| {
                    if !all.contains(c) {
                        all.push(c.clone());
                    }
                    all
                }),
        }
    }
}
