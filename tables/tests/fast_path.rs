//! The payroll batch's integer fast path ([`Batch::write_row`]) writes exactly the line the
//! decimal path writes ([`Batch::row`] then `csv_row`), and the same totals, for any mix of
//! rows: plain amounts (fast), amounts written otherwise (`5,000`, `¥5000`, ` 5000.5 `),
//! bad cells, blank kinds, deductions that match or not, and cities whose fixed amounts
//! or rates nobody published (济宁 publishes both; 郑州's public-body rate is asked for).

use proptest::prelude::*;
use yibao::{EmployerKind, Lang, Raw};
use yibao_tables::{csv_row, Batch, Mapping, Options};

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..2_000_000_000).prop_map(|f| format!("{}.{:02}", f / 100, f % 100)),
        (0u64..50_000).prop_map(|y| y.to_string()),
        (0u64..500_000).prop_map(|f| format!("{}.{}", f / 10, f % 10)),
        (1u64..90_000).prop_map(|y| format!("{},{:03}", y / 1000 + 1, y % 1000)),
        (0u64..90_000).prop_map(|y| format!(" ¥{y} ")),
        Just(String::new()),
        Just("abc".to_string()),
        Just("-5".to_string()),
        Just("5000.".to_string()),
        Just(".5".to_string()),
        Just("1000000000.01".to_string()),
        Just("1000000000".to_string()),
        Just("00000000000012".to_string()),
    ]
}

fn kind() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("其他单位"),
        Just("机关事业单位"),
        Just("public_body"),
        Just(" other "),
        Just(""),
        Just("个体")
    ]
    .prop_map(str::to_string)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("张三"),
        Just("A,1"),
        Just("say \"hi\""),
        Just(""),
        Just(" E01 ")
    ]
    .prop_map(str::to_string)
}

fn batch(city: &str, lang_en: bool) -> Batch {
    let header: Vec<String> = ["工号", "姓名", "月工资", "单位类型", "个人扣款"]
        .map(str::to_string)
        .into();
    let mut overrides = yibao::Overrides::default();
    if lang_en {
        // A figure the person supplies (郑州's public-body rate is unpublished).
        overrides.insert(
            "employee.rate.employer.public_body".into(),
            Raw("7.4%".into()),
        );
    }
    let options = Options {
        city: Raw(city.into()),
        month: Raw("2024-03".into()),
        employer: Some(EmployerKind::Other),
        overrides,
        official_only: false,
    };
    Batch::new(
        options,
        Mapping::from_header(&header, &Default::default()).unwrap(),
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fast_lines_equal_decimal_lines(
        rows in proptest::collection::vec((text(), text(), cell(), kind(), prop_oneof![cell(), Just(String::new())]), 1..40),
        city in prop_oneof![Just("jining"), Just("zhengzhou"), Just("wenzhou"), Just("yancheng"), Just("huanggang")],
        en in any::<bool>(),
    ) {
        let lang = if en { Lang::En } else { Lang::Zh };
        let (mut fast, mut slow) = (batch(city, en), batch(city, en));
        for (i, (id, name, wage, kind, deducted)) in rows.iter().enumerate() {
            let cells = vec![id.clone(), name.clone(), wage.clone(), kind.clone(), deducted.clone()];
            let mut line = String::new();
            let status = fast.write_row(i + 2, &cells, lang, &mut line);
            let r = slow.row(i + 2, &cells);
            prop_assert_eq!(&line, &csv_row(&r, lang), "row {:?}", cells);
            prop_assert_eq!(status, r.status);
        }
        prop_assert_eq!(fast.totals(), slow.totals());
        prop_assert_eq!(fast.plan_notes(), slow.plan_notes());
    }
}

/// Worked by hand (济宁 三（二）1、2): 5000 → base 5000.00, 5000 × 8% = 400.00 + 6 = 406.00;
/// 5000 × 2% = 100.00 + 4 = 104.00; deducted 100.00 − 104.00 = −4.00, a mismatch.
#[test]
fn a_fast_line_by_hand() {
    let mut b = batch("jining", false);
    let mut line = String::new();
    b.write_row(
        2,
        &vec!["E1", "张三", "5000", "其他单位", "100"],
        Lang::Zh,
        &mut line,
    );
    assert_eq!(line, "2,E1,张三,其他单位,5000.00,400.00,6.00,406.00,100.00,4.00,104.00,100.00,-4.00,扣款不符,,\r\n");
    assert_eq!(b.totals().overall.total.to_string(), "510.00");
    assert_eq!(b.totals().mismatched_rows, 1);
}
