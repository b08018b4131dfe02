//! Reading a rule's value as the type a computation asks for.

use super::*;

/// Values as a computation needs them, from a rule value of the parameter's unit.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> Option<Self>;
}

impl FromValue for Ratio {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Rate(r) => Some(*r),
            _ => None,
        }
    }
}
impl FromValue for Money {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Money(m) => Some(*m),
            _ => None,
        }
    }
}
impl FromValue for u32 {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Count(n) => Some(*n),
            _ => None,
        }
    }
}
impl FromValue for Decimal {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Years(y) => Some(*y),
            _ => None,
        }
    }
}
impl FromValue for bool {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Flag(b) => Some(*b),
            _ => None,
        }
    }
}
impl FromValue for YearMonth {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Month(m) => Some(*m),
            _ => None,
        }
    }
}
impl FromValue for Vec<Situation> {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Set(words) => words.iter().map(|w| Situation::parse(w)).collect(),
            _ => None,
        }
    }
}
macro_rules! from_word {
    ($($t:ty),+) => {$(
        impl FromValue for $t {
            fn from_value(v: &Value) -> Option<Self> {
                match v {
                    Value::Choice(w) => <$t>::parse(w),
                    _ => None,
                }
            }
        }
    )+};
}
from_word!(
    CountedMonths,
    Shortfall,
    Rounding,
    DeficitMethod,
    PrePoolingDeficit,
    TopupBase
);
