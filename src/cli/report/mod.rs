//! The report of `glocal check`, whatever the mode: one model ([`Report`])
//! filled by lint, plan or server mode, judged by the gates ([`gate`]), and
//! written in every format (`text`, `json`, `markdown`, `junit`, `sarif`,
//! `github`).
//!
//! The JSON form of [`Report`] is the versioned report schema
//! ([`SCHEMA_VERSION`]); README's "Locale gap reports in CI" section documents
//! it. A report read back as a baseline only needs its findings' keys.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::coverage::finding::{NeedReason, NeedReasonKind, Severity, WaivedBy};
use crate::coverage::forecast::Forecast;
use crate::coverage::roadmap::{TodoItem, Verdict};
use crate::coverage::tasks::TranslationTask;
use crate::domain::CalendarDate;

pub mod baseline;
pub mod gate;
pub mod github;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;
pub mod texts;

/// The version of the JSON report schema. Adding fields keeps it; removing
/// or changing one bumps it. Version 2 added, on findings and stats rows of
/// plan and server modes, `reasons`, `need_date`, `due_date` and (findings)
/// `waived_by`, and the `unused-waiver` rule; a version 1 report is still
/// read as a baseline. Since then (compatible additions): `todo`, and
/// `source_line` on findings about a missing message.
pub const SCHEMA_VERSION: u32 = 2;

/// How the report was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// `--source` and `--l10n`: locale folders against the source folder.
    Lint,
    /// `--plan`: the roadmap checks, offline, on the plan's files.
    Plan,
    /// `--server`: CheckRoadmap on a server.
    Server,
}

impl Mode {
    /// `lint`, `plan` or `server`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Lint => "lint",
            Mode::Plan => "plan",
            Mode::Server => "server",
        }
    }
}

/// The tool that wrote the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolInfo {
    /// `glocal`.
    pub name: String,
    /// The crate version.
    pub version: String,
}

impl Default for ToolInfo {
    fn default() -> Self {
        ToolInfo {
            name: "glocal".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// A whole report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The tool.
    pub tool: ToolInfo,
    /// The mode.
    pub mode: Mode,
    /// The source locale.
    pub source_locale: String,
    /// Plan and server modes: the day checked for.
    pub as_of: Option<String>,
    /// Plan and server modes: the window in days.
    pub window_days: Option<i64>,
    /// Plan and server modes: windows of single markets, by market name,
    /// overriding `window_days`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub market_window_days: BTreeMap<String, i64>,
    /// The outcome; filled by [`gate::apply`].
    pub summary: Summary,
    /// Plan and server modes: each roadmap checked.
    pub roadmaps: Vec<RoadmapResult>,
    /// Plan and server modes: each launch of each roadmap.
    pub launches: Vec<LaunchResult>,
    /// Counts per locale (lint mode) or per market × locale (other modes).
    pub stats: Vec<LocaleStats>,
    /// The coverage thresholds checked.
    pub thresholds: Vec<ThresholdResult>,
    /// Every finding, in report order ([`Report::sort`]).
    pub findings: Vec<ReportFinding>,
    /// Notes about the run (skipped folders, ...).
    pub notes: Vec<Note>,
    /// Where the inputs are in the repository (not in the JSON report:
    /// each finding has its `location`).
    #[serde(skip)]
    pub places: Places,
    /// Plan and server modes: what unblocks the launches, per roadmap,
    /// launch and needed locale, by due date (the engine's list).
    #[serde(default)]
    pub todo: Vec<TodoEntry>,
    /// Plan and server modes: the same work as ranked translation tasks,
    /// per roadmap (the engine's list, most urgent first).
    #[serde(default)]
    pub tasks: Vec<TaskEntry>,
    /// Plan mode with `--html`: the dashboard's product page of the
    /// roadmap checked, made from the engine's report (not part of the
    /// JSON report).
    #[serde(skip)]
    pub html_page: Option<String>,
}

/// A translation task of the engine ([`TranslationTask`]) with its roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskEntry {
    /// `products/p/roadmaps/r`.
    pub roadmap: String,
    /// The task.
    #[serde(flatten)]
    pub task: TranslationTask,
}

/// A to-do item of the engine ([`TodoItem`]) with its roadmap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodoEntry {
    /// `products/p/roadmaps/r`.
    pub roadmap: String,
    /// The launch, locale, counts and dates.
    #[serde(flatten)]
    pub item: TodoItem,
}

