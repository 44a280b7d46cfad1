//! The human report on standard output: grouped by market, then locale, then
//! file, each locale with its counts, and a summary line at the end. Colour
//! (ANSI) only when asked for, which `glocal check` does on a terminal.
//! Findings known from the baseline are counted in the summary, not listed.

use std::fmt::Write as _;

use crate::coverage::finding::Severity;

use super::gate::summary_counts;
use super::{texts, verdict_text, Group, Mode, Report, ReportFinding};

/// ANSI styles, or none.
#[derive(Debug, Clone, Copy)]
struct Paint {
    color: bool,
}

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }

    fn dim(self, text: &str) -> String {
        self.wrap("2", text)
    }

    fn severity(self, severity: Severity, text: &str) -> String {
        match severity {
            Severity::Error => self.wrap("1;31", text),
            Severity::Warning => self.wrap("33", text),
            Severity::Info => self.wrap("36", text),
        }
    }

    fn verdict(self, verdict: &str) -> String {
        match verdict {
            "BLOCKED" => self.wrap("1;31", verdict),
            "AT_RISK" => self.wrap("33", verdict),
            _ => self.wrap("32", verdict),
        }
    }

    fn outcome(self, outcome: texts::Outcome, text: &str) -> String {
        match outcome {
            texts::Outcome::Passed => self.wrap("1;32", text),
            texts::Outcome::AtRisk => self.wrap("1;33", text),
            texts::Outcome::Failed => self.wrap("1;31", text),
        }
    }
}

/// `error`, `warning` or `note`.
fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The text report, ending with the summary line and a newline.
pub fn render(report: &Report, color: bool) -> String {
    let p = Paint { color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        p.bold(&texts::text_title(
            report.mode.as_str(),
            report.summary.locales,
            &report.source_locale
        ))
    );
    for note in &report.notes {
        let _ = writeln!(out, "{}", p.dim(&texts::note_line(note.shown())));
    }
    let groups = report.groups();
    // Lint mode has one section; plan and server modes one per roadmap.
    let sections: Vec<Option<&str>> = if report.mode == Mode::Lint {
        vec![None]
    } else {
        report
            .roadmaps
            .iter()
            .map(|r| Some(r.name.as_str()))
            .collect()
    };
    for section in sections {
        if let Some(name) = section {
            let verdict = report
                .roadmaps
                .iter()
                .find(|r| r.name == name)
                .map_or("", |r| verdict_text(r.verdict));
            let _ = writeln!(
                out,
                "\n{}",
                p.bold(&texts::roadmap_line(
                    name,
                    report.as_of.as_deref().unwrap_or("-"),
                    &p.verdict(verdict)
                ))
            );
            for l in report.launches.iter().filter(|l| l.roadmap == name) {
                let mut line = texts::launch_line(
                    &l.launch,
                    &l.market,
                    &l.date,
                    l.days_until,
                    &p.verdict(verdict_text(l.verdict)),
                );
                if let Some(f) = &l.forecast {
                    line = format!("{line} — {}", texts::forecast(f));
                }
                let _ = writeln!(out, "  {line}");
            }
            write_todo(&mut out, report, name, p);
            write_tasks(&mut out, report, name, p);
        }
        let mut market: Option<Option<&str>> = None;
        for group in groups.iter().filter(|g| g.roadmap.as_deref() == section) {
            let m = group.market.as_deref();
            let indent = if report.mode == Mode::Lint {
                out.push('\n');
                ""
            } else {
                if market != Some(m) {
                    market = Some(m);
                    let heading = match m {
                        Some(m) => texts::market_heading(m),
                        None => texts::no_market_heading(),
                    };
                    let _ = writeln!(out, "\n{}", p.bold(&heading));
                }
                "  "
            };
            write_locale(&mut out, report, group, indent, p);
        }
    }

    for t in report.unchecked_thresholds() {
        let _ = writeln!(
            out,
            "\n{}",
            p.severity(
                Severity::Error,
                &texts::threshold_failed(
                    &t.locale,
                    t.market.as_deref(),
                    t.coverage_percent,
                    t.minimum_percent
                )
            )
        );
    }
    let counts = summary_counts(report);
    let summary = texts::summary_line(&counts);
    let _ = writeln!(out, "\n{}", p.outcome(counts.outcome(), &summary));
    out
}

/// The to-do block of a roadmap: what is left to translate per launch and
/// locale, by due date, the lines that block today in the error colour.
fn write_todo(out: &mut String, report: &Report, roadmap: &str, p: Paint) {
    let mut items = report
        .todo
        .iter()
        .filter(|t| t.roadmap == roadmap)
        .peekable();
    if items.peek().is_none() {
        return;
    }
    let _ = writeln!(out, "\n  {}", p.bold(&texts::todo_heading()));
    for t in items {
        let t = &t.item;
        let due = t
            .due_date
            .map_or_else(|| "-".to_string(), |d| d.to_string());
        let blocks = t.severity == Severity::Error;
        let line = texts::todo_line(&due, &t.locale, &t.launch, t.messages, t.words, blocks);
        let _ = writeln!(out, "    {}", p.severity(t.severity, &line));
    }
}

