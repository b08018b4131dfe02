//! The build's prerenderer (native, `ssr` feature): every city's default screens written to
//! static HTML by the same components and the same core the browser runs, so a page shows
//! its figures, steps and citations before its code has loaded — or with no JavaScript at
//! all (a search engine's crawler, a phone still fetching the engine). In the browser the
//! code then takes that markup over (Yew's hydration, `main.rs`'s `start`).
//!
//! `yibao-web DIST` reads DIST/index.html (the page's frame, with an `<!--app-->` mark
//! inside `#app` and a `<!--pages-->` mark for the links to every page) and writes:
//! DIST/index.html (the home page: the calculator's starting screen) and, for each city,
//! DIST/<city>/index.html (employee contributions) and DIST/<city>/<view>/index.html.
//! `YIBAO_MONTH=2027-01` renders another month than this one (China's).

use std::fmt::Write as _;
use std::path::Path;

use yibao::Lang;

use crate::app::{App, AppProps, Page};
use crate::calc;
use crate::state::View;
use crate::views;

/// A city's page for one of [`VIEWS`] (each has one).
fn path(city: &str, view: View) -> String {
    views::page_path(city, view).unwrap_or_default()
}

/// The views with a page of their own in each city (the comparison is of all cities).
const VIEWS: [View; 4] = [
    View::Employee,
    View::Flexible,
    View::Resident,
    View::Eligibility,
];

pub fn main() -> i32 {
    match run() {
        Ok(n) => {
            println!("prerendered {n} pages");
            0
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            1
        }
    }
}

fn run() -> Result<usize, String> {
    let dist = std::env::args().nth(1).ok_or("usage: yibao-web DIST")?;
    let dist = Path::new(&dist);
    let month = match std::env::var("YIBAO_MONTH") {
        Ok(m) => m
            .parse()
            .map_err(|_| format!("YIBAO_MONTH={m}: not a month"))?,
        Err(_) => crate::browser::this_month(),
    };
    let template = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
    for mark in [
        "<!--app-->",
        "<!--pages-->",
        "<title>",
        "name=\"description\"",
    ] {
        if !template.contains(mark) {
            return Err(format!("index.html has no {mark}"));
        }
    }
    let rules = yibao::rules().map_err(|_| "the rules do not load".to_string())?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let mut written = 0;
    // (where, a city's own page or the home page, city, view)
    let mut pages = vec![(String::new(), false, "jining".to_string(), View::Employee)];
    for c in &rules.cities {
        for view in VIEWS {
            pages.push((path(&c.id, view), true, c.id.clone(), view));
        }
    }
    for (at, own, city, view) in pages {
        let root = "../".repeat(at.matches('/').count());
        let page = Page {
            city: city.clone(),
            view,
            month,
            root: root.clone(),
            path: at.clone(),
        };
        let markup = render(&runtime, page.clone());
        let c = rules.city(&city);
        let (title, description) = if own {
            (
                views::page_title(Lang::Zh, c, view, views::title_year(&page.state(month))),
                description(&page),
            )
        } else {
            (
                views::page_title(Lang::Zh, None, View::Compare, month.year()),
                format!(
                    "医保市级统筹计算器（{}）：职工医保缴费、灵活就业、城乡居民医保、退休待遇与补缴，每个数字附计算步骤和文件条款。",
                    names(rules)
                ),
            )
        };
        let html = fill(&template, &page, &markup, &title, &description, rules);
        let dir = dist.join(&at);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        std::fs::write(dir.join("index.html"), html)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        written += 1;
    }
    Ok(written)
}

fn render(runtime: &tokio::runtime::Runtime, page: Page) -> String {
    let props = AppProps {
        embed: None,
        page: Some(page),
    };
    // Yew's renderer runs its components as local tasks.
    let local = tokio::task::LocalSet::new();
    local.block_on(
        runtime,
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(true)
            .render(),
    )
}

fn names(rules: &yibao::Rules) -> String {
    rules
        .cities
        .iter()
        .map(|c| c.name.zh.as_ref())
        .collect::<Vec<_>>()
        .join("、")
}

