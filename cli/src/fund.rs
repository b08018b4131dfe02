//! `yibao fund`: the pooled fund year by year, from a CSV (UTF-8 or GBK) or JSON file of
//! the figures.

use yibao::compute::fund::{table, FundResult, FundRow, FundRowKind};
use yibao::{text, Error, Lang, Raw};
use yibao_tables::fund::{rows_from_file, table_csv};

use crate::args::{Cli, FundArgs};

fn rows(a: &FundArgs) -> Result<Vec<FundRow>, Error> {
    let bytes = std::fs::read(&a.file).map_err(crate::unreadable)?;
    let is_json = a
        .file
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("json"))
        || bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{' || *b == b'[');
    if !is_json {
        return rows_from_file(&bytes);
    }
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Input {
        Rows(Vec<FundRow>),
        Wrapped { rows: Vec<FundRow> },
    }
    match serde_json::from_slice::<Input>(&bytes) {
        Ok(Input::Rows(r)) | Ok(Input::Wrapped { rows: r }) => Ok(r),
        Err(e) => Err(Error::field(
            "file",
            "malformed_json",
            text!("JSON 格式不对：{e}", "malformed JSON: {e}"),
        )),
    }
}

pub fn run(a: &FundArgs, overrides: yibao::Overrides, cli: &Cli) -> Result<String, Error> {
    let lang = cli.lang;
    let req = yibao::FundRequest {
        city: Raw(a.city.clone()),
        rows: rows(a)?,
        overrides,
        official_only: cli.official_only,
        explain: None,
    };
    let r = yibao::fund(&req)?;
    if let Some(out) = &a.out {
        std::fs::write(out, table_csv(&r, lang)).map_err(|e| {
            Error::field(
                "out",
                "unwritable",
                text!("无法写入：{e}", "cannot write: {e}"),
            )
        })?;
    }
    if cli.json {
        return Ok(crate::json(&r));
    }
    Ok(account(&r, lang))
}

/// The account as the fund page shows it (the core's rows, yibao::compute::fund::table),
/// written as text: a line a row, cells apart by two spaces; then every step.
fn account(r: &FundResult, lang: Lang) -> String {
    let t = table(r);
    let mut out = format!(
        "{} · {}\n",
        r.city_name.get(lang),
        lang.pick("市级统筹基金", "the pooled fund")
    );
    for line in &t.before {
        out += line.get(lang);
        out += "\n";
    }
    let header: Vec<&str> = t.header.iter().map(|h| h.get(lang)).collect();
    out += &format!("\n{}\n", header.join("  "));
    for row in &t.rows {
        let cells: Vec<&str> = row
            .cells
            .iter()
            .map(|c| c.get(lang))
            .map(|c| if c.is_empty() { "—" } else { c })
            .collect();
        let indent = if row.kind == FundRowKind::Year {
            "  "
        } else {
            ""
        };
        out += &format!("{indent}{}\n", cells.join("  "));
    }
    out + "\n" + &crate::render::explanation(&r.explanation, lang)
}
