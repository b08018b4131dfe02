//! Exact money: decimal yuan, never floating point. Rounding is a rule, applied where the
//! rule says, to the fen (分, 0.01 yuan).

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

pub use crate::vocab::Rounding;

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

    /// The amount with two decimals ("5000.00"), as `Display` writes it without padding.
    pub fn text(self) -> String {
        let mut d = self.0;
        d.rescale(2);
        decimal_text(d)
    }

    /// An amount in whole fen (the batch's integer fast path).
    pub fn from_fen(fen: i64) -> Money {
        Money(Decimal::new(fen, 2))
    }

    /// A sum in whole fen, where a decimal holds it (below about 7.9 × 10²⁶ yuan).
    pub fn from_fen_wide(fen: i128) -> Option<Money> {
        Decimal::try_from_i128_with_scale(fen, 2).ok().map(Money)
    }

    /// The amount in whole fen, where it fits in an `i64`.
    pub fn to_fen(self) -> Option<i64> {
        let mut d = self.0;
        d.rescale(2);
        i64::try_from(d.mantissa()).ok()
    }

    pub fn amount(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Sum of amounts that are each whole fen; exact, so no rounding.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Difference; exact. May be negative (a deficit).
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    pub fn negate(self) -> Money {
        Money(-self.0)
    }

    /// `self × n` for a whole count (months, people); exact.
    pub fn times(self, n: u32) -> Option<Money> {
        self.0.checked_mul(Decimal::from(n)).map(Money)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad` so that width and alignment flags work in tables.
        f.pad(&self.text())
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

impl Rounding {
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
    let mut out = plain(rate * Decimal::ONE_HUNDRED);
    out.push('%');
    out
}

/// Shows a decimal without trailing zeros.
pub fn plain(d: Decimal) -> String {
    decimal_text(d.normalize())
}

/// A decimal as text, exactly as `Decimal`'s `Display` writes it (its own scale, `-` when
/// negative), without going through `core::fmt`: `Decimal` writes its digits by dividing a
/// 96-bit number by ten per digit, and writing numbers was a fifth of computing a
/// contribution with its explanation. Digits by `itoa` from the mantissa.
pub fn decimal_text(d: Decimal) -> String {
    let mut out = String::with_capacity(24);
    push_decimal(&mut out, d);
    out
}

/// [`decimal_text`] onto the end of `out`.
pub fn push_decimal(out: &mut String, d: Decimal) {
    if d.is_sign_negative() {
        out.push('-');
    }
    let mut buf = itoa::Buffer::new();
    // Every amount and rate of the rules fits 64 bits; a larger mantissa (a fuzzer's) is
    // left to `Display`, which keeps 128-bit digit writing out of the browser's bundle.
    let Ok(m) = u64::try_from(d.mantissa().unsigned_abs()) else {
        out.push_str(&d.abs().to_string());
        return;
    };
    let digits = if m == 0 { "" } else { buf.format(m) };
    let scale = d.scale() as usize;
    let whole = digits.len().saturating_sub(scale);
    let (int, frac) = digits.split_at_checked(whole).unwrap_or((digits, ""));
    out.push_str(if int.is_empty() { "0" } else { int });
    if scale > 0 {
        out.push('.');
        for _ in frac.len()..scale {
            out.push('0');
        }
        out.push_str(frac);
    }
}

/// An amount with thousands separators, for people reading large sums: 1,100,000.00.
pub fn grouped(m: Money) -> String {
    let s = m.to_string();
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}.{frac}")
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

    #[test]
    fn fen_and_grouping() {
        let m = Money::from_fen(110_000_000);
        assert_eq!(m.to_string(), "1100000.00");
        assert_eq!(grouped(m), "1,100,000.00");
        assert_eq!(grouped(Money::from_fen(-12_345)), "-123.45");
        assert_eq!(grouped(Money::from_fen(99_999)), "999.99");
        assert_eq!(Money::from_fen(12_345).to_fen(), Some(12_345));
    }
}
