//! Runs every case in `tests/golden/*.toml` through the core and compares the JSON result
//! (the same JSON the CLI and JS API give) at each expected path.

use std::collections::BTreeMap;
use std::fs;

use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    kind: String,
    article: String,
    arithmetic: String,
    input: toml::Value,
    #[serde(default)]
    expect: BTreeMap<String, String>,
    expect_error: Option<ExpectError>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectError {
    kind: String,
    field: Option<String>,
    code: Option<String>,
    missing: Option<Vec<String>>,
}

fn run(kind: &str, input: toml::Value) -> Result<Value, Result<yibao::Error, String>> {
    // One registry for every door: the case's kind tags the request.
    let mut table = match input {
        toml::Value::Table(t) => t,
        other => return Err(Err(format!("bad case input: {other}"))),
    };
    table.insert("kind".into(), toml::Value::String(kind.into()));
    let req: yibao::Request = toml::Value::Table(table)
        .try_into()
        .map_err(|e| Err(format!("bad case input: {e}")))?;
    yibao::compute(&req)
        .map(|r| serde_json::to_value(r).expect("serialise"))
        .map_err(Ok)
}

/// `a.b.0.c` into the JSON; scalars compared as text, `null` for null. A segment
/// `[param=ID]` picks the element of an array whose `param` is ID (ids contain dots, so a
/// bracket is read whole): `explanation.rests_on.[param=flexible.base].status`,
/// `years.[year=2025].counties.[county=A].covered_by.[source=pooling_fund].amount`. Every
/// element is picked by what it is, not where it stands, except in a list of plain ids.
fn at<'v>(v: &'v Value, path: &str) -> Option<&'v Value> {
    segments(path)?.into_iter().try_fold(v, step)
}

/// A path's segments: `a`, `0`, `[param=ID]`.
fn segments(path: &str) -> Option<Vec<&str>> {
    let mut segments = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        let (seg, tail) = if rest.starts_with('[') {
            let end = rest.find(']')?;
            (
                &rest[..=end],
                rest[end + 1..]
                    .strip_prefix('.')
                    .unwrap_or(&rest[end + 1..]),
            )
        } else {
            rest.split_once('.').unwrap_or((rest, ""))
        };
        segments.push(seg);
        rest = tail;
    }
    Some(segments)
}

fn step<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    if let Some((field, want)) = key
        .strip_prefix('[')
        .and_then(|k| k.strip_suffix(']'))
        .and_then(|k| k.split_once('='))
    {
        return v.as_array()?.iter().find(|e| match e.get(field) {
            Some(Value::String(s)) => s == want,
            // A year is a number in the JSON: `[year=2024]`.
            Some(Value::Number(n)) => n.to_string() == want,
            _ => false,
        });
    }
    match key.parse::<usize>() {
        Ok(i) => v.get(i),
        Err(_) => v.get(key),
    }
}

