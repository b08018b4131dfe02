//! The command line's words: subcommands, their options and the options every command takes.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use yibao::{Lang, Raw};

#[derive(Parser)]
#[command(
    name = "yibao",
    version,
    about = "医保市级统筹计算器 — China's basic medical insurance under city-level pooling"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print JSON (the same shapes as the JS API) instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Language of the text output: zh (default) or en.
    #[arg(long, global = true, default_value = "zh", value_parser = parse_lang)]
    pub lang: Lang,
    /// Supply a figure by its parameter id (repeatable): --set employee.base.floor=3000
    #[arg(long = "set", global = true, value_name = "ID=VALUE", value_parser = parse_set)]
    pub set: Vec<(String, Raw)>,
    /// Use only figures from seed or other official documents; ask for anything less.
    #[arg(long, global = true)]
    pub official_only: bool,
    /// A figures file (the rules' entry format, one [[figure]] per dated value) with figures
    /// newer than the built-in ones; results say which came from it.
    #[arg(long, global = true, value_name = "FILE")]
    pub figures: Option<PathBuf>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
        .map_err(|()| format!("`{s}` is not a language: use zh or en"))
}

/// `--set ID=VALUE`: the id and the value as typed (checked by the core, with the others).
fn parse_set(s: &str) -> Result<(String, Raw), String> {
    match s.split_once('=') {
        Some((id, value)) if !id.trim().is_empty() => {
            Ok((id.trim().to_string(), Raw(value.to_string())))
        }
        _ => Err(format!(
            "--set 应写成 编号=数值 / --set takes ID=VALUE: `{s}`"
        )),
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// 职工医保: employer and individual contributions for a month.
    Contribution(ContributionArgs),
    /// 灵活就业: a flexible worker's monthly premium and waiting period.
    Flexible(FlexibleArgs),
    /// 城乡居民: the year's premium, subsidy and waiting period.
    Resident(ResidentArgs),
    /// 退休待遇与补缴: retirement month, months missing, top-up cost.
    Eligibility(EligibilityArgs),
    /// Any request written as JSON (`{"kind": "contribution", …}`), as the JS API takes it.
    Run {
        /// The request file (`-` for standard input)
        file: PathBuf,
    },
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
pub struct ContributionArgs {
    #[arg(long)]
    pub city: String,
    /// YYYY-MM (default: this month, in China)
    #[arg(long)]
    pub month: Option<String>,
    /// public_body (机关事业单位) or other (其他单位)
    #[arg(long)]
    pub employer: String,
    /// Monthly wage in yuan
    #[arg(long, allow_hyphen_values = true)]
    pub wage: String,
}

#[derive(Args)]
pub struct FlexibleArgs {
    #[arg(long)]
    pub city: String,
    #[arg(long)]
    pub month: Option<String>,
    /// First month paid (of the first enrolment, or of paying again with --interrupted),
    /// for when benefits begin
    #[arg(long)]
    pub first_paid: Option<String>,
    /// Paying again after an interruption (the city's waiting rule after a break applies)
    #[arg(long)]
    pub interrupted: bool,
}

#[derive(Args)]
pub struct ResidentArgs {
    #[arg(long)]
    pub city: String,
    /// Benefit year, 待遇年度 (default: the year people are paying for now: from September on,
    /// the next year)
    #[arg(long)]
    pub year: Option<String>,
    /// Whole years not enrolled before enrolling again
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    pub break_years: String,
    /// Years of the break paid back
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    pub repaid_years: String,
    /// Enrolled during the concentrated enrolment period
    #[arg(long)]
    pub in_period: bool,
    /// A newborn (exempt from waiting)
    #[arg(long)]
    pub newborn: bool,
    /// People in the household enrolling together: the premium for all of them (default 1)
    #[arg(long, default_value = "")]
    pub household: String,
}

#[derive(Args)]
pub struct EligibilityArgs {
    #[arg(long)]
    pub city: String,
    /// Birth month, YYYY-MM
    #[arg(long)]
    pub birth: String,
    /// male, female-55 or female-50
    #[arg(long)]
    pub category: String,
    /// Months actually paid in this city
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    pub paid_months: String,
    /// Deemed months (视同缴费)
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    pub deemed_months: String,
    /// Months paid elsewhere and transferred in
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    pub transferred_months: String,
    /// Last monthly contribution base
    #[arg(long, allow_hyphen_values = true)]
    pub last_base: Option<String>,
    /// employee, flexible, never_enrolled, flexible_retiree, bankrupt
    #[arg(long, default_value = "employee")]
    pub situation: String,
    /// Last month's pension (never_enrolled, bankrupt)
    #[arg(long, allow_hyphen_values = true)]
    pub pension: Option<String>,
    /// Age at the enterprise's bankruptcy, years (bankrupt)
    #[arg(long, allow_hyphen_values = true)]
    pub bankruptcy_age: Option<String>,
    /// Month the top-up is paid
    #[arg(long)]
    pub payment_month: Option<String>,
    /// The month "now" (default: this month, in China)
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(Args)]
pub struct BatchArgs {
    /// The payroll file: CSV (UTF-8 with or without BOM, GBK/GB18030) or .xlsx, with a header row
    pub file: PathBuf,
    #[arg(long)]
    pub city: String,
    /// YYYY-MM (default: this month, in China)
    #[arg(long)]
    pub month: Option<String>,
    /// Employer kind of rows without one (public_body or other)
    #[arg(long)]
    pub employer: Option<String>,
    /// Write here instead of stdout; a name ending in .xlsx writes an Excel workbook
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Which column holds what, where the header names do not say: FIELD=HEADER or
    /// FIELD=NUMBER (from 1), FIELD one of employee_id, name, wage, employer_kind, deducted;
    /// FIELD=- for none. Repeatable: --column wage=应发工资 --column deducted=医保
    #[arg(long = "column", value_name = "FIELD=COLUMN", value_parser = parse_column)]
    pub columns: Vec<(String, String)>,
    /// Exit with status 1 when any row failed (the good rows are still written)
    #[arg(long)]
    pub strict: bool,
}

fn parse_column(s: &str) -> Result<(String, String), String> {
    let (field, column) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FIELD=COLUMN (such as wage=应发工资), got “{s}”"))?;
    Ok((field.trim().to_string(), column.trim().to_string()))
}

#[derive(Args)]
pub struct FundArgs {
    /// The figures: CSV (UTF-8 or GBK) with a header (year, county, revenue, expenditure[,
    /// opening_balance, prior_revenue]) or JSON ({"rows": [...]} or a list of rows)
    pub file: PathBuf,
    #[arg(long)]
    pub city: String,
    /// Also write the year-by-year table as CSV (UTF-8 with BOM)
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum RulesCommand {
    /// The cities and their documents.
    List,
    /// Every figure of a city (or `national`), with windows, status and source.
    Show {
        city: String,
        /// Only this parameter
        #[arg(long)]
        param: Option<String>,
    },
    /// The quotes and notes of every figure and document as JSON, keyed as the citations'
    /// `text_key` (the web page loads this file after its first paint).
    Texts,
    /// Validate the *.toml files of a directory (the built-in rules were validated when built).
    Check {
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// What runs out in the months ahead: each city's figures whose window ends (and how
    /// long each is then carried), and what each view shows with nothing typed, month by month.
    Horizon {
        /// How many months after --from to look at: 12 runs from this month to the same month next year (2026-12 to 2027-12)
        #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(u32).range(0..=120))]
        months: u32,
        /// The first month (YYYY-MM; default: this month)
        #[arg(long)]
        from: Option<String>,
    },
}
