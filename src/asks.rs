//! Which figures a request could ask for, whatever is typed in its text boxes: the boxes a
//! page offers for unpublished figures. They depend only on the choices (the city, the
//! month, the selects, official figures only), never on the numbers typed, so no box
//! appears, vanishes or moves while a person types (a box that appeared under the fingers
//! once swallowed the second key of "25" and gave a wrong retirement answer).
//!
//! Found the way the rules' integrity test walks them: each kind's probes (its request with
//! the typed fields set to values that reach every path: a deficit of months, deemed and
//! transferred months, a break) are computed, every figure asked for is supplied with a
//! sample of its unit, and again, until nothing new is asked.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::explain::Replaced;
use crate::input::Raw;
use crate::model::{ParamId, Scope, Text, Unit};
use crate::registry::Request;
use crate::Error;

/// A value of a unit that lets a computation go on to whatever it asks next (also what the
/// rules' integrity test supplies to walk every path).
pub fn sample(unit: Unit) -> String {
    match unit {
        Unit::Rate => "0.02".into(),
        Unit::YuanPerMonth => "5000".into(),
        Unit::YuanPerYear => "400".into(),
        Unit::Years => "10".into(),
        Unit::Months => "6".into(),
        Unit::Days => "3".into(),
        Unit::Flag => "false".into(),
        Unit::Choice(c) => c.first().map_or_else(String::new, |c| c.word.to_string()),
        Unit::ChoiceSet(c) => c.iter().map(|c| c.word).collect::<Vec<_>>().join(","),
        Unit::Month => "2020-01".into(),
    }
}

/// The request with its typed fields set to values that reach every path of the
/// computation (the selects, months and checkboxes stay as the person set them).
fn probes(req: &Request) -> Vec<Request> {
    let mut out = Vec::new();
    match req {
        Request::Contribution(r) => {
            let mut p = r.clone();
            p.wage = Raw::from("5000");
            out.push(Request::Contribution(p));
        }
        Request::Flexible(r) => out.push(Request::Flexible(r.clone())),
        Request::Resident(r) => {
            for (breaks, repaid) in [("0", "0"), ("5", "1")] {
                let mut p = r.clone();
                p.break_years = Raw::from(breaks);
                p.repaid_years = Raw::from(repaid);
                p.household = Raw::from("2");
                out.push(Request::Resident(p));
            }
        }
        Request::Eligibility(r) => {
            for (paid, other) in [("0", "1"), ("0", "0")] {
                let mut p = r.clone();
                p.paid_months = Raw::from(paid);
                p.deemed_months = Raw::from(other);
                p.transferred_months = Raw::from(other);
                p.last_base = Raw::from("5000");
                p.pension = Raw::from("3000");
                p.bankruptcy_age = Raw::from("50");
                p.payment_month = Raw::default();
                out.push(Request::Eligibility(p));
            }
        }
        // The fund page's boxes do not follow the file either: a made-up file that reaches
        // every path (pooling's first year with a balance to collect and a deficit from
        // before pooling, a deficit and a surplus, a plan missed, a second year) asks all
        // the city could need.
        #[cfg(feature = "fund")]
        Request::Fund(r) => {
            let year = crate::rules()
                .ok()
                .and_then(|rules| rules.city(r.city.as_str()))
                .map_or(2020, |c| c.pooling_from.year());
            let row =
                |y: i32, county: &str, revenue: &str, spent: &str, opening: &str, plan: &str| {
                    crate::compute::fund::FundRow {
                        year: Raw(y.to_string()),
                        county: Raw::from(county),
                        revenue: Raw::from(revenue),
                        expenditure: Raw::from(spent),
                        opening_balance: Raw::from(opening),
                        prior_revenue: Raw::from(if y == year { revenue } else { "" }),
                        plan_met: Raw::from(plan),
                        line: None,
                    }
                };
            let mut p = r.clone();
            p.rows = vec![
                row(year, "A", "100", "300", "50", ""),
                row(year, "B", "100", "50", "-10", "false"),
                row(year + 1, "A", "100", "300", "", ""),
                row(year + 1, "B", "100", "50", "", ""),
            ];
            out.push(Request::Fund(p));
            out.push(Request::Fund(r.clone()));
        }
    }
    out
}

