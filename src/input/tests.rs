//! Reading numbers, months and figures as people type them.

use super::*;

fn code(r: Result<impl std::fmt::Debug, Error>) -> String {
    match r {
        Err(Error::Input { errors }) => errors[0].code.clone(),
        other => format!("{other:?}"),
    }
}

#[test]
fn amounts() {
    assert_eq!(
        amount("wage", &"5,000.5".into()).unwrap().to_string(),
        "5000.50"
    );
    assert_eq!(
        amount("wage", &"¥5000元".into()).unwrap().to_string(),
        "5000.00"
    );
    assert_eq!(
        amount("wage", &"5000.000".into()).unwrap().to_string(),
        "5000.00"
    );
    assert_eq!(
        amount("wage", &"５０００".into()).unwrap().to_string(),
        "5000.00"
    );
    assert_eq!(
        amount("wage", &"１,２３４,５６７．８９".into())
            .unwrap()
            .to_string(),
        "1234567.89"
    );
    assert_eq!(
        amount("wage", &"5 000".into()).unwrap().to_string(),
        "5000.00"
    );
    assert_eq!(code(amount("wage", &"5000,00".into())), "ambiguous_comma");
    assert_eq!(code(amount("wage", &"50,00,0".into())), "ambiguous_comma");
    assert_eq!(code(amount("wage", &"".into())), "empty");
    assert_eq!(code(amount("wage", &"-1".into())), "negative");
    assert_eq!(code(amount("wage", &"abc".into())), "not_a_number");
    assert_eq!(code(amount("wage", &"1e5".into())), "not_a_number");
    assert_eq!(code(amount("wage", &"1.001".into())), "too_many_decimals");
    assert_eq!(
        code(amount("wage", &"99999999999999999999999999999999".into())),
        "too_large"
    );
    assert_eq!(code(amount("wage", &"1000000000.01".into())), "too_large");
    assert_eq!(amount("wage", &"-0".into()).unwrap().to_string(), "0.00");
}

#[test]
fn counts_and_months() {
    assert_eq!(count("m", &"72".into(), 100).unwrap(), 72);
    assert_eq!(count("m", &"１４４".into(), 200).unwrap(), 144);
    assert_eq!(code(count("m", &"7.5".into(), 100)), "not_whole");
    assert_eq!(code(count("m", &"101".into(), 100)), "too_large");
    assert_eq!(count_or_zero("m", &"".into(), 100).unwrap(), 0);
    assert_eq!(
        month("m", &"２０２４－０３".into()).unwrap().to_string(),
        "2024-03"
    );
}

#[test]
fn rates_as_people_type_them() {
    let r = |s: &str| rate("r", &s.into()).map(|(r, n)| (r.show(), n.map(|n| n.zh)));
    assert_eq!(r("8").unwrap(), ("8%".into(), Some("「8」按 8% 计".into())));
    assert_eq!(r("8%").unwrap(), ("8%".into(), None));
    assert_eq!(r("８％").unwrap(), ("8%".into(), None));
    assert_eq!(
        r("0.08").unwrap(),
        ("8%".into(), Some("「0.08」按 8% 计".into()))
    );
    assert_eq!(r("7.4").unwrap().0, "7.4%");
    assert_eq!(r("1/3").unwrap(), ("1/3".into(), None));
    assert_eq!(r("0").unwrap(), ("0%".into(), None));
    assert!(r("150").is_err());
    assert!(r("abc").is_err());
}

/// A typed choice is read as the vocabulary reads it, aliases included: 黄冈's deficit method
/// by its word, its Chinese label, an alias, or with other case and dashes (`--set
/// fund.deficit.method=reserve_waterfall` was refused while the rules file took the alias).
#[test]
fn choices_read_as_the_vocabulary_does() {
    let def = crate::model::ParamId::DeficitMethodRule.def();
    for typed in [
        "huanggang_waterfall",
        "reserve_waterfall",
        "Reserve-Waterfall",
        "历史结余、风险调剂金、县政府与统筹调节金分担、县政府补足",
    ] {
        let r = figure(def, &typed.into()).unwrap();
        assert_eq!(r.value.show(), "huanggang_waterfall", "{typed}");
    }
    assert_eq!(code(figure(def, &"waterfall".into())), "not_a_choice");
}
