//! The domain's small vocabularies: employer kinds, retirement categories, top-up
//! situations and the words rule files use for choices. Each word is spelled once, here,
//! with its label in both languages; parsing, JSON and the web's options all use these.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::Text;

/// One word of a vocabulary with its labels, for a select box or a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Choice {
    pub word: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Other words people use for it (`reserve_waterfall`, 企业).
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub aliases: &'static [&'static str],
}

impl Choice {
    pub fn label(&self) -> Text {
        Text::new(self.zh, self.en)
    }

    /// Whether a person typed this choice: its word, either label or an alias, with case,
    /// spaces and `-`/`_` not mattering (as the vocabulary's own `parse` reads it).
    pub fn is(&self, typed: &str) -> bool {
        same_word(typed, self.word)
            || same_word(typed, self.zh)
            || same_word(typed, self.en)
            || self.aliases.iter().any(|a| same_word(typed, a))
    }
}

/// What every vocabulary offers, for code generic over them.
pub trait Vocabulary: Sized + Copy + 'static {
    const CHOICES: &'static [Choice];
    fn parse(s: &str) -> Option<Self>;
    fn word(self) -> &'static str;
    fn label(self) -> Text;
}

/// Case, spaces and `-`/`_` do not matter when a person types a word. Compared character
/// by character, with no string made (a payroll parses a word on every row).
fn normalized(s: &str) -> impl Iterator<Item = char> + '_ {
    s.trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| *c != ' ')
        .map(|c| {
            if c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
}

fn same_word(typed: &str, word: &str) -> bool {
    normalized(typed).eq(normalized(word))
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal ($zh:literal, $en:literal) $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const CHOICES: &'static [Choice] = &[$(Choice { word: $word, zh: $zh, en: $en, aliases: &[$($alias),*] }),+];

            /// The word rule files, requests and JSON use.
            pub fn word(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            pub fn label(self) -> Text {
                match self { $($name::$variant => Text::new($zh, $en)),+ }
            }

            /// The word, its Chinese or English label, or a common alias.
            pub fn parse(s: &str) -> Option<$name> {
                $(
                    if same_word(s, $word) || same_word(s, $zh) || same_word(s, $en) $(|| same_word(s, $alias))* {
                        return Some($name::$variant);
                    }
                )+
                None
            }
        }

        /// One of the words, as JSON gives it.
        #[cfg(feature = "ts")]
        impl ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> String {
                [$(concat!("\"", $word, "\"")),+].join(" | ")
            }
            fn inline(cfg: &ts_rs::Config) -> String {
                <Self as ts_rs::TS>::name(cfg)
            }
        }

        impl Vocabulary for $name {
            const CHOICES: &'static [Choice] = $name::CHOICES;
            fn parse(s: &str) -> Option<Self> {
                $name::parse(s)
            }
            fn word(self) -> &'static str {
                $name::word(self)
            }
            fn label(self) -> Text {
                $name::label(self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.word())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.word())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| {
                    let words: Vec<&str> = $name::CHOICES.iter().map(|c| c.word).collect();
                    serde::de::Error::custom(format!("`{s}` is not one of {}", words.join(", ")))
                })
            }
        }
    };
}

vocabulary! {
    /// 用人单位类型.
    EmployerKind {
        /// 机关事业单位: government bodies and public institutions.
        PublicBody = "public_body" ("机关事业单位", "public body") | "public" | "government" | "机关" | "事业单位",
        /// 其他单位: every other employer.
        Other = "other" ("其他单位", "other employer") | "enterprise" | "company" | "其他" | "企业" | "other employers",
    }
}

impl EmployerKind {
    /// An employer kind as payroll files write it: a word of the vocabulary; else a public
    /// body where the text says so (行政机关, 全额拨款事业单位, 参照公务员法管理); else, for any
    /// other non-empty text (有限责任公司, 私营企业, 外资企业, 股份有限公司 …), another employer,
    /// with `true` (read so, not written so), so the batch can say how many rows it read that
    /// way. `None` for an empty cell.
    pub fn read_loosely(text: &str) -> Option<(EmployerKind, bool)> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        if let Some(k) = EmployerKind::parse(t) {
            return Some((k, false));
        }
        let public = [
            "机关",
            "事业",
            "参公",
            "参照公务员",
            "行政单位",
            "党政",
            "人大",
            "政协",
        ]
        .iter()
        .any(|w| t.contains(w));
        Some(if public {
            (EmployerKind::PublicBody, false)
        } else {
            (EmployerKind::Other, true)
        })
    }
}

vocabulary! {
    /// 退休人员类别: whose statutory retirement age the reform moves, and how.
    Category {
        /// 男职工 (originally 60).
        Male = "male" ("男职工", "man") | "man" | "m" | "男",
        /// 原法定退休年龄55周岁的女职工.
        Female55 = "female-55" ("女职工（原55岁退休）", "woman (originally 55)") | "f55" | "女55" | "女干部" | "女职工55",
        /// 原法定退休年龄50周岁的女职工.
        Female50 = "female-50" ("女职工（原50岁退休）", "woman (originally 50)") | "f50" | "女50" | "女工人" | "女职工50",
    }
}

vocabulary! {
    /// The person's situation for a top-up, as the 济宁 notice sets them out (三（二）3、4).
    Situation {
        /// In-service employee; the employer pays the top-up.
        Employee = "employee" ("在职职工", "employee") | "在职",
        /// Flexible worker in employee insurance; pays the top-up themself.
        Flexible = "flexible" ("灵活就业人员", "flexible worker") | "灵活就业",
        /// Enterprise retiree never enrolled in employee medical insurance.
        NeverEnrolled = "never_enrolled" ("未参保的企业退休人员", "enterprise retiree never enrolled") | "未参保企业退休人员",
        /// Flexible-worker retiree with a pension but never in employee medical insurance.
        FlexibleRetiree = "flexible_retiree" ("未参保的灵活就业退休人员", "flexible-worker retiree never enrolled") | "灵活就业退休人员",
        /// Retired before their enterprise went bankrupt.
        Bankrupt = "bankrupt" ("破产企业退休人员", "retiree of a bankrupt enterprise"),
    }
}

