//! # yibao-model: the rules model of yibao
//!
//! What the rule files say, as types: the catalogue of parameters ([`ParamId`]), their
//! values ([`Value`], exact [`Money`] and [`Ratio`]), calendar months ([`YearMonth`]),
//! bilingual [`Text`], the domain's vocabularies ([`EmployerKind`], [`Situation`], …), and
//! the validated [`Rules`]. With the `toml` feature, [`load`] reads and checks rule files;
//! the core's build script uses it so that only valid rules are ever embedded.

// No panics by construction, as in the core.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod catalogue;
#[cfg(feature = "toml")]
pub mod load;
pub mod money;
pub mod month;
pub mod rules;
pub mod text;
pub mod texts;
pub mod value;
pub mod vocab;

pub use catalogue::{find, ParamDef, ParamId, Scope, Unit, CATALOGUE};
#[cfg(feature = "toml")]
pub use load::load;
pub use money::{Money, Rounding};
pub use month::YearMonth;
pub use rules::{City, Document, Entry, RuleIssue, Rules, Series, Source, Status};
pub use text::{Lang, Text};
pub use value::{Ratio, Value};
pub use vocab::{
    Category, Choice, CountedMonths, DeficitMethod, EmployerKind, PrePoolingDeficit, Shortfall, Situation, Vocabulary,
};
