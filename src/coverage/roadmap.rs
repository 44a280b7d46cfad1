//! The roadmap check: for every launch of a product, which messages each
//! market needs in which locales on which date, what is missing, and whether
//! the launch is READY, AT_RISK or BLOCKED (DESIGN §3).
//!
//! Pure: the caller hands in the plan's resources and the indexed bundles.
//!
//! What a launch needs:
//! - **Locales**: the storefront locales the launch ships (its `locales`, or
//!   the market's default locale when it lists none; MANDATORY,
//!   CLDR_FALLBACK), plus the locale rules of every requirement in effect on
//!   the launch date for the market's country, subdivisions and blocs and the
//!   product's categories. A locale named twice keeps the strictest policy
//!   and the strongest obligation of each of its reasons.
//! - **Optional locales**: the market's other storefront locales, which no
//!   requirement demands, are checked like the needed ones and reported in
//!   the launch's coverage (`optional`), but every finding about them is INFO
//!   and none affects the verdict.
//! - **Messages**: each roadmap item shipping to the market (its `markets`, or
//!   every market when empty) and included by the variant (its `features`, or
//!   every item when the variant lists none): its ids, `*` patterns and `.ftl`
//!   files, expanded against the source bundle; plus the variant's
//!   `required_messages`. These are needed in every needed locale. A
//!   requirement's `required_messages` are needed in its own locale rules, or
//!   in the market's storefront locales when it has none (so, optionally, in
//!   those the launch does not ship).
//! - **When**: an item's `target_date`, else the launch's first phase date.
//!
//! - **Messages** are `(file, id)` under the product's
//!   [`MessageScope::File`](crate::domain::MessageScope) (an id the source
//!   defines in two files is two messages), ids under `Bundle`.
//!
//! **Serving** is per message ([`super::serve`]): for each needed locale, the
//! bundles of [`serving_order`] under its policy are tried in turn, and the
//! first that defines a message serves it. Own coverage counts the messages
//! the locale's own bundle serves without a gap, effective coverage those
//! served along the chain; a `fallback-used` note says which other bundle
//! serves how many needed messages.
//!
//! A **gap** is an error on a needed message as served (a syntax error that
//! swallowed it, a missing attribute, an unknown variable, ...), a
//! missing-message when no bundle defines it, or missing-locale when no bundle
//! can serve the locale at all. Its severity is decided here and nowhere else
//! ([`Gaps::add`]): MANDATORY reasons make an error, RECOMMENDED ones a
//! warning, and an unexpired waiver of a roadmap item for the requirement
//! behind a reason takes that reason away (INFO, naming the waiver, when all
//! are); a waiver holds while its expiry is on or after the day the messages
//! are needed. An error needed more than the window away becomes a warning
//! and makes the launch AT_RISK; one needed within the window, or past due,
//! stays an error and makes it BLOCKED; otherwise the launch is READY.
//!
//! A variant feature that no roadmap item has is an `unknown-feature`
//! warning of the roadmap.
//!
//! **Why and by when**: every finding about a needed locale carries its
//! reasons ([`NeedReason`]: the market's default or a launch-listed locale,
//! the requirements with their kind, summary and legal reference, the
//! roadmap items, the variant; each with its obligation), the day its
//! messages are needed and its due date (that day minus the market's
//! window), and, when waivers made it a note, the waivers (`waived_by`). A
//! roadmap waiver that matched no gap of any launch is an `unused-waiver`
//! note of the roadmap.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::domain::planning::{Launch, LaunchStatus, Roadmap, RoadmapItem, Waiver};
use crate::domain::{
    CalendarDate, LocaleTag, Market, MatchPolicy, Obligation, Product, Requirement, Variant,
};

use super::checks::{BundleView, CheckOptions};
use super::fallback::{fallback_chain, serving_order};
use super::finding::{Finding, NeedReason, NeedReasonKind, Rule, Severity, WaivedBy};
use super::serve::{fallback_notes, serve_message, Checked, MessageKey};
use super::tasks::{translation_tasks, TaskInputs, TaskNeed, TranslationTask};
use crate::domain::planning::Weight;
use crate::l10n::{Text, Texts};

/// How ready a launch (or a roadmap, the worst of its launches) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Verdict {
    /// Nothing blocks.
    Ready,
    /// A blocking gap, but the need date is further away than the window.
    AtRisk,
    /// A blocking gap within the window, or past the need date.
    Blocked,
}

/// Everything the check reads.
pub struct PlanInputs<'a> {
    /// The product.
    pub product: &'a Product,
    /// Markets by name (`markets/x`).
    pub markets: &'a BTreeMap<String, Market>,
    /// Every requirement, with its name.
    pub requirements: &'a [(String, Requirement)],
    /// The product's variants by name.
    pub variants: &'a BTreeMap<String, Variant>,
    /// The product's launches, with their names.
    pub launches: &'a [(String, Launch)],
    /// The roadmap checked.
    pub roadmap: &'a Roadmap,
    /// The item ids of every roadmap of the product, which a variant's
    /// `features` may name; `None`: the checked roadmap's only.
    pub feature_ids: Option<&'a BTreeSet<String>>,
    /// The product's bundles by locale, the source locale's included.
    pub bundles: &'a BTreeMap<LocaleTag, BundleView<'a>>,
}

/// Settings of a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoadmapOptions {
    /// The day the check is made for.
    pub as_of: CalendarDate,
    /// Days before a need date inside which a blocking gap blocks (default 14).
    pub window_days: i64,
    /// Per-market windows, by market name, overriding `window_days`.
    pub market_windows: BTreeMap<String, i64>,
    /// Passed to the per-locale checks.
    pub checks: CheckOptions,
    /// How much more a launch counts in the ranking of translation tasks
    /// when a law demands the translation ([`super::tasks`]); 2 by default.
    pub legal_factor: Weight,
}

/// The legal factor of the task ranking when a request gives none.
pub fn default_legal_factor() -> Weight {
    Weight::new(2.0).unwrap_or_default()
}

/// The share of `part` in `whole` in percent, 100 when nothing is needed:
/// every coverage percentage glocal reports (CheckRoadmap, the reports of
/// `glocal check`, the dashboard) is this one.
pub fn percent_of(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        100.0
    } else {
        f64::from(part) * 100.0 / f64::from(whole)
    }
}

/// Coverage of the needed messages of one market in one locale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Needed messages.
    pub required_messages: u32,
    /// Of those, complete in the locale's own bundle (exact tag).
    pub own_messages: u32,
    /// Of those, complete in the bundle that serves the locale (fallback included).
    pub effective_messages: u32,
    /// Words of the needed messages (in the source).
    pub required_words: u32,
    /// Words of the messages complete in the own bundle.
    pub own_words: u32,
    /// Words of the messages complete in the serving bundle.
    pub effective_words: u32,
}

