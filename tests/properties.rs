//! Invariants that must hold for every input, checked on generated inputs.

use proptest::prelude::*;
use rust_decimal::Decimal;
use yibao::{contribution, eligibility, flexible, resident, ContributionRequest, Raw};

fn wage() -> impl Strategy<Value = Decimal> {
    (0u64..100_000_000u64).prop_map(|fen| Decimal::new(fen as i64, 2))
}

fn req(
    city: &str,
    employer: &str,
    wage: Decimal,
    limits: Option<(u32, u32)>,
) -> ContributionRequest {
    let mut r = ContributionRequest {
        city: city.into(),
        month: "2024-06".into(),
        employer: employer.into(),
        wage: Raw(wage.to_string()),
        ..Default::default()
    };
    if let Some((f, c)) = limits {
        r.overrides
            .insert("employee.base.floor".into(), Raw(f.to_string()));
        r.overrides
            .insert("employee.base.ceiling".into(), Raw(c.to_string()));
    }
    r
}

fn is_fen(s: &str) -> bool {
    s.split_once('.').is_some_and(|(_, d)| d.len() == 2) && s.parse::<Decimal>().is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Amounts never fall as the wage rises.
    #[test]
    fn amounts_never_fall_as_wage_rises(a in wage(), b in wage(), public in any::<bool>(), limited in any::<bool>()) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let kind = if public { "public_body" } else { "other" };
        let limits = limited.then_some((3000, 20000));
        let x = contribution(&req("jining", kind, lo, limits)).unwrap();
        let y = contribution(&req("jining", kind, hi, limits)).unwrap();
        prop_assert!(x.base <= y.base);
        prop_assert!(x.employer.total <= y.employer.total);
        prop_assert!(x.individual.total <= y.individual.total);
        prop_assert!(x.monthly_total <= y.monthly_total);
    }

    /// The base stays within the known limits, and equals the wage inside them.
    #[test]
    fn base_within_known_limits(w in wage(), floor in 1000u32..5000, span in 0u32..30000) {
        let ceiling = floor + span;
        let r = contribution(&req("jining", "other", w, Some((floor, ceiling)))).unwrap();
        prop_assert!(r.base.amount() >= Decimal::from(floor));
        prop_assert!(r.base.amount() <= Decimal::from(ceiling));
        if w >= Decimal::from(floor) && w <= Decimal::from(ceiling) {
            prop_assert_eq!(r.base.amount(), w);
        }
    }

    /// Every amount is whole fen, in the JSON the CLI and JS API give.
    #[test]
    fn every_amount_is_whole_fen(w in wage(), public in any::<bool>()) {
        let r = contribution(&req("jining", if public { "public_body" } else { "other" }, w, None)).unwrap();
        let json = serde_json::to_value(&r).unwrap();
        for key in ["base", "monthly_total", "maternity_part", "personal_account"] {
            prop_assert!(is_fen(json[key].as_str().unwrap()), "{key}: {}", json[key]);
        }
        for side in ["employer", "individual"] {
            for key in ["basic", "fixed", "total"] {
                prop_assert!(is_fen(json[side][key].as_str().unwrap()));
            }
        }
        // employer + individual = total, exactly.
        prop_assert_eq!(r.employer.total.amount() + r.individual.total.amount(), r.monthly_total.amount());
    }

    /// Top-ups are whole fen and grow with the months missing.
    #[test]
    fn topup_grows_with_shortfall(paid in 0u32..120, base in 1u32..50000) {
        let mk = |paid: u32| yibao::EligibilityRequest {
            city: "jining".into(), birth: "1966-05".into(), category: "male".into(), as_of: "2026-11".into(),
            paid_months: Raw(paid.to_string()), last_base: Raw(base.to_string()), ..Default::default()
        };
        let a = eligibility(&mk(paid)).unwrap();
        let b = eligibility(&mk(paid + 1)).unwrap();
        // 济宁 publishes its minimum (ten years), so both scenarios are there.
        let (sa, sb) = (a.stop_now.as_ref().unwrap(), b.stop_now.as_ref().unwrap());
        let cost = |s: &yibao::compute::eligibility::Scenario| s.topup.as_ref().map_or(Decimal::ZERO, |t| t.amount.amount());
        prop_assert!(cost(sa) >= cost(sb));
        prop_assert_eq!(sa.shortfall_months, 120 - paid);
        prop_assert!(is_fen(&sa.topup.as_ref().map_or("0.00".into(), |t| t.amount.to_string())));
    }

    /// No input makes the core panic: arbitrary text in every field of every request.
    #[test]
    fn no_input_panics(fields in proptest::collection::vec(".{0,24}", 13), city in prop_oneof![Just("jining".to_string()), Just("wenzhou".to_string()), Just("zhengzhou".to_string()), ".{0,8}"]) {
        let f = |i: usize| Raw(fields[i].clone());
        let _ = contribution(&ContributionRequest { city: Raw(city.clone()), month: f(0), employer: f(1), wage: f(2), overrides: [(fields[3].clone(), f(4))].into(), ..Default::default() });
        let _ = flexible(&yibao::FlexibleRequest { city: Raw(city.clone()), month: f(0), first_paid: f(5), interrupted: f(9), ..Default::default() });
        let _ = resident(&yibao::ResidentRequest { city: Raw(city.clone()), year: f(6), break_years: f(7), repaid_years: f(8), in_enrolment_period: f(9), newborn: f(10), ..Default::default() });
        let _ = eligibility(&yibao::EligibilityRequest {
            city: Raw(city), birth: f(0), category: f(1), as_of: f(11), paid_months: f(2), deemed_months: f(7), transferred_months: f(8),
            last_base: f(12), situation: f(5), pension: f(6), bankruptcy_age: f(9), payment_month: f(10), ..Default::default()
        });
    }

    /// The same with a real city and a month in its rules, so that arbitrary text in the
    /// other fields reaches the lookups and the arithmetic, not only the month's reader.
    #[test]
    fn no_input_panics_past_the_city_and_month(
        fields in proptest::collection::vec(".{0,24}", 13),
        city in proptest::sample::select(yibao::rules().map(|r| r.cities.iter().map(|c| c.id.clone()).collect::<Vec<_>>()).unwrap_or_default()),
        month in "20(2[0-7])-(0[1-9]|1[0-2])",
        numbers in proptest::collection::vec(prop_oneof!["[0-9]{1,6}(\\.[0-9]{1,2})?", ".{0,12}"], 13),
    ) {
        let f = |i: usize| Raw(fields[i].clone());
        let n = |i: usize| Raw(numbers[i].clone());
        let m = || Raw(month.clone());
        let _ = contribution(&ContributionRequest { city: Raw(city.clone()), month: m(), employer: f(1), wage: n(2), overrides: [(fields[3].clone(), n(4))].into(), ..Default::default() });
        let _ = flexible(&yibao::FlexibleRequest { city: Raw(city.clone()), month: m(), first_paid: f(5), interrupted: f(9), ..Default::default() });
        let _ = resident(&yibao::ResidentRequest { city: Raw(city.clone()), year: n(6), break_years: n(7), repaid_years: n(8), in_enrolment_period: f(9), newborn: f(10), ..Default::default() });
        let _ = eligibility(&yibao::EligibilityRequest {
            city: Raw(city), birth: f(0), category: f(1), as_of: m(), paid_months: n(2), deemed_months: n(7), transferred_months: n(8),
            last_base: n(12), situation: f(5), pension: n(6), bankruptcy_age: n(9), payment_month: f(10), ..Default::default()
        });
    }

    /// Numeric-looking input in every field, including huge and edge values.
    #[test]
    fn no_numeric_input_panics(n in prop_oneof![any::<u64>().prop_map(|n| n.to_string()), "[0-9]{1,40}(\\.[0-9]{0,30})?", "-?[0-9]{1,5}"], month in "(1[89]|2[0-2])[0-9]{2}-(0[0-9]|1[0-3])") {
        let _ = contribution(&ContributionRequest { city: "jining".into(), month: Raw(month.clone()), employer: "other".into(), wage: Raw(n.clone()), ..Default::default() });
        let _ = eligibility(&yibao::EligibilityRequest {
            city: "jining".into(), birth: Raw(month.clone()), category: "female-50".into(), as_of: "2026-11".into(), paid_months: Raw(n.clone()),
            last_base: Raw(n.clone()), situation: "bankrupt".into(), pension: Raw(n.clone()), bankruptcy_age: Raw(n.clone()), payment_month: Raw(month),
            overrides: [("employee.base.floor".to_string(), Raw(n.clone())), ("retiree.life_expectancy".to_string(), Raw(n))].into(),
            ..Default::default()
        });
    }
}

