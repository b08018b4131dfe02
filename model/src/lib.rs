//! # yibao-model: the rules model of yibao
//!
//! What the rule files say, as types: the catalogue of parameters ([`ParamId`]), their
//! values ([`Value`], exact [`Money`] and [`Ratio`]), calendar months ([`YearMonth`]),
//! bilingual [`Text`], the domain's vocabularies ([`EmployerKind`], [`Situation`], …), and
//! the validated [`Rules`]. With the `toml` feature, [`load`] reads and checks rule files;
//! the core's build script uses it so that only valid rules are ever embedded.

// No unsafe code: memory safety is the compiler's, which is why the fuzz smoke pass runs
// without AddressSanitizer (scripts/fuzz.sh).
#![forbid(unsafe_code)]
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
pub mod site;
pub mod text;
pub mod texts;
pub mod value;
pub mod vocab;

pub use catalogue::{find, ParamDef, ParamId, Scope, Unit, CATALOGUE};
#[cfg(feature = "toml")]
pub use load::load;
pub use money::{Money, Rounding};
pub use month::YearMonth;
pub use rules::{At, City, Document, Entry, Notice, RuleIssue, Rules, Series, Source, Status};
pub use site::{SiteFigure, SiteFigures};
pub use text::{Lang, Text};
pub use value::{Ratio, Value};
pub use vocab::{
    Category, Choice, CountedMonths, DeficitMethod, EmployerKind, PrePoolingDeficit, Shortfall,
    Situation, TopupBase, Vocabulary,
};

/// TypeScript for the types whose JSON is written by hand (ts-rs derives the rest from their
/// serde attributes): what each one is in JSON.
#[cfg(feature = "ts")]
mod ts {
    /// `impl ts_rs::TS` for a type that is a plain TypeScript type in JSON.
    #[macro_export]
    macro_rules! ts_as {
        ($($ty:ty => $ts:expr),* $(,)?) => { $(
            impl ts_rs::TS for $ty {
                type WithoutGenerics = Self;
                type OptionInnerType = Self;
                fn name(_: &ts_rs::Config) -> String {
                    String::from($ts)
                }
                fn inline(cfg: &ts_rs::Config) -> String {
                    <Self as ts_rs::TS>::name(cfg)
                }
            }
        )* };
    }

    ts_as! {
        // Yuan with two decimals, "406.00": never a float.
        crate::Money => "string",
        // "2024-03".
        crate::YearMonth => "string",
        // A parameter id, "employee.rate.individual".
        crate::ParamId => "string",
        // A rate ("0.074"), an amount, a count, a flag or a month, as the rules show it.
        crate::value::Value => "string | number | boolean",
        crate::catalogue::Unit => "{ kind: string, choices: Array<{ word: string, zh: string, en: string }> }",
    }
}
