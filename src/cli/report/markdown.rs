//! The Markdown report, for a pull request comment or a GitHub Actions step
//! summary: a title with the outcome, the launches (plan and server modes),
//! a compact coverage table per market and locale, and the top findings,
//! blocking ones first. It stays within [`MAX_CHARS`] (GitHub refuses
//! comments over 65,536 characters), leaving out rows with a note.

use std::fmt::Write as _;

use crate::coverage::finding::Severity;

use super::{severity_counts, texts, verdict_text, Mode, Report, ReportFinding};

/// The most characters the Markdown report has: GitHub's limit for a comment
/// body is 65,536; the rest is room for a caller's own lines.
pub const MAX_CHARS: usize = 60_000;

/// The most findings listed, however short.
const MAX_FINDINGS: usize = 200;

/// Escapes text for a table cell: Markdown and HTML specials, pipes, and line
/// breaks.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text in a code span (backticks removed from it, pipes escaped).
fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'").replace('|', "\\|"))
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn header(columns: &[String], right: &[usize]) -> String {
    let mut out = row(columns);
    let rules: Vec<String> = (0..columns.len())
        .map(|i| {
            if right.contains(&i) {
                "---:".to_string()
            } else {
                "---".to_string()
            }
        })
        .collect();
    out.push_str(&row(&rules));
    out
}

fn mark(severity: Severity, blocking: bool) -> &'static str {
    match (severity, blocking) {
        (_, true) => "❌",
        (Severity::Error, false) | (Severity::Warning, _) => "⚠️",
        (Severity::Info, _) => "ℹ️",
    }
}

/// The Markdown report, at most [`MAX_CHARS`] characters.
pub fn render(report: &Report) -> String {
    render_within(report, MAX_CHARS)
}

