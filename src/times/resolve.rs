//! From an expression to its ISO 8601 value, given the article's date.
//!
//! Conventions (from the gold files and GUIDELINES.md):
//! - A bare weekday in reporting is the most recent such day on or before
//!   the anchor (`يوم الأربعاء` in a Wednesday article is that Wednesday);
//!   with `الماضي` strictly before; with `المقبل`/`القادم` or a future clause
//!   (`سيلتقي … يوم الأحد`) the next one after.
//! - `اليوم X`, `أمس X`, `غداً X`, `بعد غد X` are the anchor moved by 0/−1/+1/+2
//!   days; when the named weekday disagrees, the nearest day with that
//!   weekday wins (the text is more specific than our anchor).
//! - A weekday next to an explicit date never overrides the date.
//! - A day and month without a year take the latest year that does not put
//!   them more than a month after the anchor (`28 فبراير` in a December
//!   article is this February; `20 و30 يونيو` on 3 June is this June); with
//!   `الماضي` strictly before, with `المقبل`/future the first on or after.
//! - A month alone takes the year that puts it nearest the anchor (ties go
//!   to the past), `الماضي`/`المقبل`/`الجاري` as they say.
//! - `العام الجديد` is the next year (the current one in January).
//! - Without an anchor, anything relative is `null`.

use super::lex::Rel;
use super::scan::Val;
use crate::calendar::{days_in_month, month_add, Date};

pub fn resolve(v: &Val, anchor: Option<Date>, future: bool) -> Option<String> {
    match *v {
        Val::Date { y: Some(y), m, d, hm, .. } => {
            let date = Date::new(y, m, d)?;
            Some(match hm {
                Some((h, mi)) => date.iso_minute(h, mi),
                None => date.iso(),
            })
        }
        Val::Date { y: None, yoff, m, d, wd, rel, hm } => {
            let a = anchor?;
            let date = match yoff {
                Some(k) => Date::new(a.year + k, m, d)?,
                None => day_month(a, m, d, rel, future, wd)?,
            };
            Some(match hm {
                Some((h, mi)) => date.iso_minute(h, mi),
                None => date.iso(),
            })
        }
        Val::DayOfRelMonth { d, off } => {
            let a = anchor?;
            let (y, m) = month_add(a.year, a.month, off);
            Date::new(y, m, d).map(|x| x.iso())
        }
        Val::Range { y, m1, d1, m2, d2, rel } => {
            let start = match y {
                Some(y) => Date::new(y, m1, d1)?,
                None => day_month(anchor?, m1, d1, rel, future, None)?,
            };
            let y2 = if m2 < m1 { start.year + 1 } else { start.year };
            let end = Date::new(y2, m2, d2)?;
            Some(format!("{start}/{end}"))
        }
        Val::Month { y: Some(y), m, .. } => Some(format!("{y:04}-{m:02}")),
        Val::Month { y: None, yoff, m, rel } => {
            let a = anchor?;
            let y = match yoff {
                Some(k) => a.year + k,
                None => month_year(a, m, rel, future),
            };
            Some(format!("{y:04}-{m:02}"))
        }
        Val::Year(y) => Some(format!("{y:04}")),
        Val::RelYear(k) => anchor.map(|a| format!("{:04}", a.year + k)),
        Val::NewYear => anchor.map(|a| format!("{:04}", if a.month == 1 { a.year } else { a.year + 1 })),
        Val::RelMonth(k) => {
            let a = anchor?;
            let (y, m) = month_add(a.year, a.month, k);
            Some(format!("{y:04}-{m:02}"))
        }
        Val::RelDay { off, wd } => {
            let a = anchor?;
            let t = a.add_days(off as i64);
            Some(match wd {
                Some(w) if t.weekday() != w => nearest_weekday(t, w).iso(),
                _ => t.iso(),
            })
        }
        Val::Weekday { wd, rel } => Some(weekday(anchor?, wd, rel, future).iso()),
        Val::NightRange { wd1, wd2, rel } => {
            let a = anchor?;
            let start = weekday(a, wd1, rel, future);
            let gap = (wd2 as i64 - wd1 as i64).rem_euclid(7).max(1);
            Some(format!("{}/{}", start, start.add_days(gap)))
        }
        Val::Dateline { d, m } => day_month(anchor?, m, d, Rel::None, false, None).map(|x| x.iso()),
        Val::Hijri { y: Some(y), m, d, wd } => hijri_date(y, m, d, wd).map(|x| x.iso()),
        Val::Hijri { y: None, m, d, wd } => {
            let a = anchor?;
            let (hy, _, _) = a.to_hijri();
            // The latest Hijri year that does not put it a month past the anchor.
            let limit = a.add_days(31);
            (hy - 1..=hy + 1).rev().filter_map(|y| hijri_date(y, m, d, wd)).find(|x| *x <= limit).map(|x| x.iso())
        }
        Val::HijriYear(y) => {
            let first = Date::from_hijri(y, 1, 1)?;
            let last = Date::from_hijri(y, 12, crate::calendar::hijri_month_len(y, 12))?;
            Some(format!("{first}/{last}"))
        }
        Val::YearRange(a, b) => Some(format!("{a:04}/{b:04}")),
        Val::HijriMonth { y, m } => {
            let first = Date::from_hijri(y, m, 1)?;
            let last = Date::from_hijri(y, m, crate::calendar::hijri_month_len(y, m))?;
            Some(format!("{first}/{last}"))
        }
    }
}

