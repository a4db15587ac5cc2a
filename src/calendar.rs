//! Proleptic Gregorian dates: parsing, ISO output, weekdays, day and month
//! arithmetic, and the tabular Islamic (Hijri) calendar.
//!
//! ## Hijri conversion and its caveat
//!
//! [`Date::from_hijri`] implements the *tabular civil* Islamic calendar (the
//! "Kuwaiti algorithm"): a 30-year cycle of 354/355-day years with leap years
//! 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29, months alternating 30 and 29
//! days (Dhu al-Hijja has 30 in a leap year), and the epoch 1 Muharram 1 AH =
//! Friday 16 July 622 (Julian). Real Hijri dates in the news follow Umm
//! al-Qura (Saudi Arabia) or a local moon sighting, which differ from the
//! tabular calendar by **±1 day** (occasionally 2) in about half the months:
//! 1 Ramadan 1446 is 2025-03-01 in both, but 1 Muharram 1446 is 2024-07-08
//! here and 2024-07-07 in Umm al-Qura. A converted Hijri date is therefore
//! right to within a day; a weekday written next to it (`الأحد 27 ذو القعدة`)
//! is what a caller should trust when the two disagree by one.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Weekday numbers used across the crate: 0 = Sunday … 6 = Saturday (the
/// Arabic week starts on الأحد, Sunday).
pub type Weekday = u32;

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let ok = (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`, nothing else.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s[0..4].parse().ok()?;
        let m = s[5..7].parse().ok()?;
        let d = s[8..10].parse().ok()?;
        Date::new(y, m, d)
    }

    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date { year: (y + if m <= 2 { 1 } else { 0 }) as i32, month: m, day: d }
    }

    pub fn add_days(&self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    pub fn weekday(&self) -> Weekday {
        // 1970-01-01 was a Thursday (4).
        (self.to_days() + 4).rem_euclid(7) as Weekday
    }
}

/// Days since 1970-01-01 of 1 Muharram 1 AH in the civil tabular calendar
/// (Julian day 1948439.5, Friday 16 July 622 Julian).
const HIJRI_EPOCH: i64 = -492_148;

/// True when Hijri year `y` has 355 days (leap day at the end of Dhu al-Hijja).
pub fn hijri_is_leap(y: i32) -> bool {
    (14 + 11 * (y.rem_euclid(30)) as i64).rem_euclid(30) < 11
}

/// Days in Hijri month `m` of year `y` (tabular): odd months 30, even 29,
/// month 12 has 30 in a leap year.
pub fn hijri_month_len(y: i32, m: u32) -> u32 {
    match m {
        12 if hijri_is_leap(y) => 30,
        1..=12 if m % 2 == 1 => 30,
        1..=12 => 29,
        _ => 0,
    }
}

fn hijri_days(y: i32, m: u32, d: u32) -> i64 {
    let y = y as i64;
    let months = (59 * (m as i64 - 1) + 1) / 2; // ceil(29.5 * (m - 1))
    HIJRI_EPOCH + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + months + d as i64 - 1
}

/// Add `k` months to year/month `(y, m)`.
pub fn month_add(y: i32, m: u32, k: i32) -> (i32, u32) {
    let z = y as i64 * 12 + (m as i64 - 1) + k as i64;
    (z.div_euclid(12) as i32, (z.rem_euclid(12) + 1) as u32)
}

impl Date {
    /// Gregorian date of Hijri `y-m-d` in the tabular civil calendar (see the
    /// module notes for the ±1 day caveat). `None` for an impossible date.
    pub fn from_hijri(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=3000).contains(&y) || d < 1 || d > hijri_month_len(y, m) {
            return None;
        }
        let g = Date::from_days(hijri_days(y, m, d));
        Date::new(g.year, g.month, g.day)
    }

    /// The tabular Hijri date `(year, month, day)` of this day.
    pub fn to_hijri(&self) -> (i32, u32, u32) {
        let z = self.to_days();
        // Estimate the year, then correct by at most a step either way.
        let mut y = (((z - HIJRI_EPOCH) * 30).div_euclid(10_631) + 1) as i32;
        while hijri_days(y + 1, 1, 1) <= z {
            y += 1;
        }
        while hijri_days(y, 1, 1) > z {
            y -= 1;
        }
        let mut m = 1;
        while m < 12 && hijri_days(y, m + 1, 1) <= z {
            m += 1;
        }
        let d = (z - hijri_days(y, m, 1) + 1) as u32;
        (y, m, d)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_to(&self, other: &Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// `YYYY-MM` of this date's month.
    pub fn iso_month(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// `YYYY-MM-DDTHH:MM`.
    pub fn iso_minute(&self, h: u32, mi: u32) -> String {
        format!("{self}T{h:02}:{mi:02}")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip_and_validation() {
        let d = Date::parse_iso("2025-06-03").unwrap();
        assert_eq!(d.iso(), "2025-06-03");
        assert!(Date::parse_iso("2025-02-29").is_none());
        assert!(Date::parse_iso("2024-02-29").is_some());
        assert!(Date::parse_iso("2025-6-3").is_none());
        assert!(Date::parse_iso("2025-13-01").is_none());
    }

    #[test]
    fn weekdays() {
        assert_eq!(Date::new(2025, 6, 3).unwrap().weekday(), 2); // Tuesday
        assert_eq!(Date::new(2025, 12, 26).unwrap().weekday(), 5); // Friday
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), 4);
    }

    #[test]
    fn hijri_known_pairs() {
        // Tabular civil calendar (module notes): Umm al-Qura has 2024-07-07
        // for 1 Muharram 1446, one day earlier.
        assert_eq!(Date::from_hijri(1446, 1, 1).unwrap().iso(), "2024-07-08");
        assert_eq!(Date::from_hijri(1446, 9, 1).unwrap().iso(), "2025-03-01");
        assert_eq!(Date::from_hijri(1445, 9, 1).unwrap().iso(), "2024-03-11");
        assert_eq!(Date::from_hijri(1446, 11, 27).unwrap().iso(), "2025-05-25");
        assert_eq!(Date::from_hijri(1, 1, 1).unwrap().iso(), "0622-07-19"); // 16 July Julian
        assert!(Date::from_hijri(1446, 2, 30).is_none());
        assert!(Date::from_hijri(1446, 13, 1).is_none());
    }

    #[test]
    fn hijri_round_trip() {
        let mut d = Date::new(1990, 1, 1).unwrap();
        while d.year < 2040 {
            let (y, m, dd) = d.to_hijri();
            assert_eq!(Date::from_hijri(y, m, dd), Some(d), "{d}");
            d = d.add_days(1);
        }
        let leaps: Vec<i32> = (1..=30).filter(|&y| hijri_is_leap(y)).collect();
        assert_eq!(leaps, [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29]);
    }

    #[test]
    fn months() {
        assert_eq!(month_add(2025, 12, 1), (2026, 1));
        assert_eq!(month_add(2025, 1, -1), (2024, 12));
        assert_eq!(month_add(2025, 6, -18), (2023, 12));
    }

    #[test]
    fn day_arithmetic() {
        let d = Date::new(2025, 12, 26).unwrap();
        assert_eq!(d.add_days(2).iso(), "2025-12-28");
        assert_eq!(d.add_days(7).iso(), "2026-01-02");
        assert_eq!(Date::new(2024, 3, 1).unwrap().add_days(-1).iso(), "2024-02-29");
        for z in [-800_000i64, -1, 0, 1, 20_000, 2_900_000] {
            assert_eq!(Date::from_days(z).to_days(), z);
        }
    }
}
