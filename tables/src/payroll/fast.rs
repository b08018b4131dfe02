//! The payroll's fast path: a row with plain amounts under a plan that fits in whole fen is
//! computed and written in integers, with no decimal arithmetic and no allocation; it writes
//! the same line as [`Batch::row`] (tested row by row).

use super::*;

/// A cell that is a plain amount of yuan, `1234` or `1234.5` or `1234.56` (how payroll
/// exports write them), in whole fen; anything else (separators, signs, full-width digits,
/// more decimals, above the input limit) gives `None` and is read by [`input::amount`],
/// which accepts more and explains what it refuses.
pub(super) fn plain_fen(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let (int, frac) = match bytes.iter().position(|&b| b == b'.') {
        Some(p) => (bytes.get(..p)?, bytes.get(p + 1..)?),
        None => (bytes, &[][..]),
    };
    if int.is_empty()
        || int.len() > 10
        || frac.len() > 2
        || (frac.is_empty() && int.len() < bytes.len())
    {
        return None;
    }
    let digits = |s: &[u8]| {
        s.iter().try_fold(0i64, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0'))
        })
    };
    let fen = digits(int)? * 100 + digits(frac)? * if frac.len() == 1 { 10 } else { 1 };
    (fen <= input::MAX_AMOUNT as i64 * 100).then_some(fen)
}

/// Appends an amount in fen as yuan with two decimals, as [`Money`]'s `Display` writes it
/// (without a decimal: formatting one was a third of the batch's time at millions of rows).
pub(super) fn push_fen(out: &mut String, fen: i64) {
    if fen < 0 {
        out.push('-');
    }
    let abs = fen.unsigned_abs();
    out.push_str(itoa::Buffer::new().format(abs / 100));
    let cents = (abs % 100) as usize * 2;
    out.push('.');
    out.push_str(CENTS.get(cents..cents + 2).unwrap_or("00"));
}

/// The two decimals of every number of fen, 00 to 99, to copy from.
const CENTS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839\
                     40414243444546474849505152535455565758596061626364656667686970717273747576777879\
                     8081828384858687888990919293949596979899";

impl Batch {
    /// Computes one row and appends its result line (as [`crate::csv_row`] writes it) to
    /// `out`. Rows with plain amounts and a plan that fits in whole fen take the integer
    /// path (no decimal arithmetic, no allocation); any other row, and every failing row,
    /// goes through [`Batch::row`]. Both write the same line (tested row by row).
    pub fn write_row<C: Cells + ?Sized>(
        &mut self,
        row: usize,
        cells: &C,
        lang: Lang,
        out: &mut String,
    ) -> RowStatus {
        if let Some(status) = self.fast_row(row, cells, lang, out) {
            return status;
        }
        let r = self.row(row, cells);
        out.push_str(&crate::csv_row(&r, lang));
        r.status
    }

    /// The kind a text already seen reads as, without counting it (the fast path counts it
    /// once the row is sure to take that path).
    fn kind_of_text_peek(&self, text: &str) -> Option<EmployerKind> {
        if text.is_empty() {
            return self.options.employer;
        }
        self.kinds
            .iter()
            .find(|(t, ..)| t == text)
            .map(|(_, k, _)| *k)
    }

    fn fen_plan(&mut self, kind: EmployerKind) -> Option<FenPlan> {
        if let Some(p) = self.fen_plans.get(&kind) {
            return *p;
        }
        let p = self.plan(kind).as_ref().ok().and_then(Plan::in_fen);
        self.fen_plans.insert(kind, p);
        p
    }

    fn fast_row<C: Cells + ?Sized>(
        &mut self,
        row: usize,
        cells: &C,
        lang: Lang,
        out: &mut String,
    ) -> Option<RowStatus> {
        let m = &self.mapping;
        let cell = |i: Option<usize>| i.and_then(|i| cells.cell(i)).map_or("", trim);
        let (id, name, kind_text, wage) = (
            cell(m.employee_id),
            cell(m.name),
            cell(m.employer_kind),
            cell(Some(self.wage)),
        );
        let deducted = match cell(m.deducted) {
            "" => None,
            t => Some(plain_fen(t)?),
        };
        let wage = plain_fen(wage)?;
        // A total line, or a kind never seen, goes the long way.
        if [m.employee_id, m.name, Some(0)]
            .into_iter()
            .flatten()
            .filter_map(|i| cells.cell(i))
            .any(|c| c.contains('计'))
        {
            return None;
        }
        if !kind_text.is_empty() && !self.kinds.iter().any(|(t, ..)| t == kind_text) {
            return None;
        }
        let plan = self.fen_plan(self.kind_of_text_peek(kind_text)?)?;
        let a = plan.amounts(wage)?;
        let kind = self.kind_of_text(kind_text)?;
        let (employer_fixed, individual_fixed) = plan.fixed();
        let difference = match deducted {
            Some(d) => Some(d.checked_sub(a.individual_total)?),
            None => None,
        };
        // Nothing is written or counted until the row is sure to take this path.
        let [public_body, other] = &mut self.by_kind;
        let total = match kind {
            EmployerKind::PublicBody => public_body,
            EmployerKind::Other => other,
        };
        total
            .add(a.employer_total, a.individual_total, a.monthly_total)
            .ok()?;
        let status = if difference.is_some_and(|d| d != 0) {
            RowStatus::Mismatch
        } else {
            RowStatus::Ok
        };
        if status == RowStatus::Mismatch {
            self.mismatched_rows += 1;
        }
        if self.labels.as_ref().is_some_and(|l| l.lang != lang) {
            self.labels = None;
        }
        let labels = self.labels.get_or_insert_with(|| Labels {
            lang,
            kinds: [EmployerKind::PublicBody, EmployerKind::Other]
                .map(|k| k.label().get(lang).to_string()),
            ok: lang.pick("正常", "ok"),
            mismatch: lang.pick("扣款不符", "mismatch"),
        });
        let money = |out: &mut String, v: Option<i64>| {
            if let Some(v) = v {
                push_fen(out, v);
            }
            out.push(',');
        };
        out.push_str(itoa::Buffer::new().format(row));
        out.push(',');
        out.push_str(&crate::write::quote(id));
        out.push(',');
        out.push_str(&crate::write::quote(name));
        out.push(',');
        let [public_body, other] = &labels.kinds;
        out.push_str(match kind {
            EmployerKind::PublicBody => public_body,
            EmployerKind::Other => other,
        });
        out.push(',');
        for v in [
            Some(a.base),
            Some(a.employer_basic),
            employer_fixed,
            Some(a.employer_total),
            Some(a.individual_basic),
            individual_fixed,
            Some(a.individual_total),
            deducted,
            difference,
        ] {
            money(out, v);
        }
        out.push_str(if status == RowStatus::Ok {
            labels.ok
        } else {
            labels.mismatch
        });
        out.push_str(",,\r\n");
        Some(status)
    }
}