mod fen_fast_path {
    //! The payroll batch computes in whole fen where it can ([`Plan::in_fen`]); it must give
    //! exactly what the decimal plan gives, for any wage, rate and fixed amount.
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use yibao::compute::contribution::Plan;
    use yibao::model::{Ratio, Rounding};
    use yibao::{EmployerKind, Money};

    /// Rates as the rules write them: a decimal of up to six places (0.074, 0.0125), or a
    /// fraction (1/3, 0.3/1.7) as splits are written.
    fn rate() -> impl Strategy<Value = Ratio> {
        prop_oneof![
            (0i64..200_000, 0u32..7).prop_map(|(n, s)| Ratio::decimal(Decimal::new(n, s))),
            (0i64..1000, 1i64..1000, 0u32..3, 0u32..3).prop_map(|(n, d, a, b)| Ratio {
                num: Decimal::new(n, a),
                den: Decimal::new(d, b)
            }),
        ]
    }

    fn fen(max: i64) -> impl Strategy<Value = i64> {
        prop_oneof![0..max, Just(0), Just(max)]
    }

    fn opt<T: std::fmt::Debug + Clone>(
        s: impl Strategy<Value = T>,
    ) -> impl Strategy<Value = Option<T>> {
        prop_oneof![Just(None), s.prop_map(Some)]
    }

