//! The catalogue of parameters: every figure a rule file may give, with its unit, its name
//! in both languages and a hint on where a person finds it when nobody published it.
//! A key in a rule file that is not here is an error; so is a city file that leaves one
//! of the city parameters out (say `unknown`, never nothing).

use serde::Serialize;

use crate::text::Text;

/// What kind of value a parameter holds, and so how it is written and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "choices")]
pub enum Unit {
    /// A share between 0 and 1, written as a decimal string (`"0.074"`) or a fraction (`"1/3"`).
    Rate,
    /// Yuan per month, at most two decimals.
    YuanPerMonth,
    /// Yuan per year, at most two decimals.
    YuanPerYear,
    /// A number of years, possibly fractional (life expectancy 79.18).
    Years,
    /// A whole number of months.
    Months,
    /// true / false.
    Flag,
    /// One of a fixed list of words.
    Choice(&'static [&'static str]),
    /// Several of a fixed list of words, comma-separated.
    ChoiceSet(&'static [&'static str]),
    /// A calendar month, `YYYY-MM`.
    Month,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Rate => "rate",
            Unit::YuanPerMonth => "yuan/month",
            Unit::YuanPerYear => "yuan/year",
            Unit::Years => "years",
            Unit::Months => "months",
            Unit::Flag => "true|false",
            Unit::Choice(_) => "choice",
            Unit::ChoiceSet(_) => "choices",
            Unit::Month => "YYYY-MM",
        }
    }

    /// The unit with its allowed words, for error messages and hints.
    pub fn describe(self) -> String {
        match self {
            Unit::Choice(c) => format!("one of {}", c.join("|")),
            Unit::ChoiceSet(c) => format!("comma-separated from {}", c.join(",")),
            other => other.name().to_string(),
        }
    }
}

/// Where a parameter's values live.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// In each city's file; every city file must list it (as `unknown` if need be).
    City,
    /// In `rules/national.toml`.
    National,
    /// A rule only some cities' documents set (温州's resident minimum, a pooled fund's
    /// reserve): only in those cities' files. Absent means the document sets no such rule,
    /// which is not the same as a figure nobody published.
    Local,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct ParamDef {
    pub id: &'static str,
    pub scope: Scope,
    pub unit: Unit,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub hint_zh: &'static str,
    pub hint_en: &'static str,
}

impl ParamDef {
    pub fn label(&self) -> Text {
        Text::new(self.label_zh, self.label_en)
    }
    pub fn hint(&self) -> Text {
        Text::new(self.hint_zh, self.hint_en)
    }
}

pub const TOPUP_SITUATIONS: &[&str] = &[
    "employee",
    "flexible",
    "never_enrolled",
    "flexible_retiree",
    "bankrupt",
];
pub const COUNTED_MONTHS: &[&str] = &["actual", "actual_and_deemed"];
pub const SHORTFALL: &[&str] = &["one_off", "monthly_or_one_off"];
pub const ROUNDINGS: &[&str] = &["half_up", "up"];
pub const DEFICIT_METHODS: &[&str] = &[
    "huanggang_waterfall",
    "historical_then_shared",
    "shared",
    "surplus_then_policy",
];

macro_rules! p {
    ($id:literal, $scope:ident, $unit:expr, $lz:literal, $le:literal, $hz:literal, $he:literal) => {
        ParamDef {
            id: $id,
            scope: Scope::$scope,
            unit: $unit,
            label_zh: $lz,
            label_en: $le,
            hint_zh: $hz,
            hint_en: $he,
        }
    };
}

