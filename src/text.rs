//! Bilingual text. Every message and label the core produces carries both languages, so a
//! front end can switch language without computing again.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// Which language to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
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
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
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
