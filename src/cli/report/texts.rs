//! Every text `glocal check` writes for people, in one place: error lines,
//! notes, headings, summary lines and the help of each rule. The words are
//! Fluent messages in `locales/*/check.ftl`, in the language of the process
//! ([`crate::l10n::process_texts`]); these functions name the message and
//! pass its arguments. The engine's finding details are the engine's and are
//! not here.
//!
//! Each function returns the finished text; callers add no words of their own.

use super::Note;
use crate::coverage::finding::Rule;
use crate::l10n::Text;
use crate::tr;

// ---------------------------------------------------------------------------
// Errors (exit 2): one line each, printed by the binary after `error: `.
// ---------------------------------------------------------------------------

/// A flag names a directory that does not exist (or is not a directory).
pub fn not_a_directory(flag: &str, path: &str) -> String {
    tr!("check-not-a-directory", "flag" => flag, "path" => path)
}

/// A file or directory could not be read.
pub fn cannot_read(path: &str, error: &str) -> String {
    tr!("check-cannot-read", "path" => path, "error" => error)
}

/// A Fluent file is not UTF-8.
pub fn not_utf8(path: &str) -> String {
    tr!("check-not-utf8", "path" => path)
}

/// A folder of a locale tree holds more than `max` folders, following
/// symbolic links.
pub fn too_many_folders(path: &str, max: usize) -> String {
    tr!("check-too-many-folders", "path" => path, "max" => max)
}

/// A report could not be written.
pub fn cannot_write(format: &str, path: &str, error: &str) -> String {
    tr!("check-cannot-write", "format" => format, "path" => path, "error" => error)
}

/// No mode was chosen.
pub fn no_mode() -> String {
    tr!("check-no-mode")
}

/// Two modes were chosen.
pub fn two_modes(first: &str, second: &str) -> String {
    tr!("check-two-modes", "first" => first, "second" => second)
}

/// Lint mode needs both directories.
pub fn lint_needs_both(missing: &str) -> String {
    tr!("check-lint-needs-both", "missing" => missing)
}

/// The modes a flag may belong to.
#[derive(Debug, Clone, Copy)]
pub enum Modes {
    /// Plan and server modes.
    PlanAndServer,
    /// Server mode only.
    Server,
    /// Plan mode only.
    Plan,
    /// Lint mode only.
    Lint,
    /// Lint and plan modes (the offline ones).
    LintAndPlan,
}

/// A flag that only some modes take.
pub fn flag_needs_mode(flag: &str, modes: Modes) -> String {
    let modes = match modes {
        Modes::PlanAndServer => tr!("check-modes-plan-and-server"),
        Modes::Server => tr!("check-modes-server"),
        Modes::Plan => tr!("check-modes-plan"),
        Modes::Lint => tr!("check-modes-lint"),
        Modes::LintAndPlan => tr!("check-modes-lint-and-plan"),
    };
    tr!("check-flag-needs-mode", "flag" => flag, "modes" => modes)
}

/// Server mode needs the roadmap.
pub fn server_needs_roadmap() -> String {
    tr!("check-server-needs-roadmap")
}

/// Why a value is invalid, in the process's language.
pub fn why(text: &crate::l10n::Text) -> String {
    text.render(crate::l10n::process_texts())
}

/// A locale flag value is not a locale tag.
pub fn bad_locale(flag: &str, value: &str, why: &str) -> String {
    tr!("check-bad-locale", "flag" => flag, "value" => value, "why" => why)
}

/// `--as-of` is not a date.
pub fn bad_date(value: &str, why: &str) -> String {
    tr!("check-bad-date", "value" => value, "why" => why)
}

/// A `--min-coverage` value that is not `PERCENT` or `LOCALE=PERCENT` (clap
/// names the flag and the value before it).
pub fn bad_min_coverage(why: &str) -> String {
    tr!("check-bad-min-coverage", "why" => why)
}

/// A percentage outside 0..=100.
pub fn percent_out_of_range() -> String {
    tr!("check-percent-out-of-range")
}

