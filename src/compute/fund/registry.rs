//! The fund result's headline figures and its place in the registry.

use super::*;

/// 市级统筹基金 in the registry.
pub struct Fund;

impl crate::registry::Computation for Fund {
    const KIND: &'static str = "fund";
    type Request = FundRequest;
    type Result = FundResult;
    fn compute(req: &FundRequest) -> Result<FundResult, Error> {
        fund(req)
    }
    fn headline(r: &FundResult) -> Vec<crate::registry::Headline> {
        use crate::registry::Headline as H;
        let Some(last) = r.years.last() else {
            return Vec::new();
        };
        let y = last.year;
        let raised = r
            .years
            .iter()
            .flat_map(|y| &y.warnings)
            .filter(|w| w.raised)
            .count();
        let mut out = vec![
            H::money(
                "accumulated",
                text!("{y} 年末累计结余", "accumulated surplus, end of {y}"),
                last.accumulated_surplus,
                &[],
            ),
            H::plain(
                "warnings",
                text!("触发预警次数", "warning lines crossed"),
                raised,
                &[],
            ),
        ];
        if let Some(c) = &r.calendar {
            out.push(H::new(
                "calendar",
                text!("月度拨付流程", "monthly disbursement"),
                calendar::line(c),
                Text::default(),
                &["calendar.plan", "calendar.total"],
            ));
        }
        for g in &r.pre_pooling_deficits {
            let c = &g.county;
            out.push(
                H::money(
                    "pre_pooling",
                    text!("{c} 统筹前缺口", "{c}: deficit from before pooling"),
                    g.amount,
                    &[],
                )
                .detail(g.label.clone()),
            );
        }
        out
    }
    fn summary(r: &FundResult) -> Text {
        let Some(last) = r.years.last() else {
            return Text::default();
        };
        let (y, a) = (last.year, last.accumulated_surplus);
        let raised = r
            .years
            .iter()
            .flat_map(|y| &y.warnings)
            .filter(|w| w.raised)
            .count();
        text!(
            "{y} 年末累计结余 {a} 元 · 触发预警 {raised} 次",
            "accumulated surplus at the end of {y}: {a} yuan · warning lines crossed: {raised}"
        )
    }
    fn explanation(r: &FundResult) -> &Explanation {
        &r.explanation
    }
    fn params() -> &'static [crate::model::ParamId] {
        use crate::model::ParamId::*;
        &[
            DeficitMethodRule,
            ReserveAdjustmentRate,
            ReservePoolingRate,
            ReserveCap,
            WarningSurplusRate,
            WarningMonths,
            CountyGovernmentShare,
            CityShare,
            CollectedShare,
            FirstDue,
            SecondDue,
            KeptMonths,
            PrePoolingDeficitRule,
            SurplusKeptByCounty,
            SurplusRequiresPlan,
            CalendarPlanDay,
            CalendarCityDays,
            CalendarFinanceDays,
            CalendarCountyDays,
            RoundingMoney,
        ]
    }
    fn options(req: &mut FundRequest) -> crate::registry::RequestOptions<'_> {
        crate::registry::RequestOptions {
            overrides: &mut req.overrides,
            official_only: &mut req.official_only,
            explain: &mut req.explain,
        }
    }
}
