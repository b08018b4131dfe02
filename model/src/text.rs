//! Bilingual text. Every message and label the core produces carries both languages, so a
//! front end can switch language without computing again.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Text {
    pub zh: String,
    pub en: String,
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
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The same text in both languages (numbers, formulas).
    pub fn same(both: impl Into<String>) -> Self {
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
        Text::new(format!("{}{}", self.zh, other.zh), format!("{}{}", self.en, other.en))
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
        $crate::Text::new(format!($zh), format!($en))
    };
    ($zh:literal, $en:literal, $($arg:expr),+ $(,)?) => {
        $crate::Text::new(format!($zh, $($arg),+), format!($en, $($arg),+))
    };
}
