//! # yibao: China's basic medical insurance under city-level pooling (医保市级统筹)
//!
//! The rules core. Pure Rust with no web dependencies: the `yibao` command line, the
//! JavaScript API and the web app are thin shells over the computations here, all reached
//! through one [`registry`].
//!
//! * [`contribution`]: 职工医保 — what employer and employee pay for a month.
//! * [`flexible`]: 灵活就业 — a flexible worker's monthly premium and waiting period.
//! * [`resident`]: 城乡居民医保 — the year's premium and subsidy, and the waiting period.
//! * [`eligibility`]: 退休待遇与补缴 — retirement month, months missing, top-up cost.
//! * `fund` (feature `fund`): 市级统筹基金 — reserve, deficits, warning lines.
//!
//! Every result carries an [`Explanation`]: steps recorded by the arithmetic itself
//! ([`trace`]), with the article each value rests on, and how sure the result is. Figures
//! nobody published are never guessed: the computation fails with
//! [`Error::MissingFigures`] naming the parameters to supply, and a result that used
//! supplied figures lists them.

// No unsafe code: memory safety is the compiler's, which is why the fuzz smoke pass runs
// without AddressSanitizer (scripts/fuzz.sh).
#![forbid(unsafe_code)]
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

pub mod asks;
pub mod compute;
pub mod defaults;
pub mod error;
pub mod explain;
pub mod horizon;
pub mod input;
pub mod lookup;
pub mod registry;
pub mod rules;
pub mod trace;

/// The rules model (parameters, values, months, money, text, vocabularies).
pub use yibao_model as model;
pub use yibao_model::text;

pub use compute::contribution::{contribution, ContributionRequest, ContributionResult};
pub use compute::eligibility::{eligibility, EligibilityRequest, EligibilityResult};
pub use compute::flexible::{flexible, FlexibleRequest, FlexibleResult};
#[cfg(feature = "fund")]
pub use compute::fund::{fund, FundRequest, FundResult, FundTable};
pub use compute::resident::{benefit_year_at, resident, ResidentRequest, ResidentResult};
pub use compute::Options;
pub use error::{Error, FieldError, MissingFigure};
pub use explain::{Cite, Confidence, Explanation, Step};
pub use input::Raw;
pub use lookup::Overrides;
pub use model::{
    Category, EmployerKind, Lang, Money, ParamId, RuleIssue, Rules, Situation, Status, Text,
    YearMonth,
};
pub use registry::{compute, Computation, Headline, Request, Response};
pub use rules::rules;
