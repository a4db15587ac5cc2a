//! The date an article was written.
//!
//! In order of trust:
//!
//! 1. **Stated** (`"text"`): a full date the page presents as its own —
//!    after a cue (`آخر تحديث: 2 يونيو 2025 - 17:16`, `نُشر في …`,
//!    `تاريخ النشر`), on a line of its own (`08:59 24/07/2025، الخميس`,
//!    `2025/09/07 | 21:35`, `03.12.2025`), or an agency dateline
//!    (`إسطنبول – 2 – 6 (كونا)`) whose year comes from the caller's date
//!    when given, else from the article's other dates. A publication cue
//!    beats an update cue.
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
    decide(&own, || neighbour_reference(text, start, end), given)
}

/// [`detect`] for each article of a page: the page is scanned once
/// ([`Page::new`]), not once per article and twice more around it.
pub(crate) fn detect_on(page: &Page, start: usize, end: usize, given: Option<Date>) -> (Option<Date>, Option<&'static str>) {
    let (start, end) = clamp(page.text, start, end);
    match page.own(start, end) {
        Some(own) => decide(own, || page.neighbour_reference(start, end), given),
        None => detect(page.text, start, end, given),
    }
}

fn decide(own: &[Expr], neighbours: impl FnOnce() -> Option<Date>, given: Option<Date>) -> (Option<Date>, Option<&'static str>) {
    if let Some(d) = stated(own, given) {
        return (Some(d), Some("text"));
    }
    if let Some(d) = infer(own, neighbours) {
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

/// A date the article states as its own. A dateline's missing year is the
/// caller's date's, when there is one: the article's other dates may be
/// history (`2 أبريل 2024` in a 2026 article).
fn stated(sc: &[Expr], given: Option<Date>) -> Option<Date> {
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
    let (d, m) = dl;
    if let Some(g) = given {
        return [g.year - 1, g.year, g.year + 1].into_iter().filter_map(|y| Date::new(y, m, d)).min_by_key(|c| g.days_to(c).abs());
    }
    let latest = sc.iter().filter(|e| !e.future).filter_map(full_day).max();
    let year = latest.map(|d| d.year).or_else(|| {
        sc.iter()
            .filter_map(|e| match e.val {
                Val::Year(y) | Val::Month { y: Some(y), .. } => Some(y),
                _ => None,
            })
            .max()
    })?;
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
    let mut best = None;
    for (a, b) in neighbour_windows(text, start, end) {
        best = best.max(window_reference(text, a, b));
    }
    best
}

/// The text before and after an article that [`neighbour_reference`] reads.
fn neighbour_windows(text: &str, start: usize, end: usize) -> [(usize, usize); 2] {
    let w = ((end - start) * 2).clamp(4096, 12288);
    [(start.saturating_sub(w), start), (end, (end + w).min(text.len()))].map(|(a, b)| clamp(text, a, b))
}

/// Latest full dated event of `text[a..b]`, scanned (lines with a digit).
fn window_reference(text: &str, a: usize, b: usize) -> Option<Date> {
    if b <= a {
        return None;
    }
    scan_opt(text, a, b, true).iter().filter_map(reference_date).max()
}

/// A full dated event that can date a neighbour: not future, not a page stamp.
fn reference_date(e: &Expr) -> Option<Date> {
    if e.future || e.stamp.is_some() {
        return None;
    }
    match (full_day(e), &e.val) {
        (Some(d), Val::Date { rel: Rel::None | Rel::Past, .. }) => Some(d),
        _ => None,
    }
}

/// A page scanned once for the dates of its articles.
///
/// The time scanner works a line at a time (a match never crosses a line
/// break), so the expressions of a range of whole lines are those of the
/// whole text in that range: an article (whole lines) takes its slice of
/// the page's expressions, and the text around it ([`neighbour_reference`])
/// is read from the page's lines, only its cut first and last lines being
/// scanned again. The answers are those of [`detect`].
pub(crate) struct Page<'a> {
    text: &'a str,
    exprs: Vec<Expr>,
    /// Lines with a digit (those `scan_opt(.., true)` reads) and a reference
    /// date: (line start, line end, latest such date), in text order.
    dated: Vec<(usize, usize, Date)>,
    /// Whether the text has U+2029, which breaks lines for the scanner but
    /// not for its digit test; such a page is scanned per article.
    per_article: bool,
}

impl<'a> Page<'a> {
    pub(crate) fn new(text: &'a str) -> Page<'a> {
        let exprs = scan(text, 0, text.len());
        let per_article = text.contains('\u{2029}') || !exprs.windows(2).all(|w| w[0].start <= w[1].start);
        let mut dated: Vec<(usize, usize, Date)> = Vec::new();
        if !per_article {
            let b = text.as_bytes();
            let mut line: Option<(usize, usize, bool)> = None;
            for e in &exprs {
                let Some(d) = reference_date(e) else { continue };
                if line.is_none_or(|(s, t, _)| e.start < s || e.start >= t) {
                    let s = b[..e.start].iter().rposition(|&x| x == b'\n' || x == b'\r').map_or(0, |k| k + 1);
                    let t = b[e.start..].iter().position(|&x| x == b'\n' || x == b'\r').map_or(b.len(), |k| e.start + k);
                    line = Some((s, t, has_digit(&b[s..t])));
                }
                let (s, t, digit) = line.unwrap_or((0, 0, false));
                if !digit {
                    continue;
                }
                match dated.last_mut() {
                    Some(last) if last.0 == s => last.2 = last.2.max(d),
                    _ => dated.push((s, t, d)),
                }
            }
        }
        Page { text, exprs, dated, per_article }
    }

    /// The expressions of `text[start..end]` when that is whole lines.
    fn own(&self, start: usize, end: usize) -> Option<&[Expr]> {
        if self.per_article || !self.line_start(start) || !(end == self.text.len() || self.line_start(end)) {
            return None;
        }
        let a = self.exprs.partition_point(|e| e.start < start);
        let b = self.exprs.partition_point(|e| e.start < end);
        Some(&self.exprs[a..b.max(a)])
    }

    fn line_start(&self, i: usize) -> bool {
        i == 0 || matches!(self.text.as_bytes().get(i - 1), Some(b'\n' | b'\r'))
    }

    fn neighbour_reference(&self, start: usize, end: usize) -> Option<Date> {
        let text = self.text;
        let b = text.as_bytes();
        let mut best = None;
        for (a, z) in neighbour_windows(text, start, end) {
            if z <= a {
                continue;
            }
            // The cut first line, the whole lines, the cut last line.
            let first_end = b[a..z].iter().position(|&x| x == b'\n' || x == b'\r').map(|k| a + k);
            let Some(first_end) = first_end else {
                best = best.max(window_reference(text, a, z));
                continue;
            };
            let last_start = b[a..z].iter().rposition(|&x| x == b'\n' || x == b'\r').map_or(a, |k| a + k + 1);
            best = best.max(window_reference(text, a, first_end));
            best = best.max(window_reference(text, last_start, z));
            // Whole lines in between: those starting after the first cut line
            // and ending before the last one begins.
            let from = self.dated.partition_point(|l| l.0 <= first_end);
            for &(s, t, d) in &self.dated[from..] {
                if t >= last_start {
                    break;
                }
                debug_assert!(s > first_end);
                best = best.max(Some(d));
            }
        }
        best
    }
}

/// Any ASCII, Arabic-Indic or Persian digit: which lines `scan_opt(.., true)`
/// reads (as `crate::times::tok` tests).
fn has_digit(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_digit()
            || (x == 0xD9 && b.get(i + 1).is_some_and(|y| (0xA0..=0xA9).contains(y)))
            || (x == 0xDB && b.get(i + 1).is_some_and(|y| (0xB0..=0xB9).contains(y)))
    })
}