/// One needed locale of one launch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocaleCoverage {
    /// The locale.
    pub locale: String,
    /// The nearest bundle (first in the serving order) that serves at least
    /// one of its needed messages, if any; the `fallback-used` notes say
    /// which other bundles serve how many.
    pub served_by: Option<String>,
    /// The counts.
    pub coverage: Coverage,
    /// A storefront locale of the market that the launch does not ship and
    /// that no requirement in effect demands: checked, but every finding
    /// about it is INFO and never affects the verdict.
    #[serde(default)]
    pub optional: bool,
    /// Why the locale is needed (empty for an optional locale).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<NeedReason>,
    /// The earliest day one of its messages is needed (the launch date when
    /// none is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_date: Option<CalendarDate>,
    /// The last day before a gap of it blocks: `need_date` minus the
    /// market's window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<CalendarDate>,
}

/// The check of one launch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaunchReport {
    /// The launch name.
    pub launch: String,
    /// The market name.
    pub market: String,
    /// The variant name.
    pub variant: String,
    /// The launch's first day.
    pub date: CalendarDate,
    /// Days from `as_of` to `date` (negative once launched).
    pub days_until: i64,
    /// The verdict.
    pub verdict: Verdict,
    /// Every finding, most severe first.
    pub findings: Vec<Finding>,
    /// Coverage per needed or optional locale, in locale order.
    pub locales: Vec<LocaleCoverage>,
    /// Will it make it ([`super::forecast::attach`]); `None` without
    /// snapshots to forecast from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<super::forecast::Forecast>,
}

/// What is still to translate in one needed locale of one launch before it
/// can ship: the needed messages its chain does not serve complete (missing,
/// incomplete, lost to a syntax error), less those a waiver excuses. Optional
/// locales have none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodoItem {
    /// The launch name.
    pub launch: String,
    /// The launch's market.
    pub market: String,
    /// The needed locale.
    pub locale: String,
    /// Needed messages still to translate.
    pub messages: u32,
    /// Their words in the source.
    pub words: u32,
    /// The earliest day one of them is needed.
    pub need_date: CalendarDate,
    /// The last day before one of them blocks (`need_date` minus the
    /// market's window); `None` only when that day is out of the calendar.
    pub due_date: Option<CalendarDate>,
    /// The worst severity of their gaps: ERROR blocks the launch today,
    /// WARNING puts it at risk (or a RECOMMENDED reason only).
    pub severity: Severity,
}

/// The check of a roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoadmapReport {
    /// The worst verdict of the launches (READY when there are none).
    pub verdict: Verdict,
    /// One report per launch that is not cancelled, in launch name order.
    pub launches: Vec<LaunchReport>,
    /// Findings about the roadmap itself (such as ids the source lacks).
    pub findings: Vec<Finding>,
    /// What unblocks the launches: per launch and needed locale with
    /// something left to translate, sorted by due date (then launch and
    /// locale).
    pub todo: Vec<TodoItem>,
    /// The same work as translation tasks across the launches: one per
    /// bundle that should receive translations, ranked by what it unblocks
    /// per day left ([`super::tasks`]).
    #[serde(default)]
    pub tasks: Vec<TranslationTask>,
}

/// Why a locale or a message is needed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Reason {
    /// The market's default locale (the market's name), shipped by a launch
    /// listing no locales.
    StorefrontDefault(String),
    /// A locale the launch (its name) lists.
    LaunchLocale(String),
    Requirement(String),
    Item(String),
    /// The variant (its name).
    Variant(String),
}

/// The public form of a reason, with the requirement's data.
fn need_reason(
    reason: &Reason,
    obligation: Obligation,
    requirements: &BTreeMap<&str, &Requirement>,
) -> NeedReason {
    match reason {
        Reason::StorefrontDefault(m) => {
            NeedReason::new(NeedReasonKind::StorefrontDefault, m.as_str(), obligation)
        }
        Reason::LaunchLocale(l) => {
            NeedReason::new(NeedReasonKind::LaunchLocale, l.as_str(), obligation)
        }
        Reason::Item(i) => NeedReason::new(NeedReasonKind::RoadmapItem, i.as_str(), obligation),
        Reason::Variant(v) => NeedReason::new(NeedReasonKind::Variant, v.as_str(), obligation),
        Reason::Requirement(r) => {
            let mut out = NeedReason::new(NeedReasonKind::Requirement, r.as_str(), obligation);
            if let Some(req) = requirements.get(r.as_str()) {
                out.requirement_kind = Some(req.kind);
                out.summary = req.summary.clone();
                out.legal_reference = req.legal_reference.clone();
            }
            out
        }
    }
}

/// Sorts reasons and keeps one per kind and name, the most binding.
fn tidy(mut reasons: Vec<NeedReason>) -> Vec<NeedReason> {
    reasons.sort();
    reasons.dedup_by(|a, b| a.kind == b.kind && a.name == b.name);
    reasons
}

/// The most binding obligation of a locale's reasons.
fn strongest(need: &LocaleNeed) -> Obligation {
    if need
        .reasons
        .iter()
        .any(|(_, o)| *o == Obligation::Mandatory)
        || need.reasons.is_empty()
    {
        Obligation::Mandatory
    } else {
        Obligation::Recommended
    }
}

/// Why a message is needed, from which day, and in which locales (`None`: all).
type MessageNeed = (Reason, CalendarDate, Option<BTreeSet<LocaleTag>>);

#[derive(Debug, Clone)]
struct LocaleNeed {
    policy: MatchPolicy,
    reasons: Vec<(Reason, Obligation)>,
    /// An optional storefront locale: no reason makes it needed.
    optional: bool,
}

fn policy_name(p: MatchPolicy) -> &'static str {
    match p {
        MatchPolicy::Exact => "EXACT",
        MatchPolicy::CldrFallback => "CLDR_FALLBACK",
        MatchPolicy::SameLanguage => "SAME_LANGUAGE",
    }
}

fn policy_rank(p: MatchPolicy) -> u8 {
    match p {
        MatchPolicy::Exact => 0,
        MatchPolicy::CldrFallback => 1,
        MatchPolicy::SameLanguage => 2,
    }
}

fn glob_match(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first)
        || !text[first.len()..].ends_with(last)
        || text.len() < first.len() + last.len()
    {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    true
}