/// `--min-coverage` names the same locale twice.
pub fn min_coverage_twice(locale: &str) -> String {
    tr!("check-min-coverage-twice", "what" => locale)
}

/// `--min-coverage` gives the default minimum twice.
pub fn min_coverage_default_twice() -> String {
    tr!("check-min-coverage-twice", "what" => tr!("check-min-coverage-default"))
}

/// A `--market-window` value that is not `MARKET=DAYS` (clap names the flag
/// and the value before it).
pub fn bad_market_window(why: &str) -> String {
    tr!("check-bad-market-window", "why" => why)
}

/// A `--market-window` value without `=`.
pub fn market_window_no_equals(value: &str) -> String {
    tr!("check-market-window-no-equals", "value" => crate::domain::escaped(value))
}

/// A `--market-window` value whose days are not a number.
pub fn market_window_not_days(value: &str) -> String {
    tr!("check-market-window-not-days", "value" => crate::domain::escaped(value))
}

/// `--market-window` names the same market twice.
pub fn market_window_twice(market: &str) -> String {
    tr!("check-market-window-twice", "market" => market)
}

/// `--lang` names a language glocal has no texts in (or no language).
pub fn bad_lang(value: &str, available: &str) -> String {
    tr!("check-bad-lang", "value" => value, "available" => available)
}

/// A roadmap name of server mode that does not parse.
pub fn bad_roadmap_name(value: &str, why: &str) -> String {
    tr!("check-bad-roadmap-name", "value" => value, "why" => why)
}

/// The plan file is not a valid plan: its first problem, on one line.
pub fn bad_plan(position: &str, message: &str, more: usize) -> String {
    tr!("check-bad-plan", "position" => position, "message" => message, "more" => more)
}

/// The plan has no `[product.fluent]` table.
pub fn plan_without_fluent(plan: &str) -> String {
    tr!("check-plan-without-fluent", "plan" => plan)
}

/// The plan's layout cannot be used to find files.
pub fn bad_layout(plan: &str, layout: &str, why: &str) -> String {
    // The layout as `{:?}` shows it, escapes included.
    let layout = crate::domain::escaped(layout);
    tr!("check-bad-layout", "plan" => plan, "layout" => layout, "why" => why)
}

/// The layout needs `{locale}` as a whole folder name.
pub fn layout_needs_locale_folder() -> String {
    tr!("check-layout-needs-locale-folder")
}

/// The layout's folders before `{locale}` must be plain names.
pub fn layout_plain_prefix() -> String {
    tr!("check-layout-plain-prefix")
}

/// The layout's pattern of files does not name `.ftl` files.
pub fn layout_needs_ftl() -> String {
    tr!("check-layout-needs-ftl")
}

/// The layout's pattern of files is not a valid glob.
pub fn layout_bad_glob(why: &str) -> String {
    tr!("check-layout-bad-glob", "why" => why)
}

/// The source locale has no folder.
pub fn no_source_folder(locale: &str, dir: &str) -> String {
    tr!("check-no-source-folder", "locale" => locale, "dir" => dir)
}

/// `--html` outside plan mode.
pub fn html_plan_only() -> String {
    tr!("check-html-plan-only")
}

/// `--html` on a plan with several roadmaps and no `--roadmap`.
pub fn html_needs_roadmap(plan: &str, known: &[String]) -> String {
    tr!("check-html-needs-roadmap", "plan" => plan, "known" => known.join(", "))
}

/// The foot of the page `--html` writes.
pub fn html_note(date: &str, plan: &str) -> String {
    tr!("dashboard-static-note", "date" => date, "source" => plan)
}

/// The plan has no roadmap of that id.
pub fn unknown_roadmap(plan: &str, roadmap: &str, known: &[String]) -> String {
    if known.is_empty() {
        tr!("check-plan-has-no-roadmap", "plan" => plan, "roadmap" => roadmap)
    } else {
        tr!(
            "check-unknown-roadmap",
            "plan" => plan,
            "roadmap" => roadmap,
            "known" => known.join(", "),
        )
    }
}