/// Hijri `y-m-d` in the tabular calendar; when the text names the weekday
/// and the tabular day is a day or two off it (months start by sighting or
/// by Umm al-Qura), the written weekday wins.
pub fn hijri_date(y: i32, m: u32, d: u32, wd: Option<u32>) -> Option<Date> {
    let t = Date::from_hijri(y, m, d)?;
    match wd {
        Some(w) if t.weekday() != w => {
            [-1i64, 1, -2, 2].iter().map(|&k| t.add_days(k)).find(|x| x.weekday() == w).or(Some(t))
        }
        _ => Some(t),
    }
}

/// The year for day `d` of month `m` relative to anchor `a`.
pub fn day_month(a: Date, m: u32, d: u32, rel: Rel, future: bool, wd: Option<u32>) -> Option<Date> {
    if d > days_in_month(2024, m) {
        return None;
    }
    let mut buf = [a; 3];
    let mut n = 0;
    for c in [Date::new(a.year - 1, m, d), Date::new(a.year, m, d), Date::new(a.year + 1, m, d)].into_iter().flatten() {
        buf[n] = c;
        n += 1;
    }
    let cands = &buf[..n];
    // A weekday written with it picks the year it agrees with, near the anchor.
    if let Some(w) = wd {
        if let Some(c) = cands.iter().filter(|c| c.weekday() == w && (c.to_days() - a.to_days()).abs() <= 200).min_by_key(|c| (c.to_days() - a.to_days()).abs()) {
            return Some(*c);
        }
    }
    match rel {
        Rel::Past => cands.iter().rev().find(|c| **c < a).copied(),
        Rel::Future => cands.iter().find(|c| **c >= a).copied(),
        Rel::Current => Date::new(a.year, m, d),
        Rel::None if future => cands.iter().find(|c| **c >= a).copied(),
        Rel::None => {
            let limit = a.add_days(31);
            cands.iter().rev().find(|c| **c <= limit).copied()
        }
    }
}

