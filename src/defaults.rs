//! What a person starts from with nothing typed: the web app opens on these, and the
//! horizon (`yibao rules horizon`, and the test that holds every month ahead to answer)
//! computes every city and view with them, so the page, the CLI and the test see the same
//! situation.

use crate::compute::resident::benefit_year_at;
use crate::model::{Text, YearMonth};
use crate::registry::{Request, Response};
use crate::Error;

/// The views a person computes, by the core's kind of request, in the order the page shows
/// them (the comparison runs the first three for every city).
pub const KINDS: [&str; 4] = ["contribution", "flexible", "resident", "eligibility"];

/// A kind of view in words, as the page's tabs name it.
pub fn label(kind: &str) -> Text {
    match kind {
        "contribution" => Text::new("在职职工", "Employee"),
        "flexible" => Text::new("灵活就业", "Flexible"),
        "resident" => Text::new("城乡居民", "Resident"),
        "eligibility" => Text::new("退休待遇与补缴", "Retirement & top-up"),
        "fund" => Text::new("统筹基金", "Pooled fund"),
        other => Text::same(other.to_string()),
    }
}

/// Every field's starting text for a month ("now"): wage 5000 at an ordinary employer;
/// the benefit year people are paying for; a man born 1970-01 with ten years paid.
pub fn fields(now: YearMonth) -> Vec<(&'static str, String)> {
    let month = now.to_string();
    vec![
        ("month", month.clone()),
        ("wage", "5000".into()),
        ("employer", "other".into()),
        ("year", benefit_year_at(now).to_string()),
        ("break_years", "0".into()),
        ("repaid_years", "0".into()),
        ("in_enrolment_period", "true".into()),
        ("newborn", "false".into()),
        ("household", "1".into()),
        ("birth", "1970-01".into()),
        ("category", "male".into()),
        ("as_of", month),
        ("paid_months", "120".into()),
        ("situation", "employee".into()),
    ]
}

/// The fields a kind of request reads (the others are not its own).
fn reads(kind: &str, field: &str) -> bool {
    match kind {
        "contribution" => matches!(field, "month" | "wage" | "employer"),
        "flexible" => field == "month",
        "resident" => matches!(
            field,
            "year"
                | "break_years"
                | "repaid_years"
                | "in_enrolment_period"
                | "newborn"
                | "household"
        ),
        "eligibility" => matches!(
            field,
            "birth" | "category" | "as_of" | "paid_months" | "situation"
        ),
        _ => false,
    }
}

/// A request of `kind` for a city with the starting fields of `now`.
pub fn request(
    kind: &str,
    city: &str,
    now: YearMonth,
    official_only: bool,
) -> Result<Request, String> {
    let fields = fields(now);
    let pairs = fields
        .iter()
        .filter(|(f, _)| reads(kind, f))
        .map(|(f, v)| (*f, v.as_str()))
        .chain([("city", city)]);
    let mut req = Request::from_fields(kind, pairs)?;
    *req.options().official_only = official_only;
    Ok(req)
}

/// How much of its question a view answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Answer {
    /// Every figure of the view, with nothing left out.
    Full,
    /// Figures, but some were left out for want of a published one (`not_known`).
    Partly,
    /// No figure: it asks for figures nobody published.
    Asks,
    /// Refused (an input or rules error): never for the starting fields.
    Refused,
}

impl Answer {
    pub fn of(result: &Result<Response, Error>) -> Answer {
        match result {
            Ok(r) if r.explanation().not_known.is_empty() => Answer::Full,
            Ok(_) => Answer::Partly,
            Err(Error::MissingFigures { .. }) => Answer::Asks,
            Err(_) => Answer::Refused,
        }
    }

    /// Whether the view shows a figure at all.
    pub fn answers(self) -> bool {
        matches!(self, Answer::Full | Answer::Partly)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_takes_its_starting_fields() {
        let now = YearMonth::new(2026, 12).unwrap();
        for kind in KINDS {
            assert!(request(kind, "jining", now, false).is_ok(), "{kind}");
        }
        // Each field of the start belongs to some view.
        for (f, _) in fields(now) {
            assert!(KINDS.iter().any(|k| reads(k, f)), "{f} is read by no view");
        }
    }
}
