//! What the typed fuzz targets share: a city that is usually real, and overrides of real
//! parameter ids with arbitrary values.
use yibao::Raw;

/// A city: one of the five (so the computation gets past the city check) or any text.
pub fn city(i: u8, other: &str) -> Raw {
    match i % 7 {
        0 => "jining".into(),
        1 => "wenzhou".into(),
        2 => "zhengzhou".into(),
        3 => "yancheng".into(),
        4 => "huanggang".into(),
        5 => "济宁".into(),
        _ => Raw(other.to_string()),
    }
}

/// Real parameter ids with arbitrary values, so override parsing and use are exercised.
pub fn overrides(pairs: &[(u8, String)]) -> yibao::Overrides {
    let ids: Vec<&str> = yibao::model::CATALOGUE.iter().map(|p| p.key()).collect();
    pairs.iter().map(|(i, v)| (ids[*i as usize % ids.len()].to_string(), Raw(v.clone()))).collect()
}