/// The year of month `m` alone, relative to anchor `a`.
pub fn month_year(a: Date, m: u32, rel: Rel, future: bool) -> i32 {
    let here = a.year * 12 + a.month as i32 - 1;
    let at = |y: i32| y * 12 + m as i32 - 1;
    match rel {
        Rel::Past => (a.year - 1..=a.year).rev().find(|&y| at(y) < here).unwrap_or(a.year - 1),
        Rel::Future => (a.year..=a.year + 1).find(|&y| at(y) > here).unwrap_or(a.year + 1),
        Rel::Current => a.year,
        Rel::None if future => (a.year..=a.year + 1).find(|&y| at(y) >= here).unwrap_or(a.year),
        Rel::None => {
            // Nearest; a tie goes to the past.
            let mut best = a.year;
            let mut best_d = i32::MAX;
            for y in [a.year - 1, a.year, a.year + 1] {
                let dist = at(y) - here;
                let key = dist.abs() * 2 + if dist > 0 { 1 } else { 0 };
                if key < best_d {
                    best_d = key;
                    best = y;
                }
            }
            best
        }
    }
}

/// Weekday `w` relative to anchor `a`: the latest on or before it by default,
/// strictly before with `الماضي`, the next after with `المقبل` or a future
/// clause.
pub fn weekday(a: Date, w: u32, rel: Rel, future: bool) -> Date {
    let back = (a.weekday() as i64 - w as i64).rem_euclid(7);
    let fwd = (w as i64 - a.weekday() as i64).rem_euclid(7);
    match rel {
        Rel::Past => a.add_days(-(if back == 0 { 7 } else { back })),
        Rel::Future => a.add_days(if fwd == 0 { 7 } else { fwd }),
        _ if future => a.add_days(if fwd == 0 { 7 } else { fwd }),
        _ => a.add_days(-back),
    }
}

/// The day with weekday `w` nearest to `t` (ties go back).
pub fn nearest_weekday(t: Date, w: u32) -> Date {
    let back = (t.weekday() as i64 - w as i64).rem_euclid(7);
    let fwd = (w as i64 - t.weekday() as i64).rem_euclid(7);
    if back <= fwd {
        t.add_days(-back)
    } else {
        t.add_days(fwd)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn weekdays_relative_to_anchor() {
        let a = d("2025-06-03"); // Tuesday
        assert_eq!(weekday(a, 1, Rel::None, false).iso(), "2025-06-02");
        assert_eq!(weekday(a, 2, Rel::None, false).iso(), "2025-06-03");
        assert_eq!(weekday(a, 2, Rel::Past, false).iso(), "2025-05-27");
        assert_eq!(weekday(a, 0, Rel::None, true).iso(), "2025-06-08");
        assert_eq!(weekday(a, 2, Rel::Future, false).iso(), "2025-06-10");
    }

    #[test]
    fn years_for_day_and_month() {
        let a = d("2025-12-26");
        assert_eq!(day_month(a, 2, 28, Rel::None, false, None).unwrap().iso(), "2025-02-28");
        assert_eq!(day_month(a, 1, 5, Rel::None, false, None).unwrap().iso(), "2026-01-05");
        assert_eq!(day_month(a, 2, 28, Rel::None, true, None).unwrap().iso(), "2026-02-28");
        let a = d("2026-01-03");
        assert_eq!(day_month(a, 12, 28, Rel::None, false, None).unwrap().iso(), "2025-12-28");
        assert_eq!(day_month(a, 12, 28, Rel::Past, false, None).unwrap().iso(), "2025-12-28");
        assert!(day_month(a, 2, 30, Rel::None, false, None).is_none());
    }

    #[test]
    fn month_alone_nearest() {
        assert_eq!(month_year(d("2025-05-16"), 9, Rel::None, false), 2025);
        assert_eq!(month_year(d("2025-07-23"), 6, Rel::None, false), 2025);
        assert_eq!(month_year(d("2025-02-10"), 11, Rel::None, false), 2024);
        assert_eq!(month_year(d("2025-06-10"), 6, Rel::Past, false), 2024);
        assert_eq!(month_year(d("2025-06-10"), 5, Rel::Past, false), 2025);
        assert_eq!(month_year(d("2025-12-10"), 1, Rel::Future, false), 2026);
    }
}
