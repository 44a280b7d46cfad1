//! Will it make it? A readiness forecast from translation velocity.
//!
//! A [`Snapshot`] records, at a time, how many source words one locale's
//! bundle translates, per message scope file (FILE scope: per source file;
//! BUNDLE scope: one entry, `""`), and how many it needs (the source's).
//! From a locale's snapshots over the last `window_days` days (28 by
//! default) up to the day of the check, its **velocity** is the growth of
//! its translated words per day, from the earliest to the latest snapshot of
//! the window.
//!
//! A launch's **forecast** comes from the ranked translation tasks that
//! serve it ([`super::tasks`]): each task's bundle needs its words at its
//! bundle's velocity, finishing on `as_of + ceil(words / velocity)` days;
//! the launch is ON_TRACK when every such day is on or before the task's due
//! date for it, LATE by the most days one is after it, and NO_DATA when a
//! bundle it waits for has fewer than two snapshots in the window or made
//! no progress. A launch that waits for no task is ON_TRACK.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::{CalendarDate, LocaleTag, MessageScope};

use super::checks::{check_locale, BundleView, CheckOptions};
use super::roadmap::days_between;
use super::tasks::TranslationTask;

/// The words of one message scope file in a snapshot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileWords {
    /// Source words of the file's messages.
    pub needed: u32,
    /// Of those, the words of the messages the locale translates with every
    /// part the source has.
    pub translated: u32,
}

/// One locale's coverage at one time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Seconds since the Unix epoch (UTC).
    pub time: i64,
    /// The locale of the bundle.
    pub locale: String,
    /// Per message scope file (FILE scope: source file path; BUNDLE: `""`).
    pub files: BTreeMap<String, FileWords>,
}

impl Snapshot {
    /// The bundle `target` of `locale` against `source`, at `time`.
    pub fn of(
        source: &BundleView,
        target: &BundleView,
        locale: &LocaleTag,
        time: i64,
        options: &CheckOptions,
    ) -> Snapshot {
        let mut files = BTreeMap::new();
        let words = |s: &BundleView, t: &BundleView| {
            let stats = check_locale(s, t, locale, options).stats;
            FileWords {
                needed: stats.source_words,
                translated: stats.translated_words,
            }
        };
        match source.scope() {
            MessageScope::Bundle => {
                files.insert(String::new(), words(source, target));
            }
            MessageScope::File => {
                for &(path, index) in source.files() {
                    let one = BundleView::new([(path, index)], MessageScope::File);
                    let theirs = BundleView::new(
                        target.files().iter().copied().filter(|(p, _)| *p == path),
                        MessageScope::File,
                    );
                    files.insert(path.to_string(), words(&one, &theirs));
                }
            }
        }
        Snapshot {
            time,
            locale: locale.to_string(),
            files,
        }
    }

    /// Translated words over every file.
    pub fn translated(&self) -> u64 {
        self.files.values().map(|f| u64::from(f.translated)).sum()
    }
}

/// What a forecast says of a launch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ForecastStatus {
    /// Every bundle it waits for finishes by its due date at its velocity.
    OnTrack,
    /// One finishes after it.
    Late,
    /// A bundle it waits for has no velocity (fewer than two snapshots in
    /// the window, or no progress).
    NoData,
}

/// The forecast of one launch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forecast {
    /// On track, late or unknown.
    pub status: ForecastStatus,
    /// The day the last bundle it waits for finishes (`None`: nothing left,
    /// or no data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta: Option<CalendarDate>,
    /// LATE: by how many days (the most of its bundles).
    #[serde(default)]
    pub late_days: i64,
    /// The bundles it waits for without velocity (NO_DATA).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub no_data: Vec<String>,
}

/// Settings of a forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForecastOptions {
    /// The day of the check: snapshots up to its end count.
    pub as_of: CalendarDate,
    /// Days of snapshots that make a velocity (28 by default).
    pub window_days: i64,
}

/// Days of snapshots that make a velocity when a caller gives none.
pub const DEFAULT_VELOCITY_DAYS: i64 = 28;

const DAY: i64 = 86_400;

