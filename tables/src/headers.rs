//! The header names people use for each column, in one table for every file the program
//! reads (payroll exports and the fund's figures). Compared without spaces, `_` or `-`,
//! case-insensitive.

use serde::Serialize;
use yibao::{text, Text};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    // Payroll
    EmployeeId,
    Name,
    Wage,
    EmployerKind,
    Deducted,
    // The fund's figures
    Year,
    County,
    Revenue,
    Expenditure,
    OpeningBalance,
    PriorRevenue,
    PlanMet,
}

/// Header names recognised for each column.
pub const NAMES: &[(Column, &[&str])] = &[
    (
        Column::EmployeeId,
        &[
            "工号",
            "员工工号",
            "员工编号",
            "职工编号",
            "员工号",
            "人员编号",
            "编号",
            "employee_id",
            "employeeid",
            "staff_id",
            "id",
        ],
    ),
    (
        Column::Name,
        &[
            "姓名",
            "员工姓名",
            "职工姓名",
            "人员姓名",
            "name",
            "employee_name",
        ],
    ),
    // In order of preference: the contribution base itself first, then what is usually it,
    // then pay columns that are not the base (see [`caution`]).
    (
        Column::Wage,
        &[
            "缴费基数",
            "医保缴费基数",
            "缴费工资",
            "上年度月平均工资",
            "月平均工资",
            "月工资",
            "工资",
            "基数",
            "base",
            "wage",
            "monthly_wage",
            "salary",
            "应发工资",
            "应发合计",
            "税前工资",
            "基本工资",
            "工资总额",
            "gross_pay",
            "gross_wage",
            "basic_pay",
        ],
    ),
    (
        Column::EmployerKind,
        &["单位类型", "单位性质", "employer", "employer_kind"],
    ),
    (
        Column::Deducted,
        &[
            "个人扣款",
            "医保扣款",
            "医疗保险(个人)",
            "医疗保险（个人）",
            "医疗保险个人",
            "个人医疗保险",
            "医保(个人)",
            "医保（个人）",
            "医保个人",
            "医保个人扣款",
            "实扣",
            "实扣金额",
            "个人实扣",
            "个人缴费",
            "deducted",
            "individual_deducted",
            "deduction",
        ],
    ),
    (Column::Year, &["year", "年度", "年份"]),
    (
        Column::County,
        &["county", "县", "县区", "县（市、区）", "地区", "统筹区"],
    ),
    (Column::Revenue, &["revenue", "收入", "基金收入"]),
    (Column::Expenditure, &["expenditure", "支出", "基金支出"]),
    (
        Column::OpeningBalance,
        &["opening_balance", "期初结余", "历史结余"],
    ),
    (Column::PriorRevenue, &["prior_revenue", "上年收入"]),
    (
        Column::PlanMet,
        &["plan_met", "完成收入计划", "收入计划完成"],
    ),
];

/// Header cells as compared: no BOM, spaces, `_` or `-`; lower case.
pub fn normalize(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .replace([' ', '\u{3000}', '_', '-'], "")
        .to_lowercase()
}

/// The position of the column among the headers: the first of its names (in order of
/// preference) that some header has.
pub fn find(headers: &[String], col: Column) -> Option<usize> {
    let names = NAMES
        .iter()
        .find(|(c, _)| *c == col)
        .map_or(&[][..], |(_, n)| *n);
    let normalized: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
    names
        .iter()
        .find_map(|n| normalized.iter().position(|h| *h == normalize(n)))
}

/// Pay columns that are not the contribution base, and what to say beside the mapping when
/// one is used as the wage: the base is the previous year's monthly average wage (上年度月平均
/// 工资), clamped by the city's floor and ceiling.
const NOT_THE_BASE: &[&str] = &[
    "应发工资",
    "应发合计",
    "税前工资",
    "基本工资",
    "工资总额",
    "gross_pay",
    "gross_wage",
    "basic_pay",
];

/// A caution for using a column as the wage, when its header says it is not the base.
pub fn caution(col: Column, header: &str) -> Option<Text> {
    let h = normalize(header);
    (col == Column::Wage && NOT_THE_BASE.iter().any(|n| normalize(n) == h)).then(|| {
        text!(
            "「{header}」不是缴费基数：基数是上年度月平均工资（再按上下限调整）。按本月「{header}」计算只是近似，请改用缴费基数列，或确认两者相同。",
            "“{header}” is not the contribution base: the base is last year's average monthly wage (then held between the floor and the ceiling). Computing from this month's “{header}” is an approximation; choose the base column, or make sure the two are the same."
        )
    })
}
