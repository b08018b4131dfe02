//! What the page shows, computed from the state by the core, once per change. No rule or
//! rate lives here: this module builds the request, calls the core, and sorts out which
//! figures to ask for and which errors go next to which box.

use std::collections::BTreeMap;

use yibao::explain::Replaced;
use yibao::model::Scope;
use yibao::registry::Headline;
use yibao::{Error, ParamId, Raw, Request, Response, Text};

use crate::state::{State, View};
use crate::views::{self, Spec};

/// A figure nobody published, offered as an input box. Boxes keep their order (the
/// catalogue's) and identity (the parameter), whatever the person types.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub id: ParamId,
    /// What the person typed, as typed.
    pub text: String,
    /// How an ambiguous entry was read ("「8」按 8% 计").
    pub reading: Option<Text>,
    pub error: Option<Text>,
    /// With "official figures only": the less-than-official value that was set aside.
    pub set_aside: Option<Replaced>,
}

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

/// The person's figures for a city that the request reads: those that read well, and for
/// every one typed its reading or error.
fn figures(
    state: &State,
    city: &str,
    params: &[ParamId],
) -> (BTreeMap<String, Raw>, BTreeMap<ParamId, Ask>) {
    let mut valid = BTreeMap::new();
    let mut typed = BTreeMap::new();
    for (key, text) in state.figures_for(city) {
        let Some(id) = ParamId::parse(key).filter(|id| params.contains(id)) else {
            continue;
        };
        let raw = Raw(text.clone());
        let mut ask = Ask {
            id,
            text: text.clone(),
            reading: None,
            error: None,
            set_aside: None,
        };
        match yibao::input::figure(id.def(), &raw) {
            Ok(r) => {
                ask.reading = r.note;
                valid.insert(key.clone(), raw);
            }
            Err(e) => ask.error = e.on(&format!("set:{key}")).cloned(),
        }
        typed.insert(id, ask);
    }
    (valid, typed)
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
    match request_of("contribution", fields, state, &state.city, false) {
        Ok((Request::Contribution(request), _)) => yibao::compute::wages::plan_of(&request).ok(),
        _ => None,
    }
}

/// A request of `kind` from fields for a city, with the figures the person typed for that
/// city that the request reads (as overrides, those that read well) and official-only; and
/// a box for every figure typed, with its reading or error.
fn request_of(
    kind: &str,
    fields: Vec<(&str, &str)>,
    state: &State,
    city: &str,
    explain: bool,
) -> Result<(Request, BTreeMap<ParamId, Ask>), String> {
    let mut pairs = fields;
    pairs.push(("city", city));
    let mut request = Request::from_fields(kind, pairs)?;
    let params = request.params();
    let (valid, asks) = figures(state, city, params);
    let o = request.options();
    *o.overrides = valid;
    *o.official_only = state.official_only;
    *o.explain = Some(explain);
    Ok((request, asks))
}

/// Computes a request of `kind` from fields for a city; `explain: false` for figures only.
pub fn outcome_of(
    kind: &str,
    fields: Vec<(&str, &str)>,
    state: &State,
    city: &str,
    explain: bool,
) -> Outcome {
    let (request, mut asks) = match request_of(kind, fields, state, city, explain) {
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
    let result = yibao::compute(&request);
    fn asked(asks: &mut BTreeMap<ParamId, Ask>, id: ParamId) -> Option<&mut Ask> {
        (id.scope() != Scope::National).then(|| {
            asks.entry(id).or_insert_with(|| Ask {
                id,
                text: String::new(),
                reading: None,
                error: None,
                set_aside: None,
            })
        })
    }
    // Every box the choices could need is there from the start: none appears or vanishes
    // while the person types (the core decides which, from the choices alone).
    for id in yibao::asks::asks(&request) {
        asked(&mut asks, id);
    }
    let mut field_errors = BTreeMap::new();
    let mut general = Vec::new();
    match &result {
        Ok(r) => {
            let ex = r.explanation();
            ex.not_known.iter().filter(|n| n.asked).for_each(|n| {
                asked(&mut asks, n.param);
            });
            ex.user_supplied
                .iter()
                .filter_map(|k| ParamId::parse(k))
                .for_each(|id| {
                    asked(&mut asks, id);
                });
        }
        Err(Error::MissingFigures {
            missing, optional, ..
        }) => {
            optional
                .iter()
                .filter_map(|k| ParamId::parse(k))
                .for_each(|id| {
                    asked(&mut asks, id);
                });
            for m in missing {
                if let Some(a) = ParamId::parse(&m.id).and_then(|id| asked(&mut asks, id)) {
                    a.set_aside = m.set_aside.clone();
                }
            }
        }
        Err(Error::Input { errors }) => {
            // A figure the rules refuse (a floor above its ceiling) must not make the other
            // boxes vanish under the person's fingers: ask what the request would ask
            // without the refused figures, and keep those boxes too.
            let refused: Vec<String> = errors
                .iter()
                .filter_map(|e| e.field.strip_prefix("set:"))
                .map(str::to_string)
                .collect();
            if !refused.is_empty() {
                let mut again = request.clone();
                again
                    .options()
                    .overrides
                    .retain(|k, _| !refused.contains(k));
                match yibao::compute(&again) {
                    Ok(r) => {
                        let ex = r.explanation();
                        ex.not_known.iter().filter(|n| n.asked).for_each(|n| {
                            asked(&mut asks, n.param);
                        });
                        ex.user_supplied
                            .iter()
                            .filter_map(|k| ParamId::parse(k))
                            .for_each(|id| {
                                asked(&mut asks, id);
                            });
                    }
                    Err(Error::MissingFigures {
                        missing, optional, ..
                    }) => {
                        missing
                            .iter()
                            .map(|m| m.id.as_str())
                            .chain(optional.iter().map(String::as_str))
                            .filter_map(ParamId::parse)
                            .for_each(|id| {
                                asked(&mut asks, id);
                            });
                    }
                    Err(_) => {}
                }
            }
            for e in errors {
                match e.field.strip_prefix("set:").and_then(ParamId::parse) {
                    Some(id) => {
                        if let Some(a) = asked(&mut asks, id) {
                            a.error = Some(e.message.clone());
                        }
                    }
                    None => {
                        field_errors
                            .entry(e.field.clone())
                            .or_insert_with(|| e.message.clone());
                    }
                }
            }
        }
        Err(Error::Rules { issues }) => general.extend(issues.iter().map(|i| i.reason.clone())),
    }
    Outcome {
        result,
        asks: asks.into_values().collect(),
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