impl Situation {
    /// Already retired: no projection, and the top-up is due now.
    pub fn retired(self) -> bool {
        matches!(
            self,
            Situation::NeverEnrolled | Situation::FlexibleRetiree | Situation::Bankrupt
        )
    }
}

vocabulary! {
    /// Which months count toward the minimum years for retiree benefits.
    CountedMonths {
        /// Months actually paid (and, as read here, paid elsewhere and transferred in).
        Actual = "actual" ("只计实际缴费月数", "months actually paid only"),
        /// Also the deemed years (视同缴费年限) credited for service before the reform.
        ActualAndDeemed = "actual_and_deemed" ("实际缴费加视同缴费年限", "actual and deemed years"),
    }
}

vocabulary! {
    /// What a person short of the minimum years may do.
    Shortfall {
        OneOff = "one_off" ("一次性补缴", "a one-off top-up"),
        MonthlyOrOneOff = "monthly_or_one_off" ("按月续缴或一次性补缴", "keep paying monthly, or a one-off top-up"),
    }
}

vocabulary! {
    /// What a one-off top-up (一次性补缴) of missing years is paid on, for a person who was
    /// paying until retirement (an employee or a flexible worker).
    TopupBase {
        /// 济宁 三（二）3, 郑州: the person's last contribution base.
        LastBase = "last_base" ("本人最后一次缴费基数", "the person's last contribution base"),
        /// 温州: the province's average wage of the year before the top-up.
        AverageWage = "average_wage" ("补缴时上年度全省社会平均工资", "the province's average wage of the year before the top-up"),
    }
}

vocabulary! {
    /// How an amount is brought to the fen.
    Rounding {
        /// 四舍五入到分: half a fen and more goes up.
        HalfUp = "half_up" ("四舍五入到分", "rounded half up to the fen"),
        /// 进位到分: any fraction of a fen goes up (used for minima, "不低于").
        Up = "up" ("进位到分", "rounded up to the fen"),
    }
}

vocabulary! {
    /// How a county's yearly deficit is met, as each city's document sets it.
    DeficitMethod {
        /// 黄冈 第十八条: historical surplus → the county's risk adjustment fund → county
        /// government and the pooling adjustment fund in a set split → the county government.
        ReserveWaterfall = "huanggang_waterfall" ("历史结余、风险调剂金、县政府与统筹调节金分担、县政府补足", "historical surplus, adjustment fund, county and pooling fund split, county government") | "reserve_waterfall",
        /// 济宁 三（四）6: historical surplus, then the city fund and the county government.
        HistoricalThenShared = "historical_then_shared" ("先用历史结余，再由市级基金与县级政府分担", "historical surplus, then shared by the city fund and the county government"),
        /// 郑州 四（三）, 温州: shared by the city and the county in a measure set separately.
        Shared = "shared" ("市县分担", "shared by city and county"),
        /// 盐城 第九条: the accumulated surplus, else a policy adjustment.
        SurplusThenPolicy = "surplus_then_policy" ("历年结余弥补，不足时调整政策", "accumulated surplus, else a policy adjustment"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_labels_and_aliases() {
        assert_eq!(
            EmployerKind::parse("机关事业单位"),
            Some(EmployerKind::PublicBody)
        );
        assert_eq!(
            EmployerKind::parse(" Public-Body "),
            Some(EmployerKind::PublicBody)
        );
        assert_eq!(EmployerKind::parse("企业"), Some(EmployerKind::Other));
        assert_eq!(Category::parse("female_55"), Some(Category::Female55));
        assert_eq!(Category::Female55.word(), "female-55");
        assert_eq!(
            Situation::parse("flexible-retiree"),
            Some(Situation::FlexibleRetiree)
        );
        assert_eq!(
            DeficitMethod::ReserveWaterfall.word(),
            "huanggang_waterfall"
        );
        assert_eq!(EmployerKind::parse("公司"), None);
        assert_eq!(
            EmployerKind::read_loosely("差额拨款事业单位"),
            Some((EmployerKind::PublicBody, false))
        );
        assert_eq!(
            EmployerKind::read_loosely("行政机关"),
            Some((EmployerKind::PublicBody, false))
        );
        assert_eq!(
            EmployerKind::read_loosely("企业"),
            Some((EmployerKind::Other, false))
        );
        assert_eq!(
            EmployerKind::read_loosely("有限责任公司"),
            Some((EmployerKind::Other, true))
        );
        assert_eq!(EmployerKind::read_loosely("  "), None);
    }
}

vocabulary! {
    /// Who bears a county's deficit from before pooling, as each city's document sets it.
    PrePoolingDeficit {
        /// 盐城 第九条, 黄冈 第十五条, 郑州 四（四）, 温州 三（二）8: the county (its government's
        /// finance) fills it; it is not carried into the pooled fund.
        LocalFinance = "local_finance" ("由当地（原统筹区）自行承担，不带入统筹基金", "borne locally, by the former pooling area, not carried into the pooled fund"),
        /// 济宁 三（四）5: borne by the city fund and the county government, by a measure
        /// set separately.
        CityFundAndCounty = "city_fund_and_county" ("由市级基金和县级政府分别承担（办法另定）", "borne by the city fund and the county government (by a separate measure)"),
    }
}
