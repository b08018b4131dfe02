//! The calculator's views, described once as data: each view's inputs (name, label, kind
//! of input, when it is shown) and the computation it asks the core for. One renderer
//! (`app.rs`) draws any of them; options come from the core's vocabularies.

use yibao::model::Choice;
use yibao::{Category, EmployerKind, Situation};

use crate::state::{State, View};

/// How a field is typed or chosen.
#[derive(Clone, Copy, PartialEq)]
pub enum Widget {
    /// Yuan: a numeric keyboard, thousands separators and full-width digits accepted.
    Amount,
    /// A whole number (months, years).
    Count,
    /// A calendar month.
    Month,
    /// One of a vocabulary's words, shown by its label.
    Choose(&'static [Choice]),
    /// Yes or no.
    Check,
}

#[derive(Clone, Copy)]
pub struct Input {
    /// The request field it fills.
    pub name: &'static str,
    pub label: (&'static str, &'static str),
    pub hint: Option<(&'static str, &'static str)>,
    pub widget: Widget,
    /// Shown only when this holds (a pension only for the situations based on one).
    pub when: fn(&State) -> bool,
}

fn always(_: &State) -> bool {
    true
}

const fn input(name: &'static str, label: (&'static str, &'static str), widget: Widget) -> Input {
    Input {
        name,
        label,
        hint: None,
        widget,
        when: always,
    }
}

pub struct Spec {
    pub view: View,
    /// The core computation (`compare` runs several).
    pub kind: &'static str,
    pub tab: (&'static str, &'static str),
    pub inputs: &'static [Input],
}

const MONTH: Input = Input {
    name: "month",
    label: ("缴费月份", "Month of contribution"),
    hint: Some(("规则按月份生效", "rules apply by month")),
    widget: Widget::Month,
    when: always,
};
const WAGE: Input = Input {
    name: "wage",
    label: ("月工资（元）", "Monthly wage (yuan)"),
    hint: Some((
        "本人上年度月平均工资；可写 5,000、５０００",
        "your prior-year monthly average; 5,000 is fine",
    )),
    widget: Widget::Amount,
    when: always,
};
const EMPLOYER: Input = input(
    "employer",
    ("单位类型", "Employer kind"),
    Widget::Choose(EmployerKind::CHOICES),
);

fn situation(s: &State) -> Situation {
    Situation::parse(s.field("situation")).unwrap_or(Situation::Employee)
}

pub const SPECS: [Spec; 5] = [
    Spec {
        view: View::Employee,
        kind: "contribution",
        tab: ("在职职工", "Employee"),
        inputs: &[MONTH, WAGE, EMPLOYER],
    },
    Spec {
        view: View::Flexible,
        kind: "flexible",
        tab: ("灵活就业", "Flexible"),
        inputs: &[
            MONTH,
            input(
                "interrupted",
                (
                    "中断后再次缴费（非首次参保）",
                    "Paying again after an interruption (not a first enrolment)",
                ),
                Widget::Check,
            ),
            input(
                "first_paid",
                ("首月缴费（可选）", "First month paid (optional)"),
                Widget::Month,
            ),
        ],
    },
    Spec {
        view: View::Resident,
        kind: "resident",
        tab: ("城乡居民", "Resident"),
        inputs: &[
            Input {
                name: "year",
                label: ("待遇年度", "Benefit year"),
                hint: Some((
                    "缴费所保障的年度；秋季缴的是下一年",
                    "the year the premium covers; autumn payments are for the next year",
                )),
                widget: Widget::Count,
                when: always,
            },
            input(
                "break_years",
                ("断保年数（0 = 未断保）", "Years of break (0 = none)"),
                Widget::Count,
            ),
            input(
                "repaid_years",
                ("已补缴年数", "Years paid back"),
                Widget::Count,
            ),
            input(
                "in_enrolment_period",
                (
                    "在集中参保期内参保",
                    "Enrolled in the concentrated enrolment period",
                ),
                Widget::Check,
            ),
            input("newborn", ("新生儿", "Newborn"), Widget::Check),
            Input {
                name: "household",
                label: ("家庭参保人数", "People in the household"),
                hint: Some((
                    "一起参保的人数，算全家的个人缴费；不填为 1 人",
                    "people enrolling together, for the household's total; empty is one",
                )),
                widget: Widget::Count,
                when: always,
            },
        ],
    },
    Spec {
        view: View::Eligibility,
        kind: "eligibility",
        tab: ("退休待遇与补缴", "Retirement & top-up"),
        inputs: &[
            Input {
                name: "as_of",
                label: ("计算月份（今天）", "As of (today)"),
                hint: Some((
                    "已缴月数截至本月；规则按本月读取",
                    "months paid up to this month; rules as of this month",
                )),
                widget: Widget::Month,
                when: always,
            },
            input("birth", ("出生年月", "Birth month"), Widget::Month),
            input(
                "category",
                ("类别", "Category"),
                Widget::Choose(Category::CHOICES),
            ),
            input(
                "situation",
                ("情形", "Situation"),
                Widget::Choose(Situation::CHOICES),
            ),
            input(
                "paid_months",
                ("实际缴费月数", "Months actually paid"),
                Widget::Count,
            ),
            input(
                "transferred_months",
                ("外地转入月数", "Months transferred in"),
                Widget::Count,
            ),
            input(
                "deemed_months",
                ("视同缴费月数", "Deemed months"),
                Widget::Count,
            ),
            Input {
                name: "last_base",
                label: ("最后一次缴费基数（元）", "Last contribution base (yuan)"),
                hint: None,
                widget: Widget::Amount,
                when: |s| matches!(situation(s), Situation::Employee | Situation::Flexible),
            },
            Input {
                name: "pension",
                label: ("上月养老金（元）", "Last month's pension (yuan)"),
                hint: None,
                widget: Widget::Amount,
                when: |s| matches!(situation(s), Situation::NeverEnrolled | Situation::Bankrupt),
            },
            Input {
                name: "bankruptcy_age",
                label: ("企业破产时本人年龄（岁）", "Age at the bankruptcy (years)"),
                hint: None,
                widget: Widget::Count,
                when: |s| situation(s) == Situation::Bankrupt,
            },
            input(
                "payment_month",
                ("补缴月份（可选）", "Month of the top-up (optional)"),
                Widget::Month,
            ),
        ],
    },
    Spec {
        view: View::Compare,
        kind: "compare",
        tab: ("城市对比", "Compare cities"),
        inputs: &[MONTH, WAGE, EMPLOYER],
    },
];

pub fn spec(view: View) -> &'static Spec {
    SPECS.iter().find(|s| s.view == view).unwrap_or(&SPECS[0])
}

