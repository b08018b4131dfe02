//! Reads a step's formula as a person with a desk calculator would: the English text is
//! parsed and worked out from the numbers it shows (names before numbers are skipped), and
//! the result it states is checked (money: the exact value, and the rounded one within a
//! fen); the step's value must be that result, and the Chinese must show the same numbers.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;

/// A value in a formula: a number, or a rate kept as a fraction (a rate multiplies by its
/// numerator and divides by its denominator, as a document's "1/3" means).
#[derive(Clone, Copy, Debug)]
enum V {
    N(Decimal),
    Rate(Decimal, Decimal),
}

impl V {
    fn value(self) -> Option<Decimal> {
        match self {
            V::N(d) => Some(d),
            V::Rate(n, d) => n.checked_div(d),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(Decimal),
    Rate(Decimal, Decimal),
    Month(i64),
    Op(char),
    Open,
    Close,
    Comma,
    Min,
    Max,
    CeilOpen,
    CeilClose,
}

/// The tokens of a formula's English text. Names before numbers ("wage 5000.00",
/// "counties' surpluses 300.00") are words and are skipped.
fn tokens(s: &str) -> Result<Vec<Tok>, String> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = cs.get(i) {
        let next = cs.get(i + 1).copied();
        if c.is_ascii_digit() || (c == '-' && next.is_some_and(|n| n.is_ascii_digit())) {
            let start = i;
            i += 1;
            while cs
                .get(i)
                .is_some_and(|c| c.is_ascii_digit() || *c == '.' || *c == '-' || *c == '/')
            {
                i += 1;
            }
            let word: String = cs[start..i].iter().collect();
            if cs.get(i) == Some(&'%') {
                i += 1;
                let d = dec(&word)?;
                out.push(Tok::Rate(d, Decimal::ONE_HUNDRED));
            } else if let Some((n, d)) = word.split_once('/') {
                out.push(Tok::Rate(dec(n)?, dec(d)?));
            } else if word.len() == 7 && word.as_bytes().get(4) == Some(&b'-') {
                let (y, m) = word.split_at(4);
                let y: i64 = y.parse().map_err(|_| format!("month {word}"))?;
                let m: i64 = m[1..].parse().map_err(|_| format!("month {word}"))?;
                out.push(Tok::Month(y * 12 + m - 1));
            } else {
                out.push(Tok::Num(dec(&word)?));
            }
            continue;
        }
        match c {
            '+' | '−' | '×' | '÷' => out.push(Tok::Op(c)),
            '(' => out.push(Tok::Open),
            ')' => out.push(Tok::Close),
            ',' => out.push(Tok::Comma),
            '⌈' => out.push(Tok::CeilOpen),
            '⌉' => out.push(Tok::CeilClose),
            ' ' => {}
            c if c.is_alphabetic() || c == '\'' || c == '-' => {
                let start = i;
                while cs
                    .get(i)
                    .is_some_and(|c| c.is_alphabetic() || *c == '\'' || *c == '-')
                {
                    i += 1;
                }
                let word: String = cs[start..i].iter().collect();
                match (word.as_str(), cs.get(i)) {
                    ("min", Some('(')) => out.push(Tok::Min),
                    ("max", Some('(')) => out.push(Tok::Max),
                    _ => {}
                }
                continue;
            }
            other => return Err(format!("unexpected «{other}» in «{s}»")),
        }
        i += 1;
    }
    Ok(out)
}

fn dec(s: &str) -> Result<Decimal, String> {
    Decimal::from_str(s).map_err(|e| format!("number «{s}»: {e}"))
}

struct Reader {
    toks: Vec<Tok>,
    at: usize,
}

impl Reader {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }
    fn expect(&mut self, t: Tok) -> Result<(), String> {
        match self.next() {
            Some(x) if x == t => Ok(()),
            other => Err(format!("expected {t:?}, found {other:?}")),
        }
    }
    fn sum(&mut self) -> Result<V, String> {
        let mut a = self.product()?;
        while let Some(Tok::Op(op @ ('+' | '−'))) = self.peek().cloned() {
            self.at += 1;
            let b = self.product()?;
            let (x, y) = (num(a)?, num(b)?);
            a = V::N(if op == '+' { x + y } else { x - y });
        }
        Ok(a)
    }
    fn product(&mut self) -> Result<V, String> {
        let mut a = self.factor()?;
        while let Some(Tok::Op(op @ ('×' | '÷'))) = self.peek().cloned() {
            self.at += 1;
            let b = self.factor()?;
            a = V::N(match (op, a, b) {
                ('×', x, V::Rate(n, d)) | ('×', V::Rate(n, d), x) => num(x)?
                    .checked_mul(n)
                    .and_then(|p| p.checked_div(d))
                    .ok_or("overflow")?,
                ('×', x, y) => num(x)?.checked_mul(num(y)?).ok_or("overflow")?,
                (_, x, y) => num(x)?.checked_div(num(y)?).ok_or("division")?,
            });
        }
        Ok(a)
    }
    fn factor(&mut self) -> Result<V, String> {
        match self.next() {
            Some(Tok::Num(d)) => Ok(V::N(d)),
            Some(Tok::Month(m)) => Ok(V::N(Decimal::from(m))),
            Some(Tok::Rate(n, d)) => Ok(V::Rate(n, d)),
            Some(Tok::Open) => {
                let v = self.sum()?;
                self.expect(Tok::Close)?;
                Ok(v)
            }
            Some(t @ (Tok::Min | Tok::Max)) => {
                self.expect(Tok::Open)?;
                let a = num(self.sum()?)?;
                self.expect(Tok::Comma)?;
                let b = num(self.sum()?)?;
                self.expect(Tok::Close)?;
                Ok(V::N(if t == Tok::Min { a.min(b) } else { a.max(b) }))
            }
            Some(Tok::CeilOpen) => {
                let v = num(self.sum()?)?;
                self.expect(Tok::CeilClose)?;
                Ok(V::N(v.ceil()))
            }
            other => Err(format!("unexpected {other:?}")),
        }
    }
}

