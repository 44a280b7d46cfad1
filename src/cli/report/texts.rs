//! Every text `glocal check` writes for people, in English, in one place so
//! that it can move to Fluent resources (`locales/`) without hunting for
//! strings: error lines, notes, headings, summary lines and the help of each
//! rule. The engine's finding details are the engine's and are not here.
//!
//! Each function returns the finished text; callers add no words of their own.

use crate::coverage::finding::Rule;

// ---------------------------------------------------------------------------
// Errors (exit 2): one line each, printed by the binary after `error: `.
// ---------------------------------------------------------------------------

/// A flag names a directory that does not exist (or is not a directory).
pub fn not_a_directory(flag: &str, path: &str) -> String {
    format!("{flag} {path}: no such directory")
}

/// A file or directory could not be read.
pub fn cannot_read(path: &str, error: &str) -> String {
    format!("cannot read {path}: {error}")
}

/// A Fluent file is not UTF-8.
pub fn not_utf8(path: &str) -> String {
    format!("{path} is not UTF-8 text; Fluent files must be UTF-8")
}

/// A report could not be written.
pub fn cannot_write(what: &str, path: &str, error: &str) -> String {
    format!("cannot write the {what} report to {path}: {error}")
}

/// No mode was chosen.
pub fn no_mode() -> String {
    "say what to check: --source DIR --l10n DIR (lint mode), --plan PLAN (plan mode) \
     or --server URL --roadmap NAME (server mode)"
        .to_string()
}

/// Two modes were chosen.
pub fn two_modes(a: &str, b: &str) -> String {
    format!("{a} and {b} choose different modes; use one of --source/--l10n, --plan or --server")
}

/// Lint mode needs both directories.
pub fn lint_needs_both(missing: &str) -> String {
    format!("lint mode needs both --source DIR and --l10n DIR; {missing} is missing")
}

/// A flag that only one mode takes.
pub fn flag_needs_mode(flag: &str, modes: &str) -> String {
    format!("{flag} applies to {modes} only")
}

/// `--push` prints on standard output, which a machine format there would
/// not survive.
pub fn push_with_stdout_format(what: &str) -> String {
    format!(
        "--push prints the upload's summary on standard output, so {what} cannot go there too; \
         write it to a file instead"
    )
}

/// Server mode needs the roadmap.
pub fn server_needs_roadmap() -> String {
    "--server needs --roadmap products/PRODUCT/roadmaps/ROADMAP".to_string()
}

/// A locale flag value is not a locale tag.
pub fn bad_locale(flag: &str, value: &str, why: &str) -> String {
    format!("{flag} {value}: {why}")
}

/// `--as-of` is not a date.
pub fn bad_date(value: &str, why: &str) -> String {
    format!("--as-of {value}: {why}")
}

/// A `--min-coverage` value that is not `PERCENT` or `LOCALE=PERCENT` (clap
/// names the flag and the value before it).
pub fn bad_min_coverage(why: &str) -> String {
    format!("{why} (use a percentage such as 80, or LOCALE=PERCENT such as fr=95)")
}

/// A percentage outside 0..=100.
pub fn percent_out_of_range() -> String {
    "the percentage must be a number from 0 to 100".to_string()
}

/// `--min-coverage` names the same locale (or the default) twice.
pub fn min_coverage_twice(what: &str) -> String {
    format!("--min-coverage gives {what} twice")
}

/// A roadmap name of server mode that does not parse.
pub fn bad_roadmap_name(value: &str, why: &str) -> String {
    format!("--roadmap {value}: {why} (server mode needs the full name, products/PRODUCT/roadmaps/ROADMAP)")
}

/// The plan file is not a valid plan: its first problem, on one line.
pub fn bad_plan(position: &str, message: &str, more: usize) -> String {
    match more {
        0 => format!("{position}: {message}"),
        1 => format!("{position}: {message} (and 1 more problem)"),
        n => format!("{position}: {message} (and {n} more problems)"),
    }
}

/// The plan has no `[product.fluent]` table.
pub fn plan_without_fluent(plan: &str) -> String {
    format!(
        "{plan}: the plan does not say where its Fluent files are; add a [product.fluent] table \
         with directory and layout (see examples/plan.toml)"
    )
}

/// The plan's layout cannot be used to find files.
pub fn bad_layout(plan: &str, layout: &str, why: &str) -> String {
    format!("{plan}: [product.fluent] layout {layout:?}: {why}")
}

/// The layout needs `{locale}` as a whole folder name.
pub fn layout_needs_locale_folder() -> String {
    "{locale} must be a whole folder name, such as \"{locale}/**/*.ftl\"".to_string()
}

/// The layout's folders before `{locale}` must be plain names.
pub fn layout_plain_prefix() -> String {
    "the folders before {locale} must be plain names".to_string()
}