/// Every field name any view has (what a share link may carry).
pub const FIELD_NAMES: &[&str] = &[
    "month",
    "wage",
    "employer",
    "first_paid",
    "interrupted",
    "year",
    "break_years",
    "repaid_years",
    "in_enrolment_period",
    "newborn",
    "household",
    "as_of",
    "birth",
    "category",
    "situation",
    "paid_months",
    "transferred_months",
    "deemed_months",
    "last_base",
    "pension",
    "bankruptcy_age",
    "payment_month",
];

/// The fields of a view as the core's request takes them (only those shown).
pub fn fields<'s>(spec: &Spec, s: &'s State) -> Vec<(&'static str, &'s str)> {
    spec.inputs
        .iter()
        .filter(|i| (i.when)(s))
        .map(|i| (i.name, s.field(i.name)))
        .collect()
}

/// The views other than `view` whose computation reads a parameter.
pub fn also_read_by(id: yibao::ParamId, view: View) -> Vec<&'static Spec> {
    SPECS
        .iter()
        .filter(|s| {
            s.view != view
                && s.view != View::Compare
                && yibao::registry::params(s.kind).contains(&id)
        })
        .collect()
}

/// A city's page for a view, from the site's root: `jining/` for employees,
/// `jining/flexible/` and so on; `None` for the comparison (all cities: the home page).
pub fn page_path(city: &str, view: View) -> Option<String> {
    match view {
        View::Compare => None,
        View::Employee => Some(format!("{city}/")),
        v => Some(format!("{city}/{}/", v.id())),
    }
}

/// What a view computes, in a search result's words.
pub fn computes(view: View) -> (&'static str, &'static str) {
    match view {
        View::Employee => (
            "职工医保缴费计算（缴费基数、个人和单位每月缴费）",
            "employee contributions (base, employee and employer each month)",
        ),
        View::Flexible => (
            "灵活就业人员医保缴费计算",
            "contributions of flexible workers",
        ),
        View::Resident => ("城乡居民医保个人缴费", "the resident scheme's premium"),
        View::Eligibility => (
            "退休医保待遇与补缴年限计算",
            "retiree benefits and the years to top up",
        ),
        View::Compare => ("各城市医保缴费对比", "contributions compared across cities"),
    }
}

/// The year a view's title names: the benefit year a resident pays for (a premium paid in
/// December 2026 is for 2027), else the calendar year of the month computed.
pub fn title_year(state: &State) -> i32 {
    let year = |field: &str, len: usize| {
        state
            .field(field)
            .get(..len)
            .and_then(|y| y.parse::<i32>().ok())
    };
    match state.view {
        View::Resident => year("year", 4),
        View::Eligibility => year("as_of", 4),
        _ => year("month", 4),
    }
    .unwrap_or_else(|| crate::browser::this_month().year())
}

/// The page's title: the city, the year and what the view computes, as a search result
/// shows it. The same words head the prerendered city pages and the live page.
pub fn page_title(
    lang: yibao::Lang,
    city: Option<&yibao::model::City>,
    view: View,
    year: i32,
) -> String {
    let (zh, en) = computes(view);
    match (lang, city) {
        (yibao::Lang::Zh, Some(c)) if view != View::Compare => {
            format!("{}{year}年{zh} · 医保市级统筹计算器", c.name.zh)
        }
        (yibao::Lang::En, Some(c)) if view != View::Compare => {
            format!("{} {year}: {en} · Medical insurance calculator", c.name.en)
        }
        (yibao::Lang::Zh, _) => "医保市级统筹计算器".to_string(),
        (yibao::Lang::En, _) => "Medical insurance calculator (city-level pooling)".to_string(),
    }
}
