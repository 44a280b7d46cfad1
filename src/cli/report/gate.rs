//! The gates of `glocal check`: which findings block (`--fail-on`, the
//! baseline), which locales are below their minimum coverage
//! (`--min-coverage`), and the exit status.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use crate::coverage::finding::{Rule, Severity};
use crate::coverage::roadmap::Verdict;
use crate::domain::{CalendarDate, LocaleTag};

use super::baseline::Baseline;
use super::texts;
use super::{LaunchResult, Report, ReportFinding, ThresholdResult};

/// `--fail-on`: the least severe finding that blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FailOn {
    /// Errors block (the default).
    #[default]
    Error,
    /// Errors block, and so do the gaps of every AT_RISK launch (warnings
    /// only because their need date is beyond the window).
    AtRisk,
    /// Errors and warnings block.
    Warning,
    /// No finding blocks (coverage minimums still do).
    Never,
}

impl FailOn {
    /// `error`, `at-risk`, `warning` or `never`.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::AtRisk => "at-risk",
            FailOn::Warning => "warning",
            FailOn::Never => "never",
        }
    }

    /// Whether a finding of `severity` blocks, whatever its launch.
    pub fn blocks(self, severity: Severity) -> bool {
        match self {
            FailOn::Error | FailOn::AtRisk => severity == Severity::Error,
            FailOn::Warning => severity <= Severity::Warning,
            FailOn::Never => false,
        }
    }

    /// Whether the gaps of an AT_RISK launch block: under `at-risk`, and
    /// under `warning` (which blocks every warning anyway).
    pub fn blocks_at_risk(self) -> bool {
        matches!(self, FailOn::AtRisk | FailOn::Warning)
    }
}

/// Whether `f` is a gap of an AT_RISK launch: a warning of a rule whose
/// findings are errors by default (a gap the engine made a warning), of a
/// launch in `at_risk` (roadmap, launch). The report does not say why a gap
/// is a warning, so a RECOMMENDED gap of an AT_RISK launch counts too.
fn is_at_risk_gap(f: &ReportFinding, at_risk: &BTreeSet<(&str, &str)>) -> bool {
    let (Some(roadmap), Some(launch)) = (f.roadmap.as_deref(), f.launch.as_deref()) else {
        return false;
    };
    f.severity == Severity::Warning
        && Rule::ALL
            .iter()
            .find(|r| r.id() == f.rule)
            .is_some_and(|r| r.default_severity() == Severity::Error)
        && at_risk.contains(&(roadmap, launch))
}

/// The first day on which `launch`'s gaps block when a gap carries no due
/// date of its own (a report of a server that does not send them): its date
/// minus its market's window (`market_window_days`, else `window_days`, else
/// 0). `None` if the date does not parse.
pub fn due_date(report: &Report, launch: &LaunchResult) -> Option<CalendarDate> {
    let window = report
        .market_window_days
        .get(&launch.market)
        .copied()
        .or(report.window_days)
        .unwrap_or(0);
    let date = CalendarDate::parse(&launch.date).ok()?;
    let day = i32::try_from(date.julian_day() - window).ok()?;
    let due = time::Date::from_julian_day(day).ok()?;
    CalendarDate::from_ymd(
        due.year(),
        i32::from(u8::from(due.month())),
        i32::from(due.day()),
    )
    .ok()
}

/// `--min-coverage`: a default minimum and minimums per locale, in percent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MinCoverage {
    /// `--min-coverage 80`.
    pub default: Option<f64>,
    /// `--min-coverage fr=95`, by locale; a bare language (`fr`) also
    /// applies to its regional locales (`fr-CA`) that have no minimum of
    /// their own.
    pub locales: BTreeMap<LocaleTag, f64>,
}

/// One `--min-coverage` value.
#[derive(Debug, Clone, PartialEq)]
pub struct MinCoverageSpec {
    /// The locale, or `None` for the default.
    pub locale: Option<LocaleTag>,
    /// The minimum, in percent.
    pub percent: f64,
}

impl FromStr for MinCoverageSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (locale, number) = match s.split_once('=') {
            Some((l, n)) => (
                Some(
                    LocaleTag::parse(l.trim())
                        .map_err(|e| texts::bad_min_coverage(&texts::why(&e)))?,
                ),
                n,
            ),
            None => (None, s),
        };
        let number = number.trim().trim_end_matches('%');
        let percent: f64 = number
            .parse()
            .map_err(|_| texts::bad_min_coverage(&texts::percent_out_of_range()))?;
        if !(0.0..=100.0).contains(&percent) {
            return Err(texts::bad_min_coverage(&texts::percent_out_of_range()));
        }
        Ok(MinCoverageSpec { locale, percent })
    }
}

