//! The four calculators and the comparison. Each builds the core's request from the state,
//! calls the core, and renders the figures it returns.

use yew::prelude::*;

use crate::charts;
use crate::model::{self, field_errors};
use crate::state::State;
use crate::ui::{
    error_box, offered_ids, steps_for, tr, tx, Check, Field, Figure, FigureInputs, Notes, Select,
};

fn err_of(
    errors: &std::collections::BTreeMap<String, yibao::Text>,
    name: &str,
) -> Option<yibao::Text> {
    errors.get(name).cloned()
}

pub fn employee(s: &State) -> Html {
    let lang = s.lang;
    let res = yibao::contribution(&s.contribution_request(&s.city));
    let errors = res.as_ref().err().map(field_errors).unwrap_or_default();
    let ids = offered_ids(
        s,
        &s.city,
        res.as_ref().err(),
        res.as_ref().ok().map(|r| &r.explanation),
    );
    html! {
        <>
        <div class="inputs">
            <Field name="wage" label={("月工资（本人上年度月平均工资，元）", "Monthly wage (your prior-year monthly average, yuan)")} error={err_of(&errors, "wage")} />
            <Select name="employer" label={("单位类型", "Employer kind")} options={vec![("other", "其他单位（企业等）", "Other employer (companies etc.)"), ("public_body", "机关事业单位", "Public body")]} error={err_of(&errors, "employer")} />
        </div>
        <FigureInputs city={s.city.clone()} ids={ids} errors={errors.clone()} />
        <section class="result" aria-live="polite">
        { match &res {
            Ok(r) => {
                let ex = &r.explanation;
                html! { <>
                    <div class="figures">
                        <Figure label={("单位每月缴费", "Employer, per month")} value={r.employer.total.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &["base", "employer"])} />
                        <Figure label={("个人每月缴费（工资扣款）", "Individual, per month (deduction)")} value={r.individual.total.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &["base", "individual"])} />
                        <Figure label={("缴费基数", "Contribution base")} value={r.base.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &["base"])} />
                        if let Some(m) = r.maternity_part { <Figure label={("其中生育保险（单位）", "of which maternity (employer)")} value={m.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &["employer.maternity_part"])} /> }
                        if let Some(pa) = r.personal_account { <Figure label={("划入个人账户", "To your personal account")} value={pa.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &["personal_account"])} /> }
                        <Figure label={("每月合计", "Monthly total")} value={r.monthly_total.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &["total"])} />
                        <Figure label={("全年合计", "Yearly total")} value={r.yearly.total.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &["yearly"])} />
                    </div>
                    { charts::wage_chart(lang, &model::wage_series(s, r)) }
                    <Notes ex={ex.clone()} />
                </> }
            }
            Err(e) => error_box(lang, e, &["wage", "employer"]),
        } }
        </section>
        </>
    }
}

pub fn flexible(s: &State) -> Html {
    let lang = s.lang;
    let res = yibao::flexible(&s.flexible_request());
    let errors = res.as_ref().err().map(field_errors).unwrap_or_default();
    let ids = offered_ids(
        s,
        &s.city,
        res.as_ref().err(),
        res.as_ref().ok().map(|r| &r.explanation),
    );
    html! {
        <>
        <div class="inputs">
            <Field name="first_paid" kind="month" inputmode="numeric" label={("首次参保后首月缴费（可选）", "First month paid after enrolling (optional)")} error={err_of(&errors, "first_paid")} />
        </div>
        <FigureInputs city={s.city.clone()} ids={ids} errors={errors.clone()} />
        <section class="result" aria-live="polite">
        { match &res {
            Ok(r) => {
                let ex = &r.explanation;
                html! { <>
                    <div class="figures">
                        <Figure label={("每月缴费（全部由本人缴纳）", "Per month (all paid by you)")} value={r.monthly_total.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &["base", "basic", "total"])} />
                        <Figure label={("全年", "Per year")} value={r.yearly_total.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &["yearly"])} />
                        if let Some(w) = r.waiting_months { <Figure label={("待遇等待期", "Waiting period")} value={w.to_string()} unit={(" 个月", " months")} steps={steps_for(ex, &["waiting", "benefits_from"])} /> }
                        if let Some(b) = r.benefits_from { <Figure label={("开始享受待遇", "Benefits from")} value={b.to_string()} steps={steps_for(ex, &["benefits_from"])} /> }
                        if r.maternity_covered == Some(false) { <Figure label={("生育保险待遇", "Maternity benefits")} value={tr(lang, "不享受", "not covered").to_string()} steps={steps_for(ex, &["maternity"])} /> }
                    </div>
                    <Notes ex={ex.clone()} />
                </> }
            }
            Err(e) => error_box(lang, e, &["first_paid"]),
        } }
        </section>
        </>
    }
}