impl Report {
    /// An empty report of `mode`.
    pub fn new(mode: Mode, source_locale: impl Into<String>) -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo::default(),
            mode,
            source_locale: source_locale.into(),
            as_of: None,
            window_days: None,
            market_window_days: BTreeMap::new(),
            summary: Summary::default(),
            roadmaps: Vec::new(),
            launches: Vec::new(),
            stats: Vec::new(),
            thresholds: Vec::new(),
            findings: Vec::new(),
            notes: Vec::new(),
            places: Places::default(),
            todo: Vec::new(),
            tasks: Vec::new(),
            html_page: None,
        }
    }

    /// Sorts findings by roadmap, market, locale, path, line, column, rule
    /// and message id, and stats by roadmap, market and locale: the order of
    /// every format.
    pub fn sort(&mut self) {
        self.findings
            .sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        self.stats.sort_by_key(LocaleStats::group);
    }

    /// Sets every finding's `location` from [`Report::places`].
    pub fn locate(&mut self) {
        for i in 0..self.findings.len() {
            let anchor = self.places.anchor_of(&self.findings[i]);
            self.findings[i].location = Some(anchor);
        }
    }

    /// The findings that count: not known from the baseline.
    pub fn current(&self) -> impl Iterator<Item = &ReportFinding> {
        self.findings.iter().filter(|f| !f.baselined)
    }

    /// The stats row of a group, if any.
    pub fn stats_of(&self, group: &Group) -> Option<&LocaleStats> {
        self.stats
            .iter()
            .find(|s| group.is(&s.roadmap, &s.market, &s.locale))
    }

    /// The groups of the report (roadmap, market, locale): every stats row's
    /// and every finding's, in order.
    ///
    /// Each group knows its findings (their places in `findings`), found in
    /// one pass, so that the formats do not search every finding for each
    /// group (107 locales × 150,000 findings of a large tree).
    pub fn groups(&self) -> Vec<Group> {
        type Key<'a> = (&'a Option<String>, &'a Option<String>, &'a str);
        let mut groups: BTreeMap<Key, Vec<usize>> = self
            .stats
            .iter()
            .map(|s| ((&s.roadmap, &s.market, s.locale.as_str()), Vec::new()))
            .collect();
        for (i, f) in self.findings.iter().enumerate() {
            groups
                .entry((&f.roadmap, &f.market, f.locale.as_str()))
                .or_default()
                .push(i);
        }
        groups
            .into_iter()
            .map(|((r, m, l), findings)| Group {
                findings,
                ..Group::of(r, m, l)
            })
            .collect()
    }

    /// The findings of a group of [`Report::groups`], in report order, the
    /// baselined ones included.
    pub fn findings_of<'a>(
        &'a self,
        group: &'a Group,
    ) -> impl Iterator<Item = &'a ReportFinding> + 'a {
        group.findings.iter().filter_map(|&i| self.findings.get(i))
    }

    /// The failed thresholds of a group.
    pub fn failed_thresholds_of<'a>(
        &'a self,
        group: &'a Group,
    ) -> impl Iterator<Item = &'a ThresholdResult> + 'a {
        self.thresholds
            .iter()
            .filter(move |t| !t.passed && group.is(&t.roadmap, &t.market, &t.locale))
    }

    /// Failed thresholds of locales that no check covered.
    pub fn unchecked_thresholds(&self) -> impl Iterator<Item = &ThresholdResult> {
        self.thresholds
            .iter()
            .filter(|t| !t.passed && self.stats_of(&t.group()).is_none())
    }

    /// Whether the report has more than one roadmap.
    pub fn many_roadmaps(&self) -> bool {
        self.roadmaps.len() > 1
    }
}

/// What the formats group by: a locale, of a market (plan and server modes),
/// of a roadmap (when a plan has several).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Group {
    /// The roadmap.
    pub roadmap: Option<String>,
    /// The market.
    pub market: Option<String>,
    /// The locale.
    pub locale: String,
    /// Where its findings are in the report's `findings` (set by
    /// [`Report::groups`]; empty in a group made of a single row).
    pub findings: Vec<usize>,
}

