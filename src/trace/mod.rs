//! Explanations made by the arithmetic. A computation writes its formula once, as an
//! [`Expr`] built from cited values (`base × rate`), and [`Ctx::money`] both computes it
//! and records the step: the formula with the actual numbers in both languages, the
//! value, the rounding and the citations of every value used. A step can therefore never
//! say something other than what was computed.
//!
//! ```text
//! let basic = cx.money("employer.basic", label, "wage", base.expr() * rate.expr(), rounding)?;
//! // step: "5000.00 × 8% = 400.00", cites: the 8% with its article
//! ```

use std::ops;

use rust_decimal::Decimal;

use crate::lookup::{CiteRef, Cited, Ctx};
use crate::model::money::push_decimal;
use crate::model::{Money, Ratio, Rounding, Text, YearMonth};

mod steps;

/// How a number is shown in a formula.
#[derive(Clone, Copy, Debug)]
enum Show {
    Money,
    Rate(Ratio),
    Plain,
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Min,
    Max,
    CeilDiv,
}

#[derive(Clone, Debug)]
enum Node {
    Leaf {
        value: Decimal,
        show: Show,
        name: Option<(&'static str, &'static str)>,
        cite: Option<CiteRef>,
    },
    Op(Op, Box<Expr>, Box<Expr>),
}

/// A formula over cited values: evaluated exactly, shown with the actual numbers.
#[derive(Clone, Debug)]
pub struct Expr(Node);

impl Expr {
    fn leaf(value: Decimal, show: Show) -> Expr {
        Expr(Node::Leaf {
            value,
            show,
            name: None,
            cite: None,
        })
    }

    pub fn money(m: Money) -> Expr {
        Expr::leaf(m.amount(), Show::Money)
    }

    pub fn rate(r: Ratio) -> Expr {
        Expr::leaf(r.as_decimal().unwrap_or_default(), Show::Rate(r))
    }

    pub fn count(n: impl Into<Decimal>) -> Expr {
        Expr::leaf(n.into(), Show::Plain)
    }

    /// A person's own figure (wage, months), cited as the field it came from.
    pub fn input(
        field: &'static str,
        label: (&'static str, &'static str),
        m: impl Into<Decimal>,
        money: bool,
    ) -> Expr {
        let value: Decimal = m.into();
        let show = if money { Show::Money } else { Show::Plain };
        let shown = show_value(value, show);
        Expr(Node::Leaf {
            value,
            show,
            name: Some(label),
            cite: Some(CiteRef::Input {
                field,
                label: Text::new(label.0, label.1),
                shown,
            }),
        })
    }

    /// Shown with a name before the number: "下限 3000.00".
    pub fn named(mut self, zh: &'static str, en: &'static str) -> Expr {
        if let Node::Leaf { name, .. } = &mut self.0 {
            *name = Some((zh, en));
        }
        self
    }

    pub fn min(a: Expr, b: Expr) -> Expr {
        Expr(Node::Op(Op::Min, Box::new(a), Box::new(b)))
    }

    pub fn max(a: Expr, b: Expr) -> Expr {
        Expr(Node::Op(Op::Max, Box::new(a), Box::new(b)))
    }

    /// ⌈a ÷ b⌉, whole units.
    pub fn ceil_div(a: Expr, b: Expr) -> Expr {
        Expr(Node::Op(Op::CeilDiv, Box::new(a), Box::new(b)))
    }

    /// The value, exactly; `None` on overflow or a division by zero.
    pub fn eval(&self) -> Option<Decimal> {
        match &self.0 {
            Node::Leaf { value, .. } => Some(*value),
            Node::Op(op, a, b) => {
                // A rate multiplies by its numerator and divides by its denominator once,
                // so 1/3 stays exact until the final rounding.
                if let (
                    Op::Mul,
                    Node::Leaf {
                        show: Show::Rate(r),
                        ..
                    },
                ) = (op, &b.0)
                {
                    return r.of(a.eval()?);
                }
                if let (
                    Op::Mul,
                    Node::Leaf {
                        show: Show::Rate(r),
                        ..
                    },
                ) = (op, &a.0)
                {
                    return r.of(b.eval()?);
                }
                let (x, y) = (a.eval()?, b.eval()?);
                match op {
                    Op::Add => x.checked_add(y),
                    Op::Sub => x.checked_sub(y),
                    Op::Mul => x.checked_mul(y),
                    Op::Div => x.checked_div(y),
                    Op::Min => Some(x.min(y)),
                    Op::Max => Some(x.max(y)),
                    Op::CeilDiv => x.checked_div(y).map(|q| q.ceil()),
                }
            }
        }
    }

