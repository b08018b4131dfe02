//! `yibao`: the command line over the rules core. Every subcommand builds the request the
//! JS API takes, computes it through the core's one registry, and prints either a readable
//! account with the steps or (`--json`) the same JSON the JS API returns.

mod args;
mod batch;
mod fund;
mod render;
mod rules;
mod summary;

use std::process::ExitCode;

use clap::Parser;
use yibao::compute::Options;
use yibao::{Error, Raw, Request};

use crate::args::{Cli, Command};

/// "This month" as people in China count it (UTC+8), the same rule as the web app's.
fn this_month() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    yibao::YearMonth::in_china(secs as i64).map_or_else(String::new, |m| m.to_string())
}

/// The benefit year (待遇年度) people are paying for this month.
fn this_benefit_year() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    yibao::YearMonth::in_china(secs as i64)
        .map_or_else(String::new, |m| yibao::benefit_year_at(m).to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok((text, code)) => {
            // A closed pipe (`yibao … | head`) is the reader's choice, not an error to panic on.
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
            code
        }
        Err(e) => {
            if cli.json {
                println!("{}", serde_json::to_string_pretty(&e).unwrap_or_default());
            } else {
                eprint!("{}", e.render(cli.lang));
            }
            match e {
                Error::Rules { .. } => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}

pub fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

pub fn unreadable(e: std::io::Error) -> Error {
    Error::field(
        "file",
        "unreadable",
        yibao::text!("无法读取文件：{e}", "cannot read the file: {e}"),
    )
}

/// The text to print and the exit status (`batch --strict` with failed rows exits 1).
fn run(cli: &Cli) -> Result<(String, ExitCode), Error> {
    let lang = cli.lang;
    if let Some(path) = &cli.figures {
        let text = std::fs::read_to_string(path).map_err(unreadable)?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let site =
            yibao_model::load::figures(&name, &text).map_err(|issues| Error::Rules { issues })?;
        yibao::rules::install_site(&site)?;
    }
    let overrides: yibao::Overrides = cli.set.iter().cloned().collect();
    let options = Options {
        official_only: cli.official_only,
        explain: true,
    };
    let request = match &cli.command {
        Command::Rules { command } => {
            return rules::run(command, cli.json, cli.official_only, lang)
                .map(|t| (t, ExitCode::SUCCESS))
        }
        Command::Batch(a) => return batch::run(a, overrides, cli),
        Command::Fund(a) => return fund::run(a, overrides, cli).map(|t| (t, ExitCode::SUCCESS)),
        Command::Run { file } => request_file(file, &overrides, options)?,
        other => request(other, overrides, options),
    };
    let response = yibao::compute(&request)?;
    if cli.json {
        return Ok((json(&response), ExitCode::SUCCESS));
    }
    Ok((summary::render(&response, lang), ExitCode::SUCCESS))
}

/// The request a subcommand's options describe.
fn request(command: &Command, overrides: yibao::Overrides, o: Options) -> Request {
    let opt = |o: &Option<String>| Raw(o.clone().unwrap_or_default());
    let month = |m: &Option<String>| Raw(m.clone().unwrap_or_else(this_month));
    match command {
        Command::Contribution(a) => Request::Contribution(yibao::ContributionRequest {
            city: Raw(a.city.clone()),
            month: month(&a.month),
            employer: Raw(a.employer.clone()),
            wage: Raw(a.wage.clone()),
            overrides,
            official_only: o.official_only,
            explain: None,
        }),
        Command::Flexible(a) => Request::Flexible(yibao::FlexibleRequest {
            city: Raw(a.city.clone()),
            month: month(&a.month),
            first_paid: opt(&a.first_paid),
            interrupted: Raw(a.interrupted.to_string()),
            overrides,
            official_only: o.official_only,
            explain: None,
        }),
        Command::Resident(a) => Request::Resident(yibao::ResidentRequest {
            city: Raw(a.city.clone()),
            year: Raw(a.year.clone().unwrap_or_else(this_benefit_year)),
            break_years: Raw(a.break_years.clone()),
            repaid_years: Raw(a.repaid_years.clone()),
            in_enrolment_period: Raw(a.in_period.to_string()),
            newborn: Raw(a.newborn.to_string()),
            household: Raw(a.household.clone()),
            overrides,
            official_only: o.official_only,
            explain: None,
        }),
        Command::Eligibility(a) => Request::Eligibility(yibao::EligibilityRequest {
            city: Raw(a.city.clone()),
            birth: Raw(a.birth.clone()),
            category: Raw(a.category.clone()),
            as_of: month(&a.as_of),
            paid_months: Raw(a.paid_months.clone()),
            deemed_months: Raw(a.deemed_months.clone()),
            transferred_months: Raw(a.transferred_months.clone()),
            last_base: opt(&a.last_base),
            situation: Raw(a.situation.clone()),
            pension: opt(&a.pension),
            bankruptcy_age: opt(&a.bankruptcy_age),
            payment_month: opt(&a.payment_month),
            overrides,
            official_only: o.official_only,
            explain: None,
        }),
        // The other commands return before a request is built.
        Command::Run { .. } | Command::Batch(_) | Command::Fund(_) | Command::Rules { .. } => {
            Request::Contribution(yibao::ContributionRequest::default())
        }
    }
}

/// `yibao run FILE`: a request as JSON; `--set` and `--official-only` add to it.
fn request_file(
    file: &std::path::Path,
    overrides: &yibao::Overrides,
    o: Options,
) -> Result<Request, Error> {
    let text = if file.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(unreadable)?
    } else {
        std::fs::read_to_string(file).map_err(unreadable)?
    };
    let mut req: Request = serde_json::from_str(&text)
        .map_err(|e| yibao::registry::malformed("file", &e.to_string()))?;
    let o_ = req.options();
    o_.overrides.extend(overrides.clone());
    *o_.official_only |= o.official_only;
    Ok(req)
}