impl Group {
    /// Whether the group is this roadmap's, market's and locale's.
    pub fn is(&self, roadmap: &Option<String>, market: &Option<String>, locale: &str) -> bool {
        self.locale == locale && self.market == *market && self.roadmap == *roadmap
    }

    fn of(roadmap: &Option<String>, market: &Option<String>, locale: &str) -> Group {
        Group {
            roadmap: roadmap.clone(),
            market: market.clone(),
            locale: locale.to_string(),
            findings: Vec::new(),
        }
    }
}

/// The outcome of the gates.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Whether nothing blocks (the exit status is 0). Launches may still be
    /// AT_RISK ([`Summary::at_risk_launches`]).
    pub passed: bool,
    /// The exit status: 0 passed, 1 failed.
    pub exit_code: i32,
    /// `--fail-on`: `error`, `at-risk`, `warning` or `never`.
    pub fail_on: String,
    /// Locales (lint) or market × locale rows checked.
    pub locales: usize,
    /// Findings of severity error, not in the baseline.
    pub errors: usize,
    /// Findings of severity warning, not in the baseline.
    pub warnings: usize,
    /// Findings of severity info, not in the baseline.
    pub infos: usize,
    /// Findings that fail the gate.
    pub blocking: usize,
    /// Findings known from the baseline (never blocking).
    pub baselined: usize,
    /// Coverage thresholds that failed.
    pub thresholds_failed: usize,
    /// Plan and server modes: launches (by name, whatever the roadmap)
    /// whose verdict is AT_RISK and that have a gap not in the baseline.
    #[serde(default)]
    pub at_risk_launches: usize,
    /// The earliest day on which a gap of an AT_RISK launch starts to block
    /// (`YYYY-MM-DD`): the launch date minus its market's window
    /// ([`gate::due_date`]); absent when no launch is AT_RISK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_due: Option<String>,
}

/// Counts of source messages or words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// All that the locale needs.
    pub total: u32,
    /// Translated completely (plan and server modes: usable in the bundle
    /// that serves the locale, without an error).
    pub translated: u32,
    /// Lint mode: defined but without their value or an attribute.
    pub incomplete: u32,
    /// Not translated: lint mode, not defined; other modes, `total -
    /// translated`.
    pub missing: u32,
}

/// Plan and server modes: what the locale's own bundle (exact tag) covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnCoverage {
    /// Messages complete in the locale's own bundle.
    pub messages: u32,
    /// Their words.
    pub words: u32,
}

/// The counts of one locale (of one market, in plan and server modes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocaleStats {
    /// The market; `None` in lint mode.
    pub market: Option<String>,
    /// The locale.
    pub locale: String,
    /// The bundle that serves it (plan and server modes), if any.
    pub served_by: Option<String>,
    /// The roadmap (plan and server modes).
    pub roadmap: Option<String>,
    /// The launch (plan and server modes).
    pub launch: Option<String>,
    /// Messages (and terms, in lint mode).
    pub messages: Counts,
    /// Their source words.
    pub words: Counts,
    /// `messages.translated / messages.total`, in percent (100 when nothing
    /// is needed).
    pub coverage_percent: f64,
    /// Plan and server modes: the own bundle's share.
    pub own: Option<OwnCoverage>,
    /// Lint mode: messages of the locale the source does not have.
    pub obsolete_messages: Option<u32>,
    /// Plan and server modes: an optional storefront locale of the market
    /// (one the launch does not ship and no requirement demands); its
    /// findings are INFO. In the JSON only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// Plan and server modes: why the launch needs the locale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<NeedReason>,
    /// Plan and server modes: the earliest day a message of it is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_date: Option<CalendarDate>,
    /// Plan and server modes: the last day before a gap of it blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<CalendarDate>,
}

impl LocaleStats {
    /// The group of the row.
    pub fn group(&self) -> Group {
        Group::of(&self.roadmap, &self.market, &self.locale)
    }
}

