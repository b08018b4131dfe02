//! The figures nobody published that a payroll batch needs, offered as boxes: the same
//! figures, order (the catalogue's) and labels as the calculator's, for the employer kinds
//! the file's rows use.

use std::collections::BTreeMap;

use serde::Serialize;
use yibao::compute::contribution::plan;
use yibao::explain::Replaced;
use yibao::model::Scope;
use yibao::{input, EmployerKind, Error, Options as Settings, ParamId, Text};

use super::Options;

/// A box for a figure: what it is, whether the batch cannot run without it, and what the
/// person typed with its reading or error.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ask {
    pub id: String,
    pub label: Text,
    pub hint: Text,
    pub unit: String,
    /// The unit as a person reads it (`%`, `元/月`), as the calculator's boxes show it.
    pub unit_label: Text,
    /// The batch cannot compute without it (else it is a fixed amount left out of totals).
    pub required: bool,
    pub text: String,
    pub reading: Option<Text>,
    pub error: Option<Text>,
    /// With "official figures only": the less-than-official value that was set aside.
    pub set_aside: Option<Replaced>,
}

fn ask(id: ParamId) -> Ask {
    let def = id.def();
    Ask {
        id: id.key().into(),
        label: def.label(),
        hint: def.hint(),
        unit: def.unit.describe(),
        unit_label: def.unit.label(),
        required: false,
        text: String::new(),
        reading: None,
        error: None,
        set_aside: None,
    }
}

/// The boxes to show for a batch whose rows use `kinds`.
pub fn asks(options: &Options, kinds: &[EmployerKind]) -> Vec<Ask> {
    let mut boxes: BTreeMap<ParamId, Ask> = BTreeMap::new();
    let mut valid = options.overrides.clone();
    // Every typed figure keeps its box, with its reading or why it cannot be read.
    for (key, raw) in &options.overrides {
        let Some(id) = ParamId::parse(key) else {
            continue;
        };
        let mut a = ask(id);
        a.text = raw.0.clone();
        match input::figure(id.def(), raw) {
            Ok(r) => a.reading = r.note,
            Err(e) => {
                a.error = e.on(&format!("set:{key}")).cloned();
                valid.remove(key);
            }
        }
        boxes.insert(id, a);
    }
    let settings = Settings {
        official_only: options.official_only,
        explain: false,
    };
    for &kind in kinds {
        // Which figures the batch cannot do without whatever was typed: a box stays "required"
        // after the person fills it in.
        let needed: Vec<String> = match plan(
            &options.city,
            &options.month,
            kind,
            &Default::default(),
            settings,
        ) {
            Err(Error::MissingFigures { missing, .. }) => {
                missing.into_iter().map(|m| m.id).collect()
            }
            _ => Vec::new(),
        };
        let mut result = plan(&options.city, &options.month, kind, &valid, settings);
        // A figure the rules refuse (a floor above its ceiling) is marked, and the others
        // are still asked for, as without it.
        if let Err(Error::Input { errors }) = &result {
            let refused: Vec<(String, Text)> = errors
                .iter()
                .filter_map(|e| {
                    e.field
                        .strip_prefix("set:")
                        .map(|k| (k.to_string(), e.message.clone()))
                })
                .collect();
            for (key, message) in &refused {
                if let Some(a) = ParamId::parse(key).and_then(|id| boxes.get_mut(&id)) {
                    a.error = Some(message.clone());
                }
            }
            let mut retry = valid.clone();
            retry.retain(|k, _| !refused.iter().any(|(r, _)| r == k));
            result = plan(&options.city, &options.month, kind, &retry, settings);
        }
        let mut offer = |id: ParamId, required: bool, set_aside: Option<Replaced>| {
            if id.scope() == Scope::National {
                return;
            }
            let a = boxes.entry(id).or_insert_with(|| ask(id));
            a.required |= required || needed.iter().any(|n| n == id.key());
            if set_aside.is_some() {
                a.set_aside = set_aside;
            }
        };
        match result {
            Ok(p) => p
                .not_known
                .iter()
                .chain(&p.user_supplied)
                .filter_map(|k| ParamId::parse(k))
                .for_each(|id| offer(id, false, None)),
            Err(Error::MissingFigures {
                missing, optional, ..
            }) => {
                for m in missing {
                    if let Some(id) = ParamId::parse(&m.id) {
                        offer(id, true, m.set_aside);
                    }
                }
                optional
                    .iter()
                    .filter_map(|k| ParamId::parse(k))
                    .for_each(|id| offer(id, false, None));
            }
            Err(_) => {}
        }
    }
    boxes.into_values().collect()
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
