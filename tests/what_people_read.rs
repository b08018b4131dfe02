//! What a person reads first: the one-line answer, the confidence line and the words of a
//! carried figure, worked out by hand for the months past the sources (2027).

use yibao::{compute, Request, Response};

fn run(json: &str) -> Response {
    let req: Request = serde_json::from_str(json).expect("request");
    compute(&req).expect("an answer")
}

#[test]
fn a_wage_below_the_floor_says_so_in_the_answer() {
    // 温州, 2027-01, other employer, wage 3000: the 2025 floor 4986 carried (浙人社发〔2025〕52号:
    // 8310 × 60% = 4986). Employer 4986 × 9.2% = 458.712 → 458.71; individual 4986 × 2% =
    // 99.72; 99.72 ÷ 3000 × 100 = 3.324 → 3.32%; total 458.71 + 99.72 = 558.43.
    let r = run(
        r#"{"kind":"contribution","city":"wenzhou","month":"2027-01","employer":"other","wage":"3000"}"#,
    );
    assert_eq!(
        r.summary().zh,
        "单位 458.71 · 个人 99.72（工资的 3.32%）· 合计 558.43 元/月；未含未公布的每月定额；工资低于缴费基数下限，按下限 4986.00 元缴费"
    );
    let ex = r.explanation();
    let floor = ex
        .rests_on
        .iter()
        .find(|b| b.param.key() == "employee.base.floor")
        .expect("the floor");
    // Its own grade stays in view beside the carrying, and its unit is said.
    assert_eq!(
        floor.status_words().zh,
        "推断值 · 暂按 2025 年起执行的标准，2027 年标准尚未收录"
    );
    assert_eq!(
        floor.words.as_ref().map(|w| w.zh.as_ref()),
        Some("4986.00 元/月")
    );
    assert_eq!(
        floor.source.as_ref().map(|s| s.zh.as_ref()),
        Some("浙人社发〔2025〕52号（通知）")
    );
    assert_eq!(
        floor.source.as_ref().map(|s| s.en.as_ref()),
        Some("浙人社发〔2025〕52号 (notice)")
    );
}

#[test]
fn a_wage_above_the_ceiling_says_so() {
    // 济宁, 2026-11, wage 40000 above the ceiling 22863 (2026 年度, 7621 × 300%).
    let r = run(
        r#"{"kind":"contribution","city":"jining","month":"2026-11","employer":"other","wage":"40000"}"#,
    );
    assert!(
        r.summary()
            .zh
            .ends_with("；工资高于缴费基数上限，按上限 22863.00 元缴费"),
        "{}",
        r.summary().zh
    );
}

#[test]
fn a_resident_in_2027_sees_the_minimum_as_a_lower_bound_and_the_citys_last_figure() {
    // 温州 2027: the city's 2025 figure 660 is carried one benefit year only (to 2026); the
    // national minimum 400 (2026) is carried into 2027. Waiting 0: enrolled in the period.
    let r =
        run(r#"{"kind":"resident","city":"wenzhou","year":"2027","in_enrolment_period":"true"}"#);
    assert_eq!(
        r.summary().zh,
        "2027 年度个人缴费：本市标准尚未收录，不低于全国最低标准 400.00 元/人（本市 2025 年度为 660.00 元） · 等待期 0 个月"
    );
    let earlier = r
        .headline()
        .into_iter()
        .find(|h| h.key == "earlier_premium")
        .expect("the city's earlier figure");
    assert_eq!(earlier.value.zh, "660.00");
}

#[test]
fn official_only_never_reads_as_complete_when_a_figure_is_missing() {
    // Official figures only, 2027: the premium and subsidy (secondary, low reliability,
    // carried) are set aside; the waiting period (国办发〔2024〕38号) is official.
    let r = run(
        r#"{"kind":"resident","city":"wenzhou","year":"2027","in_enrolment_period":"true","official_only":true}"#,
    );
    let line = r.explanation().confidence_line();
    assert!(
        line.zh.starts_with("所用数据均来自统筹文件或官方文件；"),
        "{}",
        line.zh
    );
    assert!(
        line.zh.contains("项数据未收录或未采用，结果不完整"),
        "{}",
        line.zh
    );
    assert!(line.en.contains("the result is incomplete"), "{}", line.en);
}

#[test]
fn english_counts_are_singular_for_one() {
    // 温州's flexible waiting period is one month.
    let r = run(r#"{"kind":"flexible","city":"wenzhou","month":"2026-11"}"#);
    let step = r
        .explanation()
        .steps
        .iter()
        .find(|s| s.key == "waiting")
        .expect("the waiting period");
    assert_eq!(
        step.formula.en,
        "1 month from the first month paid after first enrolment"
    );
}

#[test]
fn the_fund_page_asks_everything_a_city_could_need_at_once() {
    // 温州 publishes neither the deficit split (二（二）9 "缺口合理分担") nor the share of the
    // pre-pooling balance collected: both boxes from the start, whatever the file holds (a
    // file with no deficit needs neither, yet the boxes do not appear under the fingers).
    let req: yibao::Request = serde_json::from_str(
        r#"{"kind":"fund","city":"wenzhou","rows":[{"year":"2023","county":"W","revenue":"1","expenditure":"1"}]}"#,
    )
    .expect("request");
    let asked: Vec<&str> = yibao::asks::asks(&req).iter().map(|p| p.key()).collect();
    assert!(asked.contains(&"fund.deficit.city_share"), "{asked:?}");
    assert!(
        asked.contains(&"fund.historical.collected_share"),
        "{asked:?}"
    );
}

#[test]
fn a_bad_household_size_does_not_change_the_boxes() {
    // What a box offers never follows a number typed: 1234 people is refused beside its box,
    // and the premium's box stays where it was.
    let ask = |household: &str| {
        let req: yibao::Request = serde_json::from_value(serde_json::json!({
            "kind": "resident", "city": "jining", "year": "2027", "household": household
        }))
        .expect("request");
        yibao::asks::asks(&req)
    };
    assert_eq!(ask("1234"), ask("3"));
    assert!(!ask("1234").is_empty());
}