/// The baseline report cannot be used.
pub fn bad_baseline(path: &str, why: &str) -> String {
    tr!("check-bad-baseline", "path" => path, "why" => why)
}

/// The baseline is not a JSON report of `glocal check --json`.
pub fn baseline_not_a_report(why: &str) -> String {
    tr!("check-baseline-not-a-report", "why" => why)
}

/// The baseline is a report of a newer schema.
pub fn baseline_schema(found: u32, supported: u32) -> String {
    tr!("check-baseline-schema", "found" => found, "supported" => supported)
}

/// Uploading the tree before a server check failed.
pub fn push_failed(dir: &str) -> String {
    tr!("check-push-failed", "dir" => dir)
}

// ---------------------------------------------------------------------------
// Notes: printed with the report, and kept in the JSON report's `notes`.
// ---------------------------------------------------------------------------

/// A folder under `--l10n` that is the source folder itself.
pub fn skipped_source_folder(folder: &str) -> Note {
    note(Text::new("check-skipped-source-folder").text("folder", folder))
}

/// A folder whose name is not a locale tag.
pub fn skipped_not_locale(folder: &str, why: &Text) -> Note {
    note(
        Text::new("check-skipped-not-locale")
            .text("folder", folder)
            .list("why", vec![why.clone()]),
    )
}

/// A folder whose name is not a BCP 47 tag but starts with one, read with
/// that tag's CLDR data.
pub fn folder_read_as(folder: &str, tag: &str) -> Note {
    note(
        Text::new("check-folder-read-as")
            .text("folder", folder)
            .text("tag", tag),
    )
}

/// A folder of a tree that is a symbolic link to nothing (or to itself).
pub fn skipped_broken_link(folder: &str, error: &str) -> Note {
    note(
        Text::new("check-skipped-broken-link")
            .text("folder", folder)
            .text("error", error),
    )
}

/// A second folder of the same locale (`fr-ca` beside `fr-CA`).
pub fn skipped_same_locale(folder: &str, first: &str) -> Note {
    note(
        Text::new("check-skipped-same-locale")
            .text("folder", folder)
            .text("first", first),
    )
}

/// The source has no message: nothing to translate.
pub fn nothing_to_translate(source: &str) -> Note {
    note(Text::new("check-nothing-to-translate").text("source", source))
}

/// No locale folder was found.
pub fn no_locale_folders(dir: &str) -> Note {
    note(Text::new("check-no-locale-folders").text("dir", dir))
}

/// The plan has no roadmap.
pub fn plan_without_roadmaps(plan: &str) -> Note {
    note(Text::new("check-plan-without-roadmaps").text("plan", plan))
}

/// A requested locale has no folder: reported as a missing locale.
pub fn requested_locale_missing(locale: &str) -> Note {
    note(Text::new("check-requested-locale-missing").text("locale", locale))
}

/// A threshold names a locale that no check covered.
pub fn threshold_locale_unchecked(locale: &str) -> Note {
    note(Text::new("check-threshold-locale-unchecked").text("locale", locale))
}

/// A `--market-window` for a market that no checked launch is in.
pub fn market_window_unused(market: &str) -> Note {
    note(Text::new("check-market-window-unused").text("market", market))
}

/// The SARIF report left out results to stay within what code scanning
/// takes.
pub fn sarif_truncated(kept: usize, total: usize) -> Note {
    note(
        Text::new("check-sarif-truncated")
            .count("kept", kept)
            .count("total", total),
    )
}

/// A note of `text`: in `en-US` for the JSON report, and in the process's
/// language for the others.
fn note(text: Text) -> Note {
    let texts = crate::l10n::process_texts();
    Note {
        english: text.to_string(),
        shown: (!texts.is_source()).then(|| text.render(texts)),
    }
}

// ---------------------------------------------------------------------------
// Report texts.
// ---------------------------------------------------------------------------

/// The first line of the text report.
pub fn text_title(mode: &str, locales: usize, source_locale: &str) -> String {
    tr!("check-text-title", "mode" => mode, "locales" => locales, "source" => source_locale)
}

