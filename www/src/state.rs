//! The app's state and actions (a reducer, as in Yew's function_todomvc) and the share
//! link. Components only render and dispatch.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;
use yibao::{Lang, YearMonth};

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

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == s)
    }
}

pub use crate::browser::this_month;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub view: View,
    pub city: String,
    /// Field name → text as typed (the names the core's requests use).
    pub fields: BTreeMap<String, String>,
    /// City id → parameter key → figure the person supplied, as typed. A figure belongs to
    /// its city: it applies in every view that reads the same parameter of the same city
    /// (and the box says so), never in another city.
    pub figures: BTreeMap<String, BTreeMap<String, String>>,
    /// Official figures only: less than official figures are asked for.
    pub official_only: bool,
    /// Set when the page was opened from a share link: the rules version and figures it carried.
    pub link: Option<LinkInfo>,
    /// Bumped when the rules' quotes and notes have arrived (after the first paint), so the
    /// citations are drawn again with them.
    pub texts: u32,
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
    Field(&'static str, String),
    Figure {
        city: String,
        id: String,
        value: String,
    },
    OfficialOnly(bool),
    /// A share link pasted into this tab (the fragment changed).
    Restore(String),
    /// A prerendered page has come alive: its own situation (this month, its address's).
    Start(State),
    DismissLink,
    /// The rules' quotes and notes have loaded.
    TextsLoaded,
}

impl State {
    pub fn new(now: YearMonth) -> State {
        // The core's starting fields: the same the CLI's horizon and its test compute.
        let fields = yibao::defaults::fields(now)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        State {
            lang: Lang::Zh,
            view: View::Employee,
            city: "jining".into(),
            fields,
            figures: BTreeMap::new(),
            official_only: false,
            link: None,
            texts: 0,
        }
    }

    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    /// The figures the person typed for a city.
    pub fn figures_for(&self, city: &str) -> impl Iterator<Item = (&String, &String)> {
        self.figures
            .get(city)
            .into_iter()
            .flatten()
            .filter(|(_, v)| !v.trim().is_empty())
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
            Action::Field(k, v) => {
                s.fields.insert(k.to_string(), v);
            }
            Action::Figure { city, id, value } => {
                s.figures.entry(city).or_default().insert(id, value);
            }
            Action::OfficialOnly(b) => s.official_only = b,
            Action::Restore(fragment) => {
                return Rc::new(from_fragment(&fragment, State::new(this_month())))
            }
            Action::Start(live) => return Rc::new(live),
            Action::DismissLink => s.link = None,
            Action::TextsLoaded => s.texts += 1,
        }
        Rc::new(s)
    }
}

// ---------------------------------------------------------------- share links
//
// The whole situation lives in the URL's fragment (after #), which browsers never send to
// a server. `rv` is the rules version; `f` the headline figures the link's maker saw, so a
// link opened under newer rules can say which figures changed.

use crate::browser::{decode_component as dec, encode_component as enc};

/// The fragment for a state, with the figures now shown.
pub fn to_fragment(s: &State, rules_version: &str, figures: &[(String, String)]) -> String {
    let mut parts = vec![
        format!("lang={}", if s.lang == Lang::En { "en" } else { "zh" }),
        format!("view={}", s.view.id()),
        format!("city={}", enc(&s.city)),
    ];
    for (k, v) in &s.fields {
        if !v.is_empty() {
            parts.push(format!("{}={}", enc(k), enc(v)));
        }
    }
    for (city, map) in &s.figures {
        for (id, v) in map.iter().filter(|(_, v)| !v.trim().is_empty()) {
            parts.push(format!("set.{}.{}={}", enc(city), enc(id), enc(v)));
        }
    }
    if s.official_only {
        parts.push("official=1".into());
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
            "official" => s.official_only = v == "1",
            "rv" => link.rules_version = v,
            "f" => {
                link.figures = v
                    .split(',')
                    .filter_map(|p| p.split_once(':'))
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .collect();
            }
            other => {
                if let Some((city, id)) = other.strip_prefix("set.").and_then(|r| r.split_once('.'))
                {
                    s.figures
                        .entry(city.to_string())
                        .or_default()
                        .insert(id.to_string(), v);
                } else if crate::views::FIELD_NAMES.contains(&other) {
                    s.fields.insert(other.to_string(), v);
                }
            }
        }
    }
    if !link.rules_version.is_empty() {
        s.link = Some(link);
    }
    s
}
