//! Whole calendar dates, as used for effective periods and launch days.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// A Gregorian calendar day without time zone, such as 2026-06-28.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate(Date);

impl CalendarDate {
    /// The date of `year`, `month` (1–12) and `day`; explains what is wrong otherwise.
    pub fn from_ymd(year: i32, month: i32, day: i32) -> Result<Self, String> {
        if !(1..=9999).contains(&year) {
            return Err(format!("year {year} is not between 1 and 9999"));
        }
        let m = u8::try_from(month)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or_else(|| format!("month {month} is not between 1 and 12"))?;
        let d = u8::try_from(day).map_err(|_| format!("day {day} is not a day of the month"))?;
        Date::from_calendar_date(year, m, d)
            .map(CalendarDate)
            .map_err(|_| format!("{year:04}-{month:02}-{day:02} is not a calendar date"))
    }

    /// Today in UTC.
    pub fn today_utc() -> Self {
        CalendarDate(time::OffsetDateTime::now_utc().date())
    }

    /// The Julian day number, for counting days between dates.
    pub fn julian_day(&self) -> i64 {
        i64::from(self.0.to_julian_day())
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(&self) -> i32 {
        i32::from(u8::from(self.0.month()))
    }

    /// The day of the month, 1–31.
    pub fn day(&self) -> i32 {
        i32::from(self.0.day())
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl FromStr for CalendarDate {
    type Err = String;
    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{s:?} is not a date of the form YYYY-MM-DD");
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let num = |p: &str| p.parse::<i32>().map_err(|_| bad());
        CalendarDate::from_ymd(num(y)?, num(m)?, num(d)?)
    }
}

impl Serialize for CalendarDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_dates() {
        assert_eq!(
            "2024-02-29".parse::<CalendarDate>().unwrap().to_string(),
            "2024-02-29"
        );
        for bad in ["2023-02-29", "2024-13-01", "24-01-01", "2024-1-01", "x"] {
            assert!(bad.parse::<CalendarDate>().is_err(), "{bad}");
        }
        assert!(CalendarDate::from_ymd(0, 1, 1).is_err());
    }
}