pub const CATALOGUE: &[ParamDef] = &[
    // 职工医保 employee insurance
    p!("employee.base.floor", City, Unit::YuanPerMonth, "职工医保缴费基数下限", "contribution base floor",
       "当地医保局或税务局每年公布的职工医保缴费基数下限（常为上年度平均工资的60%），见年度缴费基数通知",
       "the yearly floor of the contribution base (often 60% of an average wage), in the local yearly base notice"),
    p!("employee.base.ceiling", City, Unit::YuanPerMonth, "职工医保缴费基数上限", "contribution base ceiling",
       "当地每年公布的职工医保缴费基数上限（常为上年度平均工资的300%），见年度缴费基数通知",
       "the yearly ceiling of the contribution base (often 300% of an average wage), in the local yearly base notice"),
    p!("employee.rate.employer.public_body", City, Unit::Rate, "用人单位费率（机关事业单位，含生育）", "employer rate, public bodies (incl. maternity)",
       "当地职工医保费率文件中机关事业单位的单位缴费比例（含生育保险），如 0.074 表示 7.4%",
       "the employer rate for government bodies and public institutions, maternity included, e.g. 0.074 for 7.4%"),
    p!("employee.rate.employer.other", City, Unit::Rate, "用人单位费率（其他单位，含生育）", "employer rate, other employers (incl. maternity)",
       "当地职工医保费率文件中企业等其他单位的单位缴费比例（含生育保险），如 0.08 表示 8%",
       "the employer rate for all other employers, maternity included, e.g. 0.08 for 8%"),
    p!("employee.rate.maternity.public_body", City, Unit::Rate, "其中生育保险部分（机关事业单位）", "of which maternity, public bodies",
       "单位费率中原生育保险的部分（合并实施后），见费率文件", "the former maternity-insurance part of the employer rate"),
    p!("employee.rate.maternity.other", City, Unit::Rate, "其中生育保险部分（其他单位）", "of which maternity, other employers",
       "单位费率中原生育保险的部分（合并实施后），见费率文件", "the former maternity-insurance part of the employer rate"),
    p!("employee.rate.individual", City, Unit::Rate, "个人费率", "individual rate",
       "职工个人缴费比例，见工资条上的医保扣款或当地费率文件，如 0.02 表示 2%",
       "the individual rate, from a payslip's medical deduction or the local rate notice, e.g. 0.02 for 2%"),
    p!("employee.fixed.employer", City, Unit::YuanPerMonth, "单位每月定额（大病/大额/补充医疗）", "employer fixed monthly amount (serious illness / supplementary)",
       "单位每人每月按定额缴纳的大病保险、大额医疗或补充医疗保险费；当地没有此项时填 0",
       "a fixed yuan amount per person per month the employer pays for serious-illness or supplementary insurance; 0 where there is none"),
    p!("employee.fixed.individual", City, Unit::YuanPerMonth, "个人每月定额（大病/大额/补充医疗）", "individual fixed monthly amount (serious illness / supplementary)",
       "个人每月按定额缴纳的大病保险、大额医疗或补充医疗保险费，工资条上常单列；当地没有此项时填 0",
       "a fixed yuan amount per month the worker pays for serious-illness or supplementary insurance, often its own payslip line; 0 where there is none"),
    // 灵活就业 flexible employment
    p!("flexible.base", City, Unit::YuanPerMonth, "灵活就业缴费基数（月）", "flexible worker's monthly base",
       "灵活就业人员参加职工医保的月缴费基数（由当地核定，或本人在规定档次中选择），见当地灵活就业缴费通知",
       "the monthly base of a flexible worker in employee insurance (fixed by the city, or a level the person chooses), in the local notice"),
    p!("flexible.rate", City, Unit::Rate, "灵活就业费率", "flexible worker's rate",
       "灵活就业人员参加职工医保的缴费比例", "the rate a flexible worker pays on the base"),
    p!("flexible.fixed", City, Unit::YuanPerMonth, "灵活就业每月定额（大病/补充）", "flexible worker's fixed monthly amount",
       "灵活就业人员每月按定额缴纳的大病或补充医疗保险费；没有此项时填 0", "a fixed monthly serious-illness or supplementary premium; 0 where there is none"),
    p!("flexible.waiting_months", City, Unit::Months, "灵活就业待遇等待期（月）", "flexible worker's waiting period (months)",
       "首次参保后自首月缴费起，经过多少个月开始享受待遇", "how many months after the first month paid benefits begin"),
    p!("flexible.maternity_covered", City, Unit::Flag, "灵活就业是否享受生育保险待遇", "maternity benefits for flexible workers",
       "灵活就业人员是否享受生育保险待遇（true/false）", "whether flexible workers get maternity benefits (true/false)"),
    // 城乡居民 resident insurance
    p!("resident.individual_premium", City, Unit::YuanPerYear, "居民医保个人缴费（年）", "resident individual premium (yearly)",
       "当地当年城乡居民医保个人缴费标准，见当地居民医保缴费通知", "the year's individual resident premium, in the local resident-insurance notice"),
    p!("resident.fiscal_subsidy", City, Unit::YuanPerYear, "居民医保财政补助（年）", "resident fiscal subsidy (yearly)",
       "当地当年城乡居民医保人均财政补助标准", "the year's per-person government subsidy for resident insurance"),
    p!("resident.min_funding_share", Local, Unit::Rate, "人均筹资额下限占上年人均可支配收入比例", "minimum per-capita funding as a share of prior-year disposable income",
       "地方规定：人均筹资额不低于上年度居民人均可支配收入的比例", "a local rule: per-capita funding at least this share of prior-year per-capita disposable income"),
    p!("resident.min_individual_share", Local, Unit::Rate, "个人缴费占人均筹资额的最低比例", "minimum individual share of per-capita funding",
       "地方规定：个人缴费一般不低于人均筹资额的比例", "a local rule: the individual premium is at least this share of per-capita funding"),
    p!("resident.disposable_income", Local, Unit::YuanPerYear, "上年度居民人均可支配收入", "prior-year per-capita disposable income",
       "当地统计局公布的上一年度居民人均可支配收入（统计公报）", "the prior year's per-capita disposable income, from the city's statistical communiqué"),
    // 退休待遇 retiree benefits
    p!("retiree.min_years", City, Unit::Years, "享受退休待遇最低缴费年限", "minimum years for retiree benefits",
       "达到法定退休年龄时享受职工医保退休待遇（退休后不再缴费）所需的最低缴费年限，见当地职工医保办法",
       "the years of contributions needed at the statutory retirement age to get retiree benefits without paying more, in the local employee-insurance rules"),
    p!("retiree.counted_months", City, Unit::Choice(COUNTED_MONTHS), "计入年限的月份", "months that count",
       "actual = 只计实际缴费（含转入）；actual_and_deemed = 实际缴费加视同缴费年限", "actual = actual payments only (transferred-in included); actual_and_deemed = also deemed years"),
    p!("retiree.shortfall", City, Unit::Choice(SHORTFALL), "年限不足时的办法", "what happens when years are short",
       "one_off = 一次性补缴；monthly_or_one_off = 可按月续缴或一次性补缴", "one_off = a one-off top-up; monthly_or_one_off = keep paying monthly or pay the missing years at once"),
    p!("retiree.topup_rate", City, Unit::Rate, "一次性补缴费率", "one-off top-up rate",
       "一次性补缴不足年限时的缴费比例，见当地职工医保办法", "the rate of the one-off top-up of missing years, in the local rules"),
    p!("retiree.topup_situations", City, Unit::ChoiceSet(TOPUP_SITUATIONS), "规定了补缴办法的情形", "situations with a top-up rule",
       "当地规定了补缴基数和缴费主体的情形", "the situations for which the local rules set the top-up base and who pays"),
    p!("retiree.topup_to_personal_account", City, Unit::Flag, "补缴部分是否计入个人账户", "top-up credited to the personal account",
       "一次性补缴的费用是否划入个人账户（true/false）", "whether the one-off top-up goes to the personal account (true/false)"),
    p!("retiree.benefits_after_topup_months", City, Unit::Months, "补缴后开始享受待遇的月数", "months from top-up to benefits",
       "补缴当月之后第几个月起享受退休人员待遇（次月 = 1）", "how many months after the month of the top-up payment benefits begin (next month = 1)"),
    p!("retiree.life_expectancy", City, Unit::Years, "全省居民人均期望寿命", "provincial life expectancy",
       "省有关部门公布的最新全省居民人均期望寿命（岁）", "the latest provincial life expectancy at birth published by the province (years)"),
    // 法定退休年龄 statutory retirement age (national)
    p!("retirement.male.original_age", National, Unit::Years, "男职工原法定退休年龄", "men: original statutory age", "", ""),
    p!("retirement.male.first_affected_birth", National, Unit::Month, "男职工首个延迟的出生年月", "men: first birth month affected", "", ""),
    p!("retirement.male.step_months", National, Unit::Months, "男职工每几个月延迟一个月", "men: birth months per month of delay", "", ""),
    p!("retirement.male.max_delay_months", National, Unit::Months, "男职工最多延迟月数", "men: maximum delay in months", "", ""),
    p!("retirement.female_55.original_age", National, Unit::Years, "原55岁女职工原法定退休年龄", "women (55): original statutory age", "", ""),
    p!("retirement.female_55.first_affected_birth", National, Unit::Month, "原55岁女职工首个延迟的出生年月", "women (55): first birth month affected", "", ""),
    p!("retirement.female_55.step_months", National, Unit::Months, "原55岁女职工每几个月延迟一个月", "women (55): birth months per month of delay", "", ""),
    p!("retirement.female_55.max_delay_months", National, Unit::Months, "原55岁女职工最多延迟月数", "women (55): maximum delay in months", "", ""),
    p!("retirement.female_50.original_age", National, Unit::Years, "原50岁女职工原法定退休年龄", "women (50): original statutory age", "", ""),
    p!("retirement.female_50.first_affected_birth", National, Unit::Month, "原50岁女职工首个延迟的出生年月", "women (50): first birth month affected", "", ""),
    p!("retirement.female_50.step_months", National, Unit::Months, "原50岁女职工每几个月延迟一个月", "women (50): birth months per month of delay", "", ""),
    p!("retirement.female_50.max_delay_months", National, Unit::Months, "原50岁女职工最多延迟月数", "women (50): maximum delay in months", "", ""),
    // 居民医保 national minima and waiting period
    p!("resident.national_min.individual", National, Unit::YuanPerYear, "全国居民医保个人缴费最低标准", "national minimum individual resident premium",
       "国家医保局当年居民医保筹资通知中的个人缴费标准", "the individual premium in the year's national resident-funding notice"),
    p!("resident.national_min.subsidy", National, Unit::YuanPerYear, "全国居民医保人均财政补助最低标准", "national minimum resident subsidy",
       "国家医保局当年居民医保筹资通知中的人均财政补助标准", "the per-person subsidy in the year's national resident-funding notice"),
    p!("resident.waiting.fixed_months", National, Unit::Months, "固定待遇等待期（月）", "fixed waiting period (months)", "", ""),
    p!("resident.waiting.per_break_year_months", National, Unit::Months, "每多断保1年增加的变动等待期（月）", "variable waiting months per extra year of break", "", ""),
    p!("resident.waiting.per_repaid_year_months", National, Unit::Months, "每补缴1年减少的变动等待期（月）", "variable waiting months removed per year paid back", "", ""),
    p!("resident.waiting.long_break_years", National, Unit::Years, "长期断保的年数", "years of break counted as a long break", "", ""),
    p!("resident.waiting.long_break_min_months", National, Unit::Months, "长期断保修复后等待期下限（月）", "minimum waiting after repairing a long break (months)", "", ""),
    // 个人账户, rounding
    p!("personal_account.in_service_share", National, Unit::Rate, "在职职工个人账户计入上限（占基数）", "in-service personal account credit, at most (share of base)",
       "在职职工个人账户由个人缴纳的基本医疗保险费计入，原则上不超过缴费基数的此比例", "the in-service personal account gets the worker's own basic premium, at most this share of the base"),
    p!("rounding.money", National, Unit::Choice(ROUNDINGS), "金额取整办法", "how amounts are rounded", "", ""),
    p!("rounding.minimum", National, Unit::Choice(ROUNDINGS), "下限类金额取整办法", "how minima (不低于) are rounded", "", ""),
];

