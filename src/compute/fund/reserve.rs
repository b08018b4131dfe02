//! 风险储备金 (黄冈 第十七条): 2% 风险调剂金 + 4% 统筹调节金 of prior-year revenue, drawn
//! until the reserve reaches 20% of prior-year total revenue.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{plus, sum, Books};
use crate::error::Error;
use crate::lookup::{Cited, Ctx};
use crate::model::{Money, ParamId, Ratio, Rounding, Text};
use crate::text;
use crate::trace::{Expr, Term};

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

/// The terms of a sum, as one formula: `a + b + c`.
fn total(terms: impl IntoIterator<Item = Expr>) -> Expr {
    terms
        .into_iter()
        .reduce(|a, b| a + b)
        .unwrap_or_else(|| Expr::money(Money::ZERO))
}

/// The year's draw: each county's levy and the reserve's year. Every figure is a step of
/// the arithmetic that makes it: each county's two levies rounded on their own, and the
/// totals as sums of those (never the total's product, which can differ by a fen).
pub(crate) fn draw(
    cx: &mut Ctx,
    rule: &Rule,
    rounding: Rounding,
    year: i32,
    prior: &BTreeMap<String, Option<Money>>,
    books: &mut Books,
) -> Result<(ReserveYear, BTreeMap<String, Money>), Error> {
    let known: Vec<(&String, Money)> = prior
        .iter()
        .filter_map(|(c, p)| p.map(|p| (c, p)))
        .collect();
    let drawn_label = Text::new(
        format!("{year} 年风险储备金提取"),
        format!("{year}: risk reserve drawn"),
    );
    if known.is_empty() {
        cx.fact(
            format!("{year}.reserve"),
            drawn_label,
            text!(
                "缺少上年收入，本年不提取",
                "no prior-year revenue given: nothing drawn this year"
            ),
            Money::ZERO,
            "yuan",
            &[rule.adjustment.cite.clone(), rule.pooling.cite.clone()],
        );
        let none = ReserveYear {
            planned: Money::ZERO,
            drawn_adjustment: Money::ZERO,
            drawn_pooling: Money::ZERO,
            capped: false,
            cap: Money::ZERO,
            adjustment_balance: Money::ZERO,
            pooling_balance: Money::ZERO,
        };
        return Ok((none, BTreeMap::new()));
    }
    let revenue = |p: Money| Expr::money(p).named("上年收入", "prior-year revenue");
    // Each county's 2% and 4%, each rounded on its own.
    let mut levies: Vec<(&String, Money, Money)> = Vec::with_capacity(known.len());
    for (c, p) in &known {
        let a = cx.money(
            format!("{year}.reserve.{c}.adjustment"),
            Text::new(
                format!("{year} {c} 提取风险调剂金"),
                format!("{year} {c}: risk adjustment fund drawn"),
            ),
            "rows",
            revenue(*p) * rule.adjustment.expr(),
            rounding,
        )?;
        let b = cx.money(
            format!("{year}.reserve.{c}.pooling"),
            Text::new(
                format!("{year} {c} 提取统筹调节金"),
                format!("{year} {c}: pooling adjustment fund drawn"),
            ),
            "rows",
            revenue(*p) * rule.pooling.expr(),
            rounding,
        )?;
        levies.push((c, a, b));
    }
    let total_prior = cx.money(
        format!("{year}.reserve.prior"),
        Text::new(
            format!("{year} 各县上年收入合计"),
            format!("{year}: the counties' prior-year revenue together"),
        ),
        "rows",
        total(known.iter().map(|(_, p)| Expr::money(*p))),
        rounding,
    )?;
    let cap = cx.money(
        format!("{year}.reserve.cap"),
        Text::new(
            format!("{year} 风险储备金上限"),
            format!("{year}: the reserve's cap"),
        ),
        "rows",
        Expr::money(total_prior).named("上年收入合计", "prior-year revenue") * rule.cap.expr(),
        rounding,
    )?;
    let held_adjustment = sum(books.adjustment.values())?;
    let held = plus(held_adjustment, books.pooling)?;
    let room_label = Text::new(
        format!("{year} 风险储备金还可提取"),
        format!("{year}: what the reserve may still take"),
    );
    let room = if cap > held {
        cx.money(
            format!("{year}.reserve.room"),
            room_label,
            "rows",
            Expr::money(cap).named("上限", "cap")
                - Expr::money(held_adjustment).named("已有风险调剂金", "adjustment fund held")
                - Expr::money(books.pooling).named("已有统筹调节金", "pooling fund held"),
            rounding,
        )?
    } else {
        let h = held;
        cx.fact(
            format!("{year}.reserve.room"),
            room_label,
            text!(
                "已有 {h}，已达上限 {cap}，本年不再提取",
                "{h} held, at the cap of {cap}: nothing more this year"
            ),
            Money::ZERO,
            "yuan",
            std::slice::from_ref(&rule.cap.cite),
        );
        Money::ZERO
    };
    let planned = sum(levies.iter().flat_map(|(_, a, b)| [a, b]))?;
    let capped = planned > room;
    if capped {
        let planned = cx.money(
            format!("{year}.reserve.planned"),
            Text::new(
                format!("{year} 风险储备金按比例计划提取"),
                format!("{year}: the reserve's draw as planned"),
            ),
            "rows",
            total(
                levies
                    .iter()
                    .flat_map(|(_, a, b)| [Expr::money(*a), Expr::money(*b)]),
            ),
            rounding,
        )?;
        // Cut each county's draw in proportion, so the reserve stops at the cap.
        for (c, a, b) in levies.iter_mut() {
            let cut = |x: Money, zh: &'static str, en: &'static str| {
                Expr::money(x).named(zh, en) * Expr::money(room).named("可提", "room")
                    / Expr::money(planned).named("计划", "planned")
            };
            *a = cx.money(
                format!("{year}.reserve.{c}.adjustment.cut"),
                Text::new(
                    format!("{year} {c} 风险调剂金（达到上限，按比例缩减）"),
                    format!("{year} {c}: risk adjustment fund, cut in proportion at the cap"),
                ),
                "rows",
                cut(*a, "风险调剂金", "adjustment"),
                rounding,
            )?;
            *b = cx.money(
                format!("{year}.reserve.{c}.pooling.cut"),
                Text::new(
                    format!("{year} {c} 统筹调节金（达到上限，按比例缩减）"),
                    format!("{year} {c}: pooling adjustment fund, cut in proportion at the cap"),
                ),
                "rows",
                cut(*b, "统筹调节金", "pooling"),
                rounding,
            )?;
        }
    }
    let mut levy = BTreeMap::new();
    for (c, a, b) in &levies {
        let slot = books.adjustment.entry((*c).clone()).or_insert(Money::ZERO);
        *slot = plus(*slot, *a)?;
        books.pooling = plus(books.pooling, *b)?;
        levy.insert((*c).clone(), plus(*a, *b)?);
    }
    let da = sum(levies.iter().map(|(_, a, _)| a))?;
    let dp = sum(levies.iter().map(|(_, _, b)| b))?;
    cx.money(
        format!("{year}.reserve"),
        drawn_label,
        "rows",
        total(
            levies
                .iter()
                .flat_map(|(_, a, b)| [Expr::money(*a), Expr::money(*b)]),
        ),
        rounding,
    )?;
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