fn infer(own: &[Expr], neighbours: impl FnOnce() -> Option<Date>) -> Option<Date> {
    let c = constraints(own);
    let pinned = !c.weekday.is_empty() || c.lead.is_some() || !c.events.is_empty();
    let r = if pinned {
        // The page's other stories may supply the reference.
        c.latest.max(neighbours())?
    } else if c.relative {
        // Relative words that do not pin a day (`الشهر الماضي`, `الثلاثاء
        // المقبل`): the article is dated by its own latest event only.
        c.latest?
    } else {
        return None;
    };
    pick(&c, r)
}

/// The date of an article with constraints `c` and reference `r`: among the
/// days that satisfy the most constraints, the first on or after `r` within
/// two weeks, else the one in `r`'s year closest after the article's own
/// events, else the one nearest `r`.
///
/// Every day from `r - 400` (or the latest own event) to `r + 45` is scored;
/// the days are walked in order with their weekday kept as they go, and each
/// year-less event's candidate days (`day_month`) are worked out once per
/// year, so a day costs a few comparisons.
fn pick(c: &Constraints, r: Date) -> Option<Date> {
    let lo = match c.latest {
        Some(l) => l.max(r.add_days(-400)),
        None => r.add_days(-400),
    };
    // Rarely written long after the latest event it dates.
    let hi = r.add_days(45);
    let (lo_n, hi_n, r_n) = (lo.to_days(), hi.to_days(), r.to_days());
    if lo_n > hi_n {
        return None;
    }
    // Nothing to satisfy: every day scores 0, and the first within two
    // weeks on or after the reference is the reference itself.
    if c.weekday.is_empty() && c.month.is_empty() && c.lead.is_none() && c.events.is_empty() && (lo_n..=hi_n).contains(&r_n) {
        return Some(r);
    }
    let mut by_weekday = [0i32; 7];
    for &w in &c.weekday {
        if let Some(s) = by_weekday.get_mut(w as usize) {
            *s += 10;
        }
    }
    let mut by_month = [0i32; 13];
    for &m in &c.month {
        if let Some(s) = by_month.get_mut(m as usize) {
            *s += 8;
        }
    }
    let lead = if c.weekday.is_empty() { c.lead } else { None };
    let mut events: Vec<EventDays> = Vec::new();
    for &(m, d, rel) in &c.events {
        match events.iter_mut().find(|e| (e.m, e.d, e.rel) == (m, d, rel)) {
            Some(e) => e.weight += 1,
            None => events.push(EventDays::new(m, d, rel)),
        }
    }
    let mut days: Vec<(Date, i64, i32)> = Vec::with_capacity((hi_n - lo_n + 1) as usize);
    let mut d = lo;
    let mut wd = lo.weekday();
    for n in lo_n..=hi_n {
        let mut s = by_weekday[wd as usize] + by_month.get(d.month as usize).copied().unwrap_or(0);
        if lead == Some(wd) {
            s += 3;
        }
        for e in events.iter_mut() {
            if e.resolve(d, n).is_some_and(|x| x <= n) {
                s += 2 * e.weight;
            }
        }
        days.push((d, n, s));
        d = next_day(d);
        wd = (wd + 1) % 7;
    }
    let best = days.iter().map(|x| x.2).max()?;
    let top = || days.iter().filter(move |x| x.2 == best).map(|x| (x.0, x.1));
    // 1. Within two weeks on or after the reference.
    if let Some((d, _)) = top().find(|&(_, n)| n >= r_n && n - r_n <= 13) {
        return Some(d);
    }
    // 2. In the reference's year, closest after the article's own events.
    let latest_n = c.latest.map(|l| l.to_days());
    let mut own_latest = |d: Date, n: i64| -> Option<i64> {
        let ev = events.iter_mut().filter_map(|e| e.resolve(d, n)).filter(|&x| x <= n).max();
        ev.max(latest_n.filter(|&x| x <= n))
    };
    if let Some((d, _)) = top().filter(|(d, _)| d.year == r.year).min_by_key(|&(d, n)| match own_latest(d, n) {
        Some(e) => (0, n - e),
        None => (1, (n - r_n).abs()),
    }) {
        return Some(d);
    }
    // 3. Nearest the reference, after it on a tie.
    top().min_by_key(|&(_, n)| ((n - r_n).abs(), n < r_n)).map(|(d, _)| d)
}

