//! A calendar month (年月), the unit in which rules take effect and people retire.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A year and month, e.g. 2024-03. Ordered; arithmetic is in whole months, so there is
/// no day-of-month rounding to decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Months since year 0 month 1: `year * 12 + (month - 1)`.
    index: i32,
}

/// Years the calculator accepts at all. Far wider than any rule window, narrow enough
/// that month arithmetic can never overflow.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

impl YearMonth {
    /// `None` when the month is not 1..=12 or the year is outside MIN_YEAR..=MAX_YEAR.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        Some(YearMonth {
            index: year * 12 + month as i32 - 1,
        })
    }

    pub fn year(self) -> i32 {
        self.index.div_euclid(12)
    }

    pub fn month(self) -> u32 {
        (self.index.rem_euclid(12) + 1) as u32
    }

    /// This month plus `months` (which may be negative); `None` if the result leaves the
    /// accepted years.
    pub fn plus(self, months: i32) -> Option<Self> {
        let index = self.index.checked_add(months)?;
        let candidate = YearMonth { index };
        (MIN_YEAR..=MAX_YEAR)
            .contains(&candidate.year())
            .then_some(candidate)
    }

    /// Whole months from `earlier` to `self` (negative when `self` is earlier).
    pub fn months_since(self, earlier: YearMonth) -> i32 {
        self.index - earlier.index
    }

    /// "This month" as people in China count it (UTC+8, no daylight saving), at a moment
    /// given in seconds since 1970-01-01 UTC. The CLI, the JS API and the web app all use
    /// this, so from 00:00 to 08:00 on the 1st they agree on the new month.
    pub fn in_china(unix_seconds: i64) -> Option<Self> {
        Self::from_unix_days(unix_seconds.checked_add(8 * 3600)?.div_euclid(86_400))
    }

    /// The month containing a day counted from 1970-01-01.
    pub fn from_unix_days(days: i64) -> Option<Self> {
        // Howard Hinnant's civil-from-days algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        YearMonth::new(i32::try_from(year).ok()?, u32::try_from(month).ok()?)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

/// Why a text is not a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthParseError {
    Empty,
    Malformed,
    OutOfRange,
}

impl FromStr for YearMonth {
    type Err = MonthParseError;

    /// Accepts `YYYY-MM` (also `YYYY-M`, `YYYY/MM`, `YYYY.MM` and `YYYY年MM月`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err(MonthParseError::Empty);
        }
        let s = s.strip_suffix('月').unwrap_or(s);
        let mut parts = s.splitn(2, ['-', '/', '.', '年']);
        let (Some(y), Some(m)) = (parts.next(), parts.next()) else {
            return Err(MonthParseError::Malformed);
        };
        let digits = |t: &str, max_len: usize| {
            !t.is_empty() && t.len() <= max_len && t.bytes().all(|b| b.is_ascii_digit())
        };
        if y.len() != 4 || !digits(y, 4) || !digits(m, 2) {
            return Err(MonthParseError::Malformed);
        }
        let (Ok(year), Ok(month)) = (y.parse::<i32>(), m.parse::<u32>()) else {
            return Err(MonthParseError::Malformed);
        };
        YearMonth::new(year, month).ok_or(MonthParseError::OutOfRange)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a month (YYYY-MM)")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let m: YearMonth = "2024-03".parse().unwrap();
        assert_eq!((m.year(), m.month()), (2024, 3));
        assert_eq!(m.to_string(), "2024-03");
        assert_eq!("2024年3月".parse::<YearMonth>().unwrap(), m);
        assert_eq!(
            "2024-13".parse::<YearMonth>(),
            Err(MonthParseError::OutOfRange)
        );
        assert_eq!(
            "24-03".parse::<YearMonth>(),
            Err(MonthParseError::Malformed)
        );
        assert_eq!("".parse::<YearMonth>(), Err(MonthParseError::Empty));
    }

    #[test]
    fn arithmetic_crosses_years() {
        let m: YearMonth = "1965-01".parse().unwrap();
        assert_eq!(m.plus(60 * 12 + 1).unwrap().to_string(), "2025-02");
        assert_eq!(m.plus(-1).unwrap().to_string(), "1964-12");
        assert_eq!(
            "2026-11".parse::<YearMonth>().unwrap().months_since(m),
            61 * 12 + 10
        );
    }

    #[test]
    fn unix_days() {
        // 2026-11-23 is day 20_780 after 1970-01-01.
        assert_eq!(
            YearMonth::from_unix_days(20_780).unwrap().to_string(),
            "2026-11"
        );
        assert_eq!(YearMonth::from_unix_days(0).unwrap().to_string(), "1970-01");
        // 2026-11-30 16:30 UTC is already 2026-12-01 00:30 in China.
        let t = 20_787 * 86_400 + 16 * 3600 + 1800;
        assert_eq!(YearMonth::in_china(t).unwrap().to_string(), "2026-12");
        assert_eq!(
            YearMonth::from_unix_days(t / 86_400).unwrap().to_string(),
            "2026-11"
        );
    }
}
