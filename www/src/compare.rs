//! 城市对比: the same person in every city, side by side where cities really differ: what
//! an employee and their employer pay, a flexible worker's and a resident's premium, the
//! years needed for retiree benefits, the waiting periods and the top-up rate, each with
//! how sure it is. One card per city, readable on a 360-px phone.

use yew::prelude::*;
use yibao::lookup::{rule_figure, RuleFigure};
use yibao::model::City;
use yibao::{Lang, ParamId, Response, Status, YearMonth};

use crate::calc::{outcome_of, Ask, Outcome};
use crate::state::{State, View};
use crate::ui::{tr, tx, FigureBox};
use crate::views;

fn status_badge(lang: Lang, s: Status, carried: Option<&yibao::explain::Carried>) -> Html {
    if s.needs_caution() {
        html! { <span class="badge caution">{ tx(lang, &yibao::explain::status_words(s, carried)) }</span> }
    } else {
        html! {}
    }
}

fn line(label: String, value: Html, badge: Html) -> Html {
    html! { <div class="row"><dt>{ label }</dt><dd>{ value }{ " " }{ badge }</dd></div> }
}

/// A computed figure, or what it lacks.
fn computed(lang: Lang, o: &Outcome, pick: impl Fn(&Response) -> Option<String>) -> (Html, Html) {
    match &o.result {
        Ok(r) => {
            let c = r.explanation().confidence;
            let badge = if c == yibao::Confidence::Official {
                html! {}
            } else {
                html! { <span class="badge caution">{ tx(lang, &c.label_short()) }</span> }
            };
            // A result without this figure names what it lacks, as a refused one does.
            let lacks: Vec<&str> = r
                .explanation()
                .not_known
                .iter()
                .filter(|n| n.asked)
                .map(|n| n.label.get(lang))
                .collect();
            match pick(r) {
                Some(v) => (html! { <>{ v }</> }, badge),
                None if !lacks.is_empty() => (
                    html! { <span class="missing">{ format!("{}{}", tr(lang, "需补充：", "needs: "), lacks.join(lang.pick("、", "; "))) }</span> },
                    html! {},
                ),
                None => (html! { <>{ tx(lang, &r.summary()) }</> }, badge),
            }
        }
        Err(yibao::Error::MissingFigures { missing, .. }) => {
            let names = missing
                .iter()
                .map(|m| m.label.get(lang).to_string())
                .collect::<Vec<_>>()
                .join(lang.pick("、", "; "));
            (
                html! { <span class="missing">{ format!("{}{names}", tr(lang, "需补充：", "needs: ")) }</span> },
                html! {},
            )
        }
        Err(_) => (html! { <>{ "—" }</> }, html! {}),
    }
}

fn rule_line(
    lang: Lang,
    label: String,
    f: Option<RuleFigure>,
    unit: (&'static str, &'static str),
) -> Html {
    match f {
        Some(f) => line(
            label,
            html! { <>{ format!("{} {}", f.value.show(), lang.pick(unit.0, unit.1)) }</> },
            status_badge(lang, f.status, f.carried.as_ref()),
        ),
        None => line(
            label,
            html! { <span class="missing">{ tr(lang, "未公布", "not published") }</span> },
            html! {},
        ),
    }
}

