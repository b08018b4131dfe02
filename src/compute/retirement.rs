//! 法定退休年龄 under the 2025 reform: the month a person reaches the statutory retirement
//! age, from the birth month and category.
//!
//! delay = min(cap, ceil(n / step)) months, where n counts birth months from the first
//! affected one (that month = 1); births before it keep the original age.
//! Men born 1965-01: 60 years + ceil(1/4) = 1 month → retirement month 2025-02.

use serde::{Deserialize, Serialize};

use crate::context::{self, Ctx};
use crate::error::Error;
use crate::input::Raw;
use crate::month::YearMonth;
use crate::text;
use crate::text::Text;

/// 退休人员类别.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Category {
    /// 男职工 (originally 60).
    #[serde(rename = "male")]
    Male,
    /// 原法定退休年龄55周岁的女职工.
    #[serde(rename = "female-55")]
    Female55,
    /// 原法定退休年龄50周岁的女职工.
    #[serde(rename = "female-50")]
    Female50,
}

impl Category {
    pub fn parse(field: &str, raw: &Raw) -> Result<Category, Error> {
        match raw.as_str().trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "male" | "man" | "m" | "男" | "男职工" => Ok(Category::Male),
            "female-55" | "f55" | "女55" | "女干部" | "女职工55" => Ok(Category::Female55),
            "female-50" | "f50" | "女50" | "女工人" | "女职工50" => Ok(Category::Female50),
            "" => Err(Error::field(field, "empty", text!("请选择类别：male、female-55 或 female-50", "choose a category: male, female-55 or female-50"))),
            _ => Err(Error::field(field, "unknown_category", text!("未知的类别：{raw}；可选 male（男）、female-55（原55岁退休的女职工）、female-50（原50岁退休的女职工）", "unknown category: {raw}; use male, female-55 or female-50"))),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Category::Male => "male",
            Category::Female55 => "female_55",
            Category::Female50 => "female_50",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Retirement {
    pub original_age_years: u32,
    pub delay_months: u32,
    /// The statutory age: whole years and months.
    pub age_years: u32,
    pub age_months: u32,
    /// The month the person reaches it.
    pub month: YearMonth,
}

/// The statutory retirement month; the national parameters are read at `cx`'s month.
pub fn retirement(
    cx: &mut Ctx,
    birth: YearMonth,
    category: Category,
) -> Result<Option<Retirement>, Error> {
    let k = category.key();
    let age_g = cx.need(&format!("retirement.{k}.original_age"));
    let first_g = cx.need(&format!("retirement.{k}.first_affected_birth"));
    let step_g = cx.need(&format!("retirement.{k}.step_months"));
    let cap_g = cx.need(&format!("retirement.{k}.max_delay_months"));
    let (Some(age), Some(first), Some(step), Some(cap)) = (
        context::years(&age_g),
        context::month(&first_g),
        context::months(&step_g),
        context::months(&cap_g),
    ) else {
        return Ok(None);
    };
    let original: u32 = age.trunc().try_into().unwrap_or(0);
    let n = birth.months_since(first) + 1;
    let delay = if n <= 0 || step == 0 {
        0
    } else {
        (n as u32).div_ceil(step).min(cap)
    };
    let total = original * 12 + delay;
    let month = birth
        .plus(total as i32)
        .ok_or_else(|| super::overflow("birth"))?;
    let (ay, am) = (total / 12, total % 12);
    let formula = if n <= 0 {
        text!(
            "出生 {birth} 早于 {first}，不延迟：{birth} + {original} 岁 = {month}",
            "born {birth}, before {first}: no delay; {birth} + {original} years = {month}"
        )
    } else {
        text!(
            "出生 {birth} 为自 {first} 起第 {n} 个月，延迟 min({cap}, ⌈{n} ÷ {step}⌉) = {delay} 个月；{original} 岁 + {delay} 个月 = {ay} 岁 {am} 个月 → {month}",
            "born {birth}, month {n} counted from {first}: delay min({cap}, ⌈{n} ÷ {step}⌉) = {delay} months; {original} years + {delay} months = {ay} y {am} m → {month}"
        )
    };
    let mut c = context::cite(&age_g);
    c.extend(context::cite(&first_g));
    c.extend(context::cite(&step_g));
    c.extend(context::cite(&cap_g));
    cx.ex.step(
        "retirement_month",
        Text::new(
            "法定退休年龄及到龄月份",
            "statutory retirement age and month",
        ),
        formula,
        month,
        "month",
        c,
    );
    Ok(Some(Retirement {
        original_age_years: original,
        delay_months: delay,
        age_years: ay,
        age_months: am,
        month,
    }))
}
