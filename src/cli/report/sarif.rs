//! The SARIF 2.1.0 report (types of `serde-sarif`, generated from the OASIS
//! schema): one run of the `glocal` tool, every rule with its help text, one
//! result per finding (and per failed coverage minimum), located by file,
//! line and column. Paths are relative to `%SRCROOT%`, the working directory
//! (the repository root in CI), as code scanning services expect.
//!
//! Every result has a physical location, as GitHub code scanning requires
//! ("expected at least one location"): the finding's `location`
//! ([`super::Report::locate`]): a missing message at the source file and
//! line that define it, a missing locale at the plan file's launch (plan
//! mode) or the locale's folder, a coverage minimum at the locale's folder. With a
//! baseline, each result has a `baselineState` (`new` or `unchanged`).
//! `partialFingerprints` hold the baseline key (rule, locale, file, message
//! id), so that alerts follow a finding when lines move.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};
use serde_sarif::sarif;

use crate::coverage::finding::{Rule, Severity};

use super::{texts, Anchor, Report, ReportFinding};

/// `$schema` of the report.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base id of relative paths.
const SRCROOT: &str = "%SRCROOT%";

fn level(severity: Severity) -> sarif::ResultLevel {
    match severity {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

fn level_value(severity: Severity) -> Value {
    json!(level(severity))
}

fn text(s: impl Into<String>) -> sarif::MultiformatMessageString {
    sarif::MultiformatMessageString::builder().text(s).build()
}

fn message(s: impl Into<String>) -> sarif::Message {
    sarif::Message {
        text: Some(s.into()),
        ..Default::default()
    }
}

/// `MissingMessage` for `missing-message`.
fn camel(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn descriptor(id: &str, short: &str, long: &str, severity: Severity) -> sarif::ReportingDescriptor {
    let mut d = sarif::ReportingDescriptor::builder().id(id).build();
    d.name = Some(camel(id));
    d.short_description = Some(text(short));
    d.full_description = Some(text(long));
    let mut help = text(format!("{short} {long}"));
    help.markdown = Some(format!("**{short}**\n\n{long}"));
    d.help = Some(help);
    d.default_configuration = Some(sarif::ReportingConfiguration {
        level: Some(level_value(severity)),
        ..Default::default()
    });
    d
}

/// Percent-encodes a `/`-separated path for a URI.
fn uri_path(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A `file://` URI of a directory (with a trailing `/`).
fn directory_uri(dir: &Path) -> String {
    let mut path = dir.to_string_lossy().replace('\\', "/");
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    format!("file://{}", uri_path(&path))
}

/// The SARIF location of an anchor: a path relative to `%SRCROOT%` (or a
/// `file://` URI when it is absolute), with its line and column.
fn location(anchor: &Anchor) -> sarif::Location {
    let path = anchor.path.as_str();
    let artifact = if path.starts_with('/') {
        sarif::ArtifactLocation {
            uri: Some(format!("file://{}", uri_path(path))),
            ..Default::default()
        }
    } else {
        sarif::ArtifactLocation {
            uri: Some(uri_path(path)),
            uri_base_id: Some(SRCROOT.to_string()),
            ..Default::default()
        }
    };
    let region = sarif::Region {
        start_line: Some(i64::from(anchor.line.max(1))),
        start_column: (anchor.column > 0).then_some(i64::from(anchor.column)),
        ..Default::default()
    };
    sarif::Location {
        physical_location: Some(sarif::PhysicalLocation {
            artifact_location: Some(artifact),
            region: Some(region),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// Where a finding is: its `location` ([`super::Report::locate`]), else
/// where the report's places put it.
fn finding_location(report: &Report, f: &ReportFinding) -> sarif::Location {
    match &f.location {
        Some(anchor) => location(anchor),
        None => location(&report.places.anchor_of(f)),
    }
}

/// How many results a SARIF report of `report` has before any limit: one per
/// finding and one per failed coverage threshold.
pub fn result_count(report: &Report) -> usize {
    report.findings.len() + report.thresholds.iter().filter(|t| !t.passed).count()
}

/// The SARIF report as JSON text, with at most `max_results` results (0: no
/// limit). Over the limit, the most severe are kept (blocking first, then
/// errors, warnings, notes), in report order, and a tool notification says
/// how many were left out: code scanning refuses a run of more than 25,000
/// results, and a whole corpus can have millions.
pub fn render(report: &Report, working_dir: &Path, max_results: usize) -> String {
    let mut rules: Vec<sarif::ReportingDescriptor> = Rule::ALL
        .iter()
        .map(|r| {
            let (short, long) = texts::rule_help(*r);
            descriptor(r.id(), &short, &long, r.default_severity())
        })
        .collect();
    let (short, long) = texts::min_coverage_help();
    rules.push(descriptor(
        texts::MIN_COVERAGE_RULE,
        &short,
        &long,
        Severity::Error,
    ));
    // Rules the engine may add later, or that a server knows and this
    // binary does not: described by their id.
    for f in &report.findings {
        if !rules.iter().any(|r| r.id == f.rule) {
            rules.push(descriptor(&f.rule, &f.rule, &f.rule, f.severity));
        }
    }
    let index: BTreeMap<String, i64> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i as i64))
        .collect();

    let with_baseline = report.findings.iter().any(|f| f.baselined);
    let failed_thresholds: Vec<_> = report.thresholds.iter().filter(|t| !t.passed).collect();
    // Which results to write: each has a rank, (not blocking, severity); the
    // failed thresholds block. Decided before building any, so that a huge
    // report does not build results only to drop them.
    let ranks: Vec<(bool, Severity)> = report
        .findings
        .iter()
        .map(|f| (!f.blocking, f.severity))
        .chain(failed_thresholds.iter().map(|_| (false, Severity::Error)))
        .collect();
    let total = ranks.len();
    let kept = kept_results(&ranks, max_results);
    let (kept_findings, kept_thresholds) = kept.split_at(report.findings.len());
    let truncated = kept.iter().any(|k| !k);

    let mut occurrences: BTreeMap<String, usize> = BTreeMap::new();
    let mut results: Vec<sarif::Result> = Vec::new();
    for (f, keep) in report.findings.iter().zip(kept_findings) {
        let key = format!(
            "{}|{}|{}|{}",
            f.rule,
            f.locale,
            f.file.as_deref().unwrap_or(""),
            f.message_id.as_deref().unwrap_or("")
        );
        // Counted for every finding, so a fingerprint does not depend on the limit.
        let n = occurrences.entry(key.clone()).or_insert(0);
        *n += 1;
        if !keep {
            continue;
        }
        let mut text_of = match &f.market {
            Some(m) => format!("{m} {}: ", f.locale),
            None => format!("{}: ", f.locale),
        };
        if let Some(id) = &f.message_id {
            text_of.push_str(id);
            text_of.push_str(": ");
        }
        text_of.push_str(&f.shown_detail_why());
        let mut properties = BTreeMap::new();
        properties.insert("locale".to_string(), json!(f.locale));
        properties.insert("blocking".to_string(), json!(f.blocking));
        if let Some(m) = &f.market {
            properties.insert("market".to_string(), json!(m));
        }
        if let Some(id) = &f.message_id {
            properties.insert("messageId".to_string(), json!(id));
        }
        if let Some(l) = &f.launch {
            properties.insert("launch".to_string(), json!(l));
        }
        let mut result = sarif::Result::builder().message(message(text_of)).build();
        result.rule_id = Some(f.rule.clone());
        result.rule_index = index.get(&f.rule).copied();
        result.level = Some(level(f.severity));
        result.locations = Some(vec![finding_location(report, f)]);
        result.partial_fingerprints = Some(BTreeMap::from([(
            "glocalFindingKey/v1".to_string(),
            format!("{key}|{n}"),
        )]));
        result.baseline_state =
            with_baseline.then(|| json!(if f.baselined { "unchanged" } else { "new" }));
        result.properties = Some(sarif::PropertyBag {
            additional_properties: properties,
            ..Default::default()
        });
        results.push(result);
    }
    for (t, _) in failed_thresholds
        .iter()
        .zip(kept_thresholds)
        .filter(|(_, keep)| **keep)
    {
        let mut properties = BTreeMap::new();
        properties.insert("locale".to_string(), json!(t.locale));
        properties.insert("coveragePercent".to_string(), json!(t.coverage_percent));
        properties.insert("minimumPercent".to_string(), json!(t.minimum_percent));
        if let Some(m) = &t.market {
            properties.insert("market".to_string(), json!(m));
        }
        let mut result = sarif::Result::builder()
            .message(message(texts::threshold_failed(
                &t.locale,
                t.market.as_deref(),
                t.coverage_percent,
                t.minimum_percent,
            )))
            .build();
        result.locations = Some(vec![location(&report.places.of_locale(&t.locale))]);
        result.rule_id = Some(texts::MIN_COVERAGE_RULE.to_string());
        result.rule_index = index.get(texts::MIN_COVERAGE_RULE).copied();
        result.level = Some(level(Severity::Error));
        result.properties = Some(sarif::PropertyBag {
            additional_properties: properties,
            ..Default::default()
        });
        results.push(result);
    }

    let mut driver = sarif::ToolComponent::builder().name("glocal").build();
    driver.version = Some(report.tool.version.clone());
    driver.semantic_version = Some(report.tool.version.clone());
    driver.rules = Some(rules);
    let mut invocation = sarif::Invocation::builder()
        .execution_successful(true)
        .build();
    invocation.exit_code = Some(i64::from(report.summary.exit_code));
    if truncated {
        let mut notification = sarif::Notification::builder()
            .message(message(
                texts::sarif_truncated(results.len(), total)
                    .shown()
                    .to_string(),
            ))
            .build();
        notification.level = Some(json!("warning"));
        invocation.tool_execution_notifications = Some(vec![notification]);
    }
    let mut run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .build();
    run.original_uri_base_ids = Some(BTreeMap::from([(
        SRCROOT.to_string(),
        sarif::ArtifactLocation {
            uri: Some(directory_uri(working_dir)),
            ..Default::default()
        },
    )]));
    run.invocations = Some(vec![invocation]);
    run.results = Some(results);
    run.column_kind = Some(json!("unicodeCodePoints"));
    let mut log = sarif::Sarif::builder()
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    log.schema = Some(SCHEMA_URI.to_string());
    let mut out = serde_json::to_string_pretty(&log).expect("a SARIF log always serializes");
    out.push('\n');
    out
}

/// Which of the results of `ranks` a report limited to `max_results` (0: no
/// limit) keeps: the best ranks, the earlier of equal ones.
fn kept_results(ranks: &[(bool, Severity)], max_results: usize) -> Vec<bool> {
    if max_results == 0 || ranks.len() <= max_results {
        return vec![true; ranks.len()];
    }
    let mut order: Vec<usize> = (0..ranks.len()).collect();
    // A stable sort keeps report order within a rank.
    order.sort_by_key(|&i| ranks[i]);
    let mut kept = vec![false; ranks.len()];
    for &i in &order[..max_results] {
        kept[i] = true;
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_keeps_blocking_then_severe_results_in_order() {
        use Severity::*;
        let ranks = [
            (true, Warning),
            (false, Error),
            (true, Info),
            (true, Error),
            (false, Warning),
            (false, Error),
        ];
        let table: &[(usize, [bool; 6])] = &[
            (0, [true; 6]),
            (6, [true; 6]),
            (1, [false, true, false, false, false, false]),
            (2, [false, true, false, false, false, true]),
            (3, [false, true, false, false, true, true]),
            (4, [false, true, false, true, true, true]),
            (5, [true, true, false, true, true, true]),
        ];
        for (limit, expected) in table {
            assert_eq!(kept_results(&ranks, *limit), expected, "limit {limit}");
        }
    }

    #[test]
    fn uris_and_names() {
        assert_eq!(uri_path("l10n/fr CA/a#b.ftl"), "l10n/fr%20CA/a%23b.ftl");
        assert_eq!(directory_uri(Path::new("/w/x y")), "file:///w/x%20y/");
        assert_eq!(camel("missing-plural-category"), "MissingPluralCategory");
    }
}
