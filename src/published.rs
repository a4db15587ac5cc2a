//! The date an article was written.
//!
//! In order of trust:
//!
//! 1. **Stated** (`"text"`): a full date the page presents as its own —
//!    after a cue (`آخر تحديث: 2 يونيو 2025 - 17:16`, `نُشر في …`,
//!    `تاريخ النشر`), on a line of its own (`08:59 24/07/2025، الخميس`,
//!    `2025/09/07 | 21:35`, `03.12.2025`), or an agency dateline
//!    (`إسطنبول – 2 – 6 (كونا)`) whose year comes from the article's other
//!    dates. A publication cue beats an update cue.
//! 2. **Inferred** (`"inferred"`): from the article's relative dates. When
//!    they pin a day — a weekday tied to the anchor (`اليوم الجمعة`,
//!    `أمس الخميس`), the first bare weekday of the reporting (`يوم الأربعاء`),
//!    or a day and month without a year — the reference `R` is the latest
//!    full dated event in the article or, failing that, in the text just
//!    around it (a page's other stories); the article cannot be older than
//!    its own latest dated event. When they do not pin a day (`الشهر
//!    الماضي`, `العام المقبل`, `الثلاثاء المقبل`), `R` must be the article's
//!    own latest dated event and the article is dated that day. Among the days that satisfy the most
//!    constraints (a weekday, `الشهر الجاري`/`يونيو الحالي`, undated events
//!    on or before the date), the first on or after `R` within two weeks
//!    wins; otherwise the one in `R`'s year closest after the article's own
//!    latest event; otherwise the one nearest `R`. So an article saying
//!    `يوم 23 ديسمبر 2025` and `اليوم الجمعة` is dated 2025-12-26. With only
//!    explicit dates and no relative ones there is nothing to infer from.
//! 3. **Given** (`"given"`): the caller's date. It also overrules an
//!    inference that lands more than a month away from it: inference trusts
//!    the article's latest full date, which may be historical.
//! 4. Otherwise none: a date is never made up.

use crate::calendar::Date;
use crate::times::lex::Rel;
use crate::times::resolve::day_month;
use crate::times::scan::{scan, scan_opt, Expr, Val};

