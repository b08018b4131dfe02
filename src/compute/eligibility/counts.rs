//! The months that count toward the minimum: actual, deemed and transferred, now and going on.

use super::*;

/// What the city's rules say of deemed and transferred months, looked up only where the
/// person has some.
pub(super) fn counts(cx: &mut Ctx, i: &Inputs) -> Result<Counts, Error> {
    let counted = (i.deemed > 0).then(|| cx.need::<CountedMonths>(ParamId::CountedMonthsRule));
    let transferred = (i.transferred > 0).then(|| cx.need::<bool>(ParamId::TransferredCount));
    cx.check()?;
    let deemed = match counted {
        Some(c) => {
            let c = cx.resolve(c)?;
            Some((c.value == CountedMonths::ActualAndDeemed, c.cite))
        }
        None => None,
    };
    let transferred = match transferred {
        Some(t) => {
            let t = cx.resolve(t)?;
            Some((t.value, t.cite))
        }
        None => None,
    };
    Ok(Counts {
        deemed,
        transferred,
    })
}

/// What the city's rules say about the months beyond those paid here, where there are some:
/// (whether they count, the rule's citation).
pub(super) struct Counts {
    pub(super) deemed: Option<(bool, crate::lookup::CiteRef)>,
    pub(super) transferred: Option<(bool, crate::lookup::CiteRef)>,
}

/// The months that count so far: paid here, transferred in and deemed, each where the city
/// counts them.
pub(super) fn count_now(cx: &mut Ctx, i: &Inputs, c: &Counts) -> Result<u32, Error> {
    let (p, t, d) = (i.paid, i.transferred, i.deemed);
    let with_deemed = c.deemed.as_ref().is_some_and(|d| d.0);
    let with_transferred = c.transferred.as_ref().is_some_and(|t| t.0);
    let mut e = Expr::input("paid_months", ("实际缴费", "paid"), p, false);
    if with_transferred {
        e = e + Expr::input("transferred_months", ("转入", "transferred"), t, false);
    }
    if with_deemed {
        e = e + Expr::input("deemed_months", ("视同", "deemed"), d, false);
    }
    let mut left_out = Vec::new();
    if d > 0 && !with_deemed {
        left_out.push(Text::new(
            format!("视同 {d} 个月"),
            format!("deemed {d} months"),
        ));
    }
    if t > 0 && !with_transferred {
        left_out.push(Text::new(
            format!("转入 {t} 个月"),
            format!("transferred {t} months"),
        ));
    }
    let label = if left_out.is_empty() {
        text!(
            "截至 {} 计入年限的月数",
            "months that count up to {}",
            i.as_of
        )
    } else {
        let zh = left_out
            .iter()
            .map(|t| t.zh.clone())
            .collect::<Vec<_>>()
            .join("、");
        let en = left_out
            .iter()
            .map(|t| t.en.clone())
            .collect::<Vec<_>>()
            .join(", ");
        text!(
            "截至 {} 计入年限的月数（{zh}不计入）",
            "months that count up to {} ({en} do not count)",
            i.as_of
        )
    };
    let n = whole(cx.number("counted_now", label, "paid_months", e, "months")?);
    if let Some((yes, cite)) = &c.deemed {
        let shown = if *yes {
            text!("计入视同缴费年限", "deemed years count")
        } else {
            text!("只计实际缴费", "actual payments only")
        };
        cx.fact(
            "counted_rule",
            text!("计入年限的月份", "months that count"),
            shown,
            "",
            "",
            std::slice::from_ref(cite),
        );
    }
    if let Some((yes, cite)) = &c.transferred {
        let shown = if *yes {
            text!(
                "外地转入的实际缴费月数计入",
                "months paid elsewhere and transferred in count"
            )
        } else {
            text!("转入月数不计入", "transferred months do not count")
        };
        cx.fact(
            "transferred_rule",
            text!("外地转入的月数", "months transferred in"),
            shown,
            "",
            "",
            std::slice::from_ref(cite),
        );
    }
    Ok(n)
}