/// The layout's pattern of files does not name `.ftl` files.
pub fn layout_needs_ftl() -> String {
    "the pattern after {locale}/ must name .ftl files, such as \"{locale}/**/*.ftl\"".to_string()
}

/// The layout's pattern of files is not a valid glob.
pub fn layout_bad_glob(why: &str) -> String {
    format!("the pattern after {{locale}}/ is not a valid glob: {why}")
}

/// The source locale has no folder.
pub fn no_source_folder(locale: &str, dir: &str) -> String {
    format!("no folder for the source locale {locale} under {dir}")
}

/// The plan has no roadmap of that id.
pub fn unknown_roadmap(plan: &str, roadmap: &str, known: &[String]) -> String {
    if known.is_empty() {
        format!("{plan}: --roadmap {roadmap}: the plan has no roadmap")
    } else {
        format!(
            "{plan}: --roadmap {roadmap}: the plan has no such roadmap (it has {})",
            known.join(", ")
        )
    }
}

/// The plan names a resource it does not define.
pub fn plan_reference(target: &str) -> String {
    format!("{target} is neither in the plan nor in its market preset")
}

/// A launch's variant is not sold in the launch's market.
pub fn not_sold_in(variant: &str, market: &str) -> String {
    format!("{variant} is not sold in {market}; add the market to the variant first")
}

/// The baseline report cannot be used.
pub fn bad_baseline(path: &str, why: &str) -> String {
    format!("--baseline {path}: {why}")
}

/// The baseline is not a JSON report of `glocal check --json`.
pub fn baseline_not_a_report(why: &str) -> String {
    format!("not a JSON report written by glocal check --json ({why})")
}

/// The baseline is a report of a newer schema.
pub fn baseline_schema(found: u32, supported: u32) -> String {
    format!(
        "the report has schema_version {found}; this glocal reads schema_version {supported} or older"
    )
}

/// Uploading the tree before a server check failed.
pub fn push_failed(dir: &str) -> String {
    format!("--push {dir}: the upload failed (see above); nothing was checked")
}

// ---------------------------------------------------------------------------
// Notes: printed with the report, and kept in the JSON report's `notes`.
// ---------------------------------------------------------------------------

/// A folder under `--l10n` that is the source folder itself.
pub fn skipped_source_folder(folder: &str) -> String {
    format!("skipped {folder}/: it is the source folder")
}

/// A folder whose name is not a locale tag.
pub fn skipped_not_locale(folder: &str, why: &str) -> String {
    format!("skipped {folder}/: not a locale folder ({why})")
}

/// A second folder of the same locale (`fr-ca` beside `fr-CA`).
pub fn skipped_same_locale(folder: &str, first: &str) -> String {
    format!("skipped {folder}/: the same locale as {first}/")
}

/// The source has no message: nothing to translate.
pub fn nothing_to_translate(source: &str) -> String {
    format!("{source} has no Fluent messages: nothing to translate")
}

/// No locale folder was found.
pub fn no_locale_folders(dir: &str) -> String {
    format!("no locale folders under {dir}: nothing to compare")
}

/// The plan has no roadmap.
pub fn plan_without_roadmaps(plan: &str) -> String {
    format!("{plan} has no roadmap: nothing to check")
}

/// A requested locale has no folder: reported as a missing locale.
pub fn requested_locale_missing(locale: &str) -> String {
    format!("--locale {locale}: no folder; reported as a missing locale")
}

/// A threshold names a locale that no check covered.
pub fn threshold_locale_unchecked(locale: &str) -> String {
    format!("no checked locale matches --min-coverage {locale}=...: counted as 0% covered")
}

// ---------------------------------------------------------------------------
// Report texts.
// ---------------------------------------------------------------------------

/// The first line of the text report.
pub fn text_title(mode: &str, locales: usize, source_locale: &str) -> String {
    format!(
        "glocal check ({mode}): {} against {source_locale}",
        count(locales, "locale", "locales")
    )
}

/// The line of a roadmap in plan and server modes.
pub fn roadmap_line(name: &str, as_of: &str, verdict: &str) -> String {
    format!("roadmap {name} as of {as_of}: {verdict}")
}

/// The line of one launch.
pub fn launch_line(
    launch: &str,
    market: &str,
    date: &str,
    days_until: i64,
    verdict: &str,
) -> String {
    format!(
        "{launch} in {market} on {date} ({}): {verdict}",
        days(days_until)
    )
}