/// The Markdown report in at most `budget` characters (a little more if the
/// title and headings alone need it).
pub fn render_within(report: &Report, budget: usize) -> String {
    let mut out = String::new();
    let counts = super::gate::summary_counts(report);
    let _ = writeln!(out, "### {}\n", texts::markdown_title(&counts));
    let _ = writeln!(out, "{}\n", cell(&texts::summary_line(&counts)));

    if report.mode != Mode::Lint && !report.launches.is_empty() {
        let _ = writeln!(out, "#### {}\n", texts::markdown_launches_heading());
        out.push_str(&header(&texts::markdown_launch_columns(), &[3]));
        for l in &report.launches {
            let launch = if report.many_roadmaps() {
                format!(
                    "{} {}",
                    code(l.roadmap.rsplit('/').next().unwrap_or(&l.roadmap)),
                    code(&l.launch)
                )
            } else {
                code(&l.launch)
            };
            out.push_str(&row(&[
                launch,
                code(&l.market),
                l.date.clone(),
                l.days_until.to_string(),
                match &l.forecast {
                    Some(f) => format!(
                        "**{}** — {}",
                        verdict_text(l.verdict),
                        cell(&texts::forecast(f))
                    ),
                    None => format!("**{}**", verdict_text(l.verdict)),
                },
            ]));
        }
        out.push('\n');
    }

    if !report.todo.is_empty() {
        let _ = writeln!(out, "#### {}\n", texts::markdown_todo_heading());
        out.push_str(&header(&texts::markdown_todo_columns(), &[3, 4]));
        for t in &report.todo {
            let item = &t.item;
            let due = item
                .due_date
                .map_or_else(|| "-".to_string(), |d| d.to_string());
            let launch = if report.many_roadmaps() {
                format!(
                    "{} {}",
                    code(t.roadmap.rsplit('/').next().unwrap_or(&t.roadmap)),
                    code(&item.launch)
                )
            } else {
                code(&item.launch)
            };
            out.push_str(&row(&[
                format!(
                    "{} {due}",
                    mark(item.severity, item.severity == Severity::Error)
                ),
                code(&item.locale),
                launch,
                item.messages.to_string(),
                item.words.to_string(),
            ]));
        }
        out.push('\n');
    }

    if !report.tasks.is_empty() {
        let _ = writeln!(out, "#### {}\n", texts::markdown_tasks_heading());
        out.push_str(&header(&texts::markdown_tasks_columns(), &[0, 3, 4, 5]));
        let mut rank = 0;
        let mut roadmap = None;
        for entry in &report.tasks {
            // Ranks restart with each roadmap.
            if roadmap != Some(&entry.roadmap) {
                roadmap = Some(&entry.roadmap);
                rank = 0;
            }
            rank += 1;
            let t = &entry.task;
            let due = t
                .due_date
                .map_or_else(|| "-".to_string(), |d| d.to_string());
            let mut bundle = code(&t.locale);
            if !t.bundle_exists {
                bundle = format!("{bundle} ({})", cell(&texts::task_new_bundle()));
            }
            if report.many_roadmaps() {
                let short = entry.roadmap.rsplit('/').next().unwrap_or(&entry.roadmap);
                bundle = format!("{} {bundle}", code(short));
            }
            let unblocks: Vec<String> = t
                .launches
                .iter()
                .map(|l| {
                    let mut said = format!("{} ({})", code(&l.launch), cell(&l.locales.join(", ")));
                    if l.legal() {
                        said = format!("{said} **{}**", cell(&texts::task_law()));
                    }
                    said
                })
                .collect();
            out.push_str(&row(&[
                rank.to_string(),
                bundle,
                match (t.eta, t.words_per_day) {
                    (Some(eta), Some(speed)) => format!(
                        "{} {due} ({})",
                        mark(t.severity, t.severity == Severity::Error),
                        cell(&texts::task_eta(&eta.to_string(), speed))
                    ),
                    _ => format!("{} {due}", mark(t.severity, t.severity == Severity::Error)),
                },
                t.message_count.to_string(),
                t.words.to_string(),
                texts::score(t.score),
                unblocks.join(", "),
            ]));
        }
        out.push('\n');
    }

    // Reserve room for the findings table: a quarter of the budget at least.
    let table_budget = budget.saturating_sub(out.len()) * 3 / 4;
    let groups = report.groups();
    if !groups.is_empty() {
        let mut table = format!("#### {}\n\n", texts::markdown_coverage_heading());
        table.push_str(&header(
            &texts::markdown_coverage_columns(),
            &[2, 3, 4, 5, 6],
        ));
        let mut shown = 0;
        for group in &groups {
            let locale = &group.locale;
            let stats = report.stats_of(group);
            let findings: Vec<&ReportFinding> =
                report.findings_of(group).filter(|f| !f.baselined).collect();
            let counts = severity_counts(findings.iter().copied());
            let blocked = findings.iter().any(|f| f.blocking)
                || report.failed_thresholds_of(group).next().is_some();
            let warned = counts.get(&Severity::Warning).copied().unwrap_or(0) > 0;
            let locale_cell = match stats.and_then(|s| s.served_by.as_deref()) {
                Some(b) if b != locale => format!("{} ({})", code(locale), code(b)),
                _ => code(locale),
            };
            let (messages, words, coverage) = match stats {
                Some(s) => (
                    format!("{}/{}", s.messages.translated, s.messages.total),
                    format!("{}/{}", s.words.translated, s.words.total),
                    texts::percent_text(s.coverage_percent),
                ),
                None => ("".into(), "".into(), "".into()),
            };
            let market_cell = match (&group.roadmap, &group.market) {
                (Some(r), Some(m)) if report.many_roadmaps() => {
                    format!("{} {}", code(r.rsplit('/').next().unwrap_or(r)), code(m))
                }
                (Some(r), None) => code(r.rsplit('/').next().unwrap_or(r)),
                (_, m) => m.as_deref().map(code).unwrap_or_default(),
            };
            let line = row(&[
                market_cell,
                locale_cell,
                messages,
                words,
                coverage,
                counts
                    .get(&Severity::Error)
                    .copied()
                    .unwrap_or(0)
                    .to_string(),
                counts
                    .get(&Severity::Warning)
                    .copied()
                    .unwrap_or(0)
                    .to_string(),
                if blocked {
                    "❌"
                } else if warned {
                    "⚠️"
                } else {
                    "✅"
                }
                .to_string(),
            ]);
            if table.len() + line.len() > table_budget {
                break;
            }
            table.push_str(&line);
            shown += 1;
        }
        if shown < groups.len() {
            let _ = writeln!(
                table,
                "\n_{}_",
                texts::markdown_rows_truncated(groups.len() - shown)
            );
        }
        out.push_str(&table);
        out.push('\n');
    }

    let mut listed: Vec<&ReportFinding> = report.current().collect();
    listed.sort_by_key(|f| (!f.blocking, f.severity));
    if !listed.is_empty() {
        let mut rows = String::new();
        let mut shown = 0;
        let note_room = 200;
        for f in listed.iter().take(MAX_FINDINGS) {
            let where_ = match f.position() {
                Some(p) => code(&p),
                None => code(&f.locale),
            };
            let mut detail = match &f.market {
                Some(m) => format!("{m} {}: {}", f.locale, f.shown_detail_why()),
                None => format!("{}: {}", f.locale, f.shown_detail_why()),
            };
            if let (true, Some(r)) = (report.many_roadmaps(), &f.roadmap) {
                detail = format!("{}: {detail}", r.rsplit('/').next().unwrap_or(r));
            }
            let line = row(&[
                mark(f.severity, f.blocking).to_string(),
                where_,
                code(&f.rule),
                f.message_id.as_deref().map(code).unwrap_or_default(),
                cell(&detail),
            ]);
            // Title, headings and the truncation note must still fit.
            if out.len() + rows.len() + line.len() + note_room > budget {
                break;
            }
            rows.push_str(&line);
            shown += 1;
        }
        let _ = writeln!(
            out,
            "#### {}\n",
            texts::markdown_findings_heading(shown, listed.len())
        );
        if shown > 0 {
            out.push_str(&header(&texts::markdown_finding_columns(), &[]));
            out.push_str(&rows);
        }
        if shown < listed.len() {
            let _ = writeln!(
                out,
                "\n_{}_",
                texts::markdown_truncated(listed.len() - shown)
            );
        }
        out.push('\n');
    }

    if !report.notes.is_empty() {
        let mut notes = format!("#### {}\n\n", texts::markdown_notes_heading());
        for n in &report.notes {
            let _ = writeln!(notes, "- {}", cell(n.shown()));
        }
        if out.len() + notes.len() <= budget {
            out.push_str(&notes);
        }
    }
    out
}
