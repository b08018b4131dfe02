//! The catalogue of parameters: every figure a rule file may give, with its unit, its name
//! in both languages and a hint on where a person finds it when nobody published it.
//! Parameter ids are a Rust enum ([`ParamId`]), so a misspelt id is a compile error; the
//! dotted key (`employee.rate.individual`) is what rule files, `--set` and JSON use.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::Text;
use crate::vocab::{
    Category, Choice, CountedMonths, DeficitMethod, EmployerKind, PrePoolingDeficit, Rounding,
    Shortfall, Situation, TopupBase,
};

/// What kind of value a parameter holds, and so how it is written, checked and asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// A whole number of days (a day of the month, or working days).
    Days,
    /// Yes or no.
    Flag,
    /// One of a fixed list of words.
    Choice(&'static [Choice]),
    /// Several of a fixed list of words.
    ChoiceSet(&'static [Choice]),
    /// A calendar month, `YYYY-MM`.
    Month,
}

impl Unit {
    /// A stable name for the unit, as JSON and the CLI show it.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Rate => "rate",
            Unit::YuanPerMonth => "yuan/month",
            Unit::YuanPerYear => "yuan/year",
            Unit::Years => "years",
            Unit::Months => "months",
            Unit::Days => "days",
            Unit::Flag => "true|false",
            Unit::Choice(_) => "choice",
            Unit::ChoiceSet(_) => "choices",
            Unit::Month => "YYYY-MM",
        }
    }

    /// The unit as a person reads it after a number, in both languages.
    pub fn label(self) -> Text {
        match self {
            Unit::Rate => Text::new("%", "%"),
            Unit::YuanPerMonth => Text::new("元/月", "yuan a month"),
            Unit::YuanPerYear => Text::new("元/年", "yuan a year"),
            Unit::Years => Text::new("年", "years"),
            Unit::Months => Text::new("个月", "months"),
            Unit::Days => Text::new("天", "days"),
            Unit::Month => Text::new("年-月", "year-month"),
            Unit::Flag | Unit::Choice(_) | Unit::ChoiceSet(_) => Text::default(),
        }
    }

    /// The words a choice takes, for error messages: `actual, actual_and_deemed`.
    pub fn words(self) -> String {
        match self {
            Unit::Choice(c) | Unit::ChoiceSet(c) => {
                c.iter().map(|c| c.word).collect::<Vec<_>>().join(", ")
            }
            other => other.name().to_string(),
        }
    }

    /// The unit with its allowed words, for the CLI and the JSON of a missing figure.
    pub fn describe(self) -> String {
        match self {
            Unit::Choice(c) => format!(
                "one of {}",
                c.iter().map(|c| c.word).collect::<Vec<_>>().join("|")
            ),
            Unit::ChoiceSet(c) => format!(
                "comma-separated from {}",
                c.iter().map(|c| c.word).collect::<Vec<_>>().join(",")
            ),
            other => other.name().to_string(),
        }
    }

    /// The words with their labels, where the value is chosen rather than typed.
    pub fn choices(self) -> &'static [Choice] {
        match self {
            Unit::Choice(c) | Unit::ChoiceSet(c) => c,
            _ => &[],
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Unit", 2)?;
        st.serialize_field("kind", self.name())?;
        st.serialize_field("choices", self.choices())?;
        st.end()
    }
}

/// Where a parameter's values live.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

/// One parameter of the catalogue.
#[derive(Clone, Copy, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ParamDef {
    pub id: ParamId,
    pub scope: Scope,
    pub unit: Unit,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub hint_zh: &'static str,
    pub hint_en: &'static str,
}

impl ParamDef {
    pub fn key(&self) -> &'static str {
        self.id.key()
    }
    pub fn label(&self) -> Text {
        Text::new(self.label_zh, self.label_en)
    }
    pub fn hint(&self) -> Text {
        Text::new(self.hint_zh, self.hint_en)
    }
}

