//! `yibao fund`: the pooled fund year by year, from a CSV (UTF-8 or GBK) or JSON file of
//! the figures.

use yibao::compute::fund::{FundResult, FundRow};
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

fn account(r: &FundResult, lang: Lang) -> String {
    let mut out = format!(
        "{} · {}\n",
        r.city_name.get(lang),
        lang.pick("市级统筹基金", "the pooled fund")
    );
    for rem in &r.remittances {
        let due = rem.due.map_or_else(|| "—".into(), |d| d.to_string());
        out += &format!(
            "{} {}: {} ({} {due})\n",
            rem.county,
            rem.label.get(lang),
            rem.amount,
            lang.pick("截止", "due")
        );
    }
    for y in &r.years {
        out += &format!(
            "\n{} — {} {}, {} {}\n",
            y.year,
            lang.pick("收入", "revenue"),
            y.revenue,
            lang.pick("支出", "expenditure"),
            y.expenditure
        );
        if let Some(res) = &y.reserve {
            out += &format!(
                "  {}: {} + {}{}; {} {} / {}\n",
                lang.pick(
                    "储备金提取（调剂金 + 调节金）",
                    "reserve drawn (adjustment + pooling)"
                ),
                res.drawn_adjustment,
                res.drawn_pooling,
                if res.capped {
                    lang.pick("（达到上限）", " (capped)")
                } else {
                    ""
                },
                lang.pick("余额", "balances"),
                res.adjustment_balance,
                res.pooling_balance
            );
        }
        for c in &y.counties {
            out += &format!(
                "  {:<10} {:>14} {:>14} {:>12} {:>14}",
                c.county, c.revenue, c.expenditure, c.reserve_levy, c.result
            );
            for cov in &c.covered_by {
                out += &format!("  {} {}", cov.label.get(lang), cov.amount);
            }
            if let Some(p) = c.policy_adjustment {
                out += &format!("  {} {p}", lang.pick("须调整政策", "policy adjustment"));
            }
            if let Some(m) = c.to_city {
                out += &format!("  {} {m}", lang.pick("上交市级基金", "to the city pool"));
            }
            out += &format!(
                "  → {} {}\n",
                lang.pick("年末县级结余", "county's closing balance"),
                c.closing_balance
            );
        }
        if let Some(p) = &y.city_pool {
            out += &format!(
                "  {}: {} {} + {} {} + {} {} − {} {} = {} {}\n",
                lang.pick("市级基金", "city pool"),
                lang.pick("年初", "opening"),
                p.opening,
                lang.pick("上解", "remitted"),
                p.remitted,
                lang.pick("各县结余", "counties' surpluses"),
                p.received,
                lang.pick("弥补缺口", "paid for deficits"),
                p.paid_out,
                lang.pick("年末", "closing"),
                p.closing
            );
        }
        out += &format!(
            "  {} {}\n",
            lang.pick(
                "年末累计结余（各县 + 市级基金）",
                "accumulated surplus at year end (counties + city pool)"
            ),
            y.accumulated_surplus
        );
        for w in &y.warnings {
            out += &format!(
                "  {} {}: {} ({})\n",
                if w.raised { "⚠" } else { "✓" },
                w.label.get(lang),
                w.value,
                w.threshold
            );
        }
    }
    out + "\n" + &r.explanation.render(lang)
}