/// The line of a roadmap in plan and server modes.
pub fn roadmap_line(name: &str, as_of: &str, verdict: &str) -> String {
    tr!("check-roadmap-line", "name" => name, "date" => as_of, "verdict" => verdict)
}

/// The line of one launch.
pub fn launch_line(
    launch: &str,
    market: &str,
    date: &str,
    days_until: i64,
    verdict: &str,
) -> String {
    tr!(
        "check-launch-line",
        "launch" => launch,
        "market" => market,
        "date" => date,
        "when" => days(days_until),
        "verdict" => verdict,
    )
}

/// A launch's forecast: on track (and when it is done), late by how many
/// days, or which bundles have no velocity.
pub fn forecast(f: &crate::coverage::forecast::Forecast) -> String {
    use crate::coverage::forecast::ForecastStatus;
    let eta = f.eta.map_or_else(|| "none".to_string(), |d| d.to_string());
    match f.status {
        ForecastStatus::OnTrack => tr!("check-forecast-on-track", "eta" => eta),
        ForecastStatus::Late => tr!("check-forecast-late", "days" => f.late_days, "eta" => eta),
        ForecastStatus::NoData => {
            tr!("check-forecast-no-data", "bundles" => f.no_data.join(", "))
        }
    }
}

/// The heading of the text report's to-do block.
pub fn todo_heading() -> String {
    tr!("check-todo-heading")
}

/// One line of the to-do block: due date, locale, launch, counts, and
/// whether it blocks today.
pub fn todo_line(
    due: &str,
    locale: &str,
    launch: &str,
    messages: u32,
    words: u32,
    blocks: bool,
) -> String {
    let line = tr!(
        "check-todo-line",
        "due" => due,
        "locale" => locale,
        "launch" => launch,
        "messages" => messages,
        "words" => words,
    );
    if blocks {
        format!("{line} — {}", todo_blocks())
    } else {
        line
    }
}

/// `blocks today`, added to a line whose gaps block a launch today.
pub fn todo_blocks() -> String {
    tr!("check-todo-blocks")
}

/// The heading of the text report's block of ranked translation tasks.
pub fn tasks_heading() -> String {
    tr!("check-tasks-heading")
}

/// A task's score as reports show it: three decimals.
pub fn score(score: f64) -> String {
    format!("{score:.3}")
}

/// The first line of a ranked task: rank, receiving bundle, counts, due
/// date and score.
pub fn task_line(
    rank: usize,
    locale: &str,
    new_bundle: bool,
    messages: u32,
    words: u32,
    due: &str,
    score: f64,
) -> String {
    tr!(
        "check-task-line",
        "rank" => rank,
        "locale" => locale,
        "new" => if new_bundle { "yes" } else { "no" },
        "messages" => messages,
        "words" => words,
        "due" => due,
        "score" => self::score(score),
    )
}

/// One launch a task unblocks: its needed locales, weight and the laws
/// that make it urgent.
pub fn task_launch(launch: &str, locales: &[String], weight: f64, laws: &[String]) -> String {
    tr!(
        "check-task-launch",
        "launch" => launch,
        "locales" => locales.join(", "),
        "weight" => weight.to_string(),
        "laws" => if laws.is_empty() { "none".to_string() } else { laws.join(", ") },
    )
}

/// When a task's bundle, at its velocity, is done.
pub fn task_eta(eta: &str, words_per_day: f64) -> String {
    tr!(
        "check-task-eta",
        "eta" => eta,
        "speed" => format!("{words_per_day:.1}"),
    )
}

/// Markdown: the heading of the tasks table.
pub fn markdown_tasks_heading() -> String {
    tr!("check-markdown-tasks")
}

/// Markdown: the column headings of the tasks table.
pub fn markdown_tasks_columns() -> [String; 7] {
    [
        tr!("check-column-rank"),
        tr!("check-column-bundle"),
        tr!("check-column-due"),
        tr!("check-column-messages"),
        tr!("check-column-words"),
        tr!("check-column-score"),
        tr!("check-column-unblocks"),
    ]
}