impl MinCoverage {
    /// The minimums of the `--min-coverage` values.
    pub fn from_specs(specs: &[MinCoverageSpec]) -> Result<MinCoverage, String> {
        let mut out = MinCoverage::default();
        for spec in specs {
            match &spec.locale {
                None => {
                    if out.default.replace(spec.percent).is_some() {
                        return Err(texts::min_coverage_default_twice());
                    }
                }
                Some(l) => {
                    if out.locales.insert(l.clone(), spec.percent).is_some() {
                        return Err(texts::min_coverage_twice(l.as_str()));
                    }
                }
            }
        }
        Ok(out)
    }

    /// Whether no minimum is set.
    pub fn is_empty(&self) -> bool {
        self.default.is_none() && self.locales.is_empty()
    }

    /// The minimum set for `locale` or its language by name, without the
    /// default.
    fn named(&self, locale: &str) -> Option<f64> {
        let tag = LocaleTag::parse(locale).ok()?;
        if let Some(p) = self.locales.get(&tag) {
            return Some(*p);
        }
        self.locales
            .iter()
            .find(|(l, _)| l.as_str() == l.language() && l.language() == tag.language())
            .map(|(_, p)| *p)
    }

    /// The minimum of `locale`: its own, its language's, or the default.
    fn for_locale(&self, locale: &str) -> Option<f64> {
        self.named(locale).or(self.default)
    }
}

/// The gate settings.
#[derive(Debug, Default)]
pub struct Gates {
    /// `--fail-on`.
    pub fail_on: FailOn,
    /// `--min-coverage`.
    pub min_coverage: MinCoverage,
    /// `--baseline`.
    pub baseline: Option<Baseline>,
}