/// The source messages a selector (id, `*` pattern or `.ftl` path) names, as
/// (file, id) under the source's scope: an id the source defines in two files
/// is two messages under [`crate::domain::MessageScope::File`].
fn expand<'a>(selector: &str, source: &BundleView<'a>) -> Vec<MessageKey<'a>> {
    let messages = source
        .entries()
        .filter(|l| l.entry.kind == crate::domain::ftl::EntryKind::Message);
    let key = |l: super::checks::Located<'a>| MessageKey {
        file: l.file,
        id: l.entry.id.as_str(),
    };
    if selector.ends_with(".ftl") {
        messages.filter(|l| l.file == selector).map(key).collect()
    } else {
        messages
            .filter(|l| glob_match(selector, &l.entry.id))
            .map(key)
            .collect()
    }
}

/// The waiver (and its item id and index among the item's waivers) that
/// covers `requirement` on `need`, if any.
fn waiver_for<'a>(
    items: &[&'a RoadmapItem],
    requirement: &str,
    need: CalendarDate,
) -> Option<(&'a str, usize, &'a Waiver)> {
    items.iter().find_map(|i| {
        i.waivers
            .iter()
            .enumerate()
            .find(|(_, w)| {
                w.requirement.as_str() == requirement && w.expiry.is_none_or(|e| e >= need)
            })
            .map(|(n, w)| (i.id.as_str(), n, w))
    })
}

/// How a gap is judged: its severity before gating by date, the waivers that
/// turned it into a note, the day it is needed, and why.
struct Judgement {
    severity: Severity,
    waivers: Vec<Text>,
    need_date: CalendarDate,
    reasons: Vec<NeedReason>,
    waived_by: Vec<WaivedBy>,
    /// The MANDATORY requirements that demand it, unwaived.
    demanding: Vec<String>,
    /// A locale the launch ships needs it (a storefront reason).
    storefront: bool,
}

/// What `judge` needs besides the gap: the launch's items, the requirements
/// by name, and the waivers used so far (item id, index), filled in.
struct JudgeContext<'a, 'u> {
    items: &'a [&'a RoadmapItem],
    requirements: &'a BTreeMap<&'a str, &'a Requirement>,
    used: &'u mut BTreeSet<(String, usize)>,
}

/// The severity of a gap from the reasons that make it needed: the most
/// binding of them decides (MANDATORY: an error, RECOMMENDED: a warning), and
/// a reason that a waiver covers counts for nothing (INFO when all are).
fn judge(
    why: &[&MessageNeed],
    need: &LocaleNeed,
    cx: &mut JudgeContext,
    launch_date: CalendarDate,
) -> Judgement {
    let need_date = why.iter().map(|(_, d, _)| *d).min().unwrap_or(launch_date);
    let mut severity = Severity::Info;
    // Each waiver's text, by its words in en-US (for order and duplicates).
    let mut waivers: Vec<(String, Text)> = Vec::new();
    let mut waived_by = Vec::new();
    let mut demanding: Vec<String> = Vec::new();
    let mut storefront = false;
    let mut reasons: Vec<NeedReason> = need
        .reasons
        .iter()
        .map(|(r, o)| need_reason(r, *o, cx.requirements))
        .collect();
    let message_obligation = strongest(need);
    reasons.extend(
        why.iter()
            .map(|(r, _, _)| need_reason(r, message_obligation, cx.requirements)),
    );
    for (message_reason, when, _) in why {
        for (locale_reason, obligation) in &need.reasons {
            let requirement = match (locale_reason, message_reason) {
                (Reason::Requirement(r), _) | (_, Reason::Requirement(r)) => Some(r),
                _ => None,
            };
            if let Some((item, index, w)) = requirement.and_then(|r| waiver_for(cx.items, r, *when))
            {
                cx.used.insert((item.to_string(), index));
                waived_by.push(WaivedBy {
                    requirement: w.requirement.to_string(),
                    approver: w.approver.clone(),
                    expiry: w.expiry,
                });
                let text = match w.expiry {
                    Some(expiry) => Text::new("finding-waiver").text("expiry", expiry.to_string()),
                    None => Text::new("finding-waiver-open-ended"),
                }
                .text("requirement", w.requirement.to_string())
                .text("approver", w.approver.as_str())
                .text("reason", w.reason.as_str());
                waivers.push((text.render(Texts::default()), text));
                continue;
            }
            let s = match obligation {
                Obligation::Mandatory => Severity::Error,
                Obligation::Recommended => Severity::Warning,
            };
            if s == Severity::Error {
                if let Some(r) = requirement {
                    if !demanding.contains(r) {
                        demanding.push(r.clone());
                    }
                }
            }
            storefront |= matches!(
                locale_reason,
                Reason::StorefrontDefault(_) | Reason::LaunchLocale(_)
            );
            severity = severity.min(s);
        }
    }
    waivers.sort_by(|a, b| a.0.cmp(&b.0));
    waivers.dedup_by(|a, b| a.0 == b.0);
    let waivers: Vec<Text> = waivers.into_iter().map(|(_, t)| t).collect();
    waived_by.sort();
    waived_by.dedup();
    if severity != Severity::Info {
        waived_by.clear();
    }
    demanding.sort();
    Judgement {
        severity,
        waivers,
        need_date,
        reasons: tidy(reasons),
        waived_by,
        demanding,
        storefront,
    }
}

/// One launch's gaps as they are found: each judged, then gated by date.
struct Gaps<'o> {
    market: &'o str,
    as_of: CalendarDate,
    window: i64,
    findings: Vec<Finding>,
    /// A blocking gap is needed within the window (or is past due).
    blocked: bool,
    /// A blocking gap is needed after the window.
    at_risk: bool,
    /// Per needed locale: messages and words still to translate, their
    /// earliest need date and worst severity.
    todo: BTreeMap<String, (u32, u32, CalendarDate, Severity)>,
    /// The launch's index among the task inputs' launches.
    launch: usize,
    /// Per needed message still to translate: what a translation task needs.
    needs: Vec<TaskNeed>,
}

/// Where a needed message may be received: an index into the task inputs'
/// orders, and how many bundles of that order can receive it.
#[derive(Clone, Copy)]
struct Receivers {
    order: usize,
    reach: usize,
}