/// Publication date of `text[start..end]`: from the text when it says so,
/// else inferred, else `given`, else none.
pub fn detect(text: &str, start: usize, end: usize, given: Option<Date>) -> (Option<Date>, Option<&'static str>) {
    let (start, end) = clamp(text, start, end);
    let own = scan(text, start, end);
    if let Some(d) = stated(&own) {
        return (Some(d), Some("text"));
    }
    if let Some(d) = infer(text, start, end, &own) {
        // The caller's date overrules an inference that lands far from it
        // (an article whose only full date is historical, `14 آذار 2005`).
        match given {
            Some(g) if g.days_to(&d).abs() > 31 => {}
            _ => return (Some(d), Some("inferred")),
        }
    }
    match given {
        Some(d) => (Some(d), Some("given")),
        None => (None, None),
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn clamp(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = floor_boundary(text, start);
    let e = floor_boundary(text, end.max(s));
    (s, e)
}

/// A full calendar day (with its year) written in the expression.
fn full_day(e: &Expr) -> Option<Date> {
    match e.val {
        Val::Date { y: Some(y), m, d, .. } => Date::new(y, m, d),
        Val::Hijri { y: Some(y), m, d, wd } => crate::times::resolve::hijri_date(y, m, d, wd),
        _ => None,
    }
}

/// A date the article states as its own.
fn stated(sc: &[Expr]) -> Option<Date> {
    let mut best = None;
    for e in sc {
        if let (Some(c), Some(d)) = (e.stamp, full_day(e)) {
            if best.is_none_or(|(bc, _)| c < bc) {
                best = Some((c, d));
            }
        }
    }
    if let Some((_, d)) = best {
        return Some(d);
    }
    // An agency dateline: day and month, the year from the article's dates.
    let dl = sc.iter().filter(|e| e.dateline).find_map(|e| match e.val {
        Val::Dateline { d, m } | Val::Date { d, m, .. } => Some((d, m)),
        _ => None,
    })?;
    let latest = sc.iter().filter(|e| !e.future).filter_map(full_day).max();
    let year = latest.map(|d| d.year).or_else(|| {
        sc.iter()
            .filter_map(|e| match e.val {
                Val::Year(y) | Val::Month { y: Some(y), .. } => Some(y),
                _ => None,
            })
            .max()
    })?;
    let (d, m) = dl;
    let cand = Date::new(year, m, d)?;
    match latest {
        // Written after the latest event it reports (a January article
        // about late December).
        Some(l) if cand < l && l.days_to(&cand) < -31 => Date::new(year + 1, m, d),
        _ => Some(cand),
    }
}

/// What the article's relative expressions say about its date.
#[derive(Default)]
struct Constraints {
    /// Weekdays the anchor must have (`اليوم الجمعة` → Friday).
    weekday: Vec<u32>,
    /// Months the anchor must be in (`يونيو الجاري`).
    month: Vec<u32>,
    /// The first bare weekday of past reporting.
    lead: Option<u32>,
    /// Days and months without a year, reported as past: `(m, d, rel)`.
    events: Vec<(u32, u32, Rel)>,
    /// Latest full dated (non-future) event.
    latest: Option<Date>,
    /// Any expression that needs the article's date (`الشهر الماضي`,
    /// `العام المقبل`, `يوم الثلاثاء المقبل`, `أمس`).
    relative: bool,
}

const MAX_CONSTRAINTS: usize = 48;

fn constraints(sc: &[Expr]) -> Constraints {
    let mut c = Constraints::default();
    for e in sc {
        if let Some(d) = full_day(e) {
            if !e.future && !matches!(e.val, Val::Date { rel: Rel::Future, .. }) {
                c.latest = c.latest.max(Some(d));
            }
            continue;
        }
        let absolute = matches!(e.val, Val::Year(_) | Val::YearRange(..) | Val::Month { y: Some(_), .. } | Val::HijriMonth { .. } | Val::HijriYear(_));
        let rhetorical = e.quoted && matches!(e.val, Val::RelDay { wd: None, .. });
        if !absolute && !rhetorical {
            c.relative = true;
        }
        match e.val {
            Val::RelDay { off, wd: Some(w) } if c.weekday.len() < MAX_CONSTRAINTS => {
                c.weekday.push((w as i64 - off as i64).rem_euclid(7) as u32);
            }
            Val::Weekday { wd, rel: Rel::None } if !e.future && c.lead.is_none() && !e.quoted => c.lead = Some(wd),
            Val::Month { y: None, yoff: None, m, rel: Rel::Current } | Val::Range { y: None, m1: m, rel: Rel::Current, .. }
                if c.month.len() < MAX_CONSTRAINTS =>
            {
                c.month.push(m)
            }
            Val::Date { y: None, yoff: None, m, d, rel, .. } if c.events.len() < MAX_CONSTRAINTS => match rel {
                Rel::Current => c.month.push(m),
                Rel::Future => {}
                _ if e.future => {}
                _ => c.events.push((m, d, rel)),
            },
            _ => {}
        }
    }
    c
}

/// Latest full dated event in the text around the article (its page's other
/// stories), page stamps excluded. The window grows with the article but is
/// bounded, so a page of many articles stays linear.
fn neighbour_reference(text: &str, start: usize, end: usize) -> Option<Date> {
    let w = ((end - start) * 2).clamp(4096, 12288);
    let mut best = None;
    for (a, b) in [(start.saturating_sub(w), start), (end, (end + w).min(text.len()))] {
        let (a, b) = clamp(text, a, b);
        if b <= a {
            continue;
        }
        for e in &scan_opt(text, a, b, true) {
            if e.future || e.stamp.is_some() {
                continue;
            }
            if let (Some(d), Val::Date { rel: Rel::None | Rel::Past, .. }) = (full_day(e), &e.val) {
                best = best.max(Some(d));
            }
        }
    }
    best
}

fn infer(text: &str, start: usize, end: usize, own: &[Expr]) -> Option<Date> {
    let c = constraints(own);
    let pinned = !c.weekday.is_empty() || c.lead.is_some() || !c.events.is_empty();
    let r = if pinned {
        // The page's other stories may supply the reference.
        c.latest.max(neighbour_reference(text, start, end))?
    } else if c.relative {
        // Relative words that do not pin a day (`الشهر الماضي`, `الثلاثاء
        // المقبل`): the article is dated by its own latest event only.
        c.latest?
    } else {
        return None;
    };
    let score = |d: Date| -> i32 {
        let mut s = 0;
        for &w in &c.weekday {
            if d.weekday() == w {
                s += 10;
            }
        }
        for &m in &c.month {
            if d.month == m {
                s += 8;
            }
        }
        if c.weekday.is_empty() && c.lead == Some(d.weekday()) {
            s += 3;
        }
        for &(m, dd, rel) in &c.events {
            if day_month(d, m, dd, rel, false, None).is_some_and(|x| x <= d) {
                s += 2;
            }
        }
        s
    };
    // The latest own event on or before `d` (full or year-less).
    let own_latest = |d: Date| -> Option<Date> {
        let ev = c.events.iter().filter_map(|&(m, dd, rel)| day_month(d, m, dd, rel, false, None)).filter(|x| *x <= d).max();
        ev.max(c.latest.filter(|x| *x <= d))
    };
    let lo = match c.latest {
        Some(l) => l.max(r.add_days(-400)),
        None => r.add_days(-400),
    };
    // Rarely written long after the latest event it dates.
    let hi = r.add_days(45);
    let days: Vec<(Date, i32)> = (lo.to_days()..=hi.to_days()).map(Date::from_days).map(|d| (d, score(d))).collect();
    let best = days.iter().map(|x| x.1).max()?;
    let top = || days.iter().filter(move |x| x.1 == best).map(|x| x.0);
    // 1. Within two weeks on or after the reference.
    if let Some(d) = top().find(|d| *d >= r && r.days_to(d) <= 13) {
        return Some(d);
    }
    // 2. In the reference's year, closest after the article's own events.
    if let Some(d) = top().filter(|d| d.year == r.year).min_by_key(|d| match own_latest(*d) {
        Some(e) => (0, e.days_to(d)),
        None => (1, (r.days_to(d)).abs()),
    }) {
        return Some(d);
    }
    // 3. Nearest the reference, after it on a tie.
    top().min_by_key(|d| (r.days_to(d).abs(), *d < r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det(s: &str) -> (Option<String>, Option<&'static str>) {
        let (d, f) = detect(s, 0, s.len(), None);
        (d.map(|d| d.iso()), f)
    }

    #[test]
    fn stated_after_cue() {
        assert_eq!(det("نص الخبر.\nآخر تحديث: 2 يونيو 2025 - 17:16\n"), (Some("2025-06-02".into()), Some("text")));
        assert_eq!(det("نُشر في 14 مارس 2024\nنص"), (Some("2024-03-14".into()), Some("text")));
    }

    #[test]
    fn stated_alone_on_line() {
        assert_eq!(det("عنوان\n08:59 24/07/2025، الخميس\nنص الخبر"), (Some("2025-07-24".into()), Some("text")));
        assert_eq!(det("عنوان\n2025/09/07 | 21:35\nنص"), (Some("2025-09-07".into()), Some("text")));
        assert_eq!(det("عنوان\n03.12.2025\nنص"), (Some("2025-12-03".into()), Some("text")));
    }

    #[test]
    fn nothing_to_go_on() {
        assert_eq!(det("قال الوزير إن المحادثات مستمرة."), (None, None));
        let (d, f) = detect("نص بلا تاريخ", 0, 5, Date::new(2025, 1, 2));
        assert_eq!((d.map(|d| d.iso()), f), (Some("2025-01-02".into()), Some("given")));
    }

    #[test]
    fn out_of_range_offsets_do_not_panic() {
        let s = "اليوم الجمعة";
        let _ = detect(s, 3, 1000, None);
        let _ = detect(s, 1, 2, None);
    }
}
