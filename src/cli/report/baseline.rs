//! `--baseline REPORT.json`: a JSON report written earlier by `glocal check
//! --json`. A finding that the baseline has too (same rule, locale, file and
//! message id; positions are ignored, since lines move as files change) is
//! *baselined*: reported, never blocking. Each finding of the baseline
//! excuses one finding now, so a second copy of a known problem is new.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::{texts, ReportFinding, SCHEMA_VERSION};

/// What a baseline matches on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The rule id.
    pub rule: String,
    /// The locale.
    pub locale: String,
    /// The bundle file.
    pub file: Option<String>,
    /// The message id.
    pub message_id: Option<String>,
}

/// The findings of a saved report, by key, with their number.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    counts: HashMap<Key, usize>,
}

#[derive(Deserialize)]
struct SavedReport {
    schema_version: u32,
    findings: Vec<SavedFinding>,
}

#[derive(Deserialize)]
struct SavedFinding {
    rule: String,
    locale: String,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    message_id: Option<String>,
}

impl Baseline {
    /// Reads a JSON report; errors are one line each.
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            texts::bad_baseline(&shown, &texts::cannot_read(&shown, &e.to_string()))
        })?;
        Self::parse(&text).map_err(|why| texts::bad_baseline(&shown, &why))
    }

    /// Parses the text of a JSON report.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let saved: SavedReport =
            serde_json::from_str(text).map_err(|e| texts::baseline_not_a_report(&e.to_string()))?;
        if saved.schema_version > SCHEMA_VERSION || saved.schema_version == 0 {
            return Err(texts::baseline_schema(saved.schema_version, SCHEMA_VERSION));
        }
        let mut counts = HashMap::new();
        for f in saved.findings {
            let key = Key {
                rule: f.rule,
                locale: f.locale,
                file: f.file,
                message_id: f.message_id,
            };
            *counts.entry(key).or_insert(0) += 1;
        }
        Ok(Baseline { counts })
    }

    /// Marks the findings the baseline has (in the order given).
    pub fn mark(&self, findings: &mut [ReportFinding]) {
        let mut left = self.counts.clone();
        for f in findings {
            if let Some(n) = left.get_mut(&f.baseline_key()) {
                if *n > 0 {
                    *n -= 1;
                    f.baselined = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::finding::Severity;

    fn finding(rule: &str, line: u32) -> ReportFinding {
        ReportFinding {
            bundle: None,
            rule: rule.into(),
            severity: Severity::Error,
            market: None,
            locale: "fr".into(),
            file: Some("a.ftl".into()),
            path: Some("l10n/fr/a.ftl".into()),
            line,
            column: 1,
            message_id: None,
            detail: String::new(),
            localized_detail: None,
            roadmap: None,
            launch: None,
            blocking: false,
            baselined: false,
            reasons: Vec::new(),
            need_date: None,
            due_date: None,
            waived_by: Vec::new(),
            source_line: 0,
            location: None,
        }
    }

    #[test]
    fn each_saved_finding_excuses_one() {
        let b = Baseline::parse(
            r#"{"schema_version": 1, "findings": [{"rule": "syntax-error", "locale": "fr", "file": "a.ftl", "message_id": null, "line": 3}]}"#,
        )
        .unwrap();
        let mut now = vec![finding("syntax-error", 9), finding("syntax-error", 12)];
        b.mark(&mut now);
        assert!(now[0].baselined && !now[1].baselined);
        // Version 2 (with reasons and dates) is read the same way.
        let b2 = Baseline::parse(
            r#"{"schema_version": 2, "findings": [{"rule": "syntax-error", "locale": "fr", "file": "a.ftl", "message_id": null, "reasons": [{"kind": "storefront-default", "name": "markets/fr", "obligation": "MANDATORY"}], "due_date": "2030-02-15"}]}"#,
        )
        .unwrap();
        let mut again = vec![finding("syntax-error", 9)];
        b2.mark(&mut again);
        assert!(again[0].baselined);
        assert!(Baseline::parse(r#"{"schema_version": 99, "findings": []}"#).is_err());
        assert!(Baseline::parse("[]").is_err());
    }
}