/// Every figure nobody published (for the city, the month and the choices made) that a
/// request of this kind could ask for, in the catalogue's order.
pub fn asks(req: &Request) -> Vec<ParamId> {
    let mut asked: BTreeSet<ParamId> = BTreeSet::new();
    let mut supplied: BTreeMap<String, Raw> = BTreeMap::new();
    let probes = probes(req);
    for _ in 0..8 {
        let before = asked.len();
        for probe in &probes {
            let mut p = probe.clone();
            let o = p.options();
            *o.overrides = supplied.clone();
            *o.explain = Some(false);
            let ids: Vec<ParamId> = match crate::compute(&p) {
                Ok(r) => r
                    .explanation()
                    .not_known
                    .iter()
                    .filter(|n| n.asked)
                    .map(|n| n.param)
                    .collect(),
                Err(Error::MissingFigures {
                    missing, optional, ..
                }) => missing
                    .iter()
                    .map(|m| m.id)
                    .chain(optional.iter().copied())
                    .collect(),
                Err(_) => Vec::new(),
            };
            for id in ids.into_iter().filter(|id| id.scope() != Scope::National) {
                supplied
                    .entry(id.key().to_string())
                    .or_insert_with(|| Raw(sample(id.unit())));
                asked.insert(id);
            }
        }
        if asked.len() == before {
            break;
        }
    }
    asked.into_iter().collect()
}

/// A box for a figure nobody published: what the person typed, how it was read or why it is
/// refused, and what the computation said about it. Boxes keep their order (the
/// catalogue's) and identity (the parameter), whatever is typed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Ask {
    pub id: ParamId,
    /// What the person typed, as typed.
    pub text: String,
    /// How an ambiguous entry was read ("「8」按 8% 计").
    pub reading: Option<Text>,
    pub error: Option<Text>,
    /// With "official figures only": the less-than-official value that was set aside.
    pub set_aside: Option<Replaced>,
    /// The computation cannot go without it (else it leaves it out and says so).
    pub required: bool,
}

impl Ask {
    fn new(id: ParamId) -> Ask {
        Ask {
            id,
            text: String::new(),
            reading: None,
            error: None,
            set_aside: None,
            required: false,
        }
    }
}

/// A box as a page shows it: the figure's words and unit (as [`MissingFigure`] gives them)
/// beside what was typed in it. The batch page and the JS API's `figureBoxes` hand these out.
///
/// [`MissingFigure`]: crate::error::MissingFigure
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FigureBox {
    pub id: ParamId,
    pub label: Text,
    pub hint: Text,
    pub unit: String,
    /// The unit as a person reads it (`%`, `元/月`), as the calculator's boxes show it.
    pub unit_label: Text,
    pub text: String,
    pub reading: Option<Text>,
    pub error: Option<Text>,
    /// With "official figures only": the less-than-official value that was set aside.
    pub set_aside: Option<Replaced>,
    /// The computation cannot go without it.
    pub required: bool,
}

impl From<Ask> for FigureBox {
    fn from(a: Ask) -> FigureBox {
        let f = crate::error::MissingFigure::of(a.id);
        FigureBox {
            id: a.id,
            label: f.label,
            hint: f.hint,
            unit: f.unit,
            unit_label: f.unit_label,
            text: a.text,
            reading: a.reading,
            error: a.error,
            set_aside: a.set_aside,
            required: a.required,
        }
    }
}

/// The boxes of one page, by figure: every door merges and reads them the same way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Boxes(pub BTreeMap<ParamId, Ask>);

impl Boxes {
    /// The box of a figure a person may set (never a national one: those are not the
    /// person's to supply).
    pub fn offer(&mut self, id: ParamId) -> Option<&mut Ask> {
        (id.scope() != Scope::National).then(|| self.0.entry(id).or_insert_with(|| Ask::new(id)))
    }

    /// Every figure a result went without but asks for, or took from the person.
    fn offer_result<T: FigureUse>(&mut self, result: &Result<T, Error>) {
        match result {
            Ok(r) => r.figures_used().into_iter().for_each(|id| {
                self.offer(id);
            }),
            Err(Error::MissingFigures {
                missing, optional, ..
            }) => {
                for m in missing {
                    if let Some(a) = self.offer(m.id) {
                        a.required = true;
                        if m.set_aside.is_some() {
                            a.set_aside = m.set_aside.clone();
                        }
                    }
                }
                optional.iter().for_each(|&id| {
                    self.offer(id);
                });
            }
            Err(_) => {}
        }
    }

    pub fn into_vec(self) -> Vec<Ask> {
        self.0.into_values().collect()
    }
}

/// What a result says about the figures a person could set: those it went without but a
/// page asks for, and those the person supplied.
pub trait FigureUse {
    fn figures_used(&self) -> Vec<ParamId>;
}

