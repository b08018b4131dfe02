//! One registry of computations, used by every door: the CLI (`yibao run request.json`),
//! the JS API (`compute`), the web app, the golden and bad-input tests and the fuzz
//! targets. A computation is one module that implements [`Computation`], registered once
//! in the list below.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::compute::{contribution, eligibility, flexible, resident};
use crate::error::Error;
use crate::explain::Explanation;
use crate::model::{Money, Text};

/// A headline figure of a result, with its label: what the CLI summary, the web's cards
/// and share links show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Headline {
    /// Stable key (share links record figures by it).
    pub key: &'static str,
    pub label: Text,
    pub value: String,
    /// The unit after the number ("元", "个月"), empty for a month.
    pub unit: Text,
}

impl Headline {
    pub fn money(key: &'static str, label: Text, m: Money) -> Headline {
        Headline { key, label, value: m.to_string(), unit: Text::new("元", "yuan") }
    }
    pub fn months(key: &'static str, label: Text, n: u32) -> Headline {
        Headline { key, label, value: n.to_string(), unit: Text::new("个月", "months") }
    }
    pub fn plain(key: &'static str, label: Text, value: impl ToString) -> Headline {
        Headline { key, label, value: value.to_string(), unit: Text::default() }
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
    fn explanation(r: &Self::Result) -> &Explanation;
}

macro_rules! registry {
    ($( $(#[$m:meta])* $variant:ident => $calc:ty ),+ $(,)?) => {
        /// Any request, tagged by its `kind`: `{"kind": "contribution", "city": …}`.
        #[derive(Clone, Debug, Serialize, Deserialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        pub enum Request {
            $( $(#[$m])* $variant(<$calc as Computation>::Request) ),+
        }

        /// The result of any request (the same JSON as the computation's own).
        #[derive(Clone, Debug, Serialize)]
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
        }

        impl Response {
            pub fn headline(&self) -> Vec<Headline> {
                match self { $( $(#[$m])* Response::$variant(r) => <$calc as Computation>::headline(r) ),+ }
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
        Text::new(format!("请求格式不对：{message}"), format!("the request is malformed: {message}")),
    )
}
