//! `yibao batch`: streams a CSV payroll row by row (memory stays flat however long the
//! file), or reads an .xlsx sheet; writes one result line per row and a summary on stderr.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use yibao::model::money::grouped;
use yibao::{text, Error, Lang, Raw};
use yibao_tables::{self as tables, payroll, Batch, Mapping, Options};

use crate::args::{BatchArgs, Cli};

fn write_err(e: std::io::Error) -> Error {
    Error::field(
        "out",
        "unwritable",
        text!("无法写入：{e}", "cannot write: {e}"),
    )
}

fn mapping_line(m: &Mapping, format: tables::Format, lang: Lang) -> String {
    let col = |i: Option<usize>| {
        i.map_or_else(
            || lang.pick("（无）", "(none)").to_string(),
            |i| format!("{} ({})", m.header(i), i + 1),
        )
    };
    let mut line = format!(
        "{} {}: {} → {}; {} → {}; {} → {}; {} → {}; {} → {}",
        lang.pick("列映射", "columns"),
        format.label(),
        lang.pick("工号", "employee id"),
        col(m.employee_id),
        lang.pick("姓名", "name"),
        col(m.name),
        lang.pick("工资", "wage"),
        col(m.wage),
        lang.pick("单位类型", "employer kind"),
        col(m.employer_kind),
        lang.pick("实扣", "deducted"),
        col(m.deducted),
    );
    for n in &m.notes {
        line.push_str(&format!(
            "\n{} {}",
            lang.pick("注意：", "note:"),
            n.get(lang)
        ));
    }
    line
}

pub fn run(
    a: &BatchArgs,
    overrides: yibao::Overrides,
    cli: &Cli,
) -> Result<(String, ExitCode), Error> {
    let lang = cli.lang;
    let file = std::fs::File::open(&a.file).map_err(crate::unreadable)?;
    // No BufReader: the reader fills its own 64-KB buffer straight from the file.
    let (format, mut rows) = tables::read::open(file)?;
    // The header, below any title lines the HR system wrote above it.
    let (_, header, titles) = payroll::find_header(&mut rows).ok_or_else(tables::read::empty)?;
    let chosen = a.columns.iter().cloned().collect();
    let mut mapping = Mapping::from_header(&header, &chosen)?;
    mapping.notes.extend(titles);
    let employer = match &a.employer {
        Some(e) => Some(yibao::compute::contribution::employer_kind(
            "employer",
            &Raw(e.clone()),
        )?),
        None => None,
    };
    let month = Raw(a.month.clone().unwrap_or_else(crate::this_month));
    let options = Options {
        city: Raw(a.city.clone()),
        month,
        employer,
        overrides,
        official_only: cli.official_only,
    };
    let mut run = Batch::new(options, mapping.clone()).map_err(|e| match e {
        // The way to choose a column here is an option of the command.
        Error::Input { mut errors } => {
            for f in errors.iter_mut().filter(|f| f.code == "no_wage_column") {
                f.message = yibao::Text::new(
                    format!("{}（用 --column wage=列名 选择）", f.message.zh),
                    format!("{} (choose it with --column wage=NAME)", f.message.en),
                );
            }
            Error::Input { errors }
        }
        other => other,
    })?;
    eprintln!("{}", mapping_line(&mapping, format, lang));
    let to_xlsx = a.out.as_ref().is_some_and(|p| {
        p.extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
    });
    if to_xlsx {
        let mut lines = tables::csv_header(lang);
        each_row(rows, |line, rec| {
            if !tables::read::is_blank(rec) {
                run.write_row(line, rec, lang, &mut lines);
            }
            Ok(())
        })?;
        let sheets = tables::result_sheets(lines, &run.totals(), lang);
        let bytes = tables::xlsx::write(&sheets)
            .map_err(|e| Error::field("out", "unwritable", yibao::Text::same(e)))?;
        std::fs::write(
            a.out.as_ref().map_or_else(Default::default, Clone::clone),
            bytes,
        )
        .map_err(write_err)?;
    } else {
        let sink: Box<dyn Write> = match &a.out {
            Some(p) => Box::new(std::fs::File::create(p).map_err(write_err)?),
            None => Box::new(std::io::stdout().lock()),
        };
        let mut out = BufWriter::with_capacity(256 * 1024, sink);
        out.write_all(tables::CSV_BOM.as_bytes())
            .map_err(write_err)?;
        out.write_all(tables::csv_header(lang).as_bytes())
            .map_err(write_err)?;
        // One line buffer for the whole file: no allocation per row.
        let mut buf = String::with_capacity(64 * 1024);
        each_row(rows, |line, rec| {
            if !tables::read::is_blank(rec) {
                run.write_row(line, rec, lang, &mut buf);
            }
            if buf.len() >= 60 * 1024 {
                out.write_all(buf.as_bytes()).map_err(write_err)?;
                buf.clear();
            }
            Ok(())
        })?;
        out.write_all(buf.as_bytes()).map_err(write_err)?;
        out.flush().map_err(write_err)?;
    }
    summary(&run, lang, cli.json);
    let failed = run.totals().failed_rows > 0;
    Ok((
        String::new(),
        if a.strict && failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        },
    ))
}