/// A percentage of `part` in `whole`; 100 when `whole` is 0.
pub fn percent(part: u32, whole: u32) -> f64 {
    crate::coverage::roadmap::percent_of(part, whole)
}

/// A roadmap checked (plan and server modes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapResult {
    /// `products/p/roadmaps/r`.
    pub name: String,
    /// The worst verdict of its launches.
    pub verdict: Verdict,
}

/// A launch checked (plan and server modes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaunchResult {
    /// The roadmap.
    pub roadmap: String,
    /// `products/p/launches/l`.
    pub launch: String,
    /// `markets/m`.
    pub market: String,
    /// `products/p/variants/v`.
    pub variant: String,
    /// The launch's first day.
    pub date: String,
    /// Days from `as_of` to `date` (negative once launched).
    pub days_until: i64,
    /// READY, AT_RISK or BLOCKED.
    pub verdict: Verdict,
    /// With `--history`: will it make it, from the translation velocity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Forecast>,
}

/// `READY`, `AT_RISK`, `BLOCKED`.
pub fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Ready => "READY",
        Verdict::AtRisk => "AT_RISK",
        Verdict::Blocked => "BLOCKED",
    }
}

/// One coverage threshold checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThresholdResult {
    /// The roadmap (plan and server modes).
    pub roadmap: Option<String>,
    /// The market (plan and server modes).
    pub market: Option<String>,
    /// The locale.
    pub locale: String,
    /// Its coverage, in percent.
    pub coverage_percent: f64,
    /// The minimum, in percent.
    pub minimum_percent: f64,
    /// Whether the coverage reaches the minimum.
    pub passed: bool,
}

impl ThresholdResult {
    /// The group of the threshold.
    pub fn group(&self) -> Group {
        Group::of(&self.roadmap, &self.market, &self.locale)
    }
}

/// A note about the run, such as a skipped folder: in `en-US` in the JSON
/// report (a string, like every JSON value), in the report's language in the
/// reports for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Note {
    pub(super) english: String,
    #[serde(skip)]
    pub(super) shown: Option<String>,
}

impl Note {
    /// The note as reports for people show it.
    pub fn shown(&self) -> &str {
        self.shown.as_deref().unwrap_or(&self.english)
    }
}

/// One finding of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFinding {
    /// The rule id (`missing-message`).
    pub rule: String,
    /// `error`, `warning` or `info`, as the engine decided (in plan and
    /// server modes a gap needed after the window is a warning, and its
    /// launch AT_RISK).
    pub severity: Severity,
    /// The market (plan and server modes).
    pub market: Option<String>,
    /// The locale.
    pub locale: String,
    /// The bundle the finding is in when it is not the locale's own: the
    /// fallback bundle (`fr`) that serves the message for `locale` (`fr-CA`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle: Option<String>,
    /// The file in the bundle (`pairing/setup.ftl`), as the engine names it.
    pub file: Option<String>,
    /// The file on disk, relative to the working directory, `/`-separated:
    /// where to fix the finding (for a missing message, the locale's file
    /// where the translation belongs).
    pub path: Option<String>,
    /// 1-based line; 0 when unknown.
    pub line: u32,
    /// 1-based column in characters; 0 when unknown.
    pub column: u32,
    /// The message, `-term` or `id.attr` concerned.
    pub message_id: Option<String>,
    /// What is wrong, in `en-US` (the engine's words, which scripts and
    /// baselines match).
    pub detail: String,
    /// What is wrong in the language of the report's texts, when that is not
    /// `en-US` and the engine said it as one of glocal's texts; reports for
    /// people show it ([`ReportFinding::shown_detail`]).
    #[serde(skip)]
    pub localized_detail: Option<String>,
    /// The roadmap (plan and server modes).
    pub roadmap: Option<String>,
    /// The launch (plan and server modes).
    pub launch: Option<String>,
    /// Whether the finding fails the gate.
    pub blocking: bool,
    /// Whether the baseline already had it (then it never blocks).
    pub baselined: bool,
    /// Plan and server modes: why the locale (and message) is needed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<NeedReason>,
    /// Plan and server modes: the day the messages are needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_date: Option<CalendarDate>,
    /// Plan and server modes: the last day before the gap blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<CalendarDate>,
    /// The waivers that made the gap a note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waived_by: Vec<WaivedBy>,
    /// For a missing message or term: the line of the source file that
    /// defines it (0 otherwise).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub source_line: u32,
    /// Where the finding is in the repository, for code scanning and
    /// editors: the locale file at the problem; for a missing message, the
    /// source file at its definition; for a missing locale, the plan file
    /// at the launch (plan mode) or the locale's folder; for a finding about
    /// the roadmap, the plan file at the entry concerned. Filled by
    /// [`Report::locate`] in every mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Anchor>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A place in the repository: a file (or a folder), relative to the working