/// The translated words per day of `locale` from `snapshots` (any locales,
/// any order) in the window ending with `options.as_of`; `None` with fewer
/// than two snapshots there, or no progress.
pub fn velocity(snapshots: &[Snapshot], locale: &str, options: &ForecastOptions) -> Option<f64> {
    let end = (options.as_of.julian_day() + 1 - UNIX_EPOCH_JULIAN_DAY) * DAY;
    let start = end - (options.window_days.max(1) + 1) * DAY;
    let mut in_window: Vec<&Snapshot> = snapshots
        .iter()
        .filter(|s| s.locale == locale && s.time >= start && s.time < end)
        .collect();
    in_window.sort_by_key(|s| s.time);
    let (first, last) = (in_window.first()?, in_window.last()?);
    let seconds = last.time - first.time;
    let words = last.translated() as f64 - first.translated() as f64;
    if seconds <= 0 || words <= 0.0 {
        return None;
    }
    Some(words / (seconds as f64 / DAY as f64))
}

/// The Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// The forecast of every launch `tasks` serve, and of `launches` that wait
/// for none (ON_TRACK), by launch name.
pub fn forecast(
    tasks: &[TranslationTask],
    launches: &[&str],
    snapshots: &[Snapshot],
    options: &ForecastOptions,
) -> BTreeMap<String, Forecast> {
    let mut out: BTreeMap<String, Forecast> = launches
        .iter()
        .map(|l| {
            (
                l.to_string(),
                Forecast {
                    status: ForecastStatus::OnTrack,
                    eta: None,
                    late_days: 0,
                    no_data: Vec::new(),
                },
            )
        })
        .collect();
    for task in tasks {
        // Whole days to finish the task's words at its bundle's speed.
        let finish =
            velocity(snapshots, &task.locale, options).and_then(|v| finish(task, v, options.as_of));
        for l in &task.launches {
            let f = out.entry(l.launch.clone()).or_insert(Forecast {
                status: ForecastStatus::OnTrack,
                eta: None,
                late_days: 0,
                no_data: Vec::new(),
            });
            match finish {
                None => {
                    f.status = ForecastStatus::NoData;
                    if !f.no_data.contains(&task.locale) {
                        f.no_data.push(task.locale.clone());
                    }
                }
                Some(eta) => {
                    f.eta = Some(f.eta.map_or(eta, |e| e.max(eta)));
                    let late = l.due_date.map_or(0, |due| days_between(due, eta));
                    if late > f.late_days {
                        f.late_days = late;
                    }
                    if f.status != ForecastStatus::NoData {
                        f.status = if f.late_days > 0 {
                            ForecastStatus::Late
                        } else {
                            ForecastStatus::OnTrack
                        };
                    }
                }
            }
        }
    }
    for f in out.values_mut() {
        if f.status == ForecastStatus::NoData {
            f.eta = None;
            f.no_data.sort();
        }
    }
    out
}

/// The day the bundle of `task`, at `speed` words a day, has translated its
/// words.
fn finish(task: &TranslationTask, speed: f64, as_of: CalendarDate) -> Option<CalendarDate> {
    let days = (f64::from(task.words) / speed).ceil();
    as_of.plus_days(days.min(1e6) as i64)
}

