//! Rows of the report from the engine (plan mode) or a server (server
//! mode): findings, launches and their coverage rows.

use crate::cli::report::{
    percent, Counts, LaunchResult, LocaleStats, OwnCoverage, Report, ReportFinding, RoadmapResult,
};
use crate::coverage::finding::Finding;
use crate::coverage::roadmap::Verdict;

/// A finding of the engine in the report.
pub(super) fn report_finding(f: Finding, path: Option<String>) -> ReportFinding {
    let texts = crate::l10n::process_texts();
    let localized_detail = (!texts.is_source() && f.text.is_some()).then(|| f.detail_in(texts));
    ReportFinding {
        rule: f.rule.id().to_string(),
        severity: f.severity,
        market: f.market,
        locale: f.locale,
        bundle: f.bundle,
        file: f.file,
        path,
        line: f.line,
        column: f.column,
        message_id: f.message_id,
        detail: f.detail,
        localized_detail,
        roadmap: None,
        launch: None,
        blocking: false,
        baselined: false,
        reasons: f.reasons,
        need_date: f.need_date,
        due_date: f.due_date,
        waived_by: f.waived_by,
        source_line: f.source_line,
        location: None,
    }
}

/// One launch's check, from the engine or from a server.
pub(super) struct LaunchData {
    pub(super) result: LaunchResult,
    pub(super) findings: Vec<ReportFinding>,
    pub(super) locales: Vec<LocaleStats>,
}

/// Adds a roadmap's check to the report. `path` gives the file on disk of a
/// bundle file (`bundle locale`, `file`), when there is a local tree.
pub(super) fn add_roadmap(
    report: &mut Report,
    roadmap: &str,
    verdict: Verdict,
    launches: Vec<LaunchData>,
    roadmap_findings: Vec<ReportFinding>,
    path: &dyn Fn(&str, &str) -> Option<String>,
) {
    report.roadmaps.push(RoadmapResult {
        name: roadmap.to_string(),
        verdict,
    });
    for mut f in roadmap_findings {
        f.roadmap = Some(roadmap.to_string());
        report.findings.push(f);
    }
    for launch in launches {
        for mut f in launch.findings {
            // The severity is the engine's (or the server's, which is the
            // same engine). A finding is in the locale's own bundle unless it
            // names a fallback bundle; a missing message belongs in the
            // locale's own.
            if let Some(file) = &f.file {
                f.path = path(f.bundle.as_deref().unwrap_or(&f.locale), file);
            }
            f.roadmap = Some(roadmap.to_string());
            f.launch = Some(launch.result.launch.clone());
            report.findings.push(f);
        }
        for mut s in launch.locales {
            s.roadmap = Some(roadmap.to_string());
            s.launch = Some(launch.result.launch.clone());
            report.stats.push(s);
        }
        report.launches.push(launch.result);
    }
}

/// A stats row of plan and server modes.
#[allow(clippy::too_many_arguments)]
pub(super) fn coverage_row(
    market: &str,
    locale: &str,
    served_by: Option<String>,
    required: u32,
    effective: u32,
    own: u32,
    required_words: u32,
    effective_words: u32,
    own_words: u32,
    optional: bool,
) -> LocaleStats {
    LocaleStats {
        market: Some(market.to_string()),
        locale: locale.to_string(),
        served_by,
        roadmap: None,
        launch: None,
        messages: Counts {
            total: required,
            translated: effective,
            incomplete: 0,
            missing: required.saturating_sub(effective),
        },
        words: Counts {
            total: required_words,
            translated: effective_words,
            incomplete: 0,
            missing: required_words.saturating_sub(effective_words),
        },
        coverage_percent: percent(effective, required),
        own: Some(OwnCoverage {
            messages: own,
            words: own_words,
        }),
        obsolete_messages: None,
        optional,
        reasons: Vec::new(),
        need_date: None,
        due_date: None,
    }
}