pub fn resident(s: &State) -> Html {
    let lang = s.lang;
    let res = yibao::resident(&s.resident_request());
    let errors = res.as_ref().err().map(field_errors).unwrap_or_default();
    let ids = offered_ids(
        s,
        &s.city,
        res.as_ref().err(),
        res.as_ref().ok().map(|r| &r.explanation),
    );
    let basis = |b: yibao::compute::resident::Basis| match b {
        yibao::compute::resident::Basis::City => ("个人缴费", "Individual premium"),
        yibao::compute::resident::Basis::NationalMinimum => (
            "个人缴费（全国最低标准，非本市标准）",
            "Individual premium (national minimum, not the city's)",
        ),
    };
    html! {
        <>
        <div class="inputs">
            <Field name="year" inputmode="numeric" label={("年度", "Year")} error={err_of(&errors, "year")} />
            <Field name="break_years" inputmode="numeric" label={("断保年数（0 = 未断保）", "Years of break (0 = none)")} error={err_of(&errors, "break_years")} />
            <Field name="repaid_years" inputmode="numeric" label={("已补缴年数", "Years paid back")} error={err_of(&errors, "repaid_years")} />
            <Check name="in_enrolment_period" label={("在集中参保期内参保", "Enrolled in the concentrated enrolment period")} />
            <Check name="newborn" label={("新生儿", "Newborn")} />
        </div>
        <FigureInputs city={s.city.clone()} ids={ids} errors={errors.clone()} />
        <section class="result" aria-live="polite">
        { match &res {
            Ok(r) => {
                let ex = &r.explanation;
                html! { <>
                    <div class="figures">
                        if let Some(p) = &r.individual_premium { <Figure label={basis(p.basis)} value={p.amount.to_string()} unit={(" 元/年", " yuan/year")} steps={steps_for(ex, &["individual_premium"])} /> }
                        if let Some(p) = &r.fiscal_subsidy { <Figure label={("人均财政补助", "Per-capita subsidy")} value={p.amount.to_string()} unit={(" 元/年", " yuan/year")} steps={steps_for(ex, &["fiscal_subsidy"])} /> }
                        if let Some(m) = &r.funding_minimum { <Figure label={("个人缴费下限（按可支配收入）", "Minimum individual premium (from disposable income)")} value={m.min_individual.to_string()} unit={(" 元/年", " yuan/year")} steps={steps_for(ex, &["min_total_funding", "min_individual"])} /> }
                        if let Some(w) = r.waiting_months { <Figure label={("待遇等待期", "Waiting period")} value={w.to_string()} unit={(" 个月", " months")} steps={steps_for(ex, &["waiting"])} /> }
                    </div>
                    <Notes ex={ex.clone()} />
                </> }
            }
            Err(e) => error_box(lang, e, &["year", "break_years", "repaid_years"]),
        } }
        </section>
        </>
    }
}