/// Marks baselined and blocking findings, checks the coverage minimums and
/// fills the summary. Returns the exit status: 0 when nothing blocks, 1
/// otherwise.
pub fn apply(report: &mut Report, gates: &Gates) -> i32 {
    report.sort();
    if let Some(baseline) = &gates.baseline {
        baseline.mark(&mut report.findings);
    }
    // The launches AT_RISK, by (roadmap, launch).
    let at_risk: BTreeSet<(&str, &str)> = report
        .launches
        .iter()
        .filter(|l| l.verdict == Verdict::AtRisk)
        .map(|l| (l.roadmap.as_str(), l.launch.as_str()))
        .collect();
    // Those with a gap that counts (not baselined, not left out by
    // --locale), and their first due dates.
    let mut risky: BTreeMap<&str, Option<CalendarDate>> = BTreeMap::new();
    for f in &report.findings {
        if f.baselined || !is_at_risk_gap(f, &at_risk) {
            continue;
        }
        let Some(l) = report.launches.iter().find(|l| {
            Some(l.roadmap.as_str()) == f.roadmap.as_deref()
                && Some(l.launch.as_str()) == f.launch.as_deref()
        }) else {
            continue;
        };
        // The gap's own due date (the engine's: its need date minus the
        // window), else the launch's.
        let due = f.due_date.or_else(|| due_date(report, l));
        let entry = risky.entry(l.launch.as_str()).or_insert(due);
        *entry = match (*entry, due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    let at_risk_launches = risky.len();
    let first_due = risky.values().flatten().min().map(|d| d.to_string());
    let blocking: Vec<bool> = report
        .findings
        .iter()
        .map(|f| {
            !f.baselined
                && (gates.fail_on.blocks(f.severity)
                    || (gates.fail_on.blocks_at_risk() && is_at_risk_gap(f, &at_risk)))
        })
        .collect();
    for (f, blocking) in report.findings.iter_mut().zip(blocking) {
        f.blocking = blocking;
    }

    report.thresholds.clear();
    if !gates.min_coverage.is_empty() {
        for s in &report.stats {
            // An optional storefront locale never blocks: only a minimum
            // set for it by name applies.
            let minimum = if s.optional {
                gates.min_coverage.named(&s.locale)
            } else {
                gates.min_coverage.for_locale(&s.locale)
            };
            if let Some(minimum) = minimum {
                report.thresholds.push(ThresholdResult {
                    roadmap: s.roadmap.clone(),
                    market: s.market.clone(),
                    locale: s.locale.clone(),
                    coverage_percent: s.coverage_percent,
                    minimum_percent: minimum,
                    passed: s.coverage_percent >= minimum,
                });
            }
        }
        for (locale, minimum) in &gates.min_coverage.locales {
            let covered = report.stats.iter().any(|s| {
                LocaleTag::parse(&s.locale).is_ok_and(|t| {
                    t == *locale
                        || (locale.as_str() == locale.language()
                            && t.language() == locale.language())
                })
            });
            if !covered {
                report
                    .notes
                    .push(texts::threshold_locale_unchecked(locale.as_str()));
                report.thresholds.push(ThresholdResult {
                    roadmap: None,
                    market: None,
                    locale: locale.to_string(),
                    coverage_percent: 0.0,
                    minimum_percent: *minimum,
                    passed: *minimum <= 0.0,
                });
            }
        }
    }

    let s = &mut report.summary;
    s.fail_on = gates.fail_on.as_str().to_string();
    let mut pairs: Vec<(&Option<String>, &String)> = report
        .stats
        .iter()
        .map(|r| (&r.market, &r.locale))
        .collect();
    pairs.sort();
    pairs.dedup();
    s.locales = pairs.len();
    s.errors = 0;
    s.warnings = 0;
    s.infos = 0;
    s.blocking = 0;
    s.baselined = 0;
    for f in &report.findings {
        if f.baselined {
            s.baselined += 1;
            continue;
        }
        match f.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            Severity::Info => s.infos += 1,
        }
        s.blocking += usize::from(f.blocking);
    }
    s.thresholds_failed = report.thresholds.iter().filter(|t| !t.passed).count();
    s.at_risk_launches = at_risk_launches;
    s.first_due = first_due;
    s.passed = s.blocking == 0 && s.thresholds_failed == 0;
    s.exit_code = if s.passed { 0 } else { 1 };
    s.exit_code
}

/// The counts of the summary line.
pub fn summary_counts(report: &Report) -> texts::SummaryCounts {
    let s = &report.summary;
    texts::SummaryCounts {
        passed: s.passed,
        blocking: s.blocking,
        errors: s.errors,
        warnings: s.warnings,
        notes: s.infos,
        baselined: s.baselined,
        locales: s.locales,
        thresholds_failed: s.thresholds_failed,
        at_risk_launches: s.at_risk_launches,
        first_due: s.first_due.clone(),
        fail_on: s.fail_on.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_min_coverage() {
        let s: MinCoverageSpec = "80".parse().unwrap();
        assert_eq!((s.locale, s.percent), (None, 80.0));
        let s: MinCoverageSpec = "fr-ca=95.5%".parse().unwrap();
        assert_eq!(s.locale.unwrap().as_str(), "fr-CA");
        assert_eq!(s.percent, 95.5);
        for bad in ["", "x", "101", "-1", "fr_CA=9", "fr="] {
            assert!(bad.parse::<MinCoverageSpec>().is_err(), "{bad}");
        }
    }

    #[test]
    fn minimum_by_locale_language_default() {
        let specs: Vec<MinCoverageSpec> = ["50", "fr=90", "fr-CA=95"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let m = MinCoverage::from_specs(&specs).unwrap();
        assert_eq!(m.for_locale("fr-CA"), Some(95.0));
        assert_eq!(m.for_locale("fr-BE"), Some(90.0));
        assert_eq!(m.for_locale("de"), Some(50.0));
        assert!(MinCoverage::from_specs(&[specs[0].clone(), specs[0].clone()]).is_err());
    }

    #[test]
    fn fail_on_levels() {
        assert!(FailOn::Error.blocks(Severity::Error));
        assert!(!FailOn::Error.blocks(Severity::Warning));
        assert!(FailOn::Warning.blocks(Severity::Warning));
        assert!(!FailOn::Warning.blocks(Severity::Info));
        assert!(!FailOn::Never.blocks(Severity::Error));
        assert!(FailOn::AtRisk.blocks(Severity::Error));
        assert!(!FailOn::AtRisk.blocks(Severity::Warning));
        assert!(!FailOn::Error.blocks_at_risk());
        assert!(FailOn::AtRisk.blocks_at_risk());
        assert!(FailOn::Warning.blocks_at_risk());
        assert!(!FailOn::Never.blocks_at_risk());
        assert_eq!(FailOn::AtRisk.as_str(), "at-risk");
    }

    #[test]
    fn due_date_is_the_launch_date_minus_its_markets_window() {
        let mut report = Report::new(super::super::Mode::Plan, "en-US");
        report.window_days = Some(14);
        report.market_window_days.insert("markets/jp".into(), 30);
        let launch = |market: &str, date: &str| LaunchResult {
            roadmap: "products/p/roadmaps/r".into(),
            launch: "products/p/launches/l".into(),
            market: market.into(),
            variant: "products/p/variants/v".into(),
            date: date.into(),
            days_until: 0,
            verdict: Verdict::AtRisk,
            forecast: None,
        };
        let due = |market: &str, date: &str| {
            due_date(&report, &launch(market, date)).map(|d| d.to_string())
        };
        assert_eq!(due("markets/fr", "2030-03-01"), Some("2030-02-15".into()));
        assert_eq!(due("markets/jp", "2030-01-10"), Some("2029-12-11".into()));
        assert_eq!(due("markets/fr", "2030-3-1"), None);
    }
}