/// `"absent"`: the path's last segment leads nowhere (no such element, or null), while the
/// path up to it exists; so a misspelt path fails rather than passes.
fn absent(v: &Value, path: &str) -> Result<bool, String> {
    let segs = segments(path).ok_or("unreadable path")?;
    let (last, parent) = segs.split_last().ok_or("empty path")?;
    let parent = parent
        .iter()
        .try_fold(v, |v, k| step(v, k))
        .ok_or_else(|| format!("{path}: the path up to «{last}» leads nowhere (misspelt?)"))?;
    if !(parent.is_object() || parent.is_array()) {
        return Err(format!(
            "{path}: «{last}» is asked of a value, not an object or a list"
        ));
    }
    Ok(step(parent, last).is_none_or(Value::is_null))
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn golden_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    let mut paths: Vec<_> = fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let file: File = toml::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in file.case {
            count += 1;
            let where_ = format!(
                "{} — {}",
                path.file_name().unwrap().to_string_lossy(),
                case.name
            );
            assert!(
                !case.article.trim().is_empty() && !case.arithmetic.trim().is_empty(),
                "{where_}: every case cites its article and shows its arithmetic"
            );
            assert!(
                case.expect.is_empty() != case.expect_error.is_none(),
                "{where_}: a case expects figures or an error, not both or neither"
            );
            match (run(&case.kind, case.input), &case.expect_error) {
                (Ok(result), None) => {
                    for (path, want) in &case.expect {
                        let got = at(&result, path).map(text);
                        let ok = if want == "absent" {
                            absent(&result, path).unwrap_or_else(|e| {
                                failures.push(format!("{where_}: {e}"));
                                true
                            })
                        } else {
                            got.as_deref() == Some(want.as_str())
                        };
                        if !ok {
                            failures.push(format!("{where_}: {path} = {got:?}, expected {want}"));
                        }
                    }
                }
                (Err(Ok(err)), Some(want)) => {
                    let json = serde_json::to_value(&err).unwrap();
                    if json["kind"] != want.kind.as_str() {
                        failures.push(format!(
                            "{where_}: error kind {} expected {}: {err}",
                            json["kind"], want.kind
                        ));
                        continue;
                    }
                    // The field and the code are each checked where given (one without
                    // the other is checked too).
                    if want.field.is_some() || want.code.is_some() {
                        let (field, code) = (&want.field, &want.code);
                        let found = json["errors"].as_array().into_iter().flatten().any(|e| {
                            field.as_ref().is_none_or(|f| e["field"] == f.as_str())
                                && code.as_ref().is_none_or(|c| e["code"] == c.as_str())
                        });
                        if !found {
                            failures
                                .push(format!("{where_}: no error {field:?}/{code:?} in {json}"));
                        }
                        // Every message comes in both languages.
                        for e in json["errors"].as_array().into_iter().flatten() {
                            assert!(
                                !text(&e["message"]["zh"]).is_empty()
                                    && !text(&e["message"]["en"]).is_empty(),
                                "{where_}: bilingual message"
                            );
                        }
                    }
                    if let Some(missing) = &want.missing {
                        let ids: Vec<String> = json["missing"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(|m| text(&m["id"]))
                            .collect();
                        if &ids != missing {
                            failures
                                .push(format!("{where_}: missing {ids:?}, expected {missing:?}"));
                        }
                    }
                }
                (Ok(result), Some(_)) => {
                    failures.push(format!("{where_}: expected an error, got {result}"))
                }
                (Err(Ok(err)), None) => failures.push(format!("{where_}: unexpected error: {err}")),
                (Err(Err(msg)), _) => failures.push(format!("{where_}: {msg}")),
            }
        }
    }
    assert!(count >= 60, "only {count} golden cases found");
    assert!(
        failures.is_empty(),
        "{} of {count} golden cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every parameter a computation reads (cited in a step, supplied, gone without, or asked
/// for) is in the list its registry entry gives, which front ends use to tell which
/// supplied figures belong to which view.
#[test]
fn every_parameter_read_is_in_the_computations_list() {
    let mut paths: Vec<_> = fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut stray = Vec::new();
    for path in paths {
        let file: File = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        for case in file.case {
            let mut table = match case.input {
                toml::Value::Table(t) => t,
                _ => continue,
            };
            table.insert("kind".into(), toml::Value::String(case.kind.clone()));
            let Ok(req) = toml::Value::Table(table).try_into::<yibao::Request>() else {
                continue;
            };
            let read: Vec<yibao::ParamId> = match yibao::compute(&req) {
                Ok(r) => {
                    let ex = r.explanation();
                    ex.steps
                        .iter()
                        .flat_map(|s| &s.cites)
                        .filter_map(|c| c.param)
                        .chain(ex.user_supplied.iter().copied())
                        .chain(ex.not_known.iter().map(|n| n.param))
                        .collect()
                }
                Err(yibao::Error::MissingFigures { missing, .. }) => {
                    missing.into_iter().map(|m| m.id).collect()
                }
                Err(_) => Vec::new(),
            };
            for id in read {
                if !req.params().contains(&id) {
                    stray.push(format!(
                        "{}: {id} is read but not in {}'s list",
                        case.name, case.kind
                    ));
                }
            }
        }
    }
    assert!(stray.is_empty(), "{}", stray.join("\n"));
}