/// Markdown: the mark of a bundle that does not exist yet.
pub fn task_new_bundle() -> String {
    tr!("check-task-new-bundle")
}

/// Markdown: the mark of a launch a law makes urgent.
pub fn task_law() -> String {
    tr!("check-task-law")
}

/// Markdown: the heading of the to-do table.
pub fn markdown_todo_heading() -> String {
    tr!("check-markdown-todo")
}

/// Markdown: the column headings of the to-do table.
pub fn markdown_todo_columns() -> [String; 5] {
    [
        tr!("check-column-due"),
        tr!("check-column-locale"),
        tr!("check-column-launch"),
        tr!("check-column-messages"),
        tr!("check-column-words"),
    ]
}

/// `in 3 days`, `today`, `5 days ago`.
pub fn days(days_until: i64) -> String {
    if days_until < 0 {
        tr!("check-days-ago", "days" => -days_until)
    } else {
        tr!("check-days", "days" => days_until)
    }
}

/// A market heading of the text report.
pub fn market_heading(market: &str) -> String {
    tr!("check-market-heading", "market" => market)
}

/// The heading for findings that concern no market (roadmap findings).
pub fn no_market_heading() -> String {
    tr!("check-no-market-heading")
}

/// `fr-CA (served by fr)`.
pub fn locale_label(locale: &str, served_by: Option<&str>) -> String {
    match served_by {
        Some(b) if b != locale => tr!("check-locale-served-by", "locale" => locale, "bundle" => b),
        _ => locale.to_string(),
    }
}

/// The statistics after a locale heading.
pub fn locale_stats(
    translated: u32,
    total: u32,
    percent: f64,
    translated_words: u32,
    total_words: u32,
) -> String {
    tr!(
        "check-locale-stats",
        "translated" => translated,
        "total" => total,
        "percent" => percent_text(percent),
        "translatedWords" => translated_words,
        "totalWords" => total_words,
    )
}

/// A locale's bundle is not served at all.
pub fn not_served() -> String {
    tr!("check-not-served")
}

/// `84.6%` (`84,6 %` in French).
pub fn percent_text(percent: f64) -> String {
    let value = if percent >= 100.0 {
        "100".to_string()
    } else {
        // Never round up to 100%: 99.96% is not complete.
        format!("{:.1}", percent.min(99.9)).replace('.', &tr!("check-decimal-separator"))
    };
    tr!("check-percent", "value" => value)
}

/// A note of the run, on its own line.
pub fn note_line(note: &str) -> String {
    tr!("check-note-line", "note" => note)
}

/// A locale's heading: its label, then its statistics.
pub fn locale_line(label: &str, stats: &str) -> String {
    tr!("check-locale-line", "locale" => label, "stats" => stats)
}

/// A coverage threshold that failed.
pub fn threshold_failed(locale: &str, market: Option<&str>, percent: f64, minimum: f64) -> String {
    let place = match market {
        Some(m) => tr!("check-threshold-place", "locale" => locale, "market" => m),
        None => locale.to_string(),
    };
    tr!(
        "check-threshold-failed",
        "place" => place,
        "percent" => percent_text(percent),
        "minimum" => percent_text(minimum),
    )
}

/// A finding known from the baseline (suffix in lists).
pub fn baselined_mark() -> String {
    tr!("check-baselined-mark")
}

/// The position of a finding without a known line.
pub fn no_position() -> &'static str {
    "-"
}