macro_rules! catalogue {
    ($( $(#[$m:meta])* $variant:ident = $key:literal, $scope:ident, $unit:expr,
        ($lz:literal, $le:literal), ($hz:literal, $he:literal); )+) => {
        /// A parameter of the rules, by name. Its dotted key is [`ParamId::key`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ParamId { $( $(#[$m])* $variant ),+ }

        /// Every parameter, in catalogue order (the order inputs are offered in).
        pub const CATALOGUE: &[ParamDef] = &[
            $( ParamDef { id: ParamId::$variant, scope: Scope::$scope, unit: $unit,
                label_zh: $lz, label_en: $le, hint_zh: $hz, hint_en: $he } ),+
        ];

        impl ParamId {
            /// The dotted key rule files, `--set`, overrides and JSON use.
            pub fn key(self) -> &'static str {
                match self { $( ParamId::$variant => $key ),+ }
            }

            /// The id for a dotted key.
            pub fn parse(key: &str) -> Option<ParamId> {
                match key.trim() { $( $key => Some(ParamId::$variant), )+ _ => None }
            }
        }
    };
}

impl ParamId {
    /// Its catalogue entry.
    pub fn def(self) -> &'static ParamDef {
        // The catalogue lists every id once, in declaration order (both come from one
        // macro), so the index is the discriminant; a unit test checks it.
        static UNREACHABLE: ParamDef = ParamDef {
            id: ParamId::BaseFloor,
            scope: Scope::City,
            unit: Unit::YuanPerMonth,
            label_zh: "",
            label_en: "",
            hint_zh: "",
            hint_en: "",
        };
        CATALOGUE.get(self as usize).unwrap_or(&UNREACHABLE)
    }

    pub fn unit(self) -> Unit {
        self.def().unit
    }

    /// A value of this parameter in words with its unit ("25 年", "是"); an age reads in
    /// years of age ("60 岁"), not as a length of time.
    pub fn words(self, value: &crate::value::Value) -> Option<Text> {
        if self.key().ends_with("_age") {
            if let crate::value::Value::Years(y) = value {
                let y = crate::money::plain(*y);
                return Some(Text::new(format!("{y} 岁"), format!("age {y}")));
            }
        }
        value.words(self.unit())
    }

    pub fn scope(self) -> Scope {
        self.def().scope
    }

    pub fn label(self) -> Text {
        self.def().label()
    }

    /// The position in the catalogue, for a stable order of inputs.
    pub fn order(self) -> usize {
        self as usize
    }

    /// Whether the pooled fund's rules hold it (left out of the calculator's web build).
    pub fn is_fund(self) -> bool {
        self.key().starts_with("fund.")
    }

    pub fn employer_rate(kind: EmployerKind) -> ParamId {
        match kind {
            EmployerKind::PublicBody => ParamId::EmployerRatePublicBody,
            EmployerKind::Other => ParamId::EmployerRateOther,
        }
    }

    pub fn maternity_rate(kind: EmployerKind) -> ParamId {
        match kind {
            EmployerKind::PublicBody => ParamId::MaternityRatePublicBody,
            EmployerKind::Other => ParamId::MaternityRateOther,
        }
    }

    /// The three parameters of a category's retirement schedule: the original age, the age
    /// the delay reaches, birth months per month of delay (with [`ParamId::ReformFrom`], the
    /// month the delay begins, they are all the decision states).
    pub fn retirement(category: Category) -> [ParamId; 3] {
        use ParamId::*;
        match category {
            Category::Male => [MaleOriginalAge, MaleFinalAge, MaleStep],
            Category::Female55 => [F55OriginalAge, F55FinalAge, F55Step],
            Category::Female50 => [F50OriginalAge, F50FinalAge, F50Step],
        }
    }
}

impl fmt::Display for ParamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Serialize for ParamId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for ParamId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ParamId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("no parameter `{s}`")))
    }
}

/// The catalogue entry for a dotted key.
pub fn find(key: &str) -> Option<&'static ParamDef> {
    ParamId::parse(key).map(ParamId::def)
}

use Unit::*;