/// The ranked translation tasks of a roadmap: per task its bundle, counts,
/// due date and score, then the launches it unblocks; a task whose gaps
/// block a launch today in the error colour.
fn write_tasks(out: &mut String, report: &Report, roadmap: &str, p: Paint) {
    let mut tasks = report
        .tasks
        .iter()
        .filter(|t| t.roadmap == roadmap)
        .peekable();
    if tasks.peek().is_none() {
        return;
    }
    let _ = writeln!(out, "\n  {}", p.bold(&texts::tasks_heading()));
    for (rank, t) in tasks.enumerate() {
        let t = &t.task;
        let due = t
            .due_date
            .map_or_else(|| "-".to_string(), |d| d.to_string());
        let mut line = texts::task_line(
            rank + 1,
            &t.locale,
            !t.bundle_exists,
            t.message_count,
            t.words,
            &due,
            t.score,
        );
        if let (Some(eta), Some(speed)) = (t.eta, t.words_per_day) {
            line = format!("{line}, {}", texts::task_eta(&eta.to_string(), speed));
        }
        if t.severity == Severity::Error {
            line = format!("{line} — {}", texts::todo_blocks());
        }
        let _ = writeln!(out, "    {}", p.severity(t.severity, &line));
        for l in &t.launches {
            let _ = writeln!(
                out,
                "       {}",
                texts::task_launch(&l.launch, &l.locales, l.weight.get(), &l.requirements)
            );
        }
    }
}

/// One locale: its heading with counts, failed minimums, then its findings
/// by file.
fn write_locale(out: &mut String, report: &Report, group: &Group, indent: &str, p: Paint) {
    let stats = report.stats_of(group);
    let locale = group.locale.as_str();
    let label = texts::locale_label(locale, stats.and_then(|s| s.served_by.as_deref()));
    let counts = match stats {
        Some(s) if report.mode != Mode::Lint && s.served_by.is_none() => texts::not_served(),
        Some(s) => texts::locale_stats(
            s.messages.translated,
            s.messages.total,
            s.coverage_percent,
            s.words.translated,
            s.words.total,
        ),
        None => String::new(),
    };
    if counts.is_empty() {
        let _ = writeln!(out, "{indent}{}", p.bold(&label));
    } else {
        let _ = writeln!(
            out,
            "{indent}{}",
            texts::locale_line(&p.bold(&label), &counts)
        );
    }
    for t in report.failed_thresholds_of(group) {
        let _ = writeln!(
            out,
            "{indent}  {}",
            p.severity(
                Severity::Error,
                &texts::threshold_failed(
                    &t.locale,
                    t.market.as_deref(),
                    t.coverage_percent,
                    t.minimum_percent
                )
            )
        );
    }
    let findings: Vec<&ReportFinding> =
        report.findings_of(group).filter(|f| !f.baselined).collect();
    let mut i = 0;
    while i < findings.len() {
        let path = findings[i].path.as_deref().or(findings[i].file.as_deref());
        let mut j = i;
        while j < findings.len()
            && findings[j].path.as_deref().or(findings[j].file.as_deref()) == path
        {
            j += 1;
        }
        let inner = match path {
            Some(path) => {
                let _ = writeln!(out, "{indent}  {}", p.bold(path));
                format!("{indent}    ")
            }
            None => format!("{indent}  "),
        };
        write_group(out, &findings[i..j], &inner, p);
        i = j;
    }
}

/// The findings of one file, in aligned columns: position, severity, rule,
/// message id, detail.
fn write_group(out: &mut String, group: &[&ReportFinding], indent: &str, p: Paint) {
    let position = |f: &ReportFinding| match (f.line, f.column) {
        (0, _) => texts::no_position().to_string(),
        (l, 0) => l.to_string(),
        (l, c) => format!("{l}:{c}"),
    };
    let pos_width = group.iter().map(|f| position(f).len()).max().unwrap_or(1);
    let rule_width = group.iter().map(|f| f.rule.len()).max().unwrap_or(1);
    let id_width = group
        .iter()
        .map(|f| f.message_id.as_deref().map_or(0, |m| m.chars().count()))
        .max()
        .unwrap_or(0);
    for f in group {
        let word = severity_word(f.severity);
        let mut line = format!(
            "{indent}{:<pos_width$}  {}{}  {:<rule_width$}  ",
            position(f),
            p.severity(f.severity, word),
            " ".repeat(7 - word.len()),
            f.rule,
        );
        if id_width > 0 {
            let id = f.message_id.as_deref().unwrap_or("");
            let pad = id_width - id.chars().count();
            let _ = write!(line, "{}{}  ", p.bold(id), " ".repeat(pad));
        }
        line.push_str(&f.shown_detail_why());
        let _ = writeln!(out, "{}", line.trim_end());
    }
}