    prop_compose! {
        fn plan()(
            floor in opt(fen(1_000_000)), span in opt(fen(5_000_000)),
            er in rate(), mr in opt(rate()), ir in rate(), share in opt(rate()),
            ef in opt(fen(10_000)), if_ in opt(fen(10_000)), up in any::<bool>(),
        ) -> Plan {
            Plan {
                kind: EmployerKind::Other,
                floor: floor.map(Money::from_fen),
                ceiling: span.map(|s| Money::from_fen(floor.unwrap_or(0) + s)),
                employer_rate: er,
                maternity_rate: mr,
                individual_rate: ir,
                employer_fixed: ef.map(Money::from_fen),
                individual_fixed: if_.map(Money::from_fen),
                personal_account_share: share,
                rounding: if up { Rounding::Up } else { Rounding::HalfUp },
                user_supplied: Vec::new(),
                not_known: Vec::new(),
                cautions: Vec::new(),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// Integer fen = decimal, amount by amount, wages from 0 to the input limit (10 亿元).
        #[test]
        fn fen_path_equals_decimal_path(p in plan(), wage in fen(100_000_000_000)) {
            let fast = p.in_fen().expect("every generated plan fits in fen");
            let exact = p.amounts(Money::from_fen(wage)).unwrap();
            prop_assert_eq!(fast.amounts(wage).map(|a| a.map(Money::from_fen)), Some(exact));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Many wages at once (the JS API's contributionTable) = the decimal plan, wage by
        /// wage, for wages given as binary floating-point yuan (as JavaScript holds them).
        #[test]
        fn many_wages_equal_the_plan(p in plan(), wages in proptest::collection::vec(fen(100_000_000_000), 1..20)) {
            let yuan: Vec<f64> = wages.iter().map(|&f| f as f64 / 100.0).collect();
            let many = yibao::compute::wages::amounts_in_fen(&p, &yuan);
            for (w, got) in wages.iter().zip(many) {
                let exact = p.amounts(Money::from_fen(*w)).unwrap();
                prop_assert_eq!(got.map(|a| a.map(Money::from_fen)), Ok(exact));
            }
        }
    }

    /// Wages as JavaScript numbers, by hand: 5000.13 is 500013 fen (the double is
    /// 5000.1300000000001…); 0.1 + 0.2 (0.30000000000000004) is 30 fen; 1.005 (three
    /// decimals) is refused, and so are −1, NaN and more than 10 亿元 (a typed wage's limit).
    #[test]
    fn wages_as_js_numbers_by_hand() {
        use yibao::compute::wages::fen_of_yuan;
        assert_eq!(fen_of_yuan(5000.13), Ok(500_013));
        assert_eq!(fen_of_yuan(0.1 + 0.2), Ok(30));
        assert_eq!(fen_of_yuan(0.0), Ok(0));
        assert_eq!(
            fen_of_yuan(1.005).unwrap_err().en,
            "an amount has at most two decimals (fen)"
        );
        assert_eq!(fen_of_yuan(-1.0).unwrap_err().zh, "不能为负数");
        assert_eq!(fen_of_yuan(f64::NAN).unwrap_err().en, "not a number");
        assert_eq!(fen_of_yuan(1e9), Ok(100_000_000_000));
        assert_eq!(
            fen_of_yuan(1e9 + 0.01).unwrap_err().zh,
            "金额过大（上限 1000000000 元）"
        );
        // A large wage keeps its fen exact: a third decimal is refused there too.
        assert_eq!(fen_of_yuan(12_345_678.91), Ok(1_234_567_891));
        assert!(fen_of_yuan(1_234_567.891).is_err());
    }

    /// Worked by hand: 济宁 5000.00 × 8% = 400.00 (三（二）1); a rounding case,
    /// 3333.33 × 7.4% = 246.66642 → 246.67 half up, → 246.67 up; 1000.01 × 1/3 =
    /// 333.336̅ → 333.34 either way; 0.01 × 1/3 = 0.0033̅ → 0.00 half up, 0.01 up.
    #[test]
    fn fen_rounding_by_hand() {
        let p = |rate: Ratio, rounding| Plan {
            kind: EmployerKind::Other,
            floor: None,
            ceiling: None,
            employer_rate: rate,
            maternity_rate: None,
            individual_rate: rate,
            employer_fixed: None,
            individual_fixed: None,
            personal_account_share: None,
            rounding,
            user_supplied: Vec::new(),
            not_known: Vec::new(),
            cautions: Vec::new(),
        };
        let third = Ratio {
            num: Decimal::ONE,
            den: Decimal::from(3),
        };
        let basic = |rate, rounding, wage| {
            p(rate, rounding)
                .in_fen()
                .unwrap()
                .amounts(wage)
                .unwrap()
                .employer_basic
        };
        assert_eq!(
            basic(
                Ratio::decimal(Decimal::new(8, 2)),
                Rounding::HalfUp,
                500_000
            ),
            40_000
        );
        assert_eq!(
            basic(
                Ratio::decimal(Decimal::new(74, 3)),
                Rounding::HalfUp,
                333_333
            ),
            24_667
        );
        assert_eq!(
            basic(Ratio::decimal(Decimal::new(74, 3)), Rounding::Up, 333_333),
            24_667
        );
        assert_eq!(basic(third, Rounding::HalfUp, 100_001), 33_334);
        assert_eq!(basic(third, Rounding::HalfUp, 1), 0);
        assert_eq!(basic(third, Rounding::Up, 1), 1);
    }
}

// Numbers in steps and results are written by `money::decimal_text` (digits by itoa), not by
// `Decimal`'s `Display`: it must write exactly what `Display` writes, for every sign, scale
// and size (a 96-bit mantissa, 0 to 28 decimals, negative zero included).
proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    #[test]
    fn decimal_text_writes_what_display_writes(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(), negative in any::<bool>(), scale in 0u32..=28, small in any::<bool>()) {
        // Half the cases small (a few digits), where the zero padding after the point matters.
        let (mid, hi) = if small { (0, 0) } else { (mid, hi) };
        let d = Decimal::from_parts(lo, mid, hi, negative, scale);
        prop_assert_eq!(yibao::model::money::decimal_text(d), d.to_string());
        prop_assert_eq!(yibao::model::money::plain(d), d.normalize().to_string());
        let m = yibao::model::Money::from_fen_exact(d.round_dp(2));
        if let Some(m) = m {
            prop_assert_eq!(m.text(), m.to_string());
        }
    }
}

#[test]
fn decimal_text_by_hand() {
    use yibao::model::money::decimal_text;
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    // Each as Display writes it: the scale kept, a 0 before the point, the sign kept.
    for s in [
        "0",
        "0.00",
        "0.05",
        "5000.00",
        "-12.340",
        "123456789.123456789",
        "-0.001",
        "7",
    ] {
        assert_eq!(decimal_text(d(s)), s);
    }
    assert_eq!(
        decimal_text(Decimal::from_parts(0, 0, 0, true, 2)),
        Decimal::from_parts(0, 0, 0, true, 2).to_string()
    );
}