/// Calls `f` with every row of the file in order. The rows are read on a second thread
/// (parsing the CSV and checking its UTF-8 is about half the work of a plain payroll), in
/// chunks of 4,096 records that come back to the reader to be filled again: both cores
/// work, memory stays flat (at most four chunks exist), and no record is allocated twice.
/// Stops at the first error `f` returns (the reader then stops too).
fn each_row(
    mut rows: tables::StreamingCsv,
    mut f: impl FnMut(usize, &tables::StringRecord) -> Result<(), Error>,
) -> Result<(), Error> {
    const CHUNK: usize = 4096;
    type Chunk = Vec<(usize, tables::StringRecord)>;
    let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<(Chunk, usize)>(2);
    let (empty_tx, empty_rx) = std::sync::mpsc::channel::<Chunk>();
    std::thread::scope(|s| {
        s.spawn(move || loop {
            let mut chunk = empty_rx
                .try_recv()
                .unwrap_or_else(|_| Vec::with_capacity(CHUNK));
            let mut n = 0;
            while n < CHUNK {
                if chunk.len() == n {
                    chunk.push((0, tables::StringRecord::new()));
                }
                let Some((line, rec)) = chunk.get_mut(n) else {
                    break;
                };
                match rows.read_into(rec) {
                    Some(l) => *line = l,
                    None => break,
                }
                n += 1;
            }
            if full_tx.send((chunk, n)).is_err() || n < CHUNK {
                break;
            }
        });
        for (chunk, n) in full_rx {
            for (line, rec) in chunk.iter().take(n) {
                f(*line, rec)?;
            }
            // The reader may have finished; then the chunk is simply dropped.
            let _ = empty_tx.send(chunk);
        }
        Ok(())
    })
}

fn summary(run: &Batch, lang: Lang, as_json: bool) {
    let t = &run.totals();
    let notes = run.plan_notes();
    if as_json {
        let v = serde_json::json!({"mapping": run.mapping, "totals": t, "figures": notes});
        eprintln!("{v}");
        return;
    }
    // The totals and their notes as every door shows them (tables::totals); the CLI adds
    // only the ids `--set` takes for the figures that were missing.
    let table = tables::totals::table(t, &notes);
    // Columns by display width, not by characters: a Chinese character takes two columns
    // of a terminal (format!'s padding counts it as one).
    let pad = |s: &str, width: usize, left: bool| {
        let fill = " ".repeat(width.saturating_sub(unicode_width::UnicodeWidthStr::width(s)));
        if left {
            format!("{s}{fill}")
        } else {
            format!("{fill}{s}")
        }
    };
    let row = |cells: [String; 5]| {
        let [a, b, c, d, e] = cells;
        format!(
            "  {} {} {} {} {}",
            pad(&a, 14, true),
            pad(&b, 8, false),
            pad(&c, 14, false),
            pad(&d, 14, false),
            pad(&e, 14, false)
        )
    };
    let head = table.header.iter().map(|h| h.get(lang).to_string());
    let mut head = head.chain(std::iter::repeat(String::new()));
    eprintln!(
        "{}",
        row(std::array::from_fn(|_| head.next().unwrap_or_default()))
    );
    for l in &table.lines {
        eprintln!(
            "{}",
            row([
                l.label.get(lang).to_string(),
                l.rows.to_string(),
                grouped(l.employer),
                grouped(l.individual),
                grouped(l.total),
            ])
        );
    }
    for n in &table.notes {
        eprintln!("{}", n.get(lang));
    }
    if !notes.missing.is_empty() {
        let ids: Vec<&str> = notes.missing.iter().map(|n| n.id.as_str()).collect();
        eprintln!(
            "{} {}",
            lang.pick(
                "请用 --set 编号=数值 提供：",
                "supply them with --set ID=VALUE:"
            ),
            ids.join(" ")
        );
    }
}
