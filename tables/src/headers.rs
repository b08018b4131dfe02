//! The header names people use for each column, in one table for every file the program
//! reads (payroll exports and the fund's figures). Compared without spaces, `_` or `-`,
//! case-insensitive.

use serde::Serialize;

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
    (Column::EmployeeId, &["工号", "员工工号", "员工编号", "职工编号", "员工号", "编号", "人员编号", "employee_id", "employeeid", "id", "staff_id"]),
    (Column::Name, &["姓名", "员工姓名", "职工姓名", "name", "employee_name"]),
    (Column::Wage, &["月工资", "工资", "缴费工资", "缴费基数", "基数", "月平均工资", "上年度月平均工资", "wage", "monthly_wage", "salary", "base"]),
    (Column::EmployerKind, &["单位类型", "单位性质", "employer", "employer_kind"]),
    (Column::Deducted, &["个人扣款", "医保扣款", "医疗保险(个人)", "医疗保险（个人）", "医保个人", "实扣", "实扣金额", "个人实扣", "个人缴费", "deducted", "individual_deducted", "deduction"]),
    (Column::Year, &["year", "年度", "年份"]),
    (Column::County, &["county", "县", "县区", "县（市、区）", "地区", "统筹区"]),
    (Column::Revenue, &["revenue", "收入", "基金收入"]),
    (Column::Expenditure, &["expenditure", "支出", "基金支出"]),
    (Column::OpeningBalance, &["opening_balance", "期初结余", "历史结余"]),
    (Column::PriorRevenue, &["prior_revenue", "上年收入"]),
    (Column::PlanMet, &["plan_met", "完成收入计划", "收入计划完成"]),
];

/// Header cells as compared: no BOM, spaces, `_` or `-`; lower case.
pub fn normalize(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .replace([' ', '\u{3000}', '_', '-'], "")
        .to_lowercase()
}

/// The position of the column among the headers, by its recognised names.
pub fn find(headers: &[String], col: Column) -> Option<usize> {
    let names = NAMES.iter().find(|(c, _)| *c == col).map_or(&[][..], |(_, n)| *n);
    headers.iter().position(|h| names.iter().any(|n| normalize(h) == normalize(n)))
}
