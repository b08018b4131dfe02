//! The monthly disbursement calendar (济宁 三（四）4): a county's plan for next month by a
//! day of the month; the city's request within some working days; the finance bureau's
//! payment within some more; the city's transfer to the county within some more. Shown as
//! the steps with their articles and the longest the chain may take; public holidays are
//! not known here, so no calendar date is given.

use serde::Serialize;

use super::remittance::local;
use crate::error::Error;
use crate::lookup::Ctx;
use crate::model::{ParamId, Text};
use crate::text;
use crate::trace::Term;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Calendar {
    /// The day of the month before by which a county submits its plan.
    pub plan_due_day: u32,
    pub city_days: u32,
    pub finance_days: u32,
    pub county_days: u32,
    /// Working days from the plan's deadline to the money reaching the county, at most.
    pub total_working_days: u32,
}

pub(crate) fn calendar(cx: &mut Ctx) -> Result<Option<Calendar>, Error> {
    let (Some(day), Some(city), Some(finance), Some(county)) = (
        local::<u32>(cx, ParamId::CalendarPlanDay)?,
        local::<u32>(cx, ParamId::CalendarCityDays)?,
        local::<u32>(cx, ParamId::CalendarFinanceDays)?,
        local::<u32>(cx, ParamId::CalendarCountyDays)?,
    ) else {
        return Ok(None);
    };
    let d = day.value;
    cx.fact(
        "calendar.plan",
        text!("县级报送下月使用计划", "a county submits next month's plan"),
        text!("每月 {d} 日前", "by the {d}th of each month"),
        d,
        "day",
        std::slice::from_ref(&day.cite),
    );
    let total = cx.number(
        "calendar.total",
        text!(
            "计划截止后至资金拨到县级支出户，最多",
            "from the plan's deadline to the money in the county's account, at most"
        ),
        "rows",
        city.expr().named("市医保部门", "city bureau")
            + finance.expr().named("市财政", "finance bureau")
            + county.expr().named("拨付县级", "to the county"),
        "working days",
    )?;
    Ok(Some(Calendar {
        plan_due_day: d,
        city_days: city.value,
        finance_days: finance.value,
        county_days: county.value,
        total_working_days: super::super::whole(total),
    }))
}

/// The calendar as one line for a headline.
pub fn line(c: &Calendar) -> Text {
    let (d, t) = (c.plan_due_day, c.total_working_days);
    text!(
        "每月 {d} 日前报计划，至迟 {t} 个工作日拨到县级",
        "plan by the {d}th; money at the county within {t} working days"
    )
}