impl Gaps<'_> {
    /// Adds `gap` with the severity of its judgement, gated by date (DESIGN
    /// §3.5): a gap that would block is an error when it is needed within the
    /// window or is past due, and a warning while its need date is further
    /// away (the launch is then at risk). This is the only place a gap's
    /// severity is decided; every report and the API show it as it is.
    fn add(&mut self, gap: Finding, judged: &Judgement) {
        let Judgement {
            severity,
            waivers,
            need_date,
            reasons,
            waived_by,
            ..
        } = judged;
        let severity = self.gated(*severity, *need_date);
        match (judged.severity, severity) {
            (Severity::Error, Severity::Error) => self.blocked = true,
            (Severity::Error, _) => self.at_risk = true,
            _ => {}
        }
        let mut f = gap;
        f.severity = severity;
        f.market = Some(self.market.to_string());
        if severity == Severity::Info && !waivers.is_empty() {
            f.append(Text::new("finding-waived").clauses("waivers", waivers.clone()));
            f.waived_by = waived_by.clone();
        }
        f.reasons = reasons.clone();
        f.need_date = Some(*need_date);
        f.due_date = need_date.minus_days(self.window);
        self.findings.push(f);
    }

    /// The severity of a gap judged `severity` and needed on `need_date`:
    /// an error is one only within the window (or past due), a warning
    /// while its need date is further away.
    fn gated(&self, severity: Severity, need_date: CalendarDate) -> Severity {
        if severity == Severity::Error && days_between(self.as_of, need_date) > self.window {
            Severity::Warning
        } else {
            severity
        }
    }

    /// Counts a needed message still to translate in `locale` (judged as
    /// its gaps are), unless a waiver excuses it.
    fn count_untranslated(
        &mut self,
        locale: &LocaleTag,
        key: MessageKey,
        words: u32,
        judged: &Judgement,
        receivers: Receivers,
    ) {
        if judged.severity == Severity::Info {
            return;
        }
        let severity = self.gated(judged.severity, judged.need_date);
        self.needs.push(TaskNeed {
            launch: self.launch,
            locale: locale.clone(),
            file: key.file.to_string(),
            id: key.id.to_string(),
            words,
            due_date: judged.need_date.minus_days(self.window),
            days_left: days_between(self.as_of, judged.need_date) - self.window,
            severity,
            requirements: judged.demanding.clone(),
            storefront: judged.storefront,
            order: receivers.order,
            reach: receivers.reach,
        });
        let item = self
            .todo
            .entry(locale.to_string())
            .or_insert_with(|| (0, 0, judged.need_date, severity));
        item.0 += 1;
        item.1 = item.1.saturating_add(words);
        item.2 = item.2.min(judged.need_date);
        item.3 = item.3.min(severity);
    }

    /// Adds a warning or a note about a needed locale as it is, with the
    /// locale's reasons and dates.
    fn note(&mut self, mut f: Finding, reasons: &[NeedReason], need_date: CalendarDate) {
        f.market = Some(self.market.to_string());
        f.reasons = reasons.to_vec();
        f.need_date = Some(need_date);
        f.due_date = need_date.minus_days(self.window);
        self.findings.push(f);
    }

    /// Adds a finding about an optional storefront locale: INFO, whatever
    /// it would be for a needed locale, and never affecting the verdict. A
    /// gap or a warning says why it is only a note.
    fn optional(&mut self, mut f: Finding, locale: &LocaleTag) {
        if f.severity != Severity::Info {
            f.append(Text::new("finding-optional-locale").text("locale", locale.to_string()));
        }
        f.severity = Severity::Info;
        f.market = Some(self.market.to_string());
        self.findings.push(f);
    }

    fn verdict(&self) -> Verdict {
        if self.blocked {
            Verdict::Blocked
        } else if self.at_risk {
            Verdict::AtRisk
        } else {
            Verdict::Ready
        }
    }
}

/// The requirements that apply to a launch in `market` on `date`.
fn effective_requirements<'a>(
    inputs: &'a PlanInputs,
    market: &Market,
    date: CalendarDate,
) -> Vec<&'a (String, Requirement)> {
    inputs
        .requirements
        .iter()
        .filter(|(_, r)| r.applies_to(market, date, &inputs.product.categories))
        .collect()
}

/// The locales a launch needs, each with its strictest match policy and
/// why: the locales it ships (its market's default without a list), those
/// of the locale rules of the requirements in `effective`, and, optional,
/// the market's other storefront locales.
fn needed_locales(
    launch_name: &str,
    launch: &Launch,
    market: &Market,
    effective: &[&(String, Requirement)],
) -> BTreeMap<LocaleTag, LocaleNeed> {
    let mut locales: BTreeMap<LocaleTag, LocaleNeed> = BTreeMap::new();
    let mut need_locale =
        |tag: &LocaleTag, policy: MatchPolicy, reason: Reason, obligation: Obligation| {
            let need = locales.entry(tag.clone()).or_insert(LocaleNeed {
                policy,
                reasons: Vec::new(),
                optional: false,
            });
            if policy_rank(policy) < policy_rank(need.policy) {
                need.policy = policy;
            }
            need.reasons.push((reason, obligation));
        };
    let (shipped, shipped_reason) = if launch.locales.is_empty() {
        (
            std::slice::from_ref(&market.default_locale),
            Reason::StorefrontDefault(launch.market.as_str().to_string()),
        )
    } else {
        (
            launch.locales.as_slice(),
            Reason::LaunchLocale(launch_name.to_string()),
        )
    };
    for tag in shipped {
        need_locale(
            tag,
            MatchPolicy::CldrFallback,
            shipped_reason.clone(),
            Obligation::Mandatory,
        );
    }
    for (name, r) in effective {
        for rule in &r.locale_rules {
            need_locale(
                &rule.locale,
                rule.match_policy,
                Reason::Requirement(name.clone()),
                rule.obligation,
            );
        }
    }
    // The market's other storefront locales: checked, optional.
    for tag in &market.storefront_locales {
        locales.entry(tag.clone()).or_insert(LocaleNeed {
            policy: MatchPolicy::CldrFallback,
            reasons: Vec::new(),
            optional: true,
        });
    }
    locales
}

/// The bundles the launches of `inputs` are served from: those of the
/// serving orders of the locales each launch needs ([`needed_locales`]), so
/// that their checks can run on every core before the launches ask.
fn bundles_asked_about(inputs: &PlanInputs, available: &[LocaleTag]) -> BTreeSet<LocaleTag> {
    let mut wanted = BTreeSet::new();
    for (launch_name, launch) in inputs.launches {
        if launch.status == LaunchStatus::Cancelled
            || !inputs.variants.contains_key(launch.variant.as_str())
        {
            continue;
        }
        let Some(market) = inputs.markets.get(launch.market.as_str()) else {
            continue;
        };
        let effective = effective_requirements(inputs, market, launch.first_date());
        for (tag, need) in needed_locales(launch_name, launch, market, &effective) {
            wanted.extend(
                serving_order(&tag, available, need.policy)
                    .into_iter()
                    .map(|(b, _)| b),
            );
        }
    }
    wanted
}

/// The bundles a check of `inputs` reads, among `available` (every bundle
/// of the product, `inputs.bundles` unread): the source locale's and those
/// the launches may be served from ([`bundles_asked_about`]). A caller that
/// reads bundles from storage reads these alone, and the check gives the
/// same answer as with every bundle: a serving order only picks among the
/// available bundles on its locale's chain (or of its language), so with
/// these it picks the same ones.
pub fn bundles_read(inputs: &PlanInputs, available: &[LocaleTag]) -> BTreeSet<LocaleTag> {
    let mut read = bundles_asked_about(inputs, available);
    read.insert(inputs.product.source_locale.clone());
    read
}

