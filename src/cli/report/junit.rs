//! The JUnit XML report (written with `quick-junit`): one test suite per
//! market (lint mode: one suite, `locales`), one test case per market ×
//! locale, failed when the locale has a blocking finding or is below its
//! minimum coverage. The failure's text lists the blocking findings; the
//! other findings go to the test case's `system-out`.
//!
//! "Blocking" is the gate's word ([`super::gate::apply`]), so JUnit fails
//! exactly what fails the exit status: the gaps of an AT_RISK launch are
//! warnings, failures only under `--fail-on at-risk` (or `warning`).

use std::fmt::Write as _;

use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite};

use super::{texts, Report, ReportFinding};

/// A finding on one line: `path:line:col: severity[rule] id: detail`.
fn finding_line(f: &ReportFinding) -> String {
    let mut line = String::new();
    if let Some(p) = f.position() {
        let _ = write!(line, "{p}: ");
    }
    let _ = write!(line, "{}[{}]", f.severity, f.rule);
    if let Some(id) = &f.message_id {
        let _ = write!(line, " {id}");
    }
    let _ = write!(line, ": {}", f.shown_detail_why());
    if f.baselined {
        let _ = write!(line, " {}", texts::baselined_mark());
    }
    line
}

/// The JUnit XML text.
pub fn render(report: &Report) -> String {
    let mut junit = quick_junit::Report::new(texts::junit_report_name());
    let no_market = texts::junit_suite_without_market(report.mode.as_str());
    let mut suites: Vec<TestSuite> = Vec::new();
    for group in report.groups() {
        let locale = group.locale.clone();
        let market = group.market.clone().unwrap_or_else(|| no_market.clone());
        let suite_name = match &group.roadmap {
            Some(r) if report.many_roadmaps() => {
                format!("{} {market}", r.rsplit('/').next().unwrap_or(r))
            }
            _ => market,
        };
        if suites.last().is_none_or(|s| s.name.as_str() != suite_name) {
            let mut suite = TestSuite::new(suite_name.clone());
            suite.add_property(Property::new("mode", report.mode.as_str()));
            suite.add_property(Property::new(
                "source_locale",
                report.source_locale.as_str(),
            ));
            suites.push(suite);
        }
        let findings: Vec<&ReportFinding> = report.findings_of(&group).collect();
        let blocking: Vec<&&ReportFinding> = findings.iter().filter(|f| f.blocking).collect();
        let thresholds: Vec<String> = report
            .failed_thresholds_of(&group)
            .map(|t| {
                texts::threshold_failed(
                    &t.locale,
                    t.market.as_deref(),
                    t.coverage_percent,
                    t.minimum_percent,
                )
            })
            .collect();
        let status = if blocking.is_empty() && thresholds.is_empty() {
            TestCaseStatus::success()
        } else {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(texts::junit_failure(blocking.len(), thresholds.len()));
            status.set_type(
                blocking
                    .first()
                    .map_or(texts::MIN_COVERAGE_RULE, |f| f.rule.as_str()),
            );
            let mut text: Vec<String> = thresholds;
            text.extend(blocking.iter().map(|f| finding_line(f)));
            status.set_description(text.join("\n"));
            status
        };
        let mut case = TestCase::new(locale.clone(), status);
        case.set_classname(suite_name);
        // Test cases have no properties in the common JUnit schemas: the
        // counts go to system-out, before the findings that do not block.
        let mut out: Vec<String> = Vec::new();
        if let Some(s) = report.stats_of(&group) {
            let label = texts::locale_label(&locale, s.served_by.as_deref());
            out.push(texts::locale_line(
                &label,
                &texts::locale_stats(
                    s.messages.translated,
                    s.messages.total,
                    s.coverage_percent,
                    s.words.translated,
                    s.words.total,
                ),
            ));
        }
        out.extend(
            findings
                .iter()
                .filter(|f| !f.blocking)
                .map(|f| finding_line(f)),
        );
        if !out.is_empty() {
            case.set_system_out(out.join("\n"));
        }
        suites
            .last_mut()
            .expect("a suite was pushed")
            .add_test_case(case);
    }
    // Thresholds of locales nothing checked: a failed case of their own.
    let unchecked: Vec<_> = report.unchecked_thresholds().collect();
    if !unchecked.is_empty() {
        let mut suite = TestSuite::new(texts::MIN_COVERAGE_RULE);
        for t in unchecked {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let text = texts::threshold_failed(
                &t.locale,
                t.market.as_deref(),
                t.coverage_percent,
                t.minimum_percent,
            );
            status.set_message(text.clone());
            status.set_type(texts::MIN_COVERAGE_RULE);
            status.set_description(text);
            let mut case = TestCase::new(t.locale.clone(), status);
            case.set_classname(texts::MIN_COVERAGE_RULE);
            suite.add_test_case(case);
        }
        suites.push(suite);
    }
    junit.add_test_suites(suites);
    junit
        .to_string()
        .expect("an in-memory JUnit report always serializes")
}