/// Fills each launch's forecast of `report` from `snapshots`, and each
/// task's velocity and finishing day.
pub fn attach(
    report: &mut super::roadmap::RoadmapReport,
    snapshots: &[Snapshot],
    options: &ForecastOptions,
) {
    let names: Vec<&str> = report.launches.iter().map(|l| l.launch.as_str()).collect();
    let mut forecasts = forecast(&report.tasks, &names, snapshots, options);
    for l in &mut report.launches {
        l.forecast = forecasts.remove(&l.launch);
    }
    for t in &mut report.tasks {
        t.words_per_day = velocity(snapshots, &t.locale, options);
        t.eta = t.words_per_day.and_then(|v| finish(t, v, options.as_of));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::finding::Severity;
    use crate::coverage::tasks::TaskLaunch;
    use crate::domain::planning::Weight;

    fn day(s: &str) -> CalendarDate {
        // ok: test code, on the literal dates of these tests.
        s.parse().unwrap()
    }

    /// Seconds of noon UTC on `s`.
    fn noon(s: &str) -> i64 {
        (day(s).julian_day() - UNIX_EPOCH_JULIAN_DAY) * DAY + DAY / 2
    }

    fn snap(locale: &str, when: &str, translated: u32) -> Snapshot {
        Snapshot {
            time: noon(when),
            locale: locale.into(),
            files: [(
                "app.ftl".to_string(),
                FileWords {
                    needed: 1000,
                    translated,
                },
            )]
            .into(),
        }
    }

    fn task(locale: &str, words: u32, launches: &[(&str, &str)]) -> TranslationTask {
        TranslationTask {
            locale: locale.into(),
            bundle_exists: true,
            messages: vec![],
            message_count: 1,
            words,
            due_date: None,
            severity: Severity::Warning,
            score: 0.0,
            eta: None,
            words_per_day: None,
            launches: launches
                .iter()
                .map(|(name, due)| TaskLaunch {
                    launch: name.to_string(),
                    market: String::new(),
                    weight: Weight::default(),
                    requirements: vec![],
                    storefront: true,
                    locales: vec![locale.into()],
                    messages: 1,
                    words,
                    due_date: Some(day(due)),
                    days_left: 0,
                    severity: Severity::Warning,
                })
                .collect(),
        }
    }

    #[test]
    fn forecasts_on_track_late_and_no_data() {
        let options = ForecastOptions {
            as_of: day("2027-01-31"),
            window_days: 28,
        };
        let snapshots = vec![
            // fr: 100 words/day over 10 days.
            snap("fr", "2027-01-20", 100),
            snap("fr", "2027-01-30", 1100),
            // de: one snapshot only.
            snap("de", "2027-01-25", 10),
            // ja: no progress.
            snap("ja", "2027-01-10", 300),
            snap("ja", "2027-01-29", 300),
            // es: progress, but before the window: no data.
            snap("es", "2026-11-01", 0),
            snap("es", "2026-12-01", 900),
        ];
        assert_eq!(velocity(&snapshots, "fr", &options), Some(100.0));
        assert_eq!(velocity(&snapshots, "de", &options), None);
        assert_eq!(velocity(&snapshots, "ja", &options), None);
        assert_eq!(velocity(&snapshots, "es", &options), None);
        let tasks = vec![
            // 450 words at 100/day: 5 days, 2027-02-05.
            task(
                "fr",
                450,
                &[("on-time", "2027-02-05"), ("late", "2027-02-01")],
            ),
            task("de", 10, &[("waits-for-de", "2027-06-01")]),
        ];
        let got = forecast(&tasks, &["nothing-left"], &snapshots, &options);
        let brief: Vec<(&str, ForecastStatus, Option<CalendarDate>, i64)> = got
            .iter()
            .map(|(l, f)| (l.as_str(), f.status, f.eta, f.late_days))
            .collect();
        assert_eq!(
            brief,
            [
                ("late", ForecastStatus::Late, Some(day("2027-02-05")), 4),
                ("nothing-left", ForecastStatus::OnTrack, None, 0),
                (
                    "on-time",
                    ForecastStatus::OnTrack,
                    Some(day("2027-02-05")),
                    0
                ),
                ("waits-for-de", ForecastStatus::NoData, None, 0),
            ]
        );
        assert_eq!(got["waits-for-de"].no_data, ["de"]);
    }

    #[test]
    fn a_snapshot_counts_words_per_source_file() {
        use crate::domain::ftl::index_file;
        let (a, b) = (
            index_file("one = One two\ntwo = Three\n"),
            index_file("three = Four five six\n"),
        );
        let source = BundleView::new([("a.ftl", &a), ("b.ftl", &b)], MessageScope::File);
        let fr_a = index_file("one = Un deux\n");
        let target = BundleView::new([("a.ftl", &fr_a)], MessageScope::File);
        // ok: test code; "fr" is a valid tag.
        let fr = LocaleTag::parse("fr").unwrap();
        let s = Snapshot::of(&source, &target, &fr, 7, &CheckOptions::default());
        assert_eq!(
            s.files,
            BTreeMap::from([
                (
                    "a.ftl".to_string(),
                    FileWords {
                        needed: 3,
                        translated: 2
                    }
                ),
                (
                    "b.ftl".to_string(),
                    FileWords {
                        needed: 3,
                        translated: 0
                    }
                ),
            ])
        );
        assert_eq!(s.translated(), 2);
    }
}