/// directory and `/`-separated, with a 1-based line and column (0: unknown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The file or folder.
    pub path: String,
    /// 1-based line; at least 1.
    pub line: u32,
    /// 1-based column in characters; 0 when unknown.
    #[serde(default)]
    pub column: u32,
}

impl Anchor {
    /// Line 1 of `path`.
    pub fn top(path: impl Into<String>) -> Anchor {
        Anchor {
            path: path.into(),
            line: 1,
            column: 0,
        }
    }
}

/// Where a mode's inputs are in the repository, as shown (relative to the
/// working directory): what [`Report::locate`] points findings at.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// The folder of each bundle that has one, by its locale as the report
    /// names it.
    pub folders: BTreeMap<String, String>,
    /// The source locale's folder.
    pub source_folder: Option<String>,
    /// The folder of the locale folders (where a missing one belongs).
    pub root: Option<String>,
    /// Plan mode: the plan file.
    pub plan_file: Option<String>,
    /// Plan mode: the line of entries of the plan file, by [`PlanEntry`].
    pub plan_lines: BTreeMap<PlanEntry, u32>,
}

/// An entry of a plan file that a finding can be about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlanEntry {
    /// A launch, by name.
    Launch(String),
    /// A roadmap, by name.
    Roadmap(String),
    /// A roadmap item of a roadmap, by the item's id or by one of its
    /// message selectors.
    Item(String, String),
    /// The first variant whose features include this one.
    Feature(String),
}

impl Places {
    /// The folder of a locale's bundle, if known.
    fn folder(&self, locale: &str) -> Option<&str> {
        self.folders.get(locale).map(String::as_str)
    }

    fn plan_at(&self, entry: &PlanEntry) -> Option<Anchor> {
        let file = self.plan_file.as_ref()?;
        let line = self.plan_lines.get(entry)?;
        Some(Anchor {
            path: file.clone(),
            line: *line,
            column: 0,
        })
    }

    /// Where a finding is (see [`ReportFinding::location`]).
    pub fn anchor_of(&self, f: &ReportFinding) -> Anchor {
        let join = |folder: &str, file: &str| {
            if folder.is_empty() || folder == "." {
                file.to_string()
            } else {
                format!("{}/{file}", folder.trim_end_matches('/'))
            }
        };
        if let (Some(file), true) = (&f.file, f.source_line > 0) {
            if let Some(source) = &self.source_folder {
                return Anchor {
                    path: join(source, file),
                    line: f.source_line,
                    column: 0,
                };
            }
        }
        let at = |path: String| Anchor {
            path,
            line: f.line.max(1),
            column: if f.line > 0 { f.column } else { 0 },
        };
        if let Some(path) = &f.path {
            return at(path.clone());
        }
        if let Some(file) = &f.file {
            let bundle = f.bundle.as_deref().unwrap_or(&f.locale);
            // Without a local tree (server mode without `--push`), the
            // bundle path in `glocal push`'s default layout, `{locale}/…`.
            return at(join(self.folder(bundle).unwrap_or(bundle), file));
        }
        // About no file: a launch's locale, or the roadmap.
        let in_plan = match (&f.launch, &f.roadmap, &f.message_id) {
            (Some(launch), _, _) => self.plan_at(&PlanEntry::Launch(launch.clone())),
            (None, Some(roadmap), id) => id
                .as_ref()
                .and_then(|id| {
                    self.plan_at(&PlanEntry::Item(roadmap.clone(), id.clone()))
                        .or_else(|| self.plan_at(&PlanEntry::Feature(id.clone())))
                })
                .or_else(|| self.plan_at(&PlanEntry::Roadmap(roadmap.clone()))),
            _ => None,
        };
        in_plan.unwrap_or_else(|| self.of_locale(&f.locale))
    }

