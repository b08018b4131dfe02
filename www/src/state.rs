//! The app's state and actions (a reducer, as in Yew's function_todomvc), the requests it
//! builds for the core, and the share link. Components only render and dispatch.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;
use yibao::{ContributionRequest, EligibilityRequest, FlexibleRequest, Lang, Raw, ResidentRequest};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Employee,
    Flexible,
    Resident,
    Eligibility,
    Compare,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Employee,
        View::Flexible,
        View::Resident,
        View::Eligibility,
        View::Compare,
    ];

    pub fn id(self) -> &'static str {
        match self {
            View::Employee => "employee",
            View::Flexible => "flexible",
            View::Resident => "resident",
            View::Eligibility => "eligibility",
            View::Compare => "compare",
        }
    }

    fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == s)
    }
}

/// Every input field of every view, by the name the core's request uses.
pub const FIELDS: &[&str] = &[
    "wage",
    "employer",
    "first_paid",
    "year",
    "break_years",
    "repaid_years",
    "in_enrolment_period",
    "newborn",
    "birth",
    "category",
    "as_of",
    "paid_months",
    "deemed_months",
    "transferred_months",
    "last_base",
    "situation",
    "pension",
    "bankruptcy_age",
    "payment_month",
];

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub view: View,
    pub city: String,
    pub month: String,
    /// Field name → text as typed.
    pub fields: BTreeMap<String, String>,
    /// City id → parameter id → value the person supplied.
    pub overrides: BTreeMap<String, BTreeMap<String, String>>,
    /// Set when the page was opened from a share link: the rules version and figures it carried.
    pub link: Option<LinkInfo>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LinkInfo {
    pub rules_version: String,
    pub figures: Vec<(String, String)>,
}

pub enum Action {
    Lang(Lang),
    View(View),
    City(String),
    Month(String),
    Field(&'static str, String),
    Override {
        city: String,
        id: String,
        value: String,
    },
    DismissLink,
}

impl State {
    pub fn new(this_month: &str) -> State {
        let mut fields = BTreeMap::new();
        for (k, v) in [
            ("wage", "5000"),
            ("employer", "other"),
            ("year", &this_month[..4.min(this_month.len())]),
            ("break_years", "0"),
            ("repaid_years", "0"),
            ("in_enrolment_period", "true"),
            ("newborn", "false"),
            ("birth", "1970-01"),
            ("category", "male"),
            ("as_of", this_month),
            ("paid_months", "120"),
            ("situation", "employee"),
        ] {
            fields.insert(k.to_string(), v.to_string());
        }
        State {
            lang: Lang::Zh,
            view: View::Employee,
            city: "jining".into(),
            month: this_month.into(),
            fields,
            overrides: BTreeMap::new(),
            link: None,
        }
    }

    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    fn raw(&self, name: &str) -> Raw {
        Raw(self.field(name).to_string())
    }