fn num(v: V) -> Result<Decimal, String> {
    v.value().ok_or_else(|| "a rate over zero".to_string())
}

fn eval(formula: &str) -> Result<Decimal, String> {
    let mut r = Reader {
        toks: tokens(formula)?,
        at: 0,
    };
    let v = num(r.sum()?)?;
    if r.at != r.toks.len() {
        return Err(format!("left over: {:?}", &r.toks[r.at..]));
    }
    Ok(v)
}

/// The numbers a text shows, in order (names carry no digits in either language).
fn numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().chain([' ']) {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    out
}

fn decimals(s: &str) -> u32 {
    s.split_once('.').map_or(0, |(_, f)| f.len() as u32)
}

/// Checks one step; `Ok(true)` when it held a formula.
pub fn check(step: &Value) -> Result<bool, String> {
    let en = step["formula"]["en"].as_str().unwrap_or_default();
    let zh = step["formula"]["zh"].as_str().unwrap_or_default();
    let value = step["value"].as_str().unwrap_or_default();
    let (left, sep, right) = match (en.find(" = "), en.find(" ≈ ")) {
        (Some(e), Some(a)) if a < e => (&en[..a], '≈', &en[a + " ≈ ".len()..]),
        (Some(e), _) => (&en[..e], '=', &en[e + " = ".len()..]),
        (None, Some(a)) => (&en[..a], '≈', &en[a + " ≈ ".len()..]),
        (None, None) => return Ok(false),
    };
    let got = eval(left)?;
    let tol = Decimal::new(1, 18) * got.abs().max(Decimal::ONE);
    let close = |a: Decimal, b: Decimal, t: Decimal| (a - b).abs() <= t;
    let shown = match right.split_once(" ≈ ") {
        // Money: "exact ≈ rounded", the exact being the formula's value and the rounded
        // within a fen of it.
        Some((exact, rounded)) => {
            let (x, r) = (dec(exact)?, dec(rounded)?);
            if !close(got, x, tol) {
                return Err(format!("the formula gives {got}, the step says {exact}"));
            }
            if decimals(rounded) > 2 || !close(x, r, Decimal::new(1, 2)) || x == r {
                return Err(format!("{exact} is not rounded to the fen as {rounded}"));
            }
            rounded
        }
        None => {
            let r = if right.len() == 7 && right.as_bytes().get(4) == Some(&b'-') {
                match tokens(right)?.as_slice() {
                    [Tok::Month(m)] => Decimal::from(*m),
                    other => return Err(format!("month {other:?}")),
                }
            } else {
                dec(right)?
            };
            let t = if sep == '≈' {
                Decimal::new(5, decimals(right) + 1)
            } else {
                tol
            };
            if !close(got, r, t) {
                return Err(format!("the formula gives {got}, the step shows {right}"));
            }
            right
        }
    };
    if shown != value {
        return Err(format!(
            "the step's value {value} is not its result {shown}"
        ));
    }
    if numbers(en) != numbers(zh) {
        return Err(format!("the Chinese «{zh}» shows other numbers"));
    }
    Ok(true)
}
