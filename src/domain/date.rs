//! Whole calendar dates, as used for effective periods and launch days.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::violations::escaped;
use crate::l10n::Text;

/// A Gregorian calendar day without time zone, such as 2026-06-28.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate(Date);

impl CalendarDate {
    /// The date of `year`, `month` (1–12) and `day`; explains what is wrong
    /// otherwise (in any of glocal's languages).
    pub fn from_ymd(year: i32, month: i32, day: i32) -> Result<Self, Text> {
        if !(1..=9999).contains(&year) {
            return Err(Text::new("validation-date-year").text("year", year.to_string()));
        }
        let m = u8::try_from(month)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or_else(|| Text::new("validation-date-month").text("month", month.to_string()))?;
        let d = u8::try_from(day)
            .map_err(|_| Text::new("validation-date-day").text("day", day.to_string()))?;
        Date::from_calendar_date(year, m, d)
            .map(CalendarDate)
            .map_err(|_| {
                Text::new("validation-date-not-in-calendar")
                    .text("date", format!("{year:04}-{month:02}-{day:02}"))
            })
    }

    /// Parses `YYYY-MM-DD`; explains what is wrong otherwise (in any of
    /// glocal's languages).
    pub fn parse(s: &str) -> Result<Self, Text> {
        let bad = || Text::new("validation-date-format").text("value", escaped(s));
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

    /// Today in UTC.
    pub fn today_utc() -> Self {
        CalendarDate(time::OffsetDateTime::now_utc().date())
    }

    /// The day `days` days earlier; `None` out of range.
    pub fn minus_days(self, days: i64) -> Option<CalendarDate> {
        let day = i32::try_from(self.julian_day().checked_sub(days)?).ok()?;
        Date::from_julian_day(day).ok().map(CalendarDate)
    }

    /// The day `days` days later; `None` out of range.
    pub fn plus_days(self, days: i64) -> Option<CalendarDate> {
        self.minus_days(days.checked_neg()?)
    }

    /// The day of Julian day number `day`; `None` out of range.
    pub fn from_julian(day: i64) -> Option<CalendarDate> {
        let day = i32::try_from(day).ok()?;
        Date::from_julian_day(day).ok().map(CalendarDate)
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
    /// Parses `YYYY-MM-DD`, like [`CalendarDate::parse`], with the reason
    /// in English.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).map_err(String::from)
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
        let reasons = [
            ("2023-02-29", "2023-02-29 is not a calendar date"),
            ("2024-13-01", "month 13 is not between 1 and 12"),
            ("0000-01-01", "year 0 is not between 1 and 9999"),
            (
                "2024-1-01",
                "\"2024-1-01\" is not a date of the form YYYY-MM-DD",
            ),
        ];
        for (input, reason) in reasons {
            assert_eq!(input.parse::<CalendarDate>().unwrap_err(), reason);
        }
        assert_eq!(
            CalendarDate::from_ymd(2024, 1, -1).unwrap_err().to_string(),
            "day -1 is not a day of the month"
        );
    }
}
