//! Native benchmarks of the rules core (criterion). They print figures; nothing here asserts a
//! speed. Criterion keeps the previous run under target/criterion and prints the change.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use yibao::{ContributionRequest, EligibilityRequest};

fn contribution(city: &str) -> ContributionRequest {
    let mut r = ContributionRequest {
        city: city.into(),
        month: "2024-06".into(),
        employer: "other".into(),
        wage: "6789.12".into(),
        ..Default::default()
    };
    // Figures the other cities never published, as a person would supply them.
    for (id, v) in [
        ("employee.rate.employer.other", "0.08"),
        ("employee.rate.individual", "0.02"),
        ("employee.fixed.employer", "0"),
        ("employee.fixed.individual", "0"),
    ] {
        if city != "jining" {
            r.overrides.insert(id.into(), v.into());
        }
    }
    r
}

fn benches(c: &mut Criterion) {
    let _ = yibao::rules(); // parsed once, as on start-up
    c.bench_function(
        "rules: decode the embedded, build-validated rules (start-up)",
        |b| b.iter(|| yibao::rules::decode().map(|r| r.cities.len())),
    );
    let one = contribution("jining");
    c.bench_function("contribution: one (济宁, with explanation)", |b| {
        b.iter(|| yibao::contribution(black_box(&one)).map(|r| r.monthly_total))
    });
    let bare = ContributionRequest {
        explain: Some(false),
        ..contribution("jining")
    };
    c.bench_function("contribution: one (济宁, figures only)", |b| {
        b.iter(|| yibao::contribution(black_box(&bare)).map(|r| r.monthly_total))
    });
    let el = EligibilityRequest {
        city: "jining".into(),
        birth: "1967-03".into(),
        category: "male".into(),
        as_of: "2026-11".into(),
        paid_months: "72".into(),
        last_base: "5000".into(),
        ..Default::default()
    };
    c.bench_function("eligibility: one check (济宁, with explanation)", |b| {
        b.iter(|| yibao::eligibility(black_box(&el)).map(|r| r.min_months))
    });
    let all: Vec<ContributionRequest> = ["zhengzhou", "wenzhou", "yancheng", "jining", "huanggang"]
        .iter()
        .map(|c| contribution(c))
        .collect();
    c.bench_function("all five cities after a keystroke", |b| {
        b.iter(|| {
            all.iter()
                .map(|r| yibao::contribution(black_box(r)).is_ok() as u32)
                .sum::<u32>()
        })
    });
}

criterion_group! {
    name = core;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2)).sample_size(30);
    targets = benches
}
criterion_main!(core);