/// The summary line that ends every text report.
pub fn summary_line(s: &SummaryCounts) -> String {
    let mut parts = vec![
        tr!("check-count-errors", "count" => s.errors),
        tr!("check-count-warnings", "count" => s.warnings),
        tr!("check-count-notes", "count" => s.notes),
    ];
    if s.baselined > 0 {
        parts.push(tr!("check-count-baselined", "count" => s.baselined));
    }
    let counts = parts.join(&tr!("check-list-separator"));
    let separator = tr!("check-clause-separator");
    let mut line = match s.outcome() {
        Outcome::Passed => {
            tr!("check-summary-passed", "counts" => counts, "locales" => s.locales)
        }
        Outcome::AtRisk => tr!(
            "check-summary-at-risk",
            "risk" => at_risk(s),
            "counts" => counts,
            "locales" => s.locales,
        ),
        Outcome::Failed => {
            let mut line = tr!(
                "check-summary-failed",
                "blocking" => s.blocking,
                "counts" => counts,
                "locales" => s.locales,
            );
            // What blocks later is said too.
            if s.at_risk_launches > 0 {
                line.push_str(&separator);
                line.push_str(&at_risk(s));
            }
            line
        }
    };
    if s.thresholds_failed > 0 {
        line.push_str(&separator);
        line.push_str(&tr!("check-summary-below-minimum", "locales" => s.thresholds_failed));
    }
    line.push_str(&separator);
    line.push_str(&format!("--fail-on {}", s.fail_on));
    line
}

/// `1 launch AT_RISK, first due 2030-02-15`.
fn at_risk(s: &SummaryCounts) -> String {
    tr!(
        "check-summary-at-risk-launches",
        "launches" => s.at_risk_launches,
        "date" => s.first_due.as_deref().unwrap_or("-"),
    )
}

/// What the headline says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing blocks and no launch is AT_RISK.
    Passed,
    /// Nothing blocks, but a launch is AT_RISK.
    AtRisk,
    /// Something blocks.
    Failed,
}

/// The counts the summary line needs.
#[derive(Debug, Clone, Default)]
pub struct SummaryCounts {
    /// Whether the gates passed.
    pub passed: bool,
    /// Findings that fail the gate.
    pub blocking: usize,
    /// Findings of severity error (baselined ones excluded).
    pub errors: usize,
    /// Findings of severity warning (baselined ones excluded).
    pub warnings: usize,
    /// Notes (baselined ones excluded).
    pub notes: usize,
    /// Findings known from the baseline.
    pub baselined: usize,
    /// Locales (or market × locale rows) checked.
    pub locales: usize,
    /// Coverage thresholds that failed.
    pub thresholds_failed: usize,
    /// Launches AT_RISK (with a gap not in the baseline).
    pub at_risk_launches: usize,
    /// The first day a gap of an AT_RISK launch blocks.
    pub first_due: Option<String>,
    /// The `--fail-on` level.
    pub fail_on: String,
}

impl SummaryCounts {
    /// `Passed` only when nothing blocks and no launch is AT_RISK.
    pub fn outcome(&self) -> Outcome {
        if !self.passed {
            Outcome::Failed
        } else if self.at_risk_launches > 0 {
            Outcome::AtRisk
        } else {
            Outcome::Passed
        }
    }
}

/// Markdown: the title.
pub fn markdown_title(s: &SummaryCounts) -> String {
    match s.outcome() {
        Outcome::Passed => tr!("check-markdown-passed"),
        Outcome::AtRisk => tr!("check-markdown-at-risk", "risk" => at_risk(s)),
        Outcome::Failed => tr!("check-markdown-failed", "blocking" => s.blocking),
    }
}

/// Markdown: the column headings of the coverage table (the last column,
/// a status mark, has none).
pub fn markdown_coverage_columns() -> [String; 8] {
    [
        tr!("check-column-market"),
        tr!("check-column-locale"),
        tr!("check-column-messages"),
        tr!("check-column-words"),
        tr!("check-column-coverage"),
        tr!("check-column-errors"),
        tr!("check-column-warnings"),
        String::new(),
    ]
}

/// Markdown: the column headings of the launch table.
pub fn markdown_launch_columns() -> [String; 5] {
    [
        tr!("check-column-launch"),
        tr!("check-column-market"),
        tr!("check-column-date"),
        tr!("check-column-days"),
        tr!("check-column-verdict"),
    ]
}

/// Markdown: the column headings of the findings table (the first column,
/// a severity mark, has none).
pub fn markdown_finding_columns() -> [String; 5] {
    [
        String::new(),
        tr!("check-column-where"),
        tr!("check-column-rule"),
        tr!("check-column-message"),
        tr!("check-column-detail"),
    ]
}

