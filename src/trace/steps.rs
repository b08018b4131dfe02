//! Ctx's steps: a formula computed and recorded, a number, a month, a statement.

use std::borrow::Cow;

use super::*;
use crate::compute::overflow;
use crate::error::Error;
use crate::explain::Step;
use crate::model::money::plain;

impl Ctx {
    /// Computes a sum of money and records its step: `formula = exact (≈ rounded)`.
    pub fn money(
        &mut self,
        key: impl Into<Cow<'static, str>>,
        label: Text,
        field: &str,
        e: Expr,
        rounding: Rounding,
    ) -> Result<Money, Error> {
        self.money_step(key.into(), label, field, e, rounding)
    }

    // The generic doors above and below only convert the key: one body each, not one per
    // kind of key (the web build is sized).
    fn money_step(
        &mut self,
        key: Cow<'static, str>,
        label: Text,
        field: &str,
        e: Expr,
        rounding: Rounding,
    ) -> Result<Money, Error> {
        let exact = e.eval().ok_or_else(|| overflow(field))?;
        let m = rounding.apply(exact);
        if self.explain {
            let shown = m.text();
            let mut tail = String::with_capacity(32);
            tail.push_str(" = ");
            if exact != m.amount() {
                push_decimal(&mut tail, exact.normalize());
                tail.push_str(" ≈ ");
            }
            tail.push_str(&shown);
            let (mut zh, mut en) = (e.render(false), e.render(true));
            zh.push_str(&tail);
            en.push_str(&tail);
            self.push_step(key, label, Text::new(zh, en), shown, "yuan", &e);
        }
        Ok(m)
    }

    /// Computes a number (months, a count, a rate shown as a number) and records its step.
    pub fn number(
        &mut self,
        key: impl Into<Cow<'static, str>>,
        label: Text,
        field: &str,
        e: Expr,
        unit: &'static str,
    ) -> Result<Decimal, Error> {
        self.number_step(key.into(), label, field, e, unit)
    }

    fn number_step(
        &mut self,
        key: Cow<'static, str>,
        label: Text,
        field: &str,
        e: Expr,
        unit: &'static str,
    ) -> Result<Decimal, Error> {
        let v = e.eval().ok_or_else(|| overflow(field))?;
        if self.explain {
            let shown = plain(v);
            let formula = Text::new(
                format!("{} = {shown}", e.render(false)),
                format!("{} = {shown}", e.render(true)),
            );
            self.push_step(key, label, formula, shown, unit, &e);
        }
        Ok(v)
    }

    /// A number shown to `dp` decimals (a percent of the wage): `formula ≈ 3.32` where the
    /// exact value is longer, so a step never prints thirty digits. Half away from zero.
    pub fn number_rounded(
        &mut self,
        key: impl Into<Cow<'static, str>>,
        label: Text,
        field: &str,
        e: Expr,
        unit: &'static str,
        dp: u32,
    ) -> Result<Decimal, Error> {
        self.rounded_step(key.into(), label, field, e, unit, dp)
    }

    fn rounded_step(
        &mut self,
        key: Cow<'static, str>,
        label: Text,
        field: &str,
        e: Expr,
        unit: &'static str,
        dp: u32,
    ) -> Result<Decimal, Error> {
        let exact = e.eval().ok_or_else(|| overflow(field))?;
        let v =
            exact.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        if self.explain {
            let shown = plain(v);
            let sign = if v == exact { "=" } else { "≈" };
            let formula = Text::new(
                format!("{} {sign} {shown}", e.render(false)),
                format!("{} {sign} {shown}", e.render(true)),
            );
            self.push_step(key, label, formula, shown, unit, &e);
        }
        Ok(v)
    }

    /// A month some months after another, recorded: "2030-07 + 1 = 2030-08".
    pub fn month_after(
        &mut self,
        key: impl Into<Cow<'static, str>>,
        label: Text,
        field: &str,
        start: (YearMonth, Text),
        months: Expr,
    ) -> Result<YearMonth, Error> {
        self.month_step(key.into(), label, field, start, None, false, months)
    }

    /// A month some months before a cited one, recorded: "2025-01 − 60 × 12 = 1965-01".
    pub fn month_before(
        &mut self,
        key: impl Into<Cow<'static, str>>,
        label: Text,
        field: &str,
        start: (&Cited<YearMonth>, Text),
        months: Expr,
    ) -> Result<YearMonth, Error> {
        let (from, name) = start;
        let cite = Some(from.cite.clone());
        self.month_step(
            key.into(),
            label,
            field,
            (from.value, name),
            cite,
            true,
            months,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn month_step(
        &mut self,
        key: Cow<'static, str>,
        label: Text,
        field: &str,
        start: (YearMonth, Text),
        start_cite: Option<CiteRef>,
        before: bool,
        months: Expr,
    ) -> Result<YearMonth, Error> {
        let n = months
            .eval()
            .and_then(|d| i32::try_from(d.trunc().mantissa() / 10i128.pow(d.trunc().scale())).ok())
            .map(|n| if before { -n } else { n });
        let out = n
            .and_then(|n| start.0.plus(n))
            .ok_or_else(|| overflow(field))?;
        if self.explain {
            let (s, name) = (start.0, start.1);
            let op = if before { "−" } else { "+" };
            // A sum or difference of months is bracketed after a minus sign.
            let (zh_m, en_m) = (months.render(false), months.render(true));
            let group = |m: String| {
                if before && months.precedence() < 2 {
                    format!("({m})")
                } else {
                    m
                }
            };
            let formula = Text::new(
                format!("{} {s} {op} {} = {out}", name.zh, group(zh_m)),
                format!("{} {s} {op} {} = {out}", name.en, group(en_m)),
            );
            let mut refs: Vec<CiteRef> = start_cite.into_iter().collect();
            months.cites(&mut refs);
            self.record(key, label, formula, out.to_string(), "month", refs);
        }
        Ok(out)
    }

    /// A step that is a statement rather than arithmetic ("灵活就业人员不享受生育保险待遇"),
    /// with the values it rests on.
    pub fn fact(
        &mut self,
        key: impl Into<Cow<'static, str>>,
        label: Text,
        statement: Text,
        value: impl ToString,
        unit: &'static str,
        cites: &[CiteRef],
    ) {
        if self.explain {
            let (key, value) = (key.into(), value.to_string());
            self.record(key, label, statement, value, unit, cites.to_vec());
        }
    }

    fn push_step(
        &mut self,
        key: Cow<'static, str>,
        label: Text,
        formula: Text,
        value: String,
        unit: &'static str,
        e: &Expr,
    ) {
        let mut refs = Vec::new();
        e.cites(&mut refs);
        self.record(key, label, formula, value, unit, refs);
    }

    /// A step with the citations of what it rests on, each once.
    fn record(
        &mut self,
        key: Cow<'static, str>,
        label: Text,
        formula: Text,
        value: String,
        unit: &'static str,
        refs: Vec<CiteRef>,
    ) {
        let cites = dedup(refs, self);
        self.ex.steps.push(Step {
            key,
            label,
            formula,
            value,
            unit,
            cites,
        });
    }
}
