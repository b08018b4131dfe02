//! Bilingual text. Every message and label the core produces carries both languages, so a
//! front end can switch language without computing again.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

// Each language is a `Cow`: the labels of the catalogue and the fixed words of a step are
// written into the program, and borrowing them instead of copying them saves most of the
// allocations an explanation took (a result's steps and citations carry dozens of such
// labels). Texts read from rule files and texts with numbers in them are owned.
/// A text in Chinese and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Text {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

/// A formatted text, borrowed when it has no arguments (`text!("单位", "employer")`), so
/// [`text!`] allocates only when there is something to put in.
fn formatted(args: fmt::Arguments<'_>) -> Cow<'static, str> {
    match args.as_str() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(fmt::format(args)),
    }
}

/// Which language to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The one way to choose between a Chinese and an English text.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl Text {
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Text::of(zh.into(), en.into())
    }

    /// What [`text!`] makes: each language borrowed when it has nothing to put in.
    // Not inlined: texts are made at hundreds of places, and the web build is sized.
    #[inline(never)]
    pub fn formatted(zh: fmt::Arguments<'_>, en: fmt::Arguments<'_>) -> Self {
        Text::of(formatted(zh), formatted(en))
    }

    #[inline(never)]
    fn of(zh: Cow<'static, str>, en: Cow<'static, str>) -> Self {
        Text { zh, en }
    }

    /// The same text in both languages (numbers, formulas).
    pub fn same(both: impl Into<Cow<'static, str>>) -> Self {
        let both = both.into();
        Text {
            zh: both.clone(),
            en: both,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// Both languages joined piece by piece: `a.join(b)` is `a.zh + b.zh`, `a.en + b.en`.
    pub fn join(&self, other: &Text) -> Text {
        Text::new(
            format!("{}{}", self.zh, other.zh),
            format!("{}{}", self.en, other.en),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

impl std::str::FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "中文" => Ok(Lang::Zh),
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

/// `text!("中文", "English")`, with `format!` arguments in both.
#[macro_export]
macro_rules! text {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::Text::formatted(format_args!($zh), format_args!($en))
    };
    ($zh:literal, $en:literal, $($arg:expr),+ $(,)?) => {
        $crate::Text::formatted(format_args!($zh, $($arg),+), format_args!($en, $($arg),+))
    };
}

/// "1 month", "3 months": an English count with its noun, singular for one.
pub fn count_en(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_macro_borrows_fixed_words_and_formats_the_rest() {
        let fixed = text!("单位", "employer");
        assert!(
            matches!(fixed.zh, Cow::Borrowed("单位"))
                && matches!(fixed.en, Cow::Borrowed("employer"))
        );
        let months = 7;
        let inline = text!("还差{months}个月", "{months} months missing");
        assert_eq!(
            (inline.zh.as_ref(), inline.en.as_ref()),
            ("还差7个月", "7 months missing")
        );
        assert!(matches!(inline.zh, Cow::Owned(_)));
        let args = text!("{}年", "year {}", 2024);
        assert_eq!(args, Text::new("2024年", "year 2024"));
    }
}
