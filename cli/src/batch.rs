//! `yibao batch`: streams a CSV payroll row by row (memory stays flat however long the
//! file), or reads an .xlsx sheet; writes one result line per row and a summary on stderr.

use std::io::{BufWriter, Write};

use yibao::{text, Error, Lang, Raw};
use yibao_tables::{self as tables, Batch, Mapping, Options};

use crate::args::{BatchArgs, Cli};

fn write_err(e: std::io::Error) -> Error {
    Error::field("out", "unwritable", text!("无法写入：{e}", "cannot write: {e}"))
}

fn mapping_line(m: &Mapping, format: tables::Format, lang: Lang) -> String {
    let col = |i: Option<usize>| i.map_or_else(|| lang.pick("（无）", "(none)").to_string(), |i| format!("{} ({})", m.header(i), i + 1));
    format!(
        "{} {}: {} → {}; {} → {}; {} → {}; {} → {}",
        lang.pick("列映射", "columns"),
        format.label(),
        lang.pick("工号", "employee id"),
        col(m.employee_id),
        lang.pick("工资", "wage"),
        col(Some(m.wage)),
        lang.pick("单位类型", "employer kind"),
        col(m.employer_kind),
        lang.pick("实扣", "deducted"),
        col(m.deducted),
    )
}

pub fn run(a: &BatchArgs, overrides: yibao::Overrides, cli: &Cli) -> Result<String, Error> {
    let lang = cli.lang;
    let file = std::fs::File::open(&a.file).map_err(crate::unreadable)?;
    let (format, mut rows) = tables::read::open(std::io::BufReader::with_capacity(256 * 1024, file))?;
    let (_, header) = rows.next().ok_or_else(tables::read::empty)?;
    let mapping = Mapping::from_header(&header)?;
    let employer = match &a.employer {
        Some(e) => Some(yibao::compute::contribution::employer_kind("employer", &Raw(e.clone()))?),
        None => None,
    };
    let month = Raw(a.month.clone().unwrap_or_else(crate::this_month));
    let options = Options { city: Raw(a.city.clone()), month, employer, overrides, official_only: cli.official_only };
    let mut run = Batch::new(options, mapping.clone())?;
    eprintln!("{}", mapping_line(&mapping, format, lang));
    let rows = rows.filter(|(_, cells)| !tables::read::is_blank(cells));
    let to_xlsx = a.out.as_ref().is_some_and(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("xlsx")));
    if to_xlsx {
        let kept: Vec<_> = rows.map(|(line, cells)| run.row(line, &cells)).collect();
        let bytes = tables::xlsx_results(&kept, &run.totals, lang).map_err(|e| Error::field("out", "unwritable", yibao::Text::same(e)))?;
        std::fs::write(a.out.as_ref().map_or_else(Default::default, Clone::clone), bytes).map_err(write_err)?;
    } else {
        let sink: Box<dyn Write> = match &a.out {
            Some(p) => Box::new(std::fs::File::create(p).map_err(write_err)?),
            None => Box::new(std::io::stdout().lock()),
        };
        let mut out = BufWriter::with_capacity(256 * 1024, sink);
        out.write_all(tables::CSV_BOM.as_bytes()).map_err(write_err)?;
        out.write_all(tables::csv_header(lang).as_bytes()).map_err(write_err)?;
        for (line, cells) in rows {
            let r = run.row(line, &cells);
            out.write_all(tables::csv_row(&r, lang).as_bytes()).map_err(write_err)?;
        }
        out.flush().map_err(write_err)?;
    }
    summary(&run, lang, cli.json);
    Ok(String::new())
}

fn summary(run: &Batch, lang: Lang, as_json: bool) {
    let t = &run.totals;
    let (user, unknown) = run.plan_notes();
    if as_json {
        let v = serde_json::json!({"mapping": run.mapping, "totals": t, "user_supplied": user, "not_known": unknown});
        eprintln!("{v}");
        return;
    }
    let line = |name: &str, x: &tables::Total| format!("  {name:<14} {:>8} {:>14} {:>14} {:>14}", x.rows, x.employer, x.individual, x.total);
    eprintln!("{}", lang.pick("  类别              人数       单位合计       个人合计           合计", "  kind               rows       employer     individual          total"));
    eprintln!("{}", line(lang.pick("机关事业单位", "public body"), &t.public_body));
    eprintln!("{}", line(lang.pick("其他单位", "other"), &t.other));
    eprintln!("{}", line(lang.pick("全部", "all"), &t.overall));
    eprintln!("{} {}, {} {}", lang.pick("出错行", "failed rows"), t.failed_rows, lang.pick("扣款不符行", "mismatched rows"), t.mismatched_rows);
    if !user.is_empty() {
        eprintln!("{} {}", lang.pick("用户提供的数据：", "user-supplied figures:"), user.join(", "));
    }
    if !unknown.is_empty() {
        eprintln!("{} {}", lang.pick("未公布（未使用）：", "not published (went without):"), unknown.join(", "));
    }
}