pub fn eligibility(s: &State) -> Html {
    let lang = s.lang;
    let res = yibao::eligibility(&s.eligibility_request());
    let errors = res.as_ref().err().map(field_errors).unwrap_or_default();
    let ids = offered_ids(
        s,
        &s.city,
        res.as_ref().err(),
        res.as_ref().ok().map(|r| &r.explanation),
    );
    // An empty situation means an employee, as in the core.
    let situation = match s.field("situation") {
        "" => "employee".to_string(),
        other => other.to_string(),
    };
    let scenario = |label: (&'static str, &'static str),
                    key: &'static str,
                    sc: &yibao::compute::eligibility::Scenario,
                    ex: &yibao::Explanation| {
        html! { <>
            <Figure label={label} value={format!("{}", sc.shortfall_months)} unit={(" 个月", " months")} steps={steps_for(ex, &["min_months", "counted_now", "counted_continue", &format!("{key}.shortfall")])} />
            if let Some(t) = &sc.topup { <Figure label={("一次性补缴", "One-off top-up")} value={t.amount.to_string()} unit={(" 元", " yuan")} steps={steps_for(ex, &[&format!("{key}.topup_base"), &format!("{key}.topup"), &format!("{key}.to_personal_account"), &format!("{key}.serious_illness")])} /> }
            if let Some(b) = sc.benefits_from { <Figure label={("退休待遇起始", "Retiree benefits from")} value={b.to_string()} steps={steps_for(ex, &[&format!("{key}.benefits_from")])} /> }
        </> }
    };
    html! {
        <>
        <div class="inputs">
            <Field name="birth" kind="month" inputmode="numeric" label={("出生年月", "Birth month")} error={err_of(&errors, "birth")} />
            <Select name="category" label={("类别", "Category")} options={vec![("male", "男职工", "Man"), ("female-55", "女职工（原55岁退休）", "Woman (originally 55)"), ("female-50", "女职工（原50岁退休）", "Woman (originally 50)")]} error={err_of(&errors, "category")} />
            <Select name="situation" label={("情形", "Situation")} options={vec![("employee", "在职职工", "Employee"), ("flexible", "灵活就业人员", "Flexible worker"), ("never_enrolled", "未参保的企业退休人员", "Enterprise retiree never enrolled"), ("flexible_retiree", "未参保的灵活就业退休人员", "Flexible-worker retiree never enrolled"), ("bankrupt", "破产企业退休人员", "Retiree of a bankrupt enterprise")]} error={err_of(&errors, "situation")} />
            <Field name="as_of" kind="month" inputmode="numeric" label={("计算月份（今天）", "As of (today)")} error={err_of(&errors, "as_of")} />
            <Field name="paid_months" inputmode="numeric" label={("实际缴费月数", "Months actually paid")} error={err_of(&errors, "paid_months")} />
            <Field name="transferred_months" inputmode="numeric" label={("外地转入月数", "Months transferred in")} error={err_of(&errors, "transferred_months")} />
            <Field name="deemed_months" inputmode="numeric" label={("视同缴费月数", "Deemed months")} error={err_of(&errors, "deemed_months")} />
            if situation == "employee" || situation == "flexible" {
                <Field name="last_base" label={("最后一次缴费基数（元/月）", "Last contribution base (yuan/month)")} error={err_of(&errors, "last_base")} />
            }
            if situation == "never_enrolled" || situation == "bankrupt" {
                <Field name="pension" label={("上月养老金（元）", "Last month's pension (yuan)")} error={err_of(&errors, "pension")} />
            }
            if situation == "bankrupt" {
                <Field name="bankruptcy_age" label={("企业破产时本人年龄（岁）", "Age at the bankruptcy (years)")} error={err_of(&errors, "bankruptcy_age")} />
            }
            <Field name="payment_month" kind="month" inputmode="numeric" label={("补缴月份（可选）", "Month of the top-up (optional)")} error={err_of(&errors, "payment_month")} />
        </div>
        <FigureInputs city={s.city.clone()} ids={ids} errors={errors.clone()} />
        <section class="result" aria-live="polite">
        { match &res {
            Ok(r) => {
                let ex = &r.explanation;
                html! { <>
                    <div class="figures">
                        <Figure label={("法定退休月份", "Statutory retirement month")} value={format!("{} ({}{}{}{})", r.retirement.month, r.retirement.age_years, tr(lang, "岁", "y "), r.retirement.age_months, tr(lang, "个月", "m"))} steps={steps_for(ex, &["retirement_month"])} />
                        { scenario(("若现在停止缴费，仍差", "If payments stop now, months missing"), "stop_now", &r.stop_now, ex) }
                        if let Some(c) = &r.continue_paying { { scenario(("若持续缴费至退休，仍差", "If payments go on until retirement, months missing"), "continue", c, ex) } }
                    </div>
                    if r.stop_now.eligible { <p class="good">{ tr(lang, "已达到最低缴费年限：退休后享受退休人员医保待遇，不再缴费。", "The minimum is met: retiree benefits at retirement, nothing more to pay.") }</p> }
                    { charts::timeline(lang, r) }
                    <Notes ex={ex.clone()} />
                </> }
            }
            Err(e) => error_box(lang, e, &["birth", "category", "situation", "as_of", "paid_months", "transferred_months", "deemed_months", "last_base", "pension", "bankruptcy_age", "payment_month"]),
        } }
        </section>
        </>
    }
}