    /// Where something is when nothing more precise is known: the plan
    /// file, else the source folder, else the working directory.
    fn fallback(&self) -> Anchor {
        Anchor::top(
            self.plan_file
                .clone()
                .or_else(|| self.source_folder.clone())
                .unwrap_or_else(|| ".".to_string()),
        )
    }

    /// Where something about a whole locale is (a coverage threshold, a
    /// missing locale outside a plan): the locale's folder, else the folder
    /// of the locale folders, else [`Places::fallback`].
    pub fn of_locale(&self, locale: &str) -> Anchor {
        self.folder(locale)
            .or(self.root.as_deref())
            .map(Anchor::top)
            .unwrap_or_else(|| self.fallback())
    }
}

impl ReportFinding {
    /// The detail as reports for people show it: in the report's language
    /// when there is a translation, else `detail`.
    pub fn shown_detail(&self) -> &str {
        self.localized_detail.as_deref().unwrap_or(&self.detail)
    }

    /// The detail as reports for people show it, followed by why the locale
    /// is needed and the day the gap blocks (` — required by …, due
    /// 2026-12-09`) when the finding has a due date.
    pub fn shown_detail_why(&self) -> String {
        let mut out = self.shown_detail().to_string();
        if let Some(why) = why_suffix(&self.reasons, self.due_date) {
            out.push(' ');
            out.push_str(&why);
        }
        out
    }

    fn order_key(&self) -> impl Ord + '_ {
        (
            &self.roadmap,
            &self.market,
            &self.locale,
            &self.path,
            &self.file,
            self.line,
            self.column,
            &self.rule,
            &self.message_id,
            &self.launch,
        )
    }

    /// `path:line:column`, `path`, or nothing.
    pub fn position(&self) -> Option<String> {
        let path = self.path.as_deref().or(self.file.as_deref())?;
        Some(match (self.line, self.column) {
            (0, _) => path.to_string(),
            (line, 0) => format!("{path}:{line}"),
            (line, column) => format!("{path}:{line}:{column}"),
        })
    }

    /// The key a baseline matches on: rule, locale, file and message id (not
    /// the position, which moves as files change).
    pub fn baseline_key(&self) -> baseline::Key {
        baseline::Key {
            rule: self.rule.clone(),
            locale: self.locale.clone(),
            file: self.file.clone(),
            message_id: self.message_id.clone(),
        }
    }
}

/// The findings per severity among `findings`.
pub fn severity_counts<'a>(
    findings: impl Iterator<Item = &'a ReportFinding>,
) -> BTreeMap<Severity, usize> {
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts.entry(f.severity).or_insert(0) += 1;
    }
    counts
}

/// ` — REASONS, due DATE` in the report's language; `None` without a due
/// date or reasons.
pub fn why_suffix(reasons: &[NeedReason], due: Option<CalendarDate>) -> Option<String> {
    let due = due?;
    if reasons.is_empty() {
        return None;
    }
    let said: Vec<String> = reasons.iter().map(reason_text).collect();
    Some(texts::why_due(&said.join(", "), &due.to_string()))
}

fn reason_text(r: &NeedReason) -> String {
    match r.kind {
        NeedReasonKind::StorefrontDefault => texts::reason_storefront_default(&r.name),
        NeedReasonKind::LaunchLocale => texts::reason_launch_locale(&r.name),
        // The law by its reference, with the requirement's name to look it
        // up (`required by Loi Toubon, art. 2 (requirements/france-loi-toubon)`);
        // the summary sentence stays in the JSON and API fields, where it
        // does not make every line a paragraph.
        NeedReasonKind::Requirement if !r.legal_reference.is_empty() => {
            texts::reason_requirement(&r.legal_reference, &r.name)
        }
        NeedReasonKind::Requirement => texts::reason_requirement(&r.name, ""),
        NeedReasonKind::RoadmapItem => texts::reason_roadmap_item(&r.name),
        NeedReasonKind::Variant => texts::reason_variant(&r.name),
    }
}
