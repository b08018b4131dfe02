//! 风险储备金 (黄冈 第十七条): 2% 风险调剂金 + 4% 统筹调节金 of prior-year revenue, drawn
//! until the reserve reaches 20% of prior-year total revenue.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{minus, plus, sum, Books};
use crate::error::Error;
use crate::lookup::{Cited, Ctx};
use crate::model::{Money, ParamId, Ratio, Rounding, Text};
use crate::text;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReserveYear {
    pub planned: Money,
    pub drawn_adjustment: Money,
    pub drawn_pooling: Money,
    /// The draw was cut short by the cap.
    pub capped: bool,
    pub cap: Money,
    pub adjustment_balance: Money,
    pub pooling_balance: Money,
}

pub(crate) struct Rule {
    adjustment: Cited<Ratio>,
    pooling: Cited<Ratio>,
    cap: Cited<Ratio>,
}

impl Rule {
    /// The reserve rule, where the city's document sets one.
    pub(crate) fn look_up(cx: &mut Ctx) -> Result<Option<Rule>, Error> {
        if !cx.has(ParamId::ReserveAdjustmentRate) {
            return Ok(None);
        }
        let needs = (
            cx.need::<Ratio>(ParamId::ReserveAdjustmentRate),
            cx.need::<Ratio>(ParamId::ReservePoolingRate),
            cx.need::<Ratio>(ParamId::ReserveCap),
        );
        let (adjustment, pooling, cap) = cx.resolve(needs)?;
        Ok(Some(Rule {
            adjustment,
            pooling,
            cap,
        }))
    }
}

fn share(amount: Money, r: Ratio, rounding: Rounding) -> Result<Money, Error> {
    r.of(amount.amount())
        .map(|d| rounding.apply(d))
        .ok_or_else(|| crate::compute::overflow("rows"))
}

/// The year's draw: each county's levy and the reserve's year.
pub(crate) fn draw(
    cx: &mut Ctx,
    rule: &Rule,
    rounding: Rounding,
    year: i32,
    prior: &BTreeMap<String, Option<Money>>,
    books: &mut Books,
) -> Result<(ReserveYear, BTreeMap<String, Money>), Error> {
    let (ar, pr, cr) = (rule.adjustment.value, rule.pooling.value, rule.cap.value);
    let known: Vec<(String, Money)> = prior
        .iter()
        .filter_map(|(c, p)| p.map(|p| (c.clone(), p)))
        .collect();
    let total_prior = sum(known.iter().map(|(_, p)| p))?;
    let cap = share(total_prior, cr, rounding)?;
    let held = plus(sum(books.adjustment.values())?, books.pooling)?;
    let room = if cap > held {
        minus(cap, held)?
    } else {
        Money::ZERO
    };
    let mut planned = Money::ZERO;
    for (_, p) in &known {
        planned = plus(
            planned,
            plus(share(*p, ar, rounding)?, share(*p, pr, rounding)?)?,
        )?;
    }
    let capped = planned > room;
    let (mut da, mut dp) = (Money::ZERO, Money::ZERO);
    let mut levy = BTreeMap::new();
    for (c, p) in &known {
        let (mut a, mut b) = (share(*p, ar, rounding)?, share(*p, pr, rounding)?);
        if capped && !planned.is_zero() {
            // Cut each county's draw in proportion, so the reserve stops at the cap.
            let f = Ratio {
                num: room.amount(),
                den: planned.amount(),
            };
            a = share(a, f, rounding)?;
            b = share(b, f, rounding)?;
        }
        let slot = books.adjustment.entry(c.clone()).or_insert(Money::ZERO);
        *slot = plus(*slot, a)?;
        books.pooling = plus(books.pooling, b)?;
        levy.insert(c.clone(), plus(a, b)?);
        da = plus(da, a)?;
        dp = plus(dp, b)?;
    }
    let (ars, prs, crs) = (ar.show(), pr.show(), cr.show());
    let drawn = plus(da, dp)?;
    let after = plus(held, drawn)?;
    let statement = if known.is_empty() {
        text!(
            "缺少上年收入，本年不提取",
            "no prior-year revenue given: nothing drawn this year"
        )
    } else if capped {
        text!(
            "计划 上年收入 {total_prior} × ({ars} + {prs}) = {planned}；上限 {total_prior} × {crs} = {cap}，已有 {held}，只能再提 {room}：风险调剂金 {da}，统筹调节金 {dp}（按比例缩减）",
            "planned prior-year revenue {total_prior} × ({ars} + {prs}) = {planned}; cap {total_prior} × {crs} = {cap}, held {held}, room {room}: adjustment {da}, pooling {dp} (cut in proportion)"
        )
    } else {
        text!(
            "上年收入 {total_prior} × {ars} = {da}（风险调剂金），× {prs} = {dp}（统筹调节金）；上限 {cap}，提取后 {after}",
            "prior-year revenue {total_prior} × {ars} = {da} (adjustment), × {prs} = {dp} (pooling); cap {cap}, held after {after}"
        )
    };
    let cites = [
        rule.adjustment.cite.clone(),
        rule.pooling.cite.clone(),
        rule.cap.cite.clone(),
    ];
    cx.fact(
        format!("{year}.reserve"),
        Text::new(
            format!("{year} 年风险储备金提取"),
            format!("{year}: risk reserve drawn"),
        ),
        statement,
        drawn,
        "yuan",
        &cites,
    );
    let y = ReserveYear {
        planned,
        drawn_adjustment: da,
        drawn_pooling: dp,
        capped,
        cap,
        adjustment_balance: Money::ZERO,
        pooling_balance: Money::ZERO,
    };
    Ok((y, levy))
}