/// `in 3 days`, `today`, `5 days ago`.
pub fn days(days_until: i64) -> String {
    match days_until {
        0 => "today".to_string(),
        1 => "in 1 day".to_string(),
        -1 => "1 day ago".to_string(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// A market heading of the text report.
pub fn market_heading(market: &str) -> String {
    format!("market {market}")
}

/// The heading for findings that concern no market (roadmap findings).
pub fn no_market_heading() -> String {
    "roadmap".to_string()
}

/// `fr-CA (served by fr)`.
pub fn locale_label(locale: &str, served_by: Option<&str>) -> String {
    match served_by {
        Some(b) if b != locale => format!("{locale} (served by {b})"),
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
    format!(
        "{translated}/{total} messages ({}), {translated_words}/{total_words} words",
        percent_text(percent)
    )
}

/// A locale's bundle is not served at all.
pub fn not_served() -> String {
    "no bundle serves it".to_string()
}

/// `84.6%`.
pub fn percent_text(percent: f64) -> String {
    if percent >= 100.0 {
        "100%".to_string()
    } else {
        // Never round up to 100%: 99.96% is not complete.
        format!("{:.1}%", percent.min(99.9))
    }
}

/// A coverage threshold that failed.
pub fn threshold_failed(locale: &str, market: Option<&str>, percent: f64, minimum: f64) -> String {
    let place = match market {
        Some(m) => format!("{locale} in {m}"),
        None => locale.to_string(),
    };
    format!(
        "{place}: coverage {} is below the minimum {}",
        percent_text(percent),
        percent_text(minimum)
    )
}

/// A finding known from the baseline (suffix in lists).
pub fn baselined_mark() -> &'static str {
    "(in baseline)"
}

/// The position of a finding without a known line.
pub fn no_position() -> &'static str {
    "-"
}

/// The summary line that ends every text report.
pub fn summary_line(s: &SummaryCounts) -> String {
    let mut parts = vec![
        count(s.errors, "error", "errors"),
        count(s.warnings, "warning", "warnings"),
        count(s.notes, "note", "notes"),
    ];
    if s.baselined > 0 {
        parts.push(format!("{} known from the baseline", s.baselined));
    }
    let what = parts.join(", ");
    let mut line = if s.passed {
        format!(
            "PASSED: nothing blocks ({what}) in {}",
            count(s.locales, "locale", "locales")
        )
    } else {
        format!(
            "FAILED: {} ({what}) in {}",
            count(s.blocking, "blocking finding", "blocking findings"),
            count(s.locales, "locale", "locales")
        )
    };
    if s.thresholds_failed > 0 {
        line.push_str(&format!(
            "; {} below the minimum coverage",
            count(s.thresholds_failed, "locale", "locales")
        ));
    }
    line.push_str(&format!("; --fail-on {}", s.fail_on));
    line
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
    /// The `--fail-on` level.
    pub fail_on: String,
}

/// `1 locale`, `3 locales`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Markdown: the title.
pub fn markdown_title(passed: bool, blocking: usize) -> String {
    if passed {
        "glocal check: ✅ passed".to_string()
    } else {
        format!(
            "glocal check: ❌ {}",
            count(blocking, "blocking finding", "blocking findings")
        )
    }
}

/// Markdown: the column headings of the coverage table.
pub fn markdown_coverage_columns() -> [&'static str; 8] {
    [
        "Market", "Locale", "Messages", "Words", "Coverage", "Errors", "Warnings", "",
    ]
}

/// Markdown: the column headings of the launch table.
pub fn markdown_launch_columns() -> [&'static str; 5] {
    ["Launch", "Market", "Date", "Days", "Verdict"]
}

/// Markdown: the column headings of the findings table.
pub fn markdown_finding_columns() -> [&'static str; 5] {
    ["", "Where", "Rule", "Message", "Detail"]
}

/// Markdown: the heading of the findings table.
pub fn markdown_findings_heading(shown: usize, total: usize) -> String {
    if shown == total {
        format!("Findings ({total})")
    } else {
        format!("Top findings ({shown} of {total})")
    }
}

/// Markdown: the heading of the launch table.
pub fn markdown_launches_heading() -> &'static str {
    "Launches"
}

/// Markdown: the heading of the coverage table.
pub fn markdown_coverage_heading() -> &'static str {
    "Coverage"
}

/// Markdown: the heading of the notes.
pub fn markdown_notes_heading() -> &'static str {
    "Notes"
}

/// Markdown: findings left out to stay within a comment's size.
pub fn markdown_truncated(left_out: usize) -> String {
    format!(
        "… and {} more, left out to fit a pull request comment; the JSON, SARIF and JUnit reports have them all.",
        count(left_out, "finding", "findings")
    )
}

/// Markdown: coverage rows left out to stay within a comment's size.
pub fn markdown_rows_truncated(left_out: usize) -> String {
    format!(
        "… and {} more, left out to fit a pull request comment.",
        count(left_out, "row", "rows")
    )
}

