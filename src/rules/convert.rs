//! TOML rule files → the compact record form embedded in the program.
//!
//! The web app must stay small, and a TOML or JSON parser costs tens of KB of wasm; the
//! record form is read by a few lines of code (`load.rs`). The conversion is generic: it
//! keeps every key and value as written (a TOML float stays a float, an unknown key stays
//! unknown), so the loader checks exactly what the file says. Used by `build.rs` and by
//! `yibao rules check --dir`.
//!
//! One record per line, fields separated by tabs (`\t`, `\n` and `\` escaped):
//! `format <v>` · `city <key>=<v>…` · `doc <id> <key>=<v>…` · `param <id> <key>=<v>…` (one
//! line per dated entry, in file order) · `top <key>` for any other top-level key. A value is
//! tagged by its first character:
//! `s` string, `i` integer, `f` float, `b` boolean, `a` list of strings (separated by
//! U+001F), `x` anything else.

/// Converts one rule file; the error is the TOML parser's message or a shape error.
#[allow(dead_code)] // build.rs includes this module too
pub fn toml_to_records(text: &str) -> Result<String, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut out = String::new();
    for (key, value) in &table {
        match (key.as_str(), value) {
            ("format", v) => record(&mut out, &["format", &scalar(v)]),
            ("city", toml::Value::Table(city)) => {
                let fields: Vec<String> = city
                    .iter()
                    .map(|(k, v)| format!("{k}={}", scalar(v)))
                    .collect();
                record(&mut out, &[&["city"], &refs(&fields)[..]].concat());
            }
            ("documents", toml::Value::Table(docs)) => {
                for (id, doc) in docs {
                    let toml::Value::Table(doc) = doc else {
                        return Err(format!("documents.{id} must be a table"));
                    };
                    let fields: Vec<String> = doc
                        .iter()
                        .map(|(k, v)| format!("{k}={}", scalar(v)))
                        .collect();
                    record(
                        &mut out,
                        &[&["doc", id.as_str()], &refs(&fields)[..]].concat(),
                    );
                }
            }
            ("param", toml::Value::Table(params)) => {
                for (id, entries) in params {
                    let toml::Value::Array(entries) = entries else {
                        return Err(format!(
                            "param.\"{id}\" must be written as [[param.\"{id}\"]] blocks"
                        ));
                    };
                    for (i, entry) in entries.iter().enumerate() {
                        let toml::Value::Table(entry) = entry else {
                            return Err(format!("param.\"{id}\"[{i}] must be a table"));
                        };
                        let fields: Vec<String> = entry
                            .iter()
                            .map(|(k, v)| format!("{k}={}", scalar(v)))
                            .collect();
                        record(
                            &mut out,
                            &[&["param", id.as_str()], &refs(&fields)[..]].concat(),
                        );
                    }
                }
            }
            ("city" | "documents" | "param", _) => return Err(format!("`{key}` must be a table")),
            (other, _) => record(&mut out, &["top", other]),
        }
    }
    Ok(out)
}

fn refs(fields: &[String]) -> Vec<&str> {
    fields.iter().map(String::as_str).collect()
}

fn scalar(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("s{s}"),
        toml::Value::Integer(i) => format!("i{i}"),
        toml::Value::Float(f) => format!("f{f}"),
        toml::Value::Boolean(b) => format!("b{b}"),
        toml::Value::Array(items) => {
            match items.iter().map(|i| i.as_str()).collect::<Option<Vec<_>>>() {
                Some(words) => format!("a{}", words.join("\u{1f}")),
                None => "x".into(),
            }
        }
        _ => "x".into(),
    }
}

fn record(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        for c in f.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
    }
    out.push('\n');
}
