//! One registry of computations, used by every door: the CLI (`yibao run request.json`),
//! the JS API (`compute`), the web app, the golden and bad-input tests and the fuzz
//! targets. A computation is one module that implements [`Computation`], registered once
//! in the list below.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::compute::{contribution, eligibility, flexible, resident};
use crate::error::Error;
use crate::explain::Explanation;
use crate::lookup::Overrides;
use crate::model::{Money, ParamId, Text};

/// A headline figure of a result, with its label: what the CLI summary, the web's cards
/// and share links show.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Headline {
    /// Stable key (share links record figures by it).
    pub key: &'static str,
    pub label: Text,
    pub value: Text,
    /// The unit after the number ("元", "个月"), empty for a month or a word.
    pub unit: Text,
    /// A few words after the figure ("由单位缴纳", "60岁7个月").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Text>,
    /// The steps that produce it, by key (a key also covers `key.…`).
    pub steps: &'static [&'static str],
    /// Figures that belong together (a scenario), by key and label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<(&'static str, Text)>,
}

impl Headline {
    pub fn new(
        key: &'static str,
        label: Text,
        value: Text,
        unit: Text,
        steps: &'static [&'static str],
    ) -> Headline {
        Headline {
            key,
            label,
            value,
            unit,
            detail: None,
            steps,
            group: None,
        }
    }
    pub fn money(
        key: &'static str,
        label: Text,
        m: Money,
        steps: &'static [&'static str],
    ) -> Headline {
        Headline::new(
            key,
            label,
            Text::same(m.to_string()),
            Text::new("元", "yuan"),
            steps,
        )
    }
    pub fn months(
        key: &'static str,
        label: Text,
        n: u32,
        steps: &'static [&'static str],
    ) -> Headline {
        Headline::new(
            key,
            label,
            Text::same(n.to_string()),
            Text::new("个月", if n == 1 { "month" } else { "months" }),
            steps,
        )
    }
    pub fn plain(
        key: &'static str,
        label: Text,
        value: impl ToString,
        steps: &'static [&'static str],
    ) -> Headline {
        Headline::new(
            key,
            label,
            Text::same(value.to_string()),
            Text::default(),
            steps,
        )
    }
    /// Adds a line under the figure (after any already there, joined by "；").
    pub fn detail(mut self, d: Text) -> Headline {
        self.detail = Some(match self.detail.take() {
            Some(t) => Text::new(format!("{}；{}", t.zh, d.zh), format!("{}; {}", t.en, d.en)),
            None => d,
        });
        self
    }
    pub fn in_group(mut self, key: &'static str, label: &Text) -> Headline {
        self.group = Some((key, label.clone()));
        self
    }
}

/// What a computation is to the rest of the program.
pub trait Computation {
    /// The request's `kind` (`contribution`).
    const KIND: &'static str;
    type Request: DeserializeOwned + Serialize + Default + Clone;
    type Result: Serialize;
    fn compute(req: &Self::Request) -> Result<Self::Result, Error>;
    fn headline(r: &Self::Result) -> Vec<Headline>;
    /// The answer in one line, plain conclusion first: what a page keeps in view while the
    /// person types, and the CLI prints first ("单位 406.00 · 个人 104.00 · 合计 510.00 元/月").
    fn summary(r: &Self::Result) -> Text;
    fn explanation(r: &Self::Result) -> &Explanation;
    /// Every parameter the computation may read (a test checks each one it asks for is
    /// here), so a front end knows which supplied figures belong to it.
    fn params() -> &'static [ParamId];
    /// The options every request carries: the person's figures, official figures only,
    /// whether to write the steps.
    fn options(req: &mut Self::Request) -> RequestOptions<'_>;
}

/// The parts of a request every computation shares.
pub struct RequestOptions<'a> {
    pub overrides: &'a mut Overrides,
    pub official_only: &'a mut bool,
    pub explain: &'a mut Option<bool>,
}