impl FigureUse for crate::registry::Response {
    fn figures_used(&self) -> Vec<ParamId> {
        let ex = self.explanation();
        ex.not_known
            .iter()
            .filter(|n| n.asked)
            .map(|n| n.param)
            .chain(ex.user_supplied.iter().copied())
            .collect()
    }
}

impl FigureUse for crate::compute::contribution::Plan {
    fn figures_used(&self) -> Vec<ParamId> {
        self.not_known
            .iter()
            .chain(&self.user_supplied)
            .copied()
            .collect()
    }
}

/// Computes with the figures a person typed and says which boxes to show. Every typed
/// figure keeps its box with its reading or why it cannot be read (and only those that read
/// well are used); every figure the result went without, took from the person or could not
/// do without gets a box. A figure the rules refuse (a floor above its ceiling) is marked
/// on its box, and the boxes are what the computation asks without it, so none vanishes
/// under the person's fingers. `compute` is the computation with the given figures (the
/// page's request, or a payroll's plan); its first result is returned, refusal included.
pub fn with_typed<T: FigureUse>(
    typed: &BTreeMap<String, Raw>,
    compute: impl Fn(&BTreeMap<String, Raw>) -> Result<T, Error>,
) -> (Result<T, Error>, Boxes) {
    let mut boxes = Boxes::default();
    let mut valid = BTreeMap::new();
    for (key, raw) in typed {
        // An emptied box is no figure (and keeps its place: it is asked for below).
        let Some(id) = ParamId::parse(key).filter(|_| !raw.is_blank()) else {
            continue;
        };
        let mut a = Ask::new(id);
        a.text = raw.0.clone();
        match crate::input::figure(id.def(), raw) {
            Ok(r) => {
                a.reading = r.note;
                valid.insert(key.clone(), raw.clone());
            }
            Err(e) => a.error = e.on_figure(id).cloned(),
        }
        boxes.0.insert(id, a);
    }
    let result = compute(&valid);
    let refused: Vec<(ParamId, Text)> = match &result {
        Err(Error::Input { errors }) => errors
            .iter()
            .filter_map(|e| Some((e.figure?, e.message.clone())))
            .collect(),
        _ => Vec::new(),
    };
    if refused.is_empty() {
        boxes.offer_result(&result);
    } else {
        for (id, message) in &refused {
            if let Some(a) = boxes.offer(*id) {
                a.error = Some(message.clone());
            }
        }
        let mut again = valid;
        again.retain(|k, _| !refused.iter().any(|(id, _)| id.key() == k));
        boxes.offer_result(&compute(&again));
    }
    (result, boxes)
}

/// Computes a page's request with the figures typed for it and says which boxes to show:
/// [`with_typed`]'s, and every figure the request's choices could need ([`asks`]), from the
/// start, so none appears or vanishes under the person's fingers. The calculator's views and
/// the JS API's `figureBoxes` both ask this.
pub fn with_boxes(
    request: &Request,
    typed: &BTreeMap<String, Raw>,
) -> (Result<crate::registry::Response, Error>, Boxes) {
    let (result, mut boxes) = with_typed(typed, |figures| {
        let mut r = request.clone();
        *r.options().overrides = figures.clone();
        crate::compute(&r)
    });
    for id in asks(request) {
        boxes.offer(id);
    }
    (result, boxes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eligibility(city: &str, deemed: &str, min_years: Option<&str>) -> Request {
        let fields = [
            ("city", city),
            ("birth", "1968-05"),
            ("category", "female-55"),
            ("as_of", "2026-12"),
            ("paid_months", "168"),
            ("deemed_months", deemed),
        ];
        let mut r = Request::from_fields("eligibility", fields).unwrap();
        if let Some(m) = min_years {
            r.options()
                .overrides
                .insert("retiree.min_years_women".to_string(), Raw::from(m));
        }
        r
    }

    #[test]
    fn the_boxes_do_not_depend_on_what_is_typed() {
        // 盐城 (men 30 / women 25 from 2024; deemed months counted by an unknown rule): the
        // boxes are the same before and after the deemed months and the minimum are typed.
        let before = asks(&eligibility("yancheng", "0", None));
        let after = asks(&eligibility("yancheng", "60", Some("25")));
        assert_eq!(before, after);
        assert!(before.contains(&ParamId::CountedMonthsRule), "{before:?}");
        // 黄冈 2027: nothing known but the retirement month, yet every box is there at once.
        let hg = asks(&eligibility("huanggang", "0", None));
        assert!(
            hg.contains(&ParamId::MinYears)
                && hg.contains(&ParamId::CountedMonthsRule)
                && hg.contains(&ParamId::TopupRate),
            "{hg:?}"
        );
    }
}
