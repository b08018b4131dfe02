//! `yibao`: the command line over the rules core. Every subcommand builds the same request
//! type the JS API takes, calls the same core function, and prints either a readable
//! account with the steps or (`--json`) the same JSON the JS API returns.

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use yibao::context::Overrides;
use yibao::rules::{self, Status};
use yibao::{Error, Lang, Raw, Text};

#[derive(Parser)]
#[command(
    name = "yibao",
    version,
    about = "医保市级统筹计算器 — China's basic medical insurance under city-level pooling"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print JSON (the same shapes as the JS API) instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// Language of the text output: zh (default) or en.
    #[arg(long, global = true, default_value = "zh", value_parser = parse_lang)]
    lang: Lang,
    /// Supply a figure by its parameter id (repeatable): --set employee.base.floor=3000
    #[arg(long = "set", global = true, value_name = "ID=VALUE")]
    set: Vec<String>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
        .map_err(|()| format!("`{s}` is not a language: use zh or en"))
}

#[derive(Subcommand)]
enum Command {
    /// 职工医保: employer and individual contributions for a month.
    Contribution(ContributionArgs),
    /// 灵活就业: a flexible worker's monthly premium and waiting period.
    Flexible(FlexibleArgs),
    /// 城乡居民: the year's premium, subsidy and waiting period.
    Resident(ResidentArgs),
    /// 退休待遇与补缴: retirement month, months missing, top-up cost.
    Eligibility(EligibilityArgs),
    /// Payroll batch: every row of a CSV (UTF-8 or GBK) or .xlsx file, as CSV (or .xlsx).
    Batch(BatchArgs),
    /// The pooled fund, year by year: reserve, deficits and who covers them, warning lines.
    Fund(FundArgs),
    /// The rules: list the cities, show a city's figures, check rule files.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Args)]
struct ContributionArgs {
    #[arg(long)]
    city: String,
    /// YYYY-MM (default: this month)
    #[arg(long)]
    month: Option<String>,
    /// public_body (机关事业单位) or other (其他单位)
    #[arg(long)]
    employer: String,
    /// Monthly wage in yuan
    #[arg(long, allow_hyphen_values = true)]
    wage: String,
}

#[derive(Args)]
struct FlexibleArgs {
    #[arg(long)]
    city: String,
    #[arg(long)]
    month: Option<String>,
    /// First month paid after first enrolment, for when benefits begin
    #[arg(long)]
    first_paid: Option<String>,
}

#[derive(Args)]
struct ResidentArgs {
    #[arg(long)]
    city: String,
    /// Year (default: this year)
    #[arg(long)]
    year: Option<String>,
    /// Whole years not enrolled before enrolling again
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    break_years: String,
    /// Years of the break paid back
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    repaid_years: String,
    /// Enrolled during the concentrated enrolment period
    #[arg(long)]
    in_period: bool,
    /// A newborn (exempt from waiting)
    #[arg(long)]
    newborn: bool,
}

#[derive(Args)]
struct EligibilityArgs {
    #[arg(long)]
    city: String,
    /// Birth month, YYYY-MM
    #[arg(long)]
    birth: String,
    /// male, female-55 or female-50
    #[arg(long)]
    category: String,
    /// Months actually paid in this city
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    paid_months: String,
    /// Deemed months (视同缴费)
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    deemed_months: String,
    /// Months paid elsewhere and transferred in
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    transferred_months: String,
    /// Last monthly contribution base
    #[arg(long, allow_hyphen_values = true)]
    last_base: Option<String>,
    /// employee, flexible, never_enrolled, flexible_retiree, bankrupt
    #[arg(long, default_value = "employee")]
    situation: String,
    /// Last month's pension (never_enrolled, bankrupt)
    #[arg(long, allow_hyphen_values = true)]
    pension: Option<String>,
    /// Age at the enterprise's bankruptcy, years (bankrupt)
    #[arg(long, allow_hyphen_values = true)]
    bankruptcy_age: Option<String>,
    /// Month the top-up is paid
    #[arg(long)]
    payment_month: Option<String>,
    /// The month "now" (default: this month)
    #[arg(long)]
    as_of: Option<String>,
}

#[derive(Args)]
struct BatchArgs {
    /// The payroll file: CSV (UTF-8 with or without BOM, GBK/GB18030) or .xlsx, with a header row
    file: std::path::PathBuf,
    #[arg(long)]
    city: String,
    /// YYYY-MM (default: this month)
    #[arg(long)]
    month: Option<String>,
    /// Employer kind of rows without one (public_body or other)
    #[arg(long)]
    employer: Option<String>,
    /// Write here instead of stdout; a name ending in .xlsx writes an Excel workbook
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

#[derive(Args)]
struct FundArgs {
    /// The figures: CSV with a header (year, county, revenue, expenditure[, opening_balance,
    /// prior_revenue]) or JSON ({"rows": [...]} or a list of rows)
    file: std::path::PathBuf,
    #[arg(long)]
    city: String,
    /// Also write the year-by-year table as CSV (UTF-8 with BOM)
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// The cities and their documents.
    List,
    /// Every figure of a city (or `national`), with windows, status and source.
    Show {
        city: String,
        /// Only this parameter
        #[arg(long)]
        param: Option<String>,
    },
    /// Validate the embedded rules, or the *.toml files of a directory.
    Check {
        #[arg(long)]
        dir: Option<std::path::PathBuf>,
    },
}

/// The current month from the system clock.
fn this_month() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    yibao::YearMonth::from_unix_days(days as i64).map_or_else(String::new, |m| m.to_string())
}

fn overrides(set: &[String]) -> Result<Overrides, Error> {
    let mut out = Overrides::new();
    for item in set {
        match item.split_once('=') {
            Some((id, value)) if !id.trim().is_empty() => {
                out.insert(id.trim().to_string(), Raw(value.to_string()));
            }
            _ => {
                return Err(Error::field(
                    "set",
                    "malformed_override",
                    Text::new(
                        format!("--set 应写成 编号=数值：`{item}`"),
                        format!("--set takes ID=VALUE: `{item}`"),
                    ),
                ))
            }
        }
    }
    Ok(out)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    let outcome = run(&cli);
    match outcome {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            if cli.json {
                println!("{}", serde_json::to_string_pretty(&e).unwrap_or_default());
            } else {
                eprint!("{}", e.render(lang));
            }
            match e {
                Error::Rules { .. } => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}

/// The text in the output language.
fn pick(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::Zh { zh } else { en }.to_string()
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

fn run(cli: &Cli) -> Result<String, Error> {
    let lang = cli.lang;
    let set = overrides(&cli.set)?;
    let opt = |o: &Option<String>| Raw(o.clone().unwrap_or_default());
    match &cli.command {
        Command::Contribution(a) => {
            let req = yibao::ContributionRequest {
                city: Raw(a.city.clone()),
                month: Raw(a.month.clone().unwrap_or_else(this_month)),
                employer: Raw(a.employer.clone()),
                wage: Raw(a.wage.clone()),
                overrides: set,
            };
            let r = yibao::contribution(&req)?;
            if cli.json {
                return Ok(json(&r));
            }
            let l = |zh: &str, en: &str| pick(lang, zh, en);
            let mut out = format!(
                "{} {} · {}\n",
                r.city_name.get(lang),
                r.month,
                r.employer_kind.label().get(lang)
            );
            out += &format!("{}: {}\n", l("缴费基数", "base"), r.base);
            out += &format!(
                "{}: {} ({} {} + {} {})\n",
                l("单位每月", "employer / month"),
                r.employer.total,
                r.employer.rate,
                r.employer.basic,
                l("定额", "fixed"),
                r.employer.fixed
            );
            out += &format!(
                "{}: {} ({} {} + {} {})\n",
                l("个人每月", "individual / month"),
                r.individual.total,
                r.individual.rate,
                r.individual.basic,
                l("定额", "fixed"),
                r.individual.fixed
            );
            out += &format!(
                "{}: {}    {}: {}\n\n",
                l("每月合计", "monthly total"),
                r.monthly_total,
                l("全年合计", "yearly total"),
                r.yearly.total
            );
            Ok(out + &r.explanation.render(lang))
        }
        Command::Flexible(a) => {
            let req = yibao::FlexibleRequest {
                city: Raw(a.city.clone()),
                month: Raw(a.month.clone().unwrap_or_else(this_month)),
                first_paid: opt(&a.first_paid),
                overrides: set,
            };
            let r = yibao::flexible(&req)?;
            if cli.json {
                return Ok(json(&r));
            }
            let l = |zh: &str, en: &str| pick(lang, zh, en);
            let mut out = format!(
                "{} {} · {}\n",
                r.city_name.get(lang),
                r.month,
                l("灵活就业", "flexible employment")
            );
            out += &format!(
                "{}: {}    {}: {}\n\n",
                l("每月", "per month"),
                r.monthly_total,
                l("全年", "per year"),
                r.yearly_total
            );
            Ok(out + &r.explanation.render(lang))
        }
        Command::Resident(a) => {
            let req = yibao::ResidentRequest {
                city: Raw(a.city.clone()),
                year: Raw(a
                    .year
                    .clone()
                    .unwrap_or_else(|| this_month().chars().take(4).collect())),
                break_years: Raw(a.break_years.clone()),
                repaid_years: Raw(a.repaid_years.clone()),
                in_enrolment_period: Raw(a.in_period.to_string()),
                newborn: Raw(a.newborn.to_string()),
                overrides: set,
            };
            let r = yibao::resident(&req)?;
            if cli.json {
                return Ok(json(&r));
            }
            let l = |zh: &str, en: &str| pick(lang, zh, en);
            let mut out = format!(
                "{} {} · {}\n",
                r.city_name.get(lang),
                r.year,
                l("城乡居民医保", "resident insurance")
            );
            if let Some(p) = &r.individual_premium {
                out += &format!("{}: {}\n", l("个人缴费", "individual premium"), p.amount);
            }
            if let Some(w) = r.waiting_months {
                out += &format!(
                    "{}: {w}\n",
                    l("待遇等待期（月）", "waiting period (months)")
                );
            }
            Ok(out + "\n" + &r.explanation.render(lang))
        }
        Command::Eligibility(a) => {
            let req = yibao::EligibilityRequest {
                city: Raw(a.city.clone()),
                birth: Raw(a.birth.clone()),
                category: Raw(a.category.clone()),
                as_of: Raw(a.as_of.clone().unwrap_or_else(this_month)),
                paid_months: Raw(a.paid_months.clone()),
                deemed_months: Raw(a.deemed_months.clone()),
                transferred_months: Raw(a.transferred_months.clone()),
                last_base: opt(&a.last_base),
                situation: Raw(a.situation.clone()),
                pension: opt(&a.pension),
                bankruptcy_age: opt(&a.bankruptcy_age),
                payment_month: opt(&a.payment_month),
                overrides: set,
            };
            let r = yibao::eligibility(&req)?;
            if cli.json {
                return Ok(json(&r));
            }
            let l = |zh: &str, en: &str| pick(lang, zh, en);
            let mut out = format!(
                "{} · {}\n",
                r.city_name.get(lang),
                l("退休待遇与补缴", "retiree benefits and top-up")
            );
            out += &format!(
                "{}: {} ({} {} {} {})\n",
                l("法定退休月份", "retirement month"),
                r.retirement.month,
                r.retirement.age_years,
                l("岁", "y"),
                r.retirement.age_months,
                l("个月", "m")
            );
            let mut scen = |name: String, s: &yibao::compute::eligibility::Scenario| {
                out += &format!("{name}: {} {}", l("差", "missing"), s.shortfall_months);
                out += &l(" 个月", " months");
                if let Some(t) = &s.topup {
                    out += &format!("; {} {}", l("一次性补缴", "one-off top-up"), t.amount);
                }
                if let Some(b) = s.benefits_from {
                    out += &format!("; {} {b}", l("待遇起始", "benefits from"));
                }
                out += "\n";
            };
            scen(l("若现在停止缴费", "if payments stop now"), &r.stop_now);
            if let Some(c) = &r.continue_paying {
                scen(l("若持续缴费至退休", "if payments continue"), c);
            }
            Ok(out + "\n" + &r.explanation.render(lang))
        }
        Command::Rules { command } => rules_command(command, cli.json, lang),
        Command::Batch(a) => batch(a, set, lang, cli.json),
        Command::Fund(a) => fund(a, set, lang, cli.json),
    }
}

fn rules_command(command: &RulesCommand, as_json: bool, lang: Lang) -> Result<String, Error> {
    match command {
        RulesCommand::Check { dir } => {
            let loaded = match dir {
                None => rules::rules().cloned(),
                Some(dir) => {
                    let mut files = Vec::new();
                    let entries = std::fs::read_dir(dir).map_err(|e| {
                        Error::field(
                            "dir",
                            "unreadable",
                            Text::new(
                                format!("无法读取目录：{e}"),
                                format!("cannot read the directory: {e}"),
                            ),
                        )
                    })?;
                    for entry in entries.flatten() {
                        let path = entry.path();
                        if path.extension().is_some_and(|x| x == "toml") {
                            let name = path
                                .file_name()
                                .and_then(|n| n.to_str())
                                .unwrap_or_default()
                                .to_string();
                            let text = std::fs::read_to_string(&path).map_err(|e| {
                                Error::field(
                                    "dir",
                                    "unreadable",
                                    Text::new(
                                        format!("无法读取 {name}：{e}"),
                                        format!("cannot read {name}: {e}"),
                                    ),
                                )
                            })?;
                            files.push((name, text));
                        }
                    }
                    files.sort();
                    let refs: Vec<(&str, &str)> = files
                        .iter()
                        .map(|(n, t)| (n.as_str(), t.as_str()))
                        .collect();
                    rules::load_toml(&refs).map_err(|issues| Error::Rules { issues })
                }
            }?;
            let known = loaded
                .cities
                .iter()
                .flat_map(|c| c.params.values())
                .flat_map(|s| &s.entries)
                .filter(|e| e.status != Status::Unknown)
                .count();
            let unknown = loaded
                .cities
                .iter()
                .flat_map(|c| c.params.values())
                .flat_map(|s| &s.entries)
                .filter(|e| e.status == Status::Unknown)
                .count();
            if as_json {
                return Ok(json(
                    &serde_json::json!({"ok": true, "version": loaded.version, "cities": loaded.cities.len(), "known_values": known, "unknown_values": unknown}),
                ));
            }
            Ok(match lang {
                Lang::Zh => format!("规则有效：{} 个城市 + 全国规则，版本 {}；城市数值 {known} 个已知，{unknown} 个未公布\n", loaded.cities.len(), loaded.version),
                Lang::En => format!("rules valid: {} cities + national, version {}; {known} city values known, {unknown} unknown\n", loaded.cities.len(), loaded.version),
            })
        }
        RulesCommand::List => {
            let r = rules::rules()?;
            if as_json {
                return Ok(json(&r.cities.iter().map(|c| serde_json::json!({
                    "id": c.id, "name": c.name, "province": c.province, "pooling_from": c.pooling_from,
                    "pooling_to": c.pooling_to, "excluded_areas": c.excluded_areas, "document": c.document, "summary": c.summary,
                })).collect::<Vec<_>>()));
            }
            let mut out = String::new();
            for c in &r.cities {
                let known = c
                    .params
                    .values()
                    .filter(|s| s.entries.iter().any(|e| e.value.is_some()))
                    .count();
                out += &format!(
                    "{:<10} {} ({}) — {} — {} {}",
                    c.id,
                    c.name.get(lang),
                    c.province.get(lang),
                    c.document.short_name(),
                    pick(lang, "自", "from"),
                    c.pooling_from
                );
                if let Some(to) = c.pooling_to {
                    out += &format!(" – {to}");
                }
                if !c.excluded_areas.is_empty() {
                    let ex: Vec<&str> = c.excluded_areas.iter().map(|t| t.get(lang)).collect();
                    out += &format!(" ({} {})", pick(lang, "不含", "except"), ex.join(", "));
                }
                out += &format!(
                    "; {known}/{} {}\n",
                    c.params.len(),
                    pick(lang, "项有数值", "parameters with values")
                );
            }
            out += &format!("rules version {}\n", r.version);
            Ok(out)
        }
        RulesCommand::Show { city, param } => {
            let r = rules::rules()?;
            let (series, title): (Vec<&rules::Series>, String) = if city == "national" {
                (r.national.values().collect(), "national".into())
            } else {
                let c = yibao::compute::city(r, "city", &Raw(city.clone()))?;
                (
                    c.params.values().collect(),
                    format!("{} — {}", c.name.get(lang), c.document.title),
                )
            };
            let series: Vec<&rules::Series> = series
                .into_iter()
                .filter(|s| param.as_deref().is_none_or(|p| p == s.id))
                .collect();
            if let (Some(p), true) = (param, series.is_empty()) {
                return Err(Error::field(
                    "param",
                    "unknown_param",
                    Text::new(format!("没有参数 {p}"), format!("no parameter {p}")),
                ));
            }
            if as_json {
                return Ok(json(&series));
            }
            let mut out = format!("{title}\n");
            for s in series {
                out += &format!(
                    "\n{} — {} [{}]\n",
                    s.id,
                    pick(lang, s.def.label_zh, s.def.label_en),
                    s.def.unit.describe()
                );
                for e in &s.entries {
                    let window = format!(
                        "{}–{}",
                        e.from,
                        e.to.map_or_else(String::new, |t| t.to_string())
                    );
                    let value = e.value.as_ref().map_or_else(
                        || {
                            if lang == Lang::Zh {
                                "未公布".to_string()
                            } else {
                                "unknown".to_string()
                            }
                        },
                        |v| v.show(),
                    );
                    out += &format!("  {window:<16} {value:<12} [{}]", e.status.name());
                    if let Some(src) = &e.source {
                        out += &format!(
                            " {} {} «{}»",
                            src.document.short_name(),
                            src.article,
                            src.quote
                        );
                    }
                    out += "\n";
                    if let Some(n) = &e.note {
                        out += &format!("  {:<16} {n}\n", "");
                    }
                }
                if s.entries.iter().any(|e| e.value.is_none()) && !s.def.hint_zh.is_empty() {
                    out += &format!(
                        "  → --set {}=…: {}\n",
                        s.id,
                        pick(lang, s.def.hint_zh, s.def.hint_en)
                    );
                }
            }
            Ok(out)
        }
    }
}

/// `yibao batch`: streams a CSV payroll row by row (memory stays flat however long the
/// file), or reads an .xlsx sheet; writes one result line per row and a summary on stderr.
fn batch(a: &BatchArgs, overrides: Overrides, lang: Lang, as_json: bool) -> Result<String, Error> {
    use std::io::{BufWriter, Read, Write};
    use yibao::batch::{self, Batch, Mapping, Options, StreamingCsv};

    let unreadable = |e: std::io::Error| {
        Error::field(
            "file",
            "unreadable",
            Text::new(
                format!("无法读取文件：{e}"),
                format!("cannot read the file: {e}"),
            ),
        )
    };
    let mut file = std::fs::File::open(&a.file).map_err(unreadable)?;
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic).map_err(unreadable)?;
    let file = std::fs::File::open(&a.file).map_err(unreadable)?;
    let (format, mut rows): (batch::Format, Box<dyn Iterator<Item = batch::Record>>) =
        if n == 4 && &magic == b"PK\x03\x04" {
            let mut bytes = Vec::new();
            std::io::BufReader::new(file)
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
            let (format, rows) = batch::read_records(&bytes)?;
            (format, Box::new(rows.into_iter()))
        } else {
            let csv = StreamingCsv::open(Box::new(std::io::BufReader::with_capacity(
                256 * 1024,
                file,
            )))?;
            (csv.format, Box::new(csv))
        };
    let (_, header) = rows.next().ok_or_else(|| {
        Error::field(
            "file",
            "empty_file",
            Text::new("文件是空的", "the file is empty"),
        )
    })?;
    let mapping = Mapping::from_header(&header)?;
    let employer = match &a.employer {
        Some(e) => Some(yibao::EmployerKind::parse("employer", &Raw(e.clone()))?),
        None => None,
    };
    let options = Options {
        city: Raw(a.city.clone()),
        month: Raw(a.month.clone().unwrap_or_else(this_month)),
        employer,
        overrides,
    };
    let mut run = Batch::new(options, mapping.clone())?;

    // Show the mapping before computing.
    let col = |i: Option<usize>| {
        i.map_or_else(
            || {
                if lang == Lang::Zh {
                    "（无）".to_string()
                } else {
                    "(none)".to_string()
                }
            },
            |i| format!("{} ({})", mapping.headers[i], i + 1),
        )
    };
    eprintln!(
        "{} {:?}: {} → {}; {} → {}; {} → {}; {} → {}",
        pick(lang, "列映射", "columns"),
        format,
        pick(lang, "工号", "employee id"),
        col(mapping.employee_id),
        pick(lang, "工资", "wage"),
        col(Some(mapping.wage)),
        pick(lang, "单位类型", "employer kind"),
        col(mapping.employer_kind),
        pick(lang, "实扣", "deducted"),
        col(mapping.deducted),
    );

    let to_xlsx = a.out.as_ref().is_some_and(|p| {
        p.extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
    });
    let write_err = |e: std::io::Error| {
        Error::field(
            "out",
            "unwritable",
            Text::new(format!("无法写入：{e}"), format!("cannot write: {e}")),
        )
    };
    let mut kept = Vec::new();
    if to_xlsx {
        for (line, cells) in rows {
            if cells.iter().all(|c| c.trim().is_empty()) && !cells.is_empty() {
                continue;
            }
            kept.push(run.row(line, &cells));
        }
        let bytes = batch::xlsx(&kept, &run.totals, lang)
            .map_err(|e| Error::field("out", "unwritable", Text::new(e.clone(), e)))?;
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
        out.write_all(batch::CSV_BOM.as_bytes())
            .map_err(write_err)?;
        out.write_all(batch::csv_header(lang).as_bytes())
            .map_err(write_err)?;
        for (line, cells) in rows {
            if cells.iter().all(|c| c.trim().is_empty()) && !cells.is_empty() {
                continue;
            }
            let r = run.row(line, &cells);
            out.write_all(batch::csv_row(&r, lang).as_bytes())
                .map_err(write_err)?;
        }
        out.flush().map_err(write_err)?;
    }

    let t = &run.totals;
    let (user, unknown) = run.plan_notes();
    if as_json {
        eprintln!("{}", serde_json::to_string(&serde_json::json!({"mapping": mapping, "totals": t, "user_supplied": user, "not_known": unknown})).unwrap_or_default());
    } else {
        let line = |name: &str, x: &batch::Total| {
            format!(
                "  {name:<14} {:>8} {:>14} {:>14} {:>14}",
                x.rows, x.employer, x.individual, x.total
            )
        };
        let (a1, a2, a3) = if lang == Lang::Zh {
            ("机关事业单位", "其他单位", "全部")
        } else {
            ("public body", "other", "all")
        };
        eprintln!(
            "{}",
            pick(
                lang,
                "  类别              人数       单位合计       个人合计           合计",
                "  kind               rows       employer     individual          total"
            )
        );
        eprintln!("{}", line(a1, &t.public_body));
        eprintln!("{}", line(a2, &t.other));
        eprintln!("{}", line(a3, &t.overall));
        eprintln!(
            "{} {}, {} {}",
            pick(lang, "出错行", "failed rows"),
            t.failed_rows,
            pick(lang, "扣款不符行", "mismatched rows"),
            t.mismatched_rows
        );
        if !user.is_empty() {
            eprintln!(
                "{} {}",
                pick(lang, "用户提供的数据：", "user-supplied figures:"),
                user.join(", ")
            );
        }
        if !unknown.is_empty() {
            eprintln!(
                "{} {}",
                pick(lang, "未公布（未使用）：", "not published (went without):"),
                unknown.join(", ")
            );
        }
    }
    Ok(String::new())
}

/// `yibao fund`: the pooled fund year by year, from a CSV or JSON file of the figures.
fn fund(a: &FundArgs, overrides: Overrides, lang: Lang, as_json: bool) -> Result<String, Error> {
    use yibao::compute::fund::{rows_from_csv, to_csv, FundRow};
    let text = std::fs::read_to_string(&a.file).map_err(|e| {
        Error::field(
            "file",
            "unreadable",
            Text::new(
                format!("无法读取文件：{e}"),
                format!("cannot read the file: {e}"),
            ),
        )
    })?;
    let is_json = a
        .file
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with(['{', '[']);
    let rows: Vec<FundRow> = if is_json {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Input {
            Rows(Vec<FundRow>),
            Wrapped { rows: Vec<FundRow> },
        }
        match serde_json::from_str::<Input>(&text) {
            Ok(Input::Rows(r)) | Ok(Input::Wrapped { rows: r }) => r,
            Err(e) => {
                return Err(Error::field(
                    "file",
                    "malformed_json",
                    Text::new(
                        format!("JSON 格式不对：{e}"),
                        format!("malformed JSON: {e}"),
                    ),
                ))
            }
        }
    } else {
        rows_from_csv(&text)?
    };
    let r = yibao::fund(&yibao::FundRequest {
        city: Raw(a.city.clone()),
        rows,
        overrides,
    })?;
    if let Some(out) = &a.out {
        std::fs::write(out, to_csv(&r, lang)).map_err(|e| {
            Error::field(
                "out",
                "unwritable",
                Text::new(format!("无法写入：{e}"), format!("cannot write: {e}")),
            )
        })?;
    }
    if as_json {
        return Ok(json(&r));
    }
    let zh = lang == Lang::Zh;
    let mut out = format!(
        "{} · {}\n",
        r.city_name.get(lang),
        if zh {
            "市级统筹基金"
        } else {
            "the pooled fund"
        }
    );
    for rem in &r.remittances {
        out += &format!(
            "{} {}: {} ({} {})\n",
            rem.county,
            rem.label.get(lang),
            rem.amount,
            if zh { "截止" } else { "due" },
            rem.due.map_or_else(|| "—".into(), |d| d.to_string())
        );
    }
    for y in &r.years {
        out += &format!(
            "\n{} — {} {}, {} {}\n",
            y.year,
            if zh { "收入" } else { "revenue" },
            y.revenue,
            if zh { "支出" } else { "expenditure" },
            y.expenditure
        );
        if let Some(res) = &y.reserve {
            out += &format!(
                "  {}: {} + {}{}; {} {} / {}\n",
                if zh {
                    "储备金提取（调剂金 + 调节金）"
                } else {
                    "reserve drawn (adjustment + pooling)"
                },
                res.drawn_adjustment,
                res.drawn_pooling,
                if res.capped {
                    if zh {
                        "（达到上限）"
                    } else {
                        " (capped)"
                    }
                } else {
                    ""
                },
                if zh { "余额" } else { "balances" },
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
                out += &format!(
                    "  {} {p}",
                    if zh {
                        "须调整政策"
                    } else {
                        "policy adjustment"
                    }
                );
            }
            out += &format!(
                "  → {} {}\n",
                if zh { "年末结余" } else { "closing" },
                c.closing_balance
            );
        }
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
    Ok(out + "\n" + &r.explanation.render(lang))
}
