//! The rules built into this program: `rules/*.toml`, validated by the build script (an
//! invalid file fails the build with its file, key and reason) and embedded as compact
//! binary (postcard), so start-up only decodes them.

use std::sync::OnceLock;

use crate::error::Error;
use crate::model::{RuleIssue, Rules, SiteFigures, Text};

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"));

/// Decodes the embedded rules (what start-up costs; [`rules`] does it once).
pub fn decode() -> Result<Rules, Error> {
    // The build script wrote these bytes from rules it validated, so they fail to decode
    // only if this program was built wrongly; postcard's own messages for why (all its
    // error texts, which the web build would carry) would not help a person.
    postcard::from_bytes(EMBEDDED).map_err(|_| Error::Rules {
        issues: vec![RuleIssue {
            file: "(embedded)".into(),
            key: "(all)".into(),
            reason: Text::new(
                "内置规则无法读取：程序构建有误",
                "the embedded rules cannot be read: the program was built wrongly",
            ),
        }],
    })
}

/// The rules with a site's figures merged in, once installed.
static SITE: OnceLock<Rules> = OnceLock::new();

/// The embedded rules, decoded once.
fn embedded() -> Result<&'static Rules, Error> {
    static RULES: OnceLock<Result<Rules, Error>> = OnceLock::new();
    RULES.get_or_init(decode).as_ref().map_err(Clone::clone)
}

/// The rules every computation reads: the embedded ones, with a site's figures where
/// [`install_site`] put them in.
pub fn rules() -> Result<&'static Rules, Error> {
    match SITE.get() {
        Some(r) => Ok(r),
        None => embedded(),
    }
}

/// Merges a site's figures file (read and checked by `yibao_model::load::figures`) into
/// the rules every computation reads from now on. Once per program: the CLI's `--figures`,
/// the web app at start, the JS API's `useFigures`.
pub fn install_site(site: &SiteFigures) -> Result<(), Error> {
    let merged = embedded()?
        .with_site(site)
        .map_err(|issues| Error::Rules { issues })?;
    SITE.set(merged).map_err(|_| Error::Rules {
        issues: vec![RuleIssue {
            file: site.file.clone(),
            key: "(all)".into(),
            reason: Text::new("已载入过一个数值文件", "a figures file is already in use"),
        }],
    })
}

/// The embedded rules' size in bytes (the size report prints it).
pub fn embedded_size() -> usize {
    EMBEDDED.len()
}