fn card(
    state: &State,
    city: &'static City,
    month: YearMonth,
    employee: &Outcome,
    flexible: &Outcome,
    resident: &Outcome,
) -> Html {
    let lang = state.lang;
    let only = state.official_only;
    let year = yibao::compute::resident::benefit_year_at(month);
    let (pay, pay_badge) = computed(lang, employee, |r| match r {
        Response::Contribution(c) => Some(format!(
            "{} / {} {}",
            c.employer.total,
            c.individual.total,
            tr(lang, "元", "yuan")
        )),
        _ => None,
    });
    let (flex, flex_badge) = computed(lang, flexible, |r| match r {
        Response::Flexible(f) => f
            .monthly_total
            .map(|m| format!("{m} {}", tr(lang, "元", "yuan"))),
        _ => None,
    });
    // The premium as the core heads it: a national minimum says it is one, and the city's
    // earlier figure follows, so no city reads as charging the minimum.
    let (res, res_badge) = computed(lang, resident, |r| {
        let h = r.headline();
        let shown = |key: &str| {
            h.iter().find(|h| h.key == key).map(|h| {
                let detail = h
                    .detail
                    .as_ref()
                    .map(|d| format!(" · {}", d.get(lang)))
                    .unwrap_or_default();
                format!("{} {}{detail}", h.value.get(lang), h.unit.get(lang))
            })
        };
        let earlier = h
            .iter()
            .find(|h| h.key == "earlier_premium")
            .map(|e| {
                format!(
                    "{}{}：{} {}",
                    lang.pick("；", "; "),
                    e.label.get(lang),
                    e.value.get(lang),
                    e.unit.get(lang)
                )
            })
            .unwrap_or_default();
        shown("premium").map(|p| format!("{p}{earlier}"))
    });
    let waiting = |id| rule_figure(city, id, month, only);
    let mut asks: Vec<Ask> = employee.asks.clone();
    for a in &flexible.asks {
        if !asks.iter().any(|x| x.id == a.id) {
            asks.push(a.clone());
        }
    }
    asks.sort_by_key(|a| a.id.order());
    // The notices of the three views, each once (黄冈's ended term, 济宁's unconfirmed rate).
    let mut notices: Vec<yibao::explain::NoticeShown> = Vec::new();
    for o in [employee, flexible, resident] {
        for n in crate::result::notices_of(o) {
            if !notices.iter().any(|x| x.id == n.id) {
                notices.push(n.clone());
            }
        }
    }
    html! {
        <article class="city-card" data-city={city.id.clone()} key={city.id.clone()}>
            <h3>{ tx(lang, &city.name) }</h3>
            { crate::result::notices(lang, &notices) }
            <dl>
                { line(tr(lang, "在职职工每月（单位 / 个人）", "Employee, per month (employer / individual)").into(), pay, pay_badge) }
                { line(tr(lang, "灵活就业每月", "Flexible worker, per month").into(), flex, flex_badge) }
                { line(match lang { Lang::Zh => format!("居民医保个人缴费（{year}）"), Lang::En => format!("Resident premium ({year})") }, res, res_badge) }
                { rule_line(lang, tr(lang, "享受退休待遇最低缴费年限", "Years needed for retiree benefits").into(), waiting(ParamId::MinYears), ("年", "years")) }
                { rule_line(lang, tr(lang, "一次性补缴费率", "One-off top-up rate").into(), waiting(ParamId::TopupRate), ("", "")) }
                { rule_line(lang, tr(lang, "灵活就业待遇等待期", "Flexible worker's waiting period").into(), waiting(ParamId::FlexibleWaiting), ("个月", "months")) }
            </dl>
            if !asks.is_empty() {
                <details class="city-figures">
                    <summary>{ format!("{}{}", tr(lang, "填写未公布的数据：", "Enter unpublished figures: "), tx(lang, &city.name)) }</summary>
                    { for asks.into_iter().map(|a| { let k = a.id.key(); html! { <FigureBox key={k} city={city.id.clone()} ask={a} view={View::Compare} /> } }) }
                </details>
            }
        </article>
    }
}

/// The comparison's cards and the errors of its shared fields (shown beside the fields).
pub fn compare(state: &State) -> (Html, std::collections::BTreeMap<String, yibao::Text>) {
    let Ok(rules) = yibao::rules() else {
        return (html! {}, Default::default());
    };
    let spec = views::spec(View::Compare);
    let fields = views::fields(spec, state);
    let month = yibao::input::month("month", &yibao::Raw(state.field("month").to_string())).ok();
    let mut errors = std::collections::BTreeMap::new();
    let cards: Vec<Html> = rules
        .cities
        .iter()
        .map(|city| {
            let employee = outcome_of("contribution", fields.clone(), state, &city.id, false);
            errors.extend(
                employee
                    .field_errors
                    .iter()
                    .filter(|(f, _)| *f != "month" || month.is_none())
                    .map(|(k, v)| (k.clone(), v.clone())),
            );
            let Some(m) = month else {
                return html! {};
            };
            let month_field = [("month", state.field("month"))].to_vec();
            let flexible = outcome_of("flexible", month_field, state, &city.id, false);
            let year = yibao::compute::resident::benefit_year_at(m).to_string();
            let resident = outcome_of(
                "resident",
                vec![("year", year.as_str())],
                state,
                &city.id,
                false,
            );
            card(state, city, m, &employee, &flexible, &resident)
        })
        .collect();
    let lang = state.lang;
    let n = rules.cities.len();
    let html = html! {
        <section class="result" aria-live="polite">
            <p class="caption">{ match lang { Lang::Zh => format!("同一人在 {n} 个城市（同一月份、工资、单位类型）"), Lang::En => format!("The same person in all {n} cities (same month, wage and employer kind)") } }</p>
            <div class="cities">{ for cards }</div>
        </section>
    };
    (html, errors)
}
