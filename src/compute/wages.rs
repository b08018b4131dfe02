//! Many wages under one plan at once (a chart's points, a portal's table, a spreadsheet's
//! column): each wage's amounts in whole fen (分), exactly what [`Plan::amounts`] gives for
//! it, by the plan's integer path ([`crate::compute::contribution::FenPlan`]) where the
//! figures fit and the decimal one where not. The plan (the figures in force, their
//! cautions and how sure they are) is resolved once, not once a wage.

use crate::compute::contribution::{FenAmounts, Plan};
use crate::input::MAX_AMOUNT;
use crate::model::{Money, Text};
use crate::text;

/// Wages given as JS numbers (yuan, binary floating point) are read as the amount in fen
/// they stand for: `yuan × 100` lies within a few units in the last place of a whole fen
/// when the wage has two decimals (5000.13 × 100 = 500013.00000000006); any further from
/// one, it has more.
const FEN_ULPS: f64 = 4.0 * f64::EPSILON;

/// A wage in yuan given as a floating-point number, as the whole fen it stands for; or why
/// it cannot be a wage, in the words a typed wage gets ([`crate::input::amount`]: the same
/// limit, at most [`MAX_AMOUNT`] yuan, which a double holds exactly in fen).
pub fn fen_of_yuan(yuan: f64) -> Result<i64, Text> {
    if !yuan.is_finite() {
        return Err(text!("不是数字", "not a number"));
    }
    if yuan < 0.0 {
        return Err(text!("不能为负数", "must not be negative"));
    }
    if yuan > MAX_AMOUNT as f64 {
        return Err(text!(
            "金额过大（上限 {MAX_AMOUNT} 元）",
            "the amount is too large (at most {MAX_AMOUNT} yuan)"
        ));
    }
    let fen = yuan * 100.0;
    let whole = fen.round();
    if (fen - whole).abs() > FEN_ULPS * fen.max(1.0) {
        return Err(text!(
            "金额最多两位小数（到分）",
            "an amount has at most two decimals (fen)"
        ));
    }
    // Whole, and within 10^11 fen: the conversion is exact.
    Ok(whole as i64)
}

/// Each wage's amounts in fen, in the wages' order; a wage refused (see [`fen_of_yuan`]),
/// or one whose amounts no integer holds, is `Err` with the reason.
pub fn amounts_in_fen(plan: &Plan, wages: &[f64]) -> Vec<Result<FenAmounts, Text>> {
    let fast = plan.in_fen();
    wages
        .iter()
        .map(|&w| {
            let fen = fen_of_yuan(w)?;
            if let Some(a) = fast.as_ref().and_then(|f| f.amounts(fen)) {
                return Ok(a);
            }
            // The decimal path, for figures the integers do not hold; its amounts in fen.
            let too_large = || text!("金额过大", "the amount is too large");
            let a = plan
                .amounts(Money::from_fen(fen))
                .map_err(|_| too_large())?;
            let fen = a.map(Money::to_fen);
            let every = [
                fen.base,
                fen.employer_basic,
                fen.employer_total,
                fen.individual_basic,
                fen.individual_total,
                fen.monthly_total,
            ];
            let optional = [fen.maternity_part, fen.personal_account];
            if every.iter().any(Option::is_none) || optional.iter().flatten().any(Option::is_none) {
                return Err(too_large());
            }
            Ok(fen.map(|f| f.unwrap_or_default()))
        })
        .collect()
}

/// The plan a request's wages are computed under (its wage is not read): the figures in
/// force, resolved once. A caller that keeps it ([`amounts_in_fen`] then) must resolve it
/// again when the rules change (a site's figures installed).
pub fn plan_of(
    request: &crate::compute::contribution::ContributionRequest,
) -> Result<Plan, crate::Error> {
    use crate::compute::contribution::{employer_kind, plan};
    let kind = employer_kind("employer", &request.employer)?;
    let options = crate::compute::Options {
        official_only: request.official_only,
        explain: false,
    };
    plan(
        &request.city,
        &request.month,
        kind,
        &request.overrides,
        options,
    )
}
