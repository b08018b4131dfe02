//! The resident result's headline figures and its place in the registry.

use super::*;

/// 城乡居民 in the registry.
pub struct Resident;

impl crate::registry::Computation for Resident {
    const KIND: &'static str = "resident";
    type Request = ResidentRequest;
    type Result = ResidentResult;
    fn compute(req: &ResidentRequest) -> Result<ResidentResult, Error> {
        resident(req)
    }
    fn headline(r: &ResidentResult) -> Vec<crate::registry::Headline> {
        use crate::registry::Headline as H;
        let per_year = Text::new("元/年", "yuan a year");
        let basis = |b: Basis| match b {
            Basis::City => None,
            Basis::NationalMinimum => Some(text!(
                "全国最低标准：本市标准尚未收录，不低于此",
                "the national minimum: the city's figure is not on file and is not below it"
            )),
        };
        let mut out = Vec::new();
        if let Some(p) = &r.individual_premium {
            let mut h = H::money(
                "premium",
                text!("个人缴费", "individual premium"),
                p.amount,
                &["individual_premium"],
            );
            h.unit = per_year.clone();
            h.detail = basis(p.basis);
            out.push(h);
        }
        if let Some(t) = r.household_premium {
            let n = r.household;
            let mut h = H::money(
                "household",
                text!(
                    "全家个人缴费（{n} 人）",
                    "the household's premiums ({n} people)"
                ),
                t,
                &["household_premium"],
            );
            h.unit = per_year.clone();
            if r.individual_premium
                .as_ref()
                .is_some_and(|p| p.basis == Basis::NationalMinimum)
            {
                h.detail = Some(text!(
                    "按全国最低标准，不低于此",
                    "at the national minimum: at least this"
                ));
            }
            out.push(h);
        }
        if let Some(e) = &r.earlier_city_premium {
            let (ey, y) = (e.year, r.year);
            let mut h = H::money(
                "earlier_premium",
                text!(
                    "本市 {ey} 年度个人缴费（上次收录）",
                    "the city's premium for {ey} (last on file)"
                ),
                e.amount,
                &["earlier_city_premium"],
            );
            h.unit = per_year.clone();
            h.detail = Some(text!(
                "{y} 年度标准尚未收录，仅供参考",
                "the {y} figure is not on file; for reference only"
            ));
            out.push(h);
        }
        if let Some(s) = &r.fiscal_subsidy {
            let mut h = H::money(
                "subsidy",
                text!("人均财政补助", "per-capita subsidy"),
                s.amount,
                &["fiscal_subsidy"],
            );
            h.unit = per_year.clone();
            h.detail = basis(s.basis);
            out.push(h);
        }
        if let Some(m) = &r.funding_minimum {
            let mut h = H::money(
                "minimum",
                text!(
                    "个人缴费下限（按可支配收入）",
                    "minimum individual premium (from disposable income)"
                ),
                m.min_individual,
                &["min_total_funding", "min_individual"],
            );
            h.unit = per_year;
            out.push(h);
        }
        if let Some(w) = r.waiting_months {
            out.push(H::months(
                "waiting",
                text!("待遇等待期", "waiting period"),
                w,
                &["waiting"],
            ));
        }
        out
    }
    fn summary(r: &ResidentResult) -> Text {
        let y = r.year;
        let wait = r
            .waiting_months
            .map(|w| {
                Text::new(
                    format!(" · 等待期 {w} 个月"),
                    format!(
                        " · waiting {}",
                        crate::model::text::count_en(w, "month", "months")
                    ),
                )
            })
            .unwrap_or_default();
        let earlier = r
            .earlier_city_premium
            .as_ref()
            .map(|e| {
                let (ey, ea) = (e.year, e.amount);
                text!(
                    "（本市 {ey} 年度为 {ea} 元）",
                    " (the city's {ey} figure: {ea} yuan)"
                )
            })
            .unwrap_or_default();
        let line = match &r.individual_premium {
            Some(p) if p.basis == Basis::City => {
                let a = p.amount;
                text!("{y} 年度个人缴费 {a} 元/人", "{y}: {a} yuan a person")
            }
            Some(p) => {
                let a = p.amount;
                text!(
                    "{y} 年度个人缴费：本市标准尚未收录，不低于全国最低标准 {a} 元/人",
                    "{y}: the city's premium is not on file; at least the national minimum, {a} yuan a person"
                )
            }
            None => text!(
                "{y} 年度个人缴费：本市标准尚未收录",
                "{y}: the city's premium is not on file"
            ),
        };
        let family = r
            .household_premium
            .map(|t| {
                let n = r.household;
                text!(" · 全家 {n} 人 {t} 元", " · {n} people: {t} yuan")
            })
            .unwrap_or_default();
        Text::new(
            format!("{}{}{}{}", line.zh, earlier.zh, family.zh, wait.zh),
            format!("{}{}{}{}", line.en, earlier.en, family.en, wait.en),
        )
    }
    fn explanation(r: &ResidentResult) -> &Explanation {
        &r.explanation
    }
    fn params() -> &'static [crate::model::ParamId] {
        use crate::model::ParamId::*;
        &[
            ResidentPremium,
            ResidentSubsidy,
            NationalMinIndividual,
            NationalMinSubsidy,
            ResidentTransitionTo,
            MinFundingShare,
            MinIndividualShare,
            DisposableIncome,
            WaitingFixed,
            WaitingPerBreakYear,
            WaitingPerRepaidYear,
            LongBreakYears,
            LongBreakMinMonths,
            RoundingMoney,
            RoundingMinimum,
        ]
    }
    fn options(req: &mut ResidentRequest) -> crate::registry::RequestOptions<'_> {
        crate::registry::RequestOptions {
            overrides: &mut req.overrides,
            official_only: &mut req.official_only,
            explain: &mut req.explain,
        }
    }
}