/// The day after `d` (as `Date::from_days(d.to_days() + 1)`).
fn next_day(d: Date) -> Date {
    if d.day < crate::calendar::days_in_month(d.year, d.month) {
        Date { day: d.day + 1, ..d }
    } else if d.month < 12 {
        Date { month: d.month + 1, day: 1, ..d }
    } else {
        Date { year: d.year + 1, month: 1, day: 1 }
    }
}

/// A year-less event (`15 مايو`) as [`day_month`] resolves it against an
/// anchor, with the candidate days of the anchor's year kept.
struct EventDays {
    m: u32,
    d: u32,
    rel: Rel,
    weight: i32,
    /// The anchor year the candidates are for, and the candidates
    /// (`m`/`d` in the years before, of and after it) as day numbers.
    year: Option<i32>,
    cands: [Option<i64>; 3],
}

impl EventDays {
    fn new(m: u32, d: u32, rel: Rel) -> EventDays {
        EventDays { m, d, rel, weight: 1, year: None, cands: [None; 3] }
    }

    /// `day_month(a, m, d, rel, false, None)` as a day number; `n` is `a`'s.
    fn resolve(&mut self, a: Date, n: i64) -> Option<i64> {
        if !matches!(self.rel, Rel::Past | Rel::None) {
            return day_month(a, self.m, self.d, self.rel, false, None).map(|x| x.to_days());
        }
        if self.year != Some(a.year) {
            self.year = Some(a.year);
            self.cands = if self.d > crate::calendar::days_in_month(2024, self.m) {
                [None; 3]
            } else {
                [-1, 0, 1].map(|k| Date::new(a.year + k, self.m, self.d).map(|x| x.to_days()))
            };
        }
        let limit = if self.rel == Rel::Past { n - 1 } else { n + 31 };
        self.cands.iter().rev().flatten().copied().find(|&c| c <= limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first version of `pick`, kept to check it against.
    fn pick_reference(c: &Constraints, r: Date) -> Option<Date> {
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

    #[test]
    fn pick_agrees_with_the_reference() {
        let mut seed: u64 = 0x5555_AAAA_1234_9876;
        let mut rnd = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..3000 {
            let mut c = Constraints::default();
            for _ in 0..rnd(3) {
                c.weekday.push(rnd(7) as u32);
            }
            for _ in 0..rnd(3) {
                c.month.push(rnd(14) as u32);
            }
            if rnd(2) == 0 {
                c.lead = Some(rnd(7) as u32);
            }
            for _ in 0..rnd(5) {
                let rel = [Rel::None, Rel::Past, Rel::Past, Rel::None, Rel::Current][rnd(5) as usize];
                c.events.push((1 + rnd(13) as u32, 1 + rnd(31) as u32, rel));
            }
            let r = Date::new(1990 + rnd(40) as i32, 1 + rnd(12) as u32, 1 + rnd(28) as u32).unwrap();
            if rnd(3) > 0 {
                c.latest = Some(r.add_days(-(rnd(900) as i64)));
            }
            assert_eq!(pick(&c, r), pick_reference(&c, r), "{:?} {:?} {:?} {:?} {:?} {r:?}", c.weekday, c.month, c.lead, c.events, c.latest);
        }
        // The last day of the calendar.
        let c = Constraints { events: vec![(12, 31, Rel::None), (2, 29, Rel::Past)], ..Default::default() };
        let r = Date::new(9999, 12, 1).unwrap();
        assert_eq!(pick(&c, r), pick_reference(&c, r));
    }


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
    fn a_dateline_takes_its_year_from_the_given_date() {
        let t = "عنوان\n\nالرباط – 12 – 3 (وكالة) – قال الوزير إن الاتفاق الموقع يوم 2 أبريل 2024 ما زال سارياً.";
        let iso = |r: (Option<Date>, Option<&str>)| (r.0.map(|d| d.iso()), r.1.map(str::to_string));
        assert_eq!(iso(detect(t, 0, t.len(), None)), (Some("2024-03-12".into()), Some("text".into())));
        assert_eq!(iso(detect(t, 0, t.len(), Date::new(2026, 3, 12))), (Some("2026-03-12".into()), Some("text".into())));
        // Around new year, the nearest such day.
        assert_eq!(iso(detect(t.replace("12 – 3", "30 – 12").as_str(), 0, t.len(), Date::new(2027, 1, 1))).0, Some("2026-12-30".into()));
    }

    #[test]
    fn nothing_to_go_on() {
        assert_eq!(det("قال الوزير إن المحادثات مستمرة."), (None, None));
        let (d, f) = detect("نص بلا تاريخ", 0, 5, Date::new(2025, 1, 2));
        assert_eq!((d.map(|d| d.iso()), f), (Some("2025-01-02".into()), Some("given")));
    }

    /// Dating articles off one scan of the page gives what scanning each
    /// article and its surroundings gives.
    #[test]
    fn page_scan_agrees_with_detect() {
        let pieces = [
            "قال الوزير اليوم الجمعة إن المحادثات مستمرة.",
            "وكان الاجتماع في 23 ديسمبر 2025 في إسطنبول.",
            "أمس الخميس أعلن الجيش",
            "يوم الأربعاء",
            "في 14 مارس 2024",
            "آخر تحديث: 2 يونيو 2025 - 17:16",
            "08:59 24/07/2025، الخميس",
            "الشهر الماضي",
            "15 مايو",
            "عنوان قصير",
            "نص",
            "2025/09/07 | 21:35",
            "3 آلاف شخص",
            "١٤ آذار ٢٠٠٥",
            "\r",
            "",
        ];
        let mut seed: u64 = 0x1234_5678_9ABC_DEF1;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for round in 0..300 {
            let lines = 1 + rnd(60);
            let mut text = String::new();
            for _ in 0..lines {
                for _ in 0..1 + rnd(3) {
                    text.push_str(pieces[rnd(pieces.len())]);
                    // A paragraph separator in a few pages (scanned per article).
                    text.push(if round % 10 == 0 && rnd(20) == 0 { '\u{2029}' } else { ' ' });
                }
                // Long lines now and then, so windows cut lines.
                if rnd(8) == 0 {
                    text.push_str(&"كلام ".repeat(rnd(900)));
                }
                text.push('\n');
            }
            let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
            let page = Page::new(&text);
            for _ in 0..20 {
                let a = starts[rnd(starts.len())];
                let b = starts[rnd(starts.len())];
                let (a, b) = (a.min(b), a.max(b));
                let given = if round % 2 == 0 { None } else { Date::new(2025, 6, 1) };
                assert_eq!(detect_on(&page, a, b, given), detect(&text, a, b, given), "{a}..{b} of {text:?}");
            }
            assert_eq!(detect_on(&page, 0, text.len(), None), detect(&text, 0, text.len(), None));
        }
    }

    #[test]
    fn out_of_range_offsets_do_not_panic() {
        let s = "اليوم الجمعة";
        let _ = detect(s, 3, 1000, None);
        let _ = detect(s, 1, 2, None);
    }
}