/// JUnit: the name of the report.
pub fn junit_report_name() -> &'static str {
    "glocal check"
}

/// JUnit: the suite of findings without a market.
pub fn junit_suite_without_market(mode: &str) -> String {
    match mode {
        "lint" => "locales".to_string(),
        _ => "roadmap".to_string(),
    }
}

/// JUnit: the failure message of a test case.
pub fn junit_failure(blocking: usize, thresholds: usize) -> String {
    let mut parts = Vec::new();
    if blocking > 0 {
        parts.push(count(blocking, "blocking finding", "blocking findings"));
    }
    if thresholds > 0 {
        parts.push("coverage below the minimum".to_string());
    }
    parts.join("; ")
}

/// GitHub: the title of an annotation.
pub fn github_title(rule: &str) -> String {
    format!("glocal {rule}")
}

/// The rule id of a failed coverage threshold (SARIF, JUnit, GitHub).
pub const MIN_COVERAGE_RULE: &str = "min-coverage";

/// Help of the threshold rule.
pub fn min_coverage_help() -> (&'static str, &'static str) {
    (
        "A locale's coverage is below its minimum.",
        "The share of the source messages that the locale translates completely (in plan and \
         server modes: of the messages its markets need, fallback included) is below the \
         minimum set with --min-coverage. Translate the missing messages or lower the minimum.",
    )
}

/// A short and a long help text for each rule (SARIF `shortDescription` and
/// `help`).
pub fn rule_help(rule: Rule) -> (&'static str, &'static str) {
    match rule {
        Rule::MissingLocale => (
            "No bundle serves a locale that is needed.",
            "The locale has no Fluent file at all (lint mode), or no bundle satisfies it under its \
             match policy (plan and server modes). Every message it needs is missing. Add the \
             locale's folder with its translations.",
        ),
        Rule::MissingMessage => (
            "A source message or term is not translated.",
            "The source defines the message (or term), the locale does not. The finding names the \
             source file: the locale's file of the same path is where the translation belongs.",
        ),
        Rule::MissingValue => (
            "The translation has only attributes, the source a value.",
            "The source message has a value; the locale's message has attributes only, so code \
             that formats the message gets nothing. Translate the value.",
        ),
        Rule::MissingAttribute => (
            "A source attribute is not translated.",
            "The source message has the attribute (`id.attr`); the locale's message lacks it. \
             Add the attribute to the translation.",
        ),
        Rule::ObsoleteMessage => (
            "The locale defines a message the source no longer has.",
            "The message (or term) is not in the source: it was removed or renamed there. Remove \
             it from the locale or rename it.",
        ),
        Rule::DuplicateId => (
            "An id is defined twice.",
            "The locale defines the id twice (in one file, or in two files of the bundle); Fluent \
             uses the first definition and ignores the other. Keep one.",
        ),
        Rule::SyntaxError => (
            "Part of a file is not valid Fluent.",
            "The Fluent parser rejected part of the file, at the position given; the entries \
             there are lost. Fix the syntax.",
        ),
        Rule::UnknownVariable => (
            "The translation uses a variable the source never passes.",
            "The translation uses a `$variable` that the source message uses nowhere, so the code \
             never passes it and the reader sees an error marker. Use the source's variables.",
        ),
        Rule::DroppedVariable => (
            "The translation leaves out a variable the source shows.",
            "A variant of the translation does not show a `$variable` that the source displays. \
             Exact plural variants (`[one]`) and languages with a single plural form may drop a \
             count; otherwise show it.",
        ),
        Rule::UnresolvedReference => (
            "A message or term reference resolves nowhere.",
            "The translation references a message or term (or an attribute of one) that neither \
             the locale nor the source defines. Fix the reference or add the entry.",
        ),
        Rule::MissingPluralCategory => (
            "A plural select lacks a category the language needs.",
            "A numeric select of the translation lacks a CLDR plural category of the locale's \
             language (such as `few` and `many` in Polish), so some numbers get the default \
             variant. Add the variants.",
        ),
        Rule::IdenticalToSource => (
            "The translation is the source text.",
            "The translated text is identical to the source's, probably left untranslated. \
             Translate it, or allow the copy with --identical-allowed ID.",
        ),
        Rule::UnknownMessage => (
            "A roadmap names a message the source does not define.",
            "A roadmap item names an id, a pattern or a file that matches nothing in the source \
             bundle. Add the messages to the source or fix the roadmap.",
        ),
        Rule::FallbackUsed => (
            "A locale is served by another bundle on its fallback chain.",
            "The needed locale has no bundle of its own; another bundle on its CLDR fallback chain \
             (such as `fr` for `fr-CA`) serves it. A note, not a problem.",
        ),
    }
}
