//! GitHub Actions workflow commands: one `::error` or `::warning` line per
//! finding that is not in the baseline (notes are left out), with the file,
//! line and column when known, so that GitHub shows them on the pull request's
//! files; and one `::error` per locale below its minimum coverage.

use std::fmt::Write as _;

use crate::coverage::finding::Severity;

use super::{texts, Report};

/// Escapes the message of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow command lines, each ending with a newline.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in report.current() {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => continue,
        };
        let mut props = Vec::new();
        if let Some(path) = f.path.as_deref().or(f.file.as_deref()) {
            props.push(format!("file={}", property(path)));
            if f.line > 0 {
                props.push(format!("line={}", f.line));
                if f.column > 0 {
                    props.push(format!("col={}", f.column));
                }
            }
        }
        props.push(format!("title={}", property(&texts::github_title(&f.rule))));
        let mut message = match &f.market {
            Some(m) => format!("{m} {}: ", f.locale),
            None => format!("{}: ", f.locale),
        };
        if let Some(id) = &f.message_id {
            let _ = write!(message, "{id}: ");
        }
        message.push_str(&f.shown_detail_why());
        let _ = writeln!(out, "::{command} {}::{}", props.join(","), data(&message));
    }
    for t in report.thresholds.iter().filter(|t| !t.passed) {
        let _ = writeln!(
            out,
            "::error title={}::{}",
            property(&texts::github_title(texts::MIN_COVERAGE_RULE)),
            data(&texts::threshold_failed(
                &t.locale,
                t.market.as_deref(),
                t.coverage_percent,
                t.minimum_percent
            ))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
