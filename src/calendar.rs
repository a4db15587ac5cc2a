//! Proleptic Gregorian dates: parsing, ISO output, weekdays, day arithmetic.

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