    pub fn overrides_for(&self, city: &str) -> BTreeMap<String, Raw> {
        self.overrides
            .get(city)
            .map(|m| {
                m.iter()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(k, v)| (k.clone(), Raw(v.clone())))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn contribution_request(&self, city: &str) -> ContributionRequest {
        ContributionRequest {
            city: Raw(city.into()),
            month: Raw(self.month.clone()),
            employer: self.raw("employer"),
            wage: self.raw("wage"),
            overrides: self.overrides_for(city),
            ..Default::default()
        }
    }

    pub fn flexible_request(&self) -> FlexibleRequest {
        FlexibleRequest {
            city: Raw(self.city.clone()),
            month: Raw(self.month.clone()),
            first_paid: self.raw("first_paid"),
            overrides: self.overrides_for(&self.city),
            ..Default::default()
        }
    }

    pub fn resident_request(&self) -> ResidentRequest {
        ResidentRequest {
            city: Raw(self.city.clone()),
            year: self.raw("year"),
            break_years: self.raw("break_years"),
            repaid_years: self.raw("repaid_years"),
            in_enrolment_period: self.raw("in_enrolment_period"),
            newborn: self.raw("newborn"),
            overrides: self.overrides_for(&self.city),
            ..Default::default()
        }
    }

    pub fn eligibility_request(&self) -> EligibilityRequest {
        EligibilityRequest {
            city: Raw(self.city.clone()),
            birth: self.raw("birth"),
            category: self.raw("category"),
            as_of: self.raw("as_of"),
            paid_months: self.raw("paid_months"),
            deemed_months: self.raw("deemed_months"),
            transferred_months: self.raw("transferred_months"),
            last_base: self.raw("last_base"),
            situation: self.raw("situation"),
            pension: self.raw("pension"),
            bankruptcy_age: self.raw("bankruptcy_age"),
            payment_month: self.raw("payment_month"),
            overrides: self.overrides_for(&self.city),
            ..Default::default()
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Lang(l) => s.lang = l,
            Action::View(v) => s.view = v,
            Action::City(c) => s.city = c,
            Action::Month(m) => s.month = m,
            Action::Field(k, v) => {
                s.fields.insert(k.to_string(), v);
            }
            Action::Override { city, id, value } => {
                s.overrides.entry(city).or_default().insert(id, value);
            }
            Action::DismissLink => s.link = None,
        }
        Rc::new(s)
    }
}

// ---------------------------------------------------------------- share links
//
// The whole situation lives in the URL's fragment (after #), which browsers never send to
// a server. `rv` is the rules version; `f` the headline figures the link's maker saw, so a
// link opened under newer rules can say which figures changed.

fn enc(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

fn dec(s: &str) -> String {
    js_sys::decode_uri_component(s)
        .map(String::from)
        .unwrap_or_default()
}

/// The fragment for a state, with the figures now shown.
pub fn to_fragment(s: &State, rules_version: &str, figures: &[(String, String)]) -> String {
    let mut parts = vec![
        format!("lang={}", if s.lang == Lang::En { "en" } else { "zh" }),
        format!("view={}", s.view.id()),
        format!("city={}", enc(&s.city)),
        format!("month={}", enc(&s.month)),
    ];
    for (k, v) in &s.fields {
        if !v.is_empty() {
            parts.push(format!("{}={}", enc(k), enc(v)));
        }
    }
    for (city, map) in &s.overrides {
        for (id, v) in map {
            if !v.trim().is_empty() {
                parts.push(format!("set.{}.{}={}", enc(city), enc(id), enc(v)));
            }
        }
    }
    parts.push(format!("rv={}", enc(rules_version)));
    if !figures.is_empty() {
        let f: Vec<String> = figures.iter().map(|(k, v)| format!("{k}:{v}")).collect();
        parts.push(format!("f={}", enc(&f.join(","))));
    }
    parts.join("&")
}

/// Restores a state from a fragment over the defaults; unknown keys are ignored.
pub fn from_fragment(fragment: &str, defaults: State) -> State {
    let mut s = defaults;
    let fragment = fragment.trim_start_matches('#');
    if fragment.is_empty() {
        return s;
    }
    let mut link = LinkInfo {
        rules_version: String::new(),
        figures: Vec::new(),
    };
    for pair in fragment.split('&') {
        let Some((k, v)) = pair.split_once('=') else {
            continue;
        };
        let (k, v) = (dec(k), dec(v));
        match k.as_str() {
            "lang" => s.lang = if v == "en" { Lang::En } else { Lang::Zh },
            "view" => s.view = View::parse(&v).unwrap_or(s.view),
            "city" => s.city = v,
            "month" => s.month = v,
            "rv" => link.rules_version = v,
            "f" => {
                link.figures = v
                    .split(',')
                    .filter_map(|p| p.split_once(':'))
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .collect();
            }
            other => {
                if let Some(rest) = other.strip_prefix("set.") {
                    if let Some((city, id)) = rest.split_once('.') {
                        s.overrides
                            .entry(city.to_string())
                            .or_default()
                            .insert(id.to_string(), v);
                    }
                } else if let Some(name) = FIELDS.iter().find(|f| **f == other) {
                    s.fields.insert((*name).to_string(), v);
                }
            }
        }
    }
    if !link.rules_version.is_empty() {
        s.link = Some(link);
    }
    s
}