/// The pooled fund's parameters (only in builds with the `fund` feature: the calculator's
/// web build leaves them out to keep its first load small).
#[cfg(feature = "fund")]
pub const FUND_CATALOGUE: &[ParamDef] = &[
    // 基金管理 the pooled fund (only where the city's document sets it)
    p!("fund.reserve.adjustment_rate", Local, Unit::Rate, "风险调剂金提取比例", "risk adjustment fund draw rate",
       "按上年度基金收入提取风险调剂金的比例", "share of prior-year fund revenue drawn into the risk adjustment fund"),
    p!("fund.reserve.pooling_rate", Local, Unit::Rate, "统筹调节金提取比例", "pooling adjustment fund draw rate",
       "按上年度基金收入提取统筹调节金的比例", "share of prior-year fund revenue drawn into the pooling adjustment fund"),
    p!("fund.reserve.cap_share", Local, Unit::Rate, "风险储备金停止提取的上限（占上年总收入）", "reserve cap (share of prior-year total revenue)",
       "风险储备金累计余额达到上年度基金总收入的此比例时不再提取", "drawing stops once the reserve reaches this share of prior-year total revenue"),
    p!("fund.warning.surplus_rate", Local, Unit::Rate, "当年结余率预警线", "warning line: current-year surplus rate",
       "统筹基金当年结余率低于此值时预警", "a warning when the pooled fund's current-year surplus rate is below this"),
    p!("fund.warning.months", Local, Unit::Months, "累计结余可支付月数预警线", "warning line: months of payments",
       "累计结余低于此月数的待遇支付时预警", "a warning when the accumulated surplus covers fewer months of benefit payments"),
    p!("fund.deficit.method", Local, Unit::Choice(DEFICIT_METHODS), "县级缺口的弥补办法", "how a county deficit is met",
       "huanggang_waterfall / historical_then_shared / shared / surplus_then_policy", "huanggang_waterfall / historical_then_shared / shared / surplus_then_policy"),
    p!("fund.deficit.county_government_share", Local, Unit::Rate, "县政府分担比例（与统筹调节金）", "county government's share (with the pooling fund)",
       "县政府与统筹调节金分担缺口时县政府的比例", "the county government's share when it and the pooling fund split a deficit"),
    p!("fund.deficit.city_share", Local, Unit::Rate, "市级基金分担县级缺口的比例", "city fund's share of a county deficit",
       "市级基金与县级政府分担缺口时市级基金承担的比例（另行确定的分担办法）", "the city fund's share when it and the county government split a deficit (set in a separate measure)"),
    p!("fund.historical.collected_share", Local, Unit::Rate, "统筹前结余（首批）归集比例", "pre-pooling balance collected (first part)",
       "统筹前历史结余首批上解市级的比例", "the share of the pre-pooling balance collected by the city first"),
    p!("fund.historical.first_due", Local, Unit::Month, "首批归集截止月份", "first collection due",
       "首批归集的截止月份", "the month the first part is due"),
    p!("fund.historical.second_due", Local, Unit::Month, "余下部分归集截止月份", "remainder due",
       "余下部分上解的截止月份", "the month the remainder is due"),
    p!("fund.historical.kept_months", Local, Unit::Months, "县级预留支付月数", "months of payments kept at county",
       "归集时县级预留的支付额度（月数）", "months of payments a county keeps when the balance is collected"),
    p!("fund.surplus.kept_by_county", Local, Unit::Flag, "县级当年结余留存县级", "county surplus kept by the county",
       "县级当年结余不再上划、结转下一年度", "a county's yearly surplus stays with it for the next year"),
];

#[cfg(not(feature = "fund"))]
pub const FUND_CATALOGUE: &[ParamDef] = &[];

pub fn find(id: &str) -> Option<&'static ParamDef> {
    CATALOGUE.iter().chain(FUND_CATALOGUE).find(|p| p.id == id)
}