/// Checks `inputs.roadmap` against every launch of the product.
pub fn check_roadmap(inputs: &PlanInputs, options: &RoadmapOptions) -> RoadmapReport {
    // Nothing stops it: it runs to its end.
    match check_roadmap_until(inputs, options, || Ok::<(), std::convert::Infallible>(())) {
        Ok(report) => report,
        Err(never) => match never {},
    }
}

/// [`check_roadmap`] that asks `go_on` before each launch (where the
/// locales it needs are checked, the bulk of the work) and stops with its
/// error once it gives one: a server stops a check whose caller is gone.
pub fn check_roadmap_until<E>(
    inputs: &PlanInputs,
    options: &RoadmapOptions,
    mut go_on: impl FnMut() -> Result<(), E>,
) -> Result<RoadmapReport, E> {
    let source_locale = &inputs.product.source_locale;
    let scope = inputs.product.message_scope;
    let empty = BundleView::new(std::iter::empty(), scope);
    let source = inputs.bundles.get(source_locale).unwrap_or(&empty);
    let mut checks = options.checks.clone();
    checks
        .source_locale
        .get_or_insert_with(|| source_locale.clone());
    let mut checked = Checked::new(source, inputs.bundles, checks);
    let available = checked.available();

    let mut roadmap_findings = Vec::new();
    for item in &inputs.roadmap.items {
        for selector in &item.messages {
            if expand(selector, source).is_empty() {
                roadmap_findings.push(
                    Finding::from_text(
                        Rule::UnknownMessage,
                        source_locale.as_str(),
                        // The values as `{:?}` showed them, escapes included.
                        Text::new("finding-unknown-message")
                            .text("item", crate::domain::escaped(&item.id))
                            .text("selector", crate::domain::escaped(selector)),
                    )
                    .message(selector.clone()),
                );
            }
        }
    }
    roadmap_findings.extend(unknown_features(inputs, source_locale));
    let requirements: BTreeMap<&str, &Requirement> = inputs
        .requirements
        .iter()
        .map(|(n, r)| (n.as_str(), r))
        .collect();
    // The waivers that matched a gap: (item id, index among its waivers).
    let mut used: BTreeSet<(String, usize)> = BTreeSet::new();

    go_on()?;
    checked.check_all(&bundles_asked_about(inputs, &available));

    let mut launches = Vec::new();
    let mut todo: Vec<TodoItem> = Vec::new();
    let mut task_inputs = TaskInputs {
        launches: Vec::new(),
        orders: Vec::new(),
        existing: &available,
        legal_factor: options.legal_factor,
    };
    let mut needs: Vec<TaskNeed> = Vec::new();
    for (launch_name, launch) in inputs.launches {
        go_on()?;
        if launch.status == LaunchStatus::Cancelled {
            continue;
        }
        let market_name = launch.market.as_str();
        let (Some(market), Some(variant)) = (
            inputs.markets.get(market_name),
            inputs.variants.get(launch.variant.as_str()),
        ) else {
            continue;
        };
        let date = launch.first_date();
        let items: Vec<&RoadmapItem> = inputs
            .roadmap
            .items
            .iter()
            .filter(|i| i.markets.is_empty() || i.markets.iter().any(|m| m.as_str() == market_name))
            .filter(|i| variant.features.is_empty() || variant.features.contains(&i.id))
            .collect();
        let effective = effective_requirements(inputs, market, date);
        let locales = needed_locales(launch_name, launch, market, &effective);

        // Needed messages: why, from which day, in which locales (None: all).
        let mut messages: BTreeMap<MessageKey, Vec<MessageNeed>> = BTreeMap::new();
        for item in &items {
            let need = item.target_date.unwrap_or(date);
            for selector in &item.messages {
                for key in expand(selector, source) {
                    messages.entry(key).or_default().push((
                        Reason::Item(item.id.clone()),
                        need,
                        None,
                    ));
                }
            }
        }
        for pattern in &variant.required_messages {
            for key in expand(pattern.as_str(), source) {
                messages.entry(key).or_default().push((
                    Reason::Variant(launch.variant.to_string()),
                    date,
                    None,
                ));
            }
        }
        for (name, r) in &effective {
            let scope: BTreeSet<LocaleTag> = if r.locale_rules.is_empty() {
                market.storefront_locales.iter().cloned().collect()
            } else {
                r.locale_rules.iter().map(|l| l.locale.clone()).collect()
            };
            for pattern in &r.required_messages {
                for key in expand(pattern.as_str(), source) {
                    messages.entry(key).or_default().push((
                        Reason::Requirement(name.clone()),
                        date,
                        Some(scope.clone()),
                    ));
                }
            }
        }

        let window = options
            .market_windows
            .get(market_name)
            .copied()
            .unwrap_or(options.window_days);
        let mut gaps = Gaps {
            market: market_name,
            as_of: options.as_of,
            window,
            findings: Vec::new(),
            blocked: false,
            at_risk: false,
            todo: BTreeMap::new(),
            launch: task_inputs.launches.len(),
            needs: Vec::new(),
        };
        task_inputs
            .launches
            .push((launch_name.clone(), market_name.to_string(), launch.weight));
        let mut coverage = Vec::new();
        let mut cx = JudgeContext {
            items: &items,
            requirements: &requirements,
            used: &mut used,
        };
        for (tag, need) in &locales {
            let order = serving_order(tag, &available, need.policy);
            // The bundles that could receive its messages, existing or not.
            let mut could_serve = available.clone();
            could_serve.extend(fallback_chain(tag));
            let receiving: Vec<LocaleTag> = serving_order(tag, &could_serve, need.policy)
                .into_iter()
                .map(|(b, _)| b)
                .collect();
            let all_receive = Receivers {
                order: task_inputs.orders.len(),
                reach: receiving.len(),
            };
            task_inputs.orders.push(receiving);
            let mut cov = Coverage::default();
            let needed_here: Vec<(MessageKey, Vec<&MessageNeed>)> = messages
                .iter()
                .map(|(key, why)| {
                    (
                        *key,
                        why.iter()
                            .filter(|(_, _, scope)| scope.as_ref().is_none_or(|s| s.contains(tag)))
                            .collect::<Vec<_>>(),
                    )
                })
                .filter(|(_, why)| !why.is_empty())
                .collect();
            let locale_reasons: Vec<NeedReason> = tidy(
                need.reasons
                    .iter()
                    .map(|(r, o)| need_reason(r, *o, &requirements))
                    .collect(),
            );
            let locale_need_date = needed_here
                .iter()
                .flat_map(|(_, why)| why.iter().map(|(_, d, _)| *d))
                .min()
                .unwrap_or(date);
            let (cov_need, cov_due) = if need.optional {
                (None, None)
            } else {
                (Some(locale_need_date), locale_need_date.minus_days(window))
            };
            let words_of =
                |key: &MessageKey| source.get(key.file, key.id).map_or(0, |l| l.entry.words);
            if order.is_empty() {
                if !needed_here.is_empty() {
                    let all: Vec<_> = needed_here
                        .iter()
                        .flat_map(|(_, why)| why.iter().copied())
                        .collect();
                    let words: u32 = needed_here.iter().map(|(key, _)| words_of(key)).sum();
                    cov.required_messages = needed_here.len() as u32;
                    cov.required_words = words;
                    let gap = Finding::from_text(
                        Rule::MissingLocale,
                        tag.as_str(),
                        Text::new("finding-no-bundle-serves")
                            .text("locale", tag.to_string())
                            .text("policy", policy_name(need.policy))
                            .count("count", needed_here.len())
                            .number("words", words),
                    );
                    if need.optional {
                        gaps.optional(gap, tag);
                    } else {
                        gaps.add(gap, &judge(&all, need, &mut cx, date));
                        for (key, why) in &needed_here {
                            let judged = judge(why, need, &mut cx, date);
                            gaps.count_untranslated(tag, *key, words_of(key), &judged, all_receive);
                        }
                    }
                }
                coverage.push(LocaleCoverage {
                    locale: tag.to_string(),
                    served_by: None,
                    coverage: cov,
                    optional: need.optional,
                    reasons: locale_reasons,
                    need_date: cov_need,
                    due_date: cov_due,
                });
                continue;
            }
            // Needed messages each bundle serves, in the order tried.
            let mut serving: Vec<(LocaleTag, u32)> =
                order.iter().map(|(b, _)| (b.clone(), 0)).collect();
            for (key, why) in &needed_here {
                let words = words_of(key);
                cov.required_messages += 1;
                cov.required_words += words;
                let service = serve_message(&mut checked, tag, &order, *key);
                for note in service.notes.iter().cloned() {
                    if need.optional {
                        gaps.optional(note, tag);
                    } else {
                        gaps.note(note, &locale_reasons, locale_need_date);
                    }
                }
                if let Some(b) = &service.served_by {
                    if let Some(count) = serving.iter_mut().find(|(s, _)| s == b) {
                        count.1 += 1;
                    }
                }
                if service.is_served() {
                    cov.effective_messages += 1;
                    cov.effective_words += words;
                    if service.served_by.as_ref() == Some(tag) {
                        cov.own_messages += 1;
                        cov.own_words += words;
                    }
                    continue;
                }
                if need.optional {
                    for gap in service.gaps {
                        gaps.optional(gap, tag);
                    }
                    continue;
                }
                let judged = judge(why, need, &mut cx, date);
                // A bundle that defines it with a gap serves it: only that
                // one and those before it can fix it.
                let reach = service
                    .served_by
                    .as_ref()
                    .and_then(|b| {
                        task_inputs
                            .orders
                            .get(all_receive.order)?
                            .iter()
                            .position(|r| r == b)
                    })
                    .map_or(all_receive.reach, |at| at + 1);
                gaps.count_untranslated(
                    tag,
                    *key,
                    words,
                    &judged,
                    Receivers {
                        order: all_receive.order,
                        reach,
                    },
                );
                for gap in service.gaps {
                    gaps.add(gap, &judged);
                }
            }
            for note in fallback_notes(tag, &serving, cov.required_messages) {
                if need.optional {
                    gaps.optional(note, tag);
                } else {
                    gaps.note(note, &locale_reasons, locale_need_date);
                }
            }
            coverage.push(LocaleCoverage {
                locale: tag.to_string(),
                served_by: serving
                    .iter()
                    .find(|(_, n)| *n > 0)
                    .map(|(b, _)| b.to_string()),
                coverage: cov,
                optional: need.optional,
                reasons: locale_reasons,
                need_date: cov_need,
                due_date: cov_due,
            });
        }
        let verdict = gaps.verdict();
        needs.append(&mut gaps.needs);
        for (locale, (messages, words, need_date, severity)) in &gaps.todo {
            todo.push(TodoItem {
                launch: launch_name.clone(),
                market: market_name.to_string(),
                locale: locale.clone(),
                messages: *messages,
                words: *words,
                need_date: *need_date,
                due_date: need_date.minus_days(window),
                severity: *severity,
            });
        }
        let mut findings = gaps.findings;
        findings.sort_by(|a, b| {
            (a.severity, &a.locale, &a.file, a.line, &a.message_id).cmp(&(
                b.severity,
                &b.locale,
                &b.file,
                b.line,
                &b.message_id,
            ))
        });
        findings.dedup();
        launches.push(LaunchReport {
            launch: launch_name.clone(),
            market: market_name.to_string(),
            variant: launch.variant.to_string(),
            date,
            days_until: days_between(options.as_of, date),
            verdict,
            findings,
            locales: coverage,
            forecast: None,
        });
    }
    roadmap_findings.extend(unused_waivers(inputs.roadmap, &used, source_locale));
    Ok(RoadmapReport {
        verdict: launches
            .iter()
            .map(|l| l.verdict)
            .max()
            .unwrap_or(Verdict::Ready),
        launches,
        findings: roadmap_findings,
        todo: sorted_todo(todo),
        tasks: translation_tasks(&task_inputs, &needs),
    })
}

