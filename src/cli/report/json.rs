//! The JSON report: [`super::Report`] as it is, pretty-printed. Its schema is
//! versioned by `schema_version` ([`super::SCHEMA_VERSION`]) and documented
//! in README ("Locale gap reports in CI").

use super::Report;

/// The report as JSON text, ending with a newline.
pub fn render(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).expect("a report always serializes");
    text.push('\n');
    text
}
