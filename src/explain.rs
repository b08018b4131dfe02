//! Explanations: every figure comes with the steps that produce it, each with the formula
//! in actual numbers and the article it rests on, so a person can check it with a desk
//! calculator.

use serde::Serialize;

use crate::rules::{Source, Status};
use crate::text::{Lang, Text};

/// Where a value used in a step comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cite {
    /// The parameter id, when the value is a rule parameter (overridable with `--set`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// The value as shown, e.g. "8%".
    pub value: String,
    /// `rule`: from `rules/`; `user`: a parameter the person supplied (`--set`, an input
    /// box for an unpublished figure); `input`: the person's own situation (wage, months).
    pub origin: Origin,
    /// How far the value can be trusted (for rule values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Rule,
    User,
    Input,
}

impl Cite {
    /// One line: "济宁…通知 三（二）1 «quote» [seed]".
    pub fn render(&self, lang: Lang) -> String {
        let who = match (&self.origin, &self.param) {
            (Origin::User, Some(p)) => match lang {
                Lang::Zh => format!("{p} = {}（用户提供）", self.value),
                Lang::En => format!("{p} = {} (user-supplied)", self.value),
            },
            (_, Some(p)) => format!("{p} = {}", self.value),
            (_, None) => self.value.clone(),
        };
        match &self.source {
            Some(s) => format!(
                "{who} — {} {} «{}» [{}]",
                s.document.short_name(),
                s.article,
                s.quote,
                self.status.map_or("", |st| match lang {
                    Lang::Zh => status_zh(st),
                    Lang::En => st.name(),
                })
            ),
            None => who,
        }
    }
}

fn status_zh(st: Status) -> &'static str {
    match st {
        Status::Seed => "统筹文件原文",
        Status::Official => "官方文件",
        Status::Secondary => "二手来源",
        Status::LowReliability => "低可信度",
        Status::Inferred => "推断值",
        Status::Unknown => "未公布",
    }
}

/// One step of a computation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// Stable name of the figure this step produces, e.g. `employer.basic`.
    pub key: String,
    pub label: Text,
    /// The formula with the actual numbers, e.g. "5000.00 × 8% = 400.00".
    pub formula: Text,
    /// The result, as text (money has two decimals).
    pub value: String,
    pub unit: String,
    /// The values the step used and their sources.
    pub cites: Vec<Cite>,
}

/// A value the result rests on that is less than an official published figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Caution {
    pub param: String,
    pub status: Status,
    pub label: Text,
}

/// A figure nobody published that the computation could do without, and what that means.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NotKnown {
    pub param: String,
    pub label: Text,
    pub hint: Text,
    /// What the result does without it.
    pub effect: Text,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Explanation {
    pub steps: Vec<Step>,
    /// Things a person should know about the result (what is not covered, assumptions).
    pub notes: Vec<Text>,
    /// Parameter ids whose values the person supplied.
    pub user_supplied: Vec<String>,
    /// Inferred, secondary or low-reliability values the result rests on.
    pub cautions: Vec<Caution>,
    /// Unpublished figures the result went without.
    pub not_known: Vec<NotKnown>,
}

impl Explanation {
    pub fn step(
        &mut self,
        key: &str,
        label: Text,
        formula: Text,
        value: impl ToString,
        unit: &str,
        cites: Vec<Cite>,
    ) {
        self.steps.push(Step {
            key: key.into(),
            label,
            formula,
            value: value.to_string(),
            unit: unit.into(),
            cites,
        });
    }

    pub fn note(&mut self, note: Text) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Plain-text rendering for the CLI.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let heading = |zh: &str, en: &str| match lang {
            Lang::Zh => zh.to_string(),
            Lang::En => en.to_string(),
        };
        out.push_str(&heading("计算步骤：\n", "Steps:\n"));
        for (i, s) in self.steps.iter().enumerate() {
            out.push_str(&format!(
                "{:>2}. {}: {}\n",
                i + 1,
                s.label.get(lang),
                s.formula.get(lang)
            ));
            for c in &s.cites {
                out.push_str(&format!("      ↳ {}\n", c.render(lang)));
            }
        }
        if !self.user_supplied.is_empty() {
            out.push_str(&heading("用户提供的数据：", "User-supplied figures: "));
            out.push_str(&self.user_supplied.join(", "));
            out.push('\n');
        }
        for c in &self.cautions {
            out.push_str(&match lang {
                Lang::Zh => format!(
                    "注意：{}（{}）为{}\n",
                    c.label.zh,
                    c.param,
                    c.status.label().zh
                ),
                Lang::En => format!(
                    "Caution: {} ({}) is {}\n",
                    c.label.en,
                    c.param,
                    c.status.label().en
                ),
            });
        }
        for n in &self.not_known {
            out.push_str(&match lang {
                Lang::Zh => format!("未公布：{}（{}）— {}\n", n.label.zh, n.param, n.effect.zh),
                Lang::En => format!(
                    "Not published: {} ({}) — {}\n",
                    n.label.en, n.param, n.effect.en
                ),
            });
        }
        for n in &self.notes {
            out.push_str(&format!("* {}\n", n.get(lang)));
        }
        out
    }
}