/// The to-do list by due date (a day out of the calendar last), then launch
/// and locale.
fn sorted_todo(mut todo: Vec<TodoItem>) -> Vec<TodoItem> {
    todo.sort_by(|a, b| {
        (a.due_date.is_none(), a.due_date, &a.launch, &a.locale).cmp(&(
            b.due_date.is_none(),
            b.due_date,
            &b.launch,
            &b.locale,
        ))
    });
    todo
}

/// A warning for each feature a checked variant includes that no item of any
/// of the product's roadmaps has: a typo in `features` would otherwise
/// silently need nothing.
fn unknown_features(inputs: &PlanInputs, source_locale: &LocaleTag) -> Vec<Finding> {
    let items: Vec<&str> = inputs.roadmap.items.iter().map(|i| i.id.as_str()).collect();
    let known = |feature: &str| match inputs.feature_ids {
        Some(ids) => ids.contains(feature),
        None => items.contains(&feature),
    };
    let checked: BTreeSet<&str> = inputs
        .launches
        .iter()
        .filter(|(_, l)| l.status != LaunchStatus::Cancelled)
        .map(|(_, l)| l.variant.as_str())
        .collect();
    let mut findings = Vec::new();
    for name in checked {
        let Some(variant) = inputs.variants.get(name) else {
            continue;
        };
        for feature in variant.features.iter().filter(|f| !known(f.as_str())) {
            findings.push(
                Finding::from_text(
                    Rule::UnknownFeature,
                    source_locale.as_str(),
                    Text::new("finding-unknown-feature")
                        .text("variant", name)
                        .text("feature", crate::domain::escaped(feature))
                        .text("items", items.join(", ")),
                )
                .message(feature.clone()),
            );
        }
    }
    findings
}

