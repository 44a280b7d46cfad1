//! The gates of `glocal check`: which findings block (`--fail-on`, the
//! baseline), which locales are below their minimum coverage
//! (`--min-coverage`), and the exit status.

use std::collections::BTreeMap;
use std::str::FromStr;

use crate::coverage::finding::Severity;
use crate::domain::LocaleTag;

use super::baseline::Baseline;
use super::texts;
use super::{Report, ThresholdResult};

/// `--fail-on`: the least severe finding that blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FailOn {
    /// Errors block (the default).
    #[default]
    Error,
    /// Errors and warnings block.
    Warning,
    /// No finding blocks (coverage minimums still do).
    Never,
}

impl FailOn {
    /// `error`, `warning` or `never`.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Never => "never",
        }
    }

    /// Whether a finding of `severity` blocks.
    pub fn blocks(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity == Severity::Error,
            FailOn::Warning => severity <= Severity::Warning,
            FailOn::Never => false,
        }
    }
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
    for f in &mut report.findings {
        f.blocking = !f.baselined && gates.fail_on.blocks(f.severity);
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
    }
}