catalogue! {
    // 职工医保 employee insurance
    BaseFloor = "employee.base.floor", City, YuanPerMonth, ("职工医保缴费基数下限", "contribution base floor"),
        ("当地每年公布的职工医保缴费基数下限（常为上年度平均工资的60%），见年度缴费基数通知",
         "the yearly floor of the contribution base (often 60% of an average wage), in the local yearly base notice");
    BaseCeiling = "employee.base.ceiling", City, YuanPerMonth, ("职工医保缴费基数上限", "contribution base ceiling"),
        ("当地每年公布的职工医保缴费基数上限（常为上年度平均工资的300%），见年度缴费基数通知",
         "the yearly ceiling of the contribution base (often 300% of an average wage), in the local yearly base notice");
    EmployerRatePublicBody = "employee.rate.employer.public_body", City, Rate, ("用人单位费率（机关事业单位，含生育）", "employer rate, public bodies (incl. maternity)"),
        ("当地职工医保费率文件中机关事业单位的单位缴费比例（含生育保险），可写 7.4%",
         "the employer rate for government bodies and public institutions, maternity included; write e.g. 7.4%");
    EmployerRateOther = "employee.rate.employer.other", City, Rate, ("用人单位费率（其他单位，含生育）", "employer rate, other employers (incl. maternity)"),
        ("当地职工医保费率文件中企业等其他单位的单位缴费比例（含生育保险），可写 8%",
         "the employer rate for all other employers, maternity included; write e.g. 8%");
    MaternityRatePublicBody = "employee.rate.maternity.public_body", City, Rate, ("其中生育保险部分（机关事业单位）", "of which maternity, public bodies"),
        ("单位费率中原生育保险的部分（合并实施后），见费率文件", "the former maternity-insurance part of the employer rate, in the rate notice");
    MaternityRateOther = "employee.rate.maternity.other", City, Rate, ("其中生育保险部分（其他单位）", "of which maternity, other employers"),
        ("单位费率中原生育保险的部分（合并实施后），见费率文件", "the former maternity-insurance part of the employer rate, in the rate notice");
    IndividualRate = "employee.rate.individual", City, Rate, ("个人费率", "individual rate"),
        ("职工个人缴费比例，见当地费率文件；工资条上的医保扣款除以缴费基数也可算出，可写 2%",
         "the individual rate, in the local rate notice, or the payslip's medical deduction divided by the base; write e.g. 2%");
    EmployerFixed = "employee.fixed.employer", City, YuanPerMonth, ("单位每月定额（大病/大额/补充医疗）", "employer fixed monthly amount (serious illness / supplementary)"),
        ("单位每人每月按定额缴纳的大病保险、大额医疗或补充医疗保险费；当地没有此项时填 0",
         "a fixed yuan amount per person per month the employer pays for serious-illness or supplementary insurance; 0 where there is none");
    IndividualFixed = "employee.fixed.individual", City, YuanPerMonth, ("个人每月定额（大病/大额/补充医疗）", "individual fixed monthly amount (serious illness / supplementary)"),
        ("个人每月按定额缴纳的大病保险、大额医疗或补充医疗保险费，工资条上常单列；当地没有此项时填 0",
         "a fixed yuan amount per month the worker pays for serious-illness or supplementary insurance, often its own payslip line; 0 where there is none");
    EmployeeBenefitsAfter = "employee.benefits_after_months", Local, Months, ("参保缴费后开始享受待遇的月数", "months from paying to benefits"),
        ("地方规定：用人单位和职工参保缴费后第几个月起享受待遇（次月 = 1）", "a local rule: how many months after contributions start benefits begin (next month = 1)");
    // 灵活就业 flexible employment
    FlexibleBase = "flexible.base", City, YuanPerMonth, ("灵活就业缴费基数（月）", "flexible worker's monthly base"),
        ("当地规定的灵活就业人员月缴费基数：有的城市为全省上年度平均工资（如济宁），有的按档次自选，见当地灵活就业缴费通知",
         "the monthly base the city sets for flexible workers: in some cities the province's prior-year average wage (as in Jining), in others a level the person chooses; see the city's notice");
    FlexibleRate = "flexible.rate", City, Rate, ("灵活就业费率", "flexible worker's rate"),
        ("灵活就业人员参加职工医保的缴费比例，可写 9%", "the rate a flexible worker pays on the base; write e.g. 9%");
    FlexibleFixed = "flexible.fixed", City, YuanPerMonth, ("灵活就业每月定额（大病/补充）", "flexible worker's fixed monthly amount"),
        ("灵活就业人员每月按定额缴纳的大病或补充医疗保险费；没有此项时填 0", "a fixed monthly serious-illness or supplementary premium; 0 where there is none");
    FlexibleWaiting = "flexible.waiting_months", City, Months, ("灵活就业待遇等待期", "flexible worker's waiting period"),
        ("首次参保后自首月缴费起，经过多少个月开始享受待遇", "how many months after the first month paid benefits begin");
    FlexibleWaitingAfterBreak = "flexible.waiting_after_break_months", City, Months, ("灵活就业中断后再缴费的待遇等待期", "flexible worker's waiting period after an interruption"),
        ("中断缴费后再次缴费的，自再次缴费的月份起经过多少个月开始享受待遇", "how many months after the month paid again, after an interruption, benefits begin");
    FlexibleMaternity = "flexible.maternity_covered", City, Flag, ("灵活就业是否享受生育保险待遇", "maternity benefits for flexible workers"),
        ("灵活就业人员是否享受生育保险待遇", "whether flexible workers get maternity benefits");
    // 城乡居民 resident insurance
    ResidentPremium = "resident.individual_premium", City, YuanPerYear, ("居民医保个人缴费（年）", "resident individual premium (yearly)"),
        ("当地该待遇年度的城乡居民医保个人缴费标准，见当地居民医保缴费通知", "the individual resident premium for the benefit year, in the local resident-insurance notice");
    ResidentSubsidy = "resident.fiscal_subsidy", City, YuanPerYear, ("居民医保财政补助（年）", "resident fiscal subsidy (yearly)"),
        ("当地该待遇年度的城乡居民医保人均财政补助标准", "the per-person government subsidy for the benefit year");
    ResidentTransitionTo = "resident.transition_to", Local, Month, ("居民医保筹资标准过渡期截止月份", "end of the transition to one resident funding standard"),
        ("地方规定：各县（市）筹资标准逐年调整、达到市区水平的过渡期截止月份", "a local rule: the month by which the counties' resident funding reaches the city districts' level");
    MinFundingShare = "resident.min_funding_share", Local, Rate, ("人均筹资额下限占上年人均可支配收入比例", "minimum per-capita funding as a share of prior-year disposable income"),
        ("地方规定：人均筹资额不低于上年度居民人均可支配收入的比例", "a local rule: per-capita funding at least this share of prior-year per-capita disposable income");
    MinIndividualShare = "resident.min_individual_share", Local, Rate, ("个人缴费占人均筹资额的最低比例", "minimum individual share of per-capita funding"),
        ("地方规定：个人缴费一般不低于人均筹资额的比例", "a local rule: the individual premium is at least this share of per-capita funding");
    DisposableIncome = "resident.disposable_income", Local, YuanPerYear, ("上年度居民人均可支配收入", "prior-year per-capita disposable income"),
        ("当地统计局公布的上一年度居民人均可支配收入（统计公报）", "the prior year's per-capita disposable income, from the city's statistical communiqué");
    // 退休待遇 retiree benefits
    MinYears = "retiree.min_years", City, Years, ("享受退休待遇最低缴费年限", "minimum years for retiree benefits"),
        ("达到法定退休年龄时享受职工医保退休待遇（退休后不再缴费）所需的最低缴费年限，见当地职工医保办法",
         "the years of contributions needed at the statutory retirement age to get retiree benefits without paying more, in the local employee-insurance rules");
    MinYearsWomen = "retiree.min_years_women", Local, Years, ("女职工享受退休待遇最低缴费年限", "minimum years for retiree benefits, women"),
        ("地方规定男女年限不同时，女职工达到法定退休年龄时所需的最低缴费年限", "where the local rules set a different minimum for women, the years a woman needs at the statutory retirement age");
    MinActualYears = "retiree.min_actual_years", Local, Years, ("其中实际缴费年限不少于", "of which years actually paid, at least"),
        ("地方规定：最低缴费年限中实际缴费（不含视同）须达到的年限", "a local rule: how many of the minimum years must be actually paid (not deemed)");
    CountedMonthsRule = "retiree.counted_months", City, Choice(CountedMonths::CHOICES), ("计入年限的月份", "months that count"),
        ("当地规定中视同缴费年限是否计入最低缴费年限", "whether the local rules count deemed years toward the minimum");
    TransferredCount = "retiree.transferred_count", City, Flag, ("外地转入的缴费月数是否计入", "months transferred in count"),
        ("当地规定中外地实际缴费、转入本市的月数是否计入最低缴费年限", "whether months actually paid elsewhere and transferred in count toward the minimum under the local rules");
    ShortfallRule = "retiree.shortfall", City, Choice(Shortfall::CHOICES), ("年限不足时的办法", "what happens when years are short"),
        ("当地规定：年限不足时一次性补缴，或可按月续缴", "the local rule: a one-off top-up, or monthly payments too");
    TopupRate = "retiree.topup_rate", City, Rate, ("一次性补缴费率", "one-off top-up rate"),
        ("一次性补缴不足年限时的缴费比例，见当地职工医保办法，可写 7%", "the rate of the one-off top-up of missing years, in the local rules; write e.g. 7%");
    TopupBaseRule = "retiree.topup_base", Local, Choice(TopupBase::CHOICES), ("一次性补缴的缴费基数", "what the one-off top-up is paid on"),
        ("地方规定：在职职工和灵活就业人员一次性补缴时以什么为缴费基数", "a local rule: what base an employee's or flexible worker's one-off top-up is paid on");
    TopupAverageWage = "retiree.topup_average_wage", Local, YuanPerMonth, ("补缴基数：上年度全省社会平均工资（月）", "top-up base: the province's prior-year average wage (monthly)"),
        ("省统计或人社部门公布的上一年度全省（非私营和私营单位加权）平均工资，除以 12", "the province's average wage of the prior year (weighted, non-private and private units) as published, divided by 12");
    TopupSituations = "retiree.topup_situations", City, ChoiceSet(Situation::CHOICES), ("规定了补缴办法的情形", "situations with a top-up rule"),
        ("当地规定了补缴基数和缴费主体的情形", "the situations for which the local rules set the top-up base and who pays");
    TopupToPersonalAccount = "retiree.topup_to_personal_account", City, Flag, ("补缴部分是否计入个人账户", "top-up credited to the personal account"),
        ("一次性补缴的费用是否划入个人账户", "whether the one-off top-up goes to the personal account");
    BenefitsAfterTopup = "retiree.benefits_after_topup_months", City, Months, ("补缴后开始享受待遇的月数", "months from top-up to benefits"),
        ("补缴当月之后第几个月起享受退休人员待遇（次月 = 1）", "how many months after the month of the top-up payment benefits begin (next month = 1)");
    BenefitsAfterTopupStatedFor = "retiree.benefits_after_topup_stated_for", Local, ChoiceSet(Situation::CHOICES), ("文件明确规定补缴次月起享受待遇的情形", "situations for which the document states when benefits begin"),
        ("地方文件明确写明“自缴费次月起”享受待遇的补缴情形", "the top-up situations for which the local document states that benefits begin the month after payment");
    RetireePaysFixed = "retiree.pays_fixed_amounts", Local, Flag, ("退休人员是否继续缴纳每月定额", "retirees still pay the fixed monthly amounts"),
        ("地方规定：退休人员是否仍按月缴纳大病保险等定额（单位和个人部分）", "a local rule: whether retirees still pay the fixed monthly amounts (serious-illness insurance etc.), employer and individual parts");
    LifeExpectancy = "retiree.life_expectancy", City, Years, ("全省居民人均期望寿命", "provincial life expectancy"),
        ("省有关部门公布的最新全省居民人均期望寿命（岁）", "the latest provincial life expectancy at birth published by the province (years)");
    // 法定退休年龄 statutory retirement age (national)
    MaleOriginalAge = "retirement.male.original_age", National, Years, ("男职工原法定退休年龄", "men: original statutory age"), ("", "");
    MaleFinalAge = "retirement.male.final_age", National, Years, ("男职工逐步延迟至的法定退休年龄", "men: statutory age the delay reaches"), ("", "");
    MaleStep = "retirement.male.step_months", National, Months, ("男职工每几个月延迟一个月", "men: birth months per month of delay"), ("", "");
    F55OriginalAge = "retirement.female_55.original_age", National, Years, ("原55岁女职工原法定退休年龄", "women (55): original statutory age"), ("", "");
    F55FinalAge = "retirement.female_55.final_age", National, Years, ("原55岁女职工逐步延迟至的法定退休年龄", "women (55): statutory age the delay reaches"), ("", "");
    F55Step = "retirement.female_55.step_months", National, Months, ("原55岁女职工每几个月延迟一个月", "women (55): birth months per month of delay"), ("", "");
    F50OriginalAge = "retirement.female_50.original_age", National, Years, ("原50岁女职工原法定退休年龄", "women (50): original statutory age"), ("", "");
    F50FinalAge = "retirement.female_50.final_age", National, Years, ("原50岁女职工逐步延迟至的法定退休年龄", "women (50): statutory age the delay reaches"), ("", "");
    F50Step = "retirement.female_50.step_months", National, Months, ("原50岁女职工每几个月延迟一个月", "women (50): birth months per month of delay"), ("", "");
    ReformFrom = "retirement.reform_from", National, Month, ("渐进式延迟法定退休年龄开始的月份", "month the gradual delay of the statutory age begins"), ("", "");
    // 居民医保 national minima and waiting period
    NationalMinIndividual = "resident.national_min.individual", National, YuanPerYear, ("全国居民医保个人缴费最低标准", "national minimum individual resident premium"),
        ("国家医保局该待遇年度居民医保筹资通知中的个人缴费标准", "the individual premium in the national resident-funding notice for the benefit year");
    NationalMinSubsidy = "resident.national_min.subsidy", National, YuanPerYear, ("全国居民医保人均财政补助最低标准", "national minimum resident subsidy"),
        ("国家医保局居民医保筹资通知中的人均财政补助标准", "the per-person subsidy in the national resident-funding notice");
    WaitingFixed = "resident.waiting.fixed_months", National, Months, ("固定待遇等待期", "fixed waiting period"), ("", "");
    WaitingPerBreakYear = "resident.waiting.per_break_year_months", National, Months, ("每多断保1年增加的变动等待期", "variable waiting months per extra year of break"), ("", "");
    WaitingPerRepaidYear = "resident.waiting.per_repaid_year_months", National, Months, ("每补缴1年减少的变动等待期", "variable waiting months removed per year paid back"), ("", "");
    LongBreakYears = "resident.waiting.long_break_years", National, Years, ("长期断保的年数", "years of break counted as a long break"), ("", "");
    LongBreakMinMonths = "resident.waiting.long_break_min_months", National, Months, ("长期断保修复后等待期下限", "minimum waiting after repairing a long break"), ("", "");
    // 个人账户, rounding
    PersonalAccountShare = "personal_account.in_service_share", National, Rate, ("在职职工个人账户计入上限（占基数）", "in-service personal account credit, at most (share of base)"),
        ("在职职工个人账户由个人缴纳的基本医疗保险费计入，原则上不超过缴费基数的此比例", "the in-service personal account gets the worker's own basic premium, at most this share of the base");
    RoundingMoney = "rounding.money", National, Choice(Rounding::CHOICES), ("金额取整办法", "how amounts are rounded"), ("", "");
    RoundingMinimum = "rounding.minimum", National, Choice(Rounding::CHOICES), ("下限类金额取整办法", "how minimum amounts are rounded"), ("", "");
    // 基金管理 the pooled fund (only where the city's document sets it)
    ReserveAdjustmentRate = "fund.reserve.adjustment_rate", Local, Rate, ("风险调剂金提取比例", "risk adjustment fund draw rate"),
        ("按上年度基金收入提取风险调剂金的比例", "share of prior-year fund revenue drawn into the risk adjustment fund");
    ReservePoolingRate = "fund.reserve.pooling_rate", Local, Rate, ("统筹调节金提取比例", "pooling adjustment fund draw rate"),
        ("按上年度基金收入提取统筹调节金的比例", "share of prior-year fund revenue drawn into the pooling adjustment fund");
    ReserveCap = "fund.reserve.cap_share", Local, Rate, ("风险储备金停止提取的上限（占上年总收入）", "reserve cap (share of prior-year total revenue)"),
        ("风险储备金累计余额达到上年度基金总收入的此比例时不再提取", "drawing stops once the reserve reaches this share of prior-year total revenue");
    WarningSurplusRate = "fund.warning.surplus_rate", Local, Rate, ("当年结余率预警线", "warning line: current-year surplus rate"),
        ("统筹基金当年结余率低于此值时预警", "a warning when the pooled fund's current-year surplus rate is below this");
    WarningMonths = "fund.warning.months", Local, Months, ("累计结余可支付月数预警线", "warning line: months of payments"),
        ("累计结余低于此月数的待遇支付时预警", "a warning when the accumulated surplus covers fewer months of benefit payments");
    DeficitMethodRule = "fund.deficit.method", Local, Choice(DeficitMethod::CHOICES), ("县级缺口的弥补办法", "how a county deficit is met"),
        ("统筹文件规定的县级缺口弥补办法", "how the pooling document has a county deficit met");
    CountyGovernmentShare = "fund.deficit.county_government_share", Local, Rate, ("县政府分担比例（与统筹调节金）", "county government's share (with the pooling fund)"),
        ("县政府与统筹调节金分担缺口时县政府的比例", "the county government's share when it and the pooling fund split a deficit");
    CityShare = "fund.deficit.city_share", Local, Rate, ("市级基金分担县级缺口的比例", "city fund's share of a county deficit"),
        ("市级基金与县级政府分担缺口时市级基金承担的比例（另行确定的分担办法）", "the city fund's share when it and the county government split a deficit (set in a separate measure)");
    CollectedShare = "fund.historical.collected_share", Local, Rate, ("统筹前结余（首批）归集比例", "pre-pooling balance collected (first part)"),
        ("统筹前历史结余首批上解市级的比例", "the share of the pre-pooling balance collected by the city first");
    FirstDue = "fund.historical.first_due", Local, Month, ("首批归集截止月份", "first collection due"),
        ("首批归集的截止月份", "the month the first part is due");
    SecondDue = "fund.historical.second_due", Local, Month, ("余下部分归集截止月份", "remainder due"),
        ("余下部分上解的截止月份", "the month the remainder is due");
    KeptMonths = "fund.historical.kept_months", Local, Months, ("县级预留支付月数", "months of payments kept at county"),
        ("归集时县级预留的支付额度（月数）", "months of payments a county keeps when the balance is collected");
    PrePoolingDeficitRule = "fund.historical.deficit_borne_by", Local, Choice(PrePoolingDeficit::CHOICES), ("统筹前基金缺口的承担办法", "who bears a deficit from before pooling"),
        ("统筹文件规定的市级统筹前基金缺口的承担办法", "how the pooling document has a deficit from before pooling borne");
    SurplusRequiresPlan = "fund.surplus.requires_plan_met", Local, Flag, ("结余留存县级须完成年度收入计划", "a county keeps its surplus only if it met its revenue plan"),
        ("县级当年结余留存县级的前提：年度收入计划完成、基金支出管理规范", "the condition for a county keeping its surplus: the year's revenue plan met and spending properly managed");
    CalendarPlanDay = "fund.calendar.plan_due_day", Local, Days, ("县级报送下月用款计划的截止日（每月几日前）", "day of the month by which a county submits next month's plan"),
        ("各县每月几日前将下月基金使用计划报市级经办机构", "the day of each month by which counties submit next month's spending plan");
    CalendarCityDays = "fund.calendar.city_days", Local, Days, ("市医保部门提出拨付申请的工作日数", "working days for the city's request"),
        ("市医疗保障部门提出全市当月使用计划并申请拨付的工作日数", "working days the city's medical-security bureau has to draw up the month's plan and request the funds");
    CalendarFinanceDays = "fund.calendar.finance_days", Local, Days, ("市财政拨付的工作日数", "working days for the finance bureau"),
        ("市财政部门收到申请后拨付至市级基金支出户的工作日数", "working days the finance bureau has to pay into the city's expenditure account");
    CalendarCountyDays = "fund.calendar.county_days", Local, Days, ("拨付至县级的工作日数", "working days to pay the counties"),
        ("市医疗保障部门收到拨款后拨付至县级支出户的工作日数", "working days the city bureau has to pass the money on to the counties");
    SurplusKeptByCounty = "fund.surplus.kept_by_county", Local, Flag, ("县级当年结余留存县级", "county surplus kept by the county"),
        ("县级当年结余不再上划、结转下一年度", "a county's yearly surplus stays with it for the next year");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_order() {
        for (i, d) in CATALOGUE.iter().enumerate() {
            assert_eq!(d.id as usize, i, "{} out of order", d.key());
            assert_eq!(ParamId::parse(d.key()), Some(d.id));
            assert_eq!(d.id.def().key(), d.key());
        }
        assert_eq!(
            ParamId::employer_rate(EmployerKind::Other).key(),
            "employee.rate.employer.other"
        );
    }
}
