//! # yibao: China's basic medical insurance under city-level pooling (医保市级统筹)
//!
//! The rules core. Pure Rust with no web dependencies: the `yibao` command line, the
//! JavaScript API and the web app are thin shells over the four computations here.
//!
//! * [`contribution`]: 职工医保 — what employer and employee pay for a month.
//! * [`flexible`]: 灵活就业 — a flexible worker's monthly premium and waiting period.
//! * [`resident`]: 城乡居民医保 — the year's premium and subsidy, and the waiting period.
//! * [`eligibility`]: 退休待遇与补缴 — retirement month, months missing, top-up cost.
//!
//! Every result carries an [`Explanation`]: steps with the formula in actual numbers and
//! the article each value rests on. Figures nobody published are never guessed: the
//! computation fails with [`Error::MissingFigures`] naming the parameter ids to supply,
//! and a result that used supplied figures lists them.

// No panics by construction: the core's code may not unwrap, expect, index or panic on
// values that come from input (tests are exempt).
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

#[cfg(feature = "batch")]
pub mod batch;
pub mod compute;
pub mod context;
pub mod error;
pub mod explain;
pub mod input;
pub mod money;
pub mod month;
pub mod params;
pub mod rules;
pub mod text;

pub use compute::contribution::{
    contribution, ContributionRequest, ContributionResult, EmployerKind,
};
pub use compute::eligibility::{eligibility, EligibilityRequest, EligibilityResult, Situation};
pub use compute::flexible::{flexible, FlexibleRequest, FlexibleResult};
#[cfg(feature = "fund")]
pub use compute::fund::{fund, FundRequest, FundResult};
pub use compute::resident::{resident, ResidentRequest, ResidentResult};
pub use compute::retirement::Category;
pub use context::Overrides;
pub use error::{Error, FieldError, MissingFigure, RuleIssue};
pub use explain::{Cite, Explanation, Step};
pub use input::Raw;
pub use money::Money;
pub use month::YearMonth;
pub use rules::{rules, Rules, Status};
pub use text::{Lang, Text};
