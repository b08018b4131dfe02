//! Exact money: decimal yuan, never floating point. Rounding is a rule, applied where the
//! rule says, to the fen (分, 0.01 yuan).

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// An amount of yuan rounded to the fen. Serialised as a string with two decimals, so
/// JSON consumers never see a float.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Wraps an amount that is already whole fen (an input or a rule value).
    pub fn from_fen_exact(amount: Decimal) -> Option<Money> {
        (amount.round_dp(2) == amount).then_some(Money(amount))
    }

    pub fn amount(self) -> Decimal {
        self.0
    }

    /// Sum of amounts that are each whole fen; exact, so no rounding.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// `self × n` for a whole count (months, people); exact.
    pub fn times(self, n: u32) -> Option<Money> {
        self.0.checked_mul(Decimal::from(n)).map(Money)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = self.0;
        d.rescale(2);
        // `pad` so that width and alignment flags work in tables.
        f.pad(&d.to_string())
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let value: Decimal = text.parse().map_err(serde::de::Error::custom)?;
        Money::from_fen_exact(value)
            .ok_or_else(|| serde::de::Error::custom("more than two decimals"))
    }
}

/// How an amount is brought to the fen. Which one applies is data (`rounding.money` in
/// `rules/national.toml`, or a rule's own), not code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// 四舍五入到分: half a fen and more goes up.
    HalfUp,
    /// 进位到分: any fraction of a fen goes up (used for minima, "不低于").
    Up,
}

impl Rounding {
    pub fn parse(name: &str) -> Option<Rounding> {
        match name {
            "half_up" => Some(Rounding::HalfUp),
            "up" => Some(Rounding::Up),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Rounding::HalfUp => "half_up",
            Rounding::Up => "up",
        }
    }

    pub fn apply(self, amount: Decimal) -> Money {
        let strategy = match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::Up => RoundingStrategy::AwayFromZero,
        };
        Money(amount.round_dp_with_strategy(2, strategy))
    }
}

/// Shows a rate as a percentage without trailing zeros: 0.074 → "7.4%".
pub fn percent(rate: Decimal) -> String {
    let p = (rate * Decimal::ONE_HUNDRED).normalize();
    format!("{p}%")
}

/// Shows a decimal without trailing zeros.
pub fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn rounding_modes() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(Rounding::HalfUp.apply(d("1.005")).to_string(), "1.01");
        assert_eq!(Rounding::HalfUp.apply(d("1.0049")).to_string(), "1.00");
        assert_eq!(Rounding::Up.apply(d("1.001")).to_string(), "1.01");
        assert_eq!(Rounding::Up.apply(d("1.00")).to_string(), "1.00");
        assert_eq!(percent(d("0.074")), "7.4%");
        assert_eq!(percent(d("0.08")), "8%");
    }
}