/// A note for each waiver of the roadmap that matched no gap of any launch.
fn unused_waivers(
    roadmap: &Roadmap,
    used: &BTreeSet<(String, usize)>,
    source_locale: &LocaleTag,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for item in &roadmap.items {
        for (index, w) in item.waivers.iter().enumerate() {
            if used.contains(&(item.id.clone(), index)) {
                continue;
            }
            let mut f = Finding::from_text(
                Rule::UnusedWaiver,
                source_locale.as_str(),
                Text::new("finding-unused-waiver")
                    .text("item", crate::domain::escaped(&item.id))
                    .text("requirement", w.requirement.to_string())
                    .text("approver", w.approver.as_str()),
            )
            .message(item.id.clone());
            f.waived_by = vec![WaivedBy {
                requirement: w.requirement.to_string(),
                approver: w.approver.clone(),
                expiry: w.expiry,
            }];
            findings.push(f);
        }
    }
    findings
}

/// Days from `from` to `to`.
pub fn days_between(from: CalendarDate, to: CalendarDate) -> i64 {
    to.julian_day() - from.julian_day()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ftl::{index_file, FileIndex};
    use crate::domain::planning::{LaunchPhase, PhaseDate, RoadmapItem, Waiver};
    use crate::domain::{
        Jurisdiction, LocaleRule, MarketInput, MessagePattern, RequirementKind, ResourceKind,
        ResourceName,
    };

    fn day(s: &str) -> CalendarDate {
        s.parse().unwrap()
    }

    fn name(kind: ResourceKind, s: &str) -> ResourceName {
        ResourceName::parse(kind, s).unwrap()
    }

    struct Fixture {
        product: Product,
        markets: BTreeMap<String, Market>,
        requirements: Vec<(String, Requirement)>,
        variants: BTreeMap<String, Variant>,
        launches: Vec<(String, Launch)>,
        roadmap: Roadmap,
        files: BTreeMap<LocaleTag, Vec<(String, FileIndex)>>,
    }

    const SOURCE: &str = "checkout-title = Checkout\ncheckout-pay = Pay { $amount }\nimprint-address = Our address\n";

    fn fixture() -> Fixture {
        let de = MarketInput {
            country: "DE".into(),
            currency: "EUR".into(),
            storefront_locales: vec!["de-DE".into()],
            ..Default::default()
        }
        .validate("m")
        .unwrap();
        let imprint = Requirement {
            jurisdiction: Jurisdiction::Country(de.country),
            kind: RequirementKind::ConsumerInfo,
            summary: "Imprint".into(),
            legal_reference: String::new(),
            source_url: String::new(),
            effective_from: Some(day("2027-01-01")),
            effective_until: None,
            product_categories: vec![],
            locale_rules: vec![LocaleRule {
                locale: LocaleTag::parse("de-DE").unwrap(),
                obligation: Obligation::Mandatory,
                match_policy: MatchPolicy::CldrFallback,
                must_be_default: false,
            }],
            required_messages: vec![MessagePattern::parse("imprint-*").unwrap()],
        };
        let variant = Variant {
            display_name: String::new(),
            sku: String::new(),
            markets: vec![name(ResourceKind::Market, "markets/de")],
            attributes: Default::default(),
            features: vec![],
            required_messages: vec![],
        };
        let launch = Launch {
            market: name(ResourceKind::Market, "markets/de"),
            variant: name(ResourceKind::Variant, "products/p/variants/eu"),
            phases: vec![PhaseDate {
                phase: LaunchPhase::Ga,
                date: day("2027-03-01"),
            }],
            status: LaunchStatus::Planned,
            locales: vec![],
            weight: Weight::default(),
        };
        let roadmap = Roadmap {
            display_name: String::new(),
            items: vec![RoadmapItem {
                id: "checkout".into(),
                title: String::new(),
                messages: vec!["checkout-*".into()],
                target_date: None,
                markets: vec![],
                waivers: vec![],
            }],
        };
        let mut files = BTreeMap::new();
        files.insert(
            LocaleTag::parse("en-US").unwrap(),
            vec![("shop.ftl".to_string(), index_file(SOURCE))],
        );
        files.insert(
            LocaleTag::parse("de-DE").unwrap(),
            vec![(
                "shop.ftl".to_string(),
                index_file("checkout-title = Kasse\n"),
            )],
        );
        Fixture {
            product: Product {
                display_name: String::new(),
                source_locale: LocaleTag::parse("en-US").unwrap(),
                categories: vec![],
                fluent_source: None,
                message_scope: Default::default(),
            },
            markets: [("markets/de".to_string(), de)].into(),
            requirements: vec![("requirements/imprint".into(), imprint)],
            variants: [("products/p/variants/eu".to_string(), variant)].into(),
            launches: vec![("products/p/launches/de".into(), launch)],
            roadmap,
            files,
        }
    }

    fn run(f: &Fixture, as_of: &str) -> RoadmapReport {
        let bundles: BTreeMap<LocaleTag, BundleView> = f
            .files
            .iter()
            .map(|(l, files)| {
                (
                    l.clone(),
                    BundleView::new(
                        files.iter().map(|(p, i)| (p.as_str(), i)),
                        f.product.message_scope,
                    ),
                )
            })
            .collect();
        let inputs = PlanInputs {
            product: &f.product,
            markets: &f.markets,
            requirements: &f.requirements,
            variants: &f.variants,
            launches: &f.launches,
            roadmap: &f.roadmap,
            feature_ids: None,
            bundles: &bundles,
        };
        let options = RoadmapOptions {
            as_of: day(as_of),
            window_days: 14,
            market_windows: BTreeMap::new(),
            checks: CheckOptions::default(),
            legal_factor: default_legal_factor(),
        };
        check_roadmap(&inputs, &options)
    }

    fn complete_de(f: &mut Fixture) {
        f.files.insert(
            LocaleTag::parse("de-DE").unwrap(),
            vec![("shop.ftl".into(), index_file("checkout-title = Kasse\ncheckout-pay = Zahlen { $amount }\nimprint-address = Adresse\n"))],
        );
    }

    fn blocking(r: &RoadmapReport) -> Vec<(String, String)> {
        r.launches[0]
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| {
                (
                    f.rule.id().to_string(),
                    f.message_id.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn gating_by_date() {
        let f = fixture();
        // GA on 2027-03-01; window 14 days.
        let cases = [
            ("2027-02-14", Verdict::AtRisk, 15),
            ("2027-02-15", Verdict::Blocked, 14),
            ("2027-03-02", Verdict::Blocked, -1),
        ];
        for (as_of, verdict, days) in cases {
            let r = run(&f, as_of);
            assert_eq!(
                (r.launches[0].verdict, r.launches[0].days_until),
                (verdict, days),
                "{as_of}"
            );
            assert_eq!(r.verdict, verdict);
        }
        let gaps = blocking(&run(&f, "2027-02-20"));
        assert_eq!(
            gaps,
            [
                ("missing-message".to_string(), "checkout-pay".to_string()),
                ("missing-message".into(), "imprint-address".into())
            ]
        );
        // Needed after the window: the same gaps, as warnings (at risk).
        let r = run(&f, "2027-02-01");
        assert!(blocking(&r).is_empty());
        let warned: Vec<(&str, &str)> = r.launches[0]
            .findings
            .iter()
            .filter(|x| x.severity == Severity::Warning)
            .map(|x| (x.rule.id(), x.message_id.as_deref().unwrap_or_default()))
            .collect();
        assert_eq!(
            warned,
            [
                ("missing-message", "checkout-pay"),
                ("missing-message", "imprint-address")
            ]
        );
    }

    #[test]
    fn a_complete_locale_is_ready_and_counted() {
        let mut f = fixture();
        complete_de(&mut f);
        let r = run(&f, "2027-02-20");
        assert_eq!(r.verdict, Verdict::Ready);
        let cov = &r.launches[0].locales[0];
        assert_eq!(
            (cov.locale.as_str(), cov.served_by.as_deref()),
            ("de-DE", Some("de-DE"))
        );
        assert_eq!(
            (
                cov.coverage.required_messages,
                cov.coverage.own_messages,
                cov.coverage.effective_messages
            ),
            (3, 3, 3)
        );
    }

    #[test]
    fn a_requirement_not_yet_in_effect_adds_nothing() {
        let mut f = fixture();
        f.requirements[0].1.effective_from = Some(day("2027-06-01"));
        let gaps = blocking(&run(&f, "2027-02-20"));
        assert_eq!(
            gaps,
            [("missing-message".to_string(), "checkout-pay".to_string())]
        );
    }

    #[test]
    fn waivers_hold_until_they_expire() {
        let mut f = fixture();
        let waiver = |expiry: &str| Waiver {
            requirement: name(ResourceKind::Requirement, "requirements/imprint"),
            reason: "imprint ships later".into(),
            approver: "legal".into(),
            expiry: Some(day(expiry)),
        };
        f.roadmap.items[0].waivers = vec![waiver("2027-06-30")];
        let r = run(&f, "2027-02-20");
        assert_eq!(
            blocking(&r),
            [("missing-message".to_string(), "checkout-pay".to_string())]
        );
        let waived = r.launches[0]
            .findings
            .iter()
            .find(|x| x.message_id.as_deref() == Some("imprint-address"))
            .unwrap();
        assert_eq!(waived.severity, Severity::Info);
        assert!(
            waived
                .detail
                .contains("waived for requirements/imprint by legal until 2027-06-30"),
            "{}",
            waived.detail
        );
        // Expired before the launch: no longer holds.
        f.roadmap.items[0].waivers = vec![waiver("2027-02-28")];
        assert_eq!(blocking(&run(&f, "2027-02-20")).len(), 2);
    }

    #[test]
    fn a_variant_without_the_feature_does_not_need_its_messages() {
        let mut f = fixture();
        f.variants
            .get_mut("products/p/variants/eu")
            .unwrap()
            .features = vec!["other-feature".into()];
        assert_eq!(
            blocking(&run(&f, "2027-02-20")),
            [("missing-message".to_string(), "imprint-address".to_string())]
        );
    }

    #[test]
    fn missing_locales_fallbacks_and_unknown_messages() {
        let mut f = fixture();
        complete_de(&mut f);
        let de = f.markets.get_mut("markets/de").unwrap();
        de.storefront_locales
            .push(LocaleTag::parse("fr-FR").unwrap());
        de.storefront_locales
            .push(LocaleTag::parse("en-GB").unwrap());
        // The launch ships all three (by default, only de-DE).
        f.launches[0].1.locales = ["de-DE", "fr-FR", "en-GB"]
            .iter()
            .map(|t| LocaleTag::parse(t).unwrap())
            .collect();
        f.roadmap.items[0].messages.push("no-such-*".into());
        let r = run(&f, "2027-02-20");
        let launch = &r.launches[0];
        assert_eq!(
            blocking(&r),
            [("missing-locale".to_string(), String::new())]
        );
        assert!(launch
            .findings
            .iter()
            .any(|x| x.rule == Rule::MissingLocale && x.locale == "fr-FR"));
        // en-GB → en-001 → en is served by the en-US source at its bare
        // language (en's default content), with a note.
        assert!(!launch
            .findings
            .iter()
            .any(|x| x.locale == "en-GB" && x.severity != Severity::Info));
        let note = launch
            .findings
            .iter()
            .find(|x| x.rule == Rule::FallbackUsed && x.locale == "en-GB")
            .expect("a fallback note for en-GB");
        assert_eq!(note.bundle.as_deref(), Some("en-US"));
        assert_eq!(
            note.detail,
            "the en-US bundle serves 2 of the 2 needed messages"
        );
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].rule, Rule::UnknownMessage);
    }

    #[test]
    fn a_storefront_served_by_fallback_is_noted_not_blocked() {
        let mut f = fixture();
        complete_de(&mut f);
        f.markets
            .get_mut("markets/de")
            .unwrap()
            .storefront_locales
            .push(LocaleTag::parse("en-CA").unwrap());
        f.launches[0].1.locales = vec![
            LocaleTag::parse("de-DE").unwrap(),
            LocaleTag::parse("en-CA").unwrap(),
        ];
        let r = run(&f, "2027-02-01");
        assert_eq!(r.verdict, Verdict::Ready, "{:?}", r.launches[0].findings);
        let note = r.launches[0]
            .findings
            .iter()
            .find(|x| x.rule == Rule::FallbackUsed)
            .expect("fallback note");
        assert_eq!(
            (note.locale.as_str(), note.severity),
            ("en-CA", Severity::Info)
        );
    }

    #[test]
    fn glob_patterns() {
        for (p, t, want) in [
            ("a-*", "a-b", true),
            ("a-*", "b-a", false),
            ("*-x", "a-x", true),
            ("a*b*c", "aXbYc", true),
            ("a*b*c", "ac", false),
            ("abc", "abc", true),
        ] {
            assert_eq!(glob_match(p, t), want, "{p} {t}");
        }
    }
}