    fn precedence(&self) -> u8 {
        match &self.0 {
            Node::Leaf { .. } | Node::Op(Op::Min | Op::Max | Op::CeilDiv, ..) => 3,
            Node::Op(Op::Mul | Op::Div, ..) => 2,
            Node::Op(Op::Add | Op::Sub, ..) => 1,
        }
    }

    /// The formula with the actual numbers, in one language.
    fn render(&self, en: bool) -> String {
        let mut out = String::with_capacity(64);
        self.render_into(en, &mut out);
        out
    }

    /// Written into one buffer rather than a string per node: the steps' text was most of
    /// the time of a computation with its explanation.
    fn render_into(&self, en: bool, out: &mut String) {
        match &self.0 {
            Node::Leaf {
                value, show, name, ..
            } => {
                if let Some((zh, e)) = name {
                    out.push_str(if en { e } else { zh });
                    out.push(' ');
                }
                push_value(out, *value, *show);
            }
            Node::Op(op, a, b) => {
                let side = |x: &Expr, right: bool, out: &mut String| {
                    let p = self.precedence();
                    let tight = x.precedence() < p
                        || (right && x.precedence() == p && matches!(op, Op::Sub | Op::Div));
                    // The Chinese "…中较大者" reads as one term only in its own brackets.
                    if !en && matches!(&x.0, Node::Op(Op::Min | Op::Max | Op::CeilDiv, ..)) {
                        out.push('（');
                        x.render_into(en, out);
                        out.push('）');
                    } else if tight {
                        out.push('(');
                        x.render_into(en, out);
                        out.push(')');
                    } else {
                        x.render_into(en, out);
                    }
                };
                // In Chinese, words rather than a programming notation: "a、b 中较大者",
                // "a ÷ b 向上取整" (a nested one in 全角 brackets).
                if !en && matches!(op, Op::Min | Op::Max | Op::CeilDiv) {
                    let part = |x: &Expr, out: &mut String| {
                        if matches!(&x.0, Node::Op(Op::Min | Op::Max | Op::CeilDiv, ..)) {
                            out.push('（');
                            x.render_into(en, out);
                            out.push('）');
                        } else {
                            x.render_into(en, out);
                        }
                    };
                    part(a, out);
                    out.push_str(if matches!(op, Op::CeilDiv) {
                        " ÷ "
                    } else {
                        "、"
                    });
                    part(b, out);
                    out.push_str(match op {
                        Op::Min => " 中较小者",
                        Op::Max => " 中较大者",
                        _ => "，向上取整",
                    });
                    return;
                }
                let (open, mid, close, bare) = match op {
                    Op::Add => ("", " + ", "", false),
                    Op::Sub => ("", " − ", "", false),
                    Op::Mul => ("", " × ", "", false),
                    Op::Div => ("", " ÷ ", "", false),
                    Op::Min => ("min(", ", ", ")", true),
                    Op::Max => ("max(", ", ", ")", true),
                    Op::CeilDiv => ("⌈", " ÷ ", "⌉", true),
                };
                out.push_str(open);
                // Inside min(…), max(…) and ⌈…⌉ the operands need no parentheses.
                if bare {
                    a.render_into(en, out);
                    out.push_str(mid);
                    b.render_into(en, out);
                } else {
                    side(a, false, out);
                    out.push_str(mid);
                    side(b, true, out);
                }
                out.push_str(close);
            }
        }
    }

    fn cites(&self, out: &mut Vec<CiteRef>) {
        match &self.0 {
            Node::Leaf { cite: Some(c), .. } => out.push(c.clone()),
            Node::Leaf { .. } => {}
            Node::Op(_, a, b) => {
                a.cites(out);
                b.cites(out);
            }
        }
    }
}

fn show_value(value: Decimal, show: Show) -> String {
    let mut out = String::with_capacity(16);
    push_value(&mut out, value, show);
    out
}

