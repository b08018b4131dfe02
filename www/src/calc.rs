//! What the page shows, computed from the state by the core, once per change. No rule or
//! rate lives here: this module builds the request, calls the core, and sorts out which
//! figures to ask for and which errors go next to which box.

use std::collections::BTreeMap;

use yibao::registry::Headline;
use yibao::{Error, ParamId, Raw, Request, Response, Text};

use crate::state::{State, View};
use crate::views::{self, Spec};

/// A figure nobody published, offered as an input box: the core decides which, with what
/// reading or error (yibao::asks::with_typed, as the batch page's boxes).
pub use yibao::asks::Ask;

#[derive(Clone, Debug)]
pub struct Outcome {
    pub result: Result<Response, Error>,
    pub asks: Vec<Ask>,
    /// Errors by the request field they belong to (`wage`, `month`, …).
    pub field_errors: BTreeMap<String, Text>,
    /// Errors about no field shown (a missing figure is asked for in its box instead).
    pub general: Vec<Text>,
}

impl Outcome {
    pub fn headline(&self) -> Vec<Headline> {
        self.result
            .as_ref()
            .map(Response::headline)
            .unwrap_or_default()
    }
}

/// The person's figures for a city that a request reads, as typed.
fn typed(state: &State, city: &str, params: &[ParamId]) -> BTreeMap<String, Raw> {
    state
        .figures_for(city)
        .filter(|(key, _)| ParamId::parse(key).is_some_and(|id| params.contains(&id)))
        .map(|(key, text)| (key.clone(), Raw(text.clone())))
        .collect()
}

/// Computes a view's request for a city.
pub fn outcome(spec: &Spec, state: &State, city: &str) -> Outcome {
    outcome_of(spec.kind, views::fields(spec, state), state, city, true)
}

/// The plan of the employee contributions under the view's situation (the chart's points
/// are its amounts at many wages): the figures in force, resolved once by the core. `None`
/// where the situation does not compute (the result then says why).
pub fn contribution_plan(state: &State) -> Option<yibao::compute::contribution::Plan> {
    let fields = views::fields(views::spec(state.view), state);
    let Ok((Request::Contribution(request), typed)) =
        request_of("contribution", fields, state, &state.city, false)
    else {
        return None;
    };
    // The figures that read well, as the view's computation takes them.
    let (plan, _) = yibao::asks::with_typed(&typed, |figures| {
        let mut r = request.clone();
        r.overrides = figures.clone();
        yibao::compute::wages::plan_of(&r)
    });
    plan.ok()
}

/// A request of `kind` from fields for a city, with official-only as the person set it;
/// and the figures the person typed for that city that the request reads.
fn request_of(
    kind: &str,
    fields: Vec<(&str, &str)>,
    state: &State,
    city: &str,
    explain: bool,
) -> Result<(Request, BTreeMap<String, Raw>), String> {
    let mut pairs = fields;
    pairs.push(("city", city));
    let mut request = Request::from_fields(kind, pairs)?;
    let typed = typed(state, city, request.params());
    let o = request.options();
    *o.official_only = state.official_only;
    *o.explain = Some(explain);
    Ok((request, typed))
}

/// Computes a request of `kind` from fields for a city; `explain: false` for figures only.
pub fn outcome_of(
    kind: &str,
    fields: Vec<(&str, &str)>,
    state: &State,
    city: &str,
    explain: bool,
) -> Outcome {
    let (request, typed) = match request_of(kind, fields, state, city, explain) {
        Ok(r) => r,
        Err(e) => {
            let e = Error::field("request", "malformed_request", Text::same(e));
            return Outcome {
                result: Err(e),
                asks: Vec::new(),
                field_errors: BTreeMap::new(),
                general: Vec::new(),
            };
        }
    };
    // Every box the choices could need is there from the start: none appears or vanishes
    // while the person types (the core decides which, from the choices alone).
    let (result, boxes) = yibao::asks::with_boxes(&request, &typed);
    let mut field_errors = BTreeMap::new();
    let mut general = Vec::new();
    match &result {
        // A typed figure's error is on its box; the others go beside their fields.
        Err(Error::Input { errors }) => {
            for e in errors.iter().filter(|e| e.figure.is_none()) {
                field_errors
                    .entry(e.field.clone())
                    .or_insert_with(|| e.message.clone());
            }
        }
        Err(Error::Rules { issues }) => general.extend(issues.iter().map(|i| i.reason.clone())),
        _ => {}
    }
    Outcome {
        result,
        asks: boxes.into_vec(),
        field_errors,
        general,
    }
}

/// The headline figures as a share link records them.
pub fn link_figures(h: &[Headline]) -> Vec<(String, String)> {
    h.iter()
        .map(|h| (h.key.to_string(), h.value.zh.to_string()))
        .collect()
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

/// Errors about fields the view does not show, for the general error line.
pub fn unshown_errors(o: &Outcome, spec: &Spec, state: &State) -> Vec<Text> {
    let shown: Vec<&str> = spec
        .inputs
        .iter()
        .filter(|i| (i.when)(state))
        .map(|i| i.name)
        .collect();
    o.field_errors
        .iter()
        .filter(|(f, _)| !shown.contains(&f.as_str()) && f.as_str() != "city")
        .map(|(_, t)| t.clone())
        .chain(o.general.iter().cloned())
        .collect()
}

/// Whether the view is one that computes (not the comparison).
pub fn computes(view: View) -> bool {
    view != View::Compare
}