/// The search result's words: the city, the month, what the page computes and its answer.
fn description(page: &Page) -> String {
    let state = page.state(page.month);
    let o = calc::outcome(views::spec(page.view), &state, &page.city);
    let name = yibao::rules()
        .ok()
        .and_then(|r| r.city(&page.city))
        .map(|c| c.name.zh.to_string())
        .unwrap_or_default();
    let answer = match &o.result {
        Ok(r) => format!("{}。", r.summary().zh),
        Err(yibao::Error::MissingFigures { .. }) => {
            "本市有数据未公布，填写后即可算出（页面列出每项数据及其出处）。".to_string()
        }
        Err(_) => String::new(),
    };
    format!(
        "{name}{}年{}月{}：{answer}每个数字附计算步骤和所依据的文件条款，在你的浏览器中计算。",
        page.month.year(),
        page.month.month(),
        views::computes(page.view).0,
    )
}

/// `&`, `<`, `>` and `"` written as entities, for text and attribute values.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page: the frame with its title and description, its files found from where it is,
/// the rendered calculator in `#app` (which says what it was rendered for), and the links
/// to every page.
fn fill(
    template: &str,
    page: &Page,
    markup: &str,
    title: &str,
    description: &str,
    rules: &yibao::Rules,
) -> String {
    let mut html = relative(template, &page.root);
    html = replace_between(&html, "<title>", "</title>", &escape(title));
    html = replace_between(
        &html,
        "name=\"description\" content=\"",
        "\"",
        &escape(description),
    );
    html = html.replace(
        "<div id=\"app\" data-yibao>",
        &format!(
            "<div id=\"app\" data-yibao data-city=\"{}\" data-view=\"{}\" data-month=\"{}\" data-root=\"{}\">",
            escape(&page.city),
            page.view.id(),
            page.month,
            page.root
        ),
    );
    html = html.replace(
        "<meta name=\"yibao-month\" content=\"\">",
        &format!("<meta name=\"yibao-month\" content=\"{}\">", page.month),
    );
    html = html.replace("<!--app-->", markup);
    html.replace("<!--pages-->", &links(page, rules))
}

/// Every city's pages, linked from each page (the home page's list is how a visitor, or a
/// crawler, finds them).
fn links(page: &Page, rules: &yibao::Rules) -> String {
    let mut out = String::from(
        "<nav class=\"pages\" aria-labelledby=\"pages-h\"><h2 id=\"pages-h\" data-en=\"Each city's page\">各城市页面</h2><ul>",
    );
    for c in &rules.cities {
        let _ = write!(
            out,
            "<li><a href=\"{}{}\" data-en=\"{}\">{}</a>：",
            page.root,
            path(&c.id, View::Employee),
            escape(&c.name.en),
            escape(&c.name.zh)
        );
        let tabs: Vec<String> = VIEWS
            .iter()
            .map(|&v| {
                let (zh, en) = views::spec(v).tab;
                let here = page.city == c.id && page.view == v && !page.root.is_empty();
                format!(
                    "<a href=\"{}{}\" data-en=\"{en}\"{}>{zh}</a>",
                    page.root,
                    path(&c.id, v),
                    if here { " aria-current=\"page\"" } else { "" }
                )
            })
            .collect();
        let _ = write!(out, "{}</li>", tabs.join(" · "));
    }
    let _ = write!(
        out,
        "</ul><p><a href=\"{}\" data-en=\"Home\">首页</a></p></nav>",
        if page.root.is_empty() {
            "./"
        } else {
            &page.root
        }
    );
    out
}

/// The text between the first `start` and the `end` after it, replaced.
fn replace_between(s: &str, start: &str, end: &str, with: &str) -> String {
    let Some(from) = s.find(start).map(|i| i + start.len()) else {
        return s.to_string();
    };
    let Some(to) = s[from..].find(end).map(|i| from + i) else {
        return s.to_string();
    };
    format!("{}{with}{}", &s[..from], &s[to..])
}

/// The frame's own files (`href="style.css"`, `src="main.js"`) found from a page `root`
/// levels down; addresses with a scheme, `data:`, `/` or `#` are left as they are.
fn relative(template: &str, root: &str) -> String {
    if root.is_empty() {
        return template.to_string();
    }
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(i) = ["href=\"", "src=\""]
        .iter()
        .filter_map(|a| rest.find(a).map(|i| i + a.len()))
        .min()
    {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let local = !(rest.starts_with('/')
            || rest.starts_with('#')
            || rest.starts_with("data:")
            || rest.split('"').next().is_some_and(|v| v.contains("://")));
        if local {
            out.push_str(root);
        }
    }
    out.push_str(rest);
    out
}