fn push_value(out: &mut String, value: Decimal, show: Show) {
    match show {
        Show::Money => {
            let mut d = value;
            if d.scale() < 2 {
                d.rescale(2);
            }
            push_decimal(out, d);
        }
        Show::Rate(r) => out.push_str(&r.show()),
        Show::Plain => push_decimal(out, value.normalize()),
    }
}

impl ops::Add for Expr {
    type Output = Expr;
    fn add(self, rhs: Expr) -> Expr {
        Expr(Node::Op(Op::Add, Box::new(self), Box::new(rhs)))
    }
}
impl ops::Sub for Expr {
    type Output = Expr;
    fn sub(self, rhs: Expr) -> Expr {
        Expr(Node::Op(Op::Sub, Box::new(self), Box::new(rhs)))
    }
}
impl ops::Mul for Expr {
    type Output = Expr;
    fn mul(self, rhs: Expr) -> Expr {
        Expr(Node::Op(Op::Mul, Box::new(self), Box::new(rhs)))
    }
}
impl ops::Div for Expr {
    type Output = Expr;
    fn div(self, rhs: Expr) -> Expr {
        Expr(Node::Op(Op::Div, Box::new(self), Box::new(rhs)))
    }
}

/// Cited values as leaves of a formula.
pub trait Term {
    fn expr(&self) -> Expr;
}

impl Term for Cited<Money> {
    fn expr(&self) -> Expr {
        let mut e = Expr::money(self.value);
        if let Node::Leaf { cite, .. } = &mut e.0 {
            *cite = Some(self.cite.clone());
        }
        e
    }
}
impl Term for Cited<Ratio> {
    fn expr(&self) -> Expr {
        let mut e = Expr::rate(self.value);
        if let Node::Leaf { cite, .. } = &mut e.0 {
            *cite = Some(self.cite.clone());
        }
        e
    }
}
impl Term for Cited<u32> {
    fn expr(&self) -> Expr {
        let mut e = Expr::count(self.value);
        if let Node::Leaf { cite, .. } = &mut e.0 {
            *cite = Some(self.cite.clone());
        }
        e
    }
}
impl Term for Cited<Decimal> {
    fn expr(&self) -> Expr {
        let mut e = Expr::count(self.value);
        if let Node::Leaf { cite, .. } = &mut e.0 {
            *cite = Some(self.cite.clone());
        }
        e
    }
}

fn dedup(refs: Vec<CiteRef>, cx: &Ctx) -> Vec<crate::explain::Cite> {
    let mut out: Vec<crate::explain::Cite> = Vec::new();
    for (i, r) in refs.iter().enumerate() {
        // A reference seen before makes the same citation (a dozen strings): skip it before
        // making it. Different references can still make equal citations, dropped below.
        if refs.get(..i).is_some_and(|before| before.contains(r)) {
            continue;
        }
        let c = cx.cite(r);
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formulas_show_what_is_computed() {
        let third = Ratio {
            num: d("1"),
            den: d("3"),
        };
        let e = Expr::money(Money::from_fen(175_000)) * Expr::rate(third);
        assert_eq!(e.render(false), "1750.00 × 1/3");
        assert_eq!(Rounding::Up.apply(e.eval().unwrap()).to_string(), "583.34");
        let base = Expr::min(
            Expr::max(
                Expr::money(Money::from_fen(500_000)).named("工资", "wage"),
                Expr::money(Money::from_fen(300_000)).named("下限", "floor"),
            ),
            Expr::money(Money::from_fen(1_500_000)).named("上限", "ceiling"),
        );
        assert_eq!(
            base.render(true),
            "min(max(wage 5000.00, floor 3000.00), ceiling 15000.00)"
        );
        let wait = Expr::count(3)
            + Expr::max(
                (Expr::count(5) - Expr::count(1)) * Expr::count(1) - Expr::count(2),
                Expr::count(0),
            );
        assert_eq!(wait.render(true), "3 + max((5 − 1) × 1 − 2, 0)");
        assert_eq!(wait.render(false), "3 + （(5 − 1) × 1 − 2、0 中较大者）");
        assert_eq!(
            base.render(false),
            "（工资 5000.00、下限 3000.00 中较大者）、上限 15000.00 中较小者"
        );
        assert_eq!(wait.eval(), Some(d("5")));
        assert_eq!(
            Expr::ceil_div(Expr::count(27), Expr::count(4)).eval(),
            Some(d("7"))
        );
    }
}
