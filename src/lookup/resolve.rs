//! Resolving what a computation needs at once, and a rule's figure for a page.

use super::*;

/// Needed figures, resolved together.
pub trait Resolve {
    type Out;
    fn resolve(self, cx: &mut Ctx) -> Result<Self::Out, Error>;
}

impl<T> Need<T> {
    fn take(self, missing: &mut Vec<ParamId>) -> Option<Cited<T>> {
        if self.got.is_none() {
            missing.push(self.id);
        }
        self.got
    }
}

/// The error for figures that resolved to nothing although nothing was recorded (a value
/// of the wrong kind for its unit): they are named as missing, so the person can supply them.
pub(super) fn unresolved(cx: &mut Ctx, ids: Vec<ParamId>) -> Error {
    for id in ids {
        cx.mark_missing(id);
    }
    cx.check().err().unwrap_or(Error::MissingFigures {
        missing: Vec::new(),
        optional: Vec::new(),
        notices: Vec::new(),
    })
}

macro_rules! resolve_tuple {
    ($($t:ident $v:ident),+) => {
        impl<$($t),+> Resolve for ($(Need<$t>,)+) {
            type Out = ($(Cited<$t>,)+);
            fn resolve(self, cx: &mut Ctx) -> Result<Self::Out, Error> {
                let mut missing = Vec::new();
                let ($($v,)+) = self;
                $( let $v = $v.take(&mut missing); )+
                match ($($v,)+) {
                    ($(Some($v),)+) => Ok(($($v,)+)),
                    _ => Err(unresolved(cx, missing)),
                }
            }
        }
    };
}

impl<T> Resolve for Need<T> {
    type Out = Cited<T>;
    fn resolve(self, cx: &mut Ctx) -> Result<Cited<T>, Error> {
        let mut missing = Vec::new();
        match self.take(&mut missing) {
            Some(v) => Ok(v),
            None => Err(unresolved(cx, missing)),
        }
    }
}

resolve_tuple!(A a, B b);
resolve_tuple!(A a, B b, C c);
resolve_tuple!(A a, B b, C c, D d);
resolve_tuple!(A a, B b, C c, D d, E e);
resolve_tuple!(A a, B b, C c, D d, E e, F f);

/// A rule figure as a listing shows it (the comparison of cities): the value in force at a
/// month, or carried there provisionally, with its status. `None` where nothing applies,
/// or, with official figures only, where only a lesser source (or a carried figure) does.
pub struct RuleFigure {
    pub value: &'static Value,
    pub status: Status,
    pub carried: Option<crate::explain::Carried>,
}

/// The figure of `id` in a city at a month, read as every computation reads it.
pub fn rule_figure(
    city: &'static City,
    id: ParamId,
    month: YearMonth,
    official_only: bool,
) -> Option<RuleFigure> {
    let (entry, carried) = match city.params.get(&id)?.find(month) {
        At::InForce(e) => (e, None),
        At::Carried { entry, since } => (entry, Some(since)),
        At::NotOnFile | At::Before => return None,
    };
    let value = entry.value.as_ref()?;
    let status = Ctx::shown_status(entry, carried);
    if official_only && status.needs_caution() {
        return None;
    }
    Some(RuleFigure {
        value,
        status,
        carried: carried.and_then(|since| crate::explain::Carried::of(entry, since)),
    })
}