pub fn compare(s: &State) -> Html {
    let lang = s.lang;
    let rows = model::compare(s);
    html! {
        <>
        <div class="inputs">
            <Field name="wage" label={("月工资（元）", "Monthly wage (yuan)")} />
            <Select name="employer" label={("单位类型", "Employer kind")} options={vec![("other", "其他单位（企业等）", "Other employer"), ("public_body", "机关事业单位", "Public body")]} />
        </div>
        <section class="result" aria-live="polite">
        <div class="table-wrap" tabindex="0" role="region" aria-label={tr(lang, "城市对比表", "City comparison table")}>
        <table class="compare">
            <caption>{ tr(lang, "同一人在五个城市（同一月份、工资、单位类型）", "The same person in all five cities (same month, wage, employer kind)") }</caption>
            <thead><tr>
                <th scope="col">{ tr(lang, "城市", "City") }</th>
                <th scope="col">{ tr(lang, "单位每月", "Employer") }</th>
                <th scope="col">{ tr(lang, "个人每月", "Individual") }</th>
                <th scope="col">{ tr(lang, "合计", "Total") }</th>
                <th scope="col">{ tr(lang, "未公布", "Not published") }</th>
            </tr></thead>
            <tbody>
            { for rows.iter().map(|row| {
                let name = tx(lang, &row.name);
                match &row.result {
                    Ok(r) => html! { <tr data-city={row.city.clone()}>
                        <th scope="row">{ name }</th>
                        <td>{ r.employer.total.to_string() }</td>
                        <td>{ r.individual.total.to_string() }</td>
                        <td>{ r.monthly_total.to_string() }</td>
                        <td>{ r.explanation.not_known.iter().map(|n| tx(lang, &n.label)).chain(r.explanation.user_supplied.iter().map(|u| format!("{u} ({})", tr(lang, "你提供", "yours")))).collect::<Vec<_>>().join("；") }</td>
                    </tr> },
                    Err(yibao::Error::MissingFigures { missing }) => html! { <tr data-city={row.city.clone()}>
                        <th scope="row">{ name }</th>
                        <td colspan="3" class="missing">{ tr(lang, "需补充数据", "needs figures") }</td>
                        <td>{ missing.iter().map(|m| tx(lang, &m.label)).collect::<Vec<_>>().join("；") }</td>
                    </tr> },
                    Err(e) => html! { <tr data-city={row.city.clone()}>
                        <th scope="row">{ name }</th>
                        <td colspan="4" class="error">{ e.render(lang).trim().to_string() }</td>
                    </tr> },
                }
            }) }
            </tbody>
        </table>
        </div>
        </section>
        { for rows.iter().filter(|r| matches!(r.result, Err(yibao::Error::MissingFigures { .. }))).map(|row| {
            let ids = offered_ids(s, &row.city, row.result.as_ref().err(), None);
            html! { <details class="city-figures"><summary>{ format!("{} {}", tr(lang, "填写未公布的数据：", "Enter unpublished figures: "), tx(lang, &row.name)) }</summary>
                <FigureInputs city={row.city.clone()} ids={ids} /></details> }
        }) }
        </>
    }
}