macro_rules! registry {
    ($( $(#[$m:meta])* $variant:ident => $calc:ty ),+ $(,)?) => {
        /// Any request, tagged by its `kind`: `{"kind": "contribution", "city": …}`.
        #[derive(Clone, Debug, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "YibaoRequest"))]
        #[serde(tag = "kind", rename_all = "snake_case")]
        pub enum Request {
            $( $(#[$m])* $variant(<$calc as Computation>::Request) ),+
        }

        /// The result of any request (the same JSON as the computation's own).
        #[derive(Clone, Debug, Serialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "YibaoResponse"))]
        #[serde(untagged)]
        pub enum Response {
            $( $(#[$m])* $variant(<$calc as Computation>::Result) ),+
        }

        /// Every kind of request, by name.
        pub const KINDS: &[&str] = &[$( $(#[$m])* <$calc as Computation>::KIND ),+];

        /// Computes any request.
        pub fn compute(req: &Request) -> Result<Response, Error> {
            match req {
                $( $(#[$m])* Request::$variant(r) => <$calc as Computation>::compute(r).map(Response::$variant) ),+
            }
        }

        impl Request {
            pub fn kind(&self) -> &'static str {
                match self { $( $(#[$m])* Request::$variant(_) => <$calc as Computation>::KIND ),+ }
            }

            /// A request of `kind` from its fields as text (a form, a URL); an unknown
            /// field or kind is an error naming it.
            pub fn from_fields<'a>(kind: &str, fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Request, String> {
                use serde::de::value::MapDeserializer;
                let fields = MapDeserializer::<_, FieldsError>::new(fields.into_iter());
                match kind {
                    $( $(#[$m])* k if k == <$calc as Computation>::KIND => {
                        <<$calc as Computation>::Request as Deserialize>::deserialize(fields).map(Request::$variant).map_err(|e| e.to_string())
                    } )+
                    other => Err(format!("unknown kind `{other}`")),
                }
            }

            /// The options every request carries, to set whatever the request's kind.
            pub fn options(&mut self) -> RequestOptions<'_> {
                match self { $( $(#[$m])* Request::$variant(r) => <$calc as Computation>::options(r) ),+ }
            }

            /// Every parameter the request's computation may read.
            pub fn params(&self) -> &'static [ParamId] {
                match self { $( $(#[$m])* Request::$variant(_) => <$calc as Computation>::params() ),+ }
            }
        }

        /// Every parameter a kind of computation may read.
        pub fn params(kind: &str) -> &'static [ParamId] {
            $( $(#[$m])* if kind == <$calc as Computation>::KIND { return <$calc as Computation>::params(); } )+
            &[]
        }

        impl Response {
            pub fn headline(&self) -> Vec<Headline> {
                match self { $( $(#[$m])* Response::$variant(r) => <$calc as Computation>::headline(r) ),+ }
            }
            pub fn summary(&self) -> Text {
                match self { $( $(#[$m])* Response::$variant(r) => <$calc as Computation>::summary(r) ),+ }
            }
            pub fn explanation(&self) -> &Explanation {
                match self { $( $(#[$m])* Response::$variant(r) => <$calc as Computation>::explanation(r) ),+ }
            }
        }
    };
}

registry! {
    Contribution => contribution::Contribution,
    Flexible => flexible::Flexible,
    Resident => resident::Resident,
    Eligibility => eligibility::Eligibility,
    #[cfg(feature = "fund")]
    Fund => crate::compute::fund::Fund,
}

/// The error for a request that does not have the request's shape (from a JSON parser's
/// message), the same at every door.
pub fn malformed(what: &str, message: &str) -> Error {
    Error::field(
        what,
        "malformed_request",
        Text::new(
            format!("请求格式不对：{message}"),
            format!("the request is malformed: {message}"),
        ),
    )
}

/// Why a form's fields made no request, in a word: the fields are the page's own, so a
/// mismatch is a programming error, and keeping serde's detailed message would carry its
/// number formatting (floats included) into the web build for nothing.
#[derive(Debug)]
pub struct FieldsError(&'static str);

impl std::fmt::Display for FieldsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for FieldsError {}

impl serde::de::Error for FieldsError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        FieldsError("malformed fields")
    }
    fn invalid_type(_: serde::de::Unexpected<'_>, _: &dyn serde::de::Expected) -> Self {
        FieldsError("a field of the wrong type")
    }
    fn invalid_value(_: serde::de::Unexpected<'_>, _: &dyn serde::de::Expected) -> Self {
        FieldsError("a field with a bad value")
    }
    fn invalid_length(_: usize, _: &dyn serde::de::Expected) -> Self {
        FieldsError("a field of the wrong length")
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        FieldsError("an unknown word")
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        FieldsError("an unknown field")
    }
    fn missing_field(_: &'static str) -> Self {
        FieldsError("a missing field")
    }
    fn duplicate_field(_: &'static str) -> Self {
        FieldsError("a field given twice")
    }
}