/// Markdown: the heading of the findings table.
pub fn markdown_findings_heading(shown: usize, total: usize) -> String {
    if shown == total {
        tr!("check-markdown-findings-all", "total" => total)
    } else {
        tr!("check-markdown-findings-top", "shown" => shown, "total" => total)
    }
}

/// Markdown: the heading of the launch table.
pub fn markdown_launches_heading() -> String {
    tr!("check-markdown-launches")
}

/// Markdown: the heading of the coverage table.
pub fn markdown_coverage_heading() -> String {
    tr!("check-markdown-coverage")
}

/// Markdown: the heading of the notes.
pub fn markdown_notes_heading() -> String {
    tr!("check-markdown-notes")
}

/// Markdown: findings left out to stay within a comment's size.
pub fn markdown_truncated(left_out: usize) -> String {
    tr!("check-markdown-findings-left-out", "count" => left_out)
}

/// Markdown: coverage rows left out to stay within a comment's size.
pub fn markdown_rows_truncated(left_out: usize) -> String {
    tr!("check-markdown-rows-left-out", "count" => left_out)
}

/// JUnit: the name of the report (a program name; not translated).
pub fn junit_report_name() -> &'static str {
    "glocal check"
}

/// JUnit: the suite of findings without a market.
pub fn junit_suite_without_market(mode: &str) -> String {
    match mode {
        "lint" => tr!("check-junit-suite-locales"),
        _ => tr!("check-junit-suite-roadmap"),
    }
}

/// JUnit: the failure message of a test case.
pub fn junit_failure(blocking: usize, thresholds: usize) -> String {
    let mut parts = Vec::new();
    if blocking > 0 {
        parts.push(tr!("check-junit-blocking", "count" => blocking));
    }
    if thresholds > 0 {
        parts.push(tr!("check-junit-below-minimum"));
    }
    parts.join(&tr!("check-clause-separator"))
}

/// GitHub: the title of an annotation (a program name and a rule id; not
/// translated).
pub fn github_title(rule: &str) -> String {
    format!("glocal {rule}")
}

/// The rule id of a failed coverage threshold (SARIF, JUnit, GitHub).
pub const MIN_COVERAGE_RULE: &str = "min-coverage";

/// Help of the threshold rule: a one-line summary and a help text.
pub fn min_coverage_help() -> (String, String) {
    help_of(MIN_COVERAGE_RULE)
}

/// A short and a long help text for each rule (SARIF `shortDescription` and
/// `help`).
pub fn rule_help(rule: Rule) -> (String, String) {
    help_of(rule.id())
}

/// The message `rule-ID` and its `help` attribute.
fn help_of(rule_id: &str) -> (String, String) {
    let texts = crate::l10n::process_texts();
    let id = format!("rule-{rule_id}");
    (
        texts.format(&id, None),
        texts.format_attribute(&id, "help", None),
    )
}

/// After a gap's detail: why it is needed and when it blocks.
pub fn why_due(reasons: &str, due: &str) -> String {
    tr!("check-why", "reasons" => reasons, "due" => due)
}

/// A reason: the market's default storefront locale.
pub fn reason_storefront_default(market: &str) -> String {
    tr!("check-reason-storefront-default", "market" => market)
}

/// A reason: a locale the launch lists.
pub fn reason_launch_locale(launch: &str) -> String {
    tr!("check-reason-launch-locale", "launch" => launch)
}

/// A reason: a requirement (its legal reference, else its name), with what
/// names it further (its resource name) if anything.
pub fn reason_requirement(requirement: &str, reference: &str) -> String {
    if reference.is_empty() {
        tr!("check-reason-requirement", "requirement" => requirement)
    } else {
        tr!("check-reason-requirement-legal", "requirement" => requirement, "reference" => reference)
    }
}

/// A reason: a roadmap item.
pub fn reason_roadmap_item(item: &str) -> String {
    tr!("check-reason-roadmap-item", "item" => item)
}

/// A reason: the variant's required messages.
pub fn reason_variant(variant: &str) -> String {
    tr!("check-reason-variant", "variant" => variant)
}
