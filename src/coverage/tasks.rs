//! The ranked translation to-do of a roadmap across its launches: which
//! bundle should receive which translations first.
//!
//! The roadmap check ([`super::roadmap`]) records, for every needed message a
//! launch's needed locale lacks (a gap that is not waived), a [`TaskNeed`]:
//! the launch, the locale, the message, when it is due, whether a law
//! demands it, and the bundles that would serve it once they define it.
//! [`translation_tasks`] turns those into one [`TranslationTask`] per
//! receiving bundle.
//!
//! **Which bundle receives a message.** A bundle can serve a needed locale
//! when it is on the locale's serving order under its match policy
//! ([`serving_order`](super::fallback::serving_order) over the product's
//! bundles and the locale's own fallback chain, so that a bundle that does
//! not exist yet counts too): `fr` serves `fr-CA`, `fr-BE` and `fr-FR` under
//! CLDR_FALLBACK, while an EXACT `de-BE` rule is served by `de-BE` alone.
//! When a bundle of the order already defines the message but with a gap (a
//! missing attribute, a syntax error), only that bundle and those before it
//! can fix it: a Fluent runtime takes the first bundle that defines the
//! message. For each message the bundle that serves the most needed locales
//! among those still unassigned receives it (ties: the one serving more
//! launch locales, then an existing bundle, then the one nearest the needed
//! locales on their orders, then the smaller tag), until every need has its
//! bundle.
//!
//! **Rank.** A task's score is what it unblocks per day of time left:
//! Σ over the launches it serves of `weight × f / max(1, days to due)`, where
//! `f` is the legal factor (2 by default) when a MANDATORY requirement in
//! effect demands one of the task's translations for that launch, else 1,
//! and the days run from the day of the check to that launch's earliest due
//! date in the task (past due counts as 1). Tasks are ranked by score, then
//! by earliest due date, then by locale.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::domain::planning::Weight;
use crate::domain::{CalendarDate, LocaleTag};

use super::finding::Severity;

/// One needed message that one needed locale of one launch still lacks.
#[derive(Debug, Clone)]
pub(crate) struct TaskNeed {
    /// The launch's index in [`TaskInputs::launches`].
    pub launch: usize,
    /// The needed locale.
    pub locale: LocaleTag,
    /// The message's source file (empty under the BUNDLE message scope).
    pub file: String,
    /// The message id.
    pub id: String,
    /// Its words in the source.
    pub words: u32,
    /// The last day before it blocks; `None` when out of the calendar.
    pub due_date: Option<CalendarDate>,
    /// Days from the check's day to the due date (negative: past due).
    pub days_left: i64,
    /// Its severity as the check gated it.
    pub severity: Severity,
    /// The MANDATORY requirements in effect that demand it, unwaived.
    pub requirements: Vec<String>,
    /// A locale the launch ships (a storefront locale) needs it.
    pub storefront: bool,
    /// The bundles that would serve it once they define it, nearest first;
    /// an index into [`TaskInputs::orders`] and how many of that order count.
    pub order: usize,
    /// How many of the order's bundles can receive it.
    pub reach: usize,
}

/// Everything [`translation_tasks`] reads besides the needs.
pub(crate) struct TaskInputs<'a> {
    /// Launch name, market name and weight, by index.
    pub launches: Vec<(String, String, Weight)>,
    /// The receiving orders the needs point into.
    pub orders: Vec<Vec<LocaleTag>>,
    /// The product's bundles.
    pub existing: &'a [LocaleTag],
    /// The factor of a need a law demands.
    pub legal_factor: Weight,
}

/// A launch a task helps unblock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskLaunch {
    /// The launch name.
    pub launch: String,
    /// Its market.
    pub market: String,
    /// The launch's weight.
    pub weight: Weight,
    /// The MANDATORY requirements (laws) in effect that demand some of the
    /// task's translations for this launch; empty when none does.
    pub requirements: Vec<String>,
    /// A locale the launch ships (the storefront's default or one it lists)
    /// needs some of them.
    pub storefront: bool,
    /// The needed locales of the launch the task serves.
    pub locales: Vec<String>,
    /// How many of the task's messages the launch needs.
    pub messages: u32,
    /// Their words in the source.
    pub words: u32,
    /// The earliest due date among them.
    pub due_date: Option<CalendarDate>,
    /// Days from the check's day to `due_date` (negative: past due).
    pub days_left: i64,
    /// The worst severity of their gaps in the launch.
    pub severity: Severity,
}

impl TaskLaunch {
    /// Whether a law demands some of the task's translations for it.
    pub fn legal(&self) -> bool {
        !self.requirements.is_empty()
    }
}

/// One message a task asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskMessage {
    /// Its source file (empty under the BUNDLE message scope).
    pub file: String,
    /// The message id.
    pub id: String,
    /// Its words in the source.
    pub words: u32,
    /// The earliest day before it blocks a launch.
    pub due_date: Option<CalendarDate>,
    /// The needed locales it serves, across the launches.
    pub locales: Vec<String>,
    /// The launches that need it.
    pub launches: Vec<String>,
}

/// The translations one bundle should receive, and what they unblock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranslationTask {
    /// The locale of the receiving bundle.
    pub locale: String,
    /// Whether the product already has that bundle.
    pub bundle_exists: bool,
    /// The messages, by file then id.
    pub messages: Vec<TaskMessage>,
    /// How many messages.
    pub message_count: u32,
    /// Their words in the source.
    pub words: u32,
    /// The earliest due date of the messages.
    pub due_date: Option<CalendarDate>,
    /// The worst severity of the gaps the task closes.
    pub severity: Severity,
    /// What it unblocks per day left (see the module documentation).
    pub score: f64,
    /// The launches it serves, by name.
    pub launches: Vec<TaskLaunch>,
    /// With a forecast ([`super::forecast::attach`]): the day the bundle,
    /// at its velocity, has translated the task's words; `None` without a
    /// velocity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta: Option<CalendarDate>,
    /// The bundle's velocity, translated words per day, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words_per_day: Option<f64>,
}

/// The tasks of `needs`, ranked (see the module documentation).
pub(crate) fn translation_tasks(inputs: &TaskInputs, needs: &[TaskNeed]) -> Vec<TranslationTask> {
    let receivers = |n: &TaskNeed| -> &[LocaleTag] {
        inputs
            .orders
            .get(n.order)
            .map_or(&[][..], |o| &o[..n.reach.min(o.len())])
    };
    // Needs by message.
    let mut by_message: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, n) in needs.iter().enumerate() {
        by_message.entry((&n.file, &n.id)).or_default().push(i);
    }
    // The receiving bundle of each need.
    let mut assigned: BTreeMap<LocaleTag, Vec<usize>> = BTreeMap::new();
    for open in by_message.into_values() {
        let mut open = open;
        while !open.is_empty() {
            // Per candidate: distinct locales, launch locales, nearest position.
            let mut score: BTreeMap<&LocaleTag, (BTreeSet<&LocaleTag>, usize, usize)> =
                BTreeMap::new();
            for &i in &open {
                for (pos, b) in receivers(&needs[i]).iter().enumerate() {
                    let s = score
                        .entry(b)
                        .or_insert_with(|| (BTreeSet::new(), 0, usize::MAX));
                    s.0.insert(&needs[i].locale);
                    s.1 += 1;
                    s.2 = s.2.min(pos);
                }
            }
            let best = score
                .iter()
                .max_by(|(a, x), (b, y)| {
                    (
                        x.0.len(),
                        x.1,
                        inputs.existing.contains(a),
                        std::cmp::Reverse(x.2),
                        std::cmp::Reverse(*a),
                    )
                        .cmp(&(
                            y.0.len(),
                            y.1,
                            inputs.existing.contains(b),
                            std::cmp::Reverse(y.2),
                            std::cmp::Reverse(*b),
                        ))
                })
                .map(|(b, _)| (*b).clone());
            let Some(best) = best else {
                // A need no bundle could receive (never: an order holds at
                // least the locale itself); its own locale takes it.
                for i in open.drain(..) {
                    assigned.entry(needs[i].locale.clone()).or_default().push(i);
                }
                break;
            };
            let (taken, rest): (Vec<usize>, Vec<usize>) = open
                .into_iter()
                .partition(|&i| receivers(&needs[i]).contains(&best));
            assigned.entry(best).or_default().extend(taken);
            open = rest;
        }
    }
    let factor = inputs.legal_factor.get();
    let mut tasks: Vec<TranslationTask> = assigned
        .into_iter()
        .map(|(bundle, members)| task(inputs, needs, bundle, &members, factor))
        .collect();
    tasks.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then((a.due_date.is_none(), a.due_date).cmp(&(b.due_date.is_none(), b.due_date)))
            .then(a.locale.cmp(&b.locale))
    });
    tasks
}

/// The task of `bundle` receiving the needs `members`.
fn task(
    inputs: &TaskInputs,
    needs: &[TaskNeed],
    bundle: LocaleTag,
    members: &[usize],
    factor: f64,
) -> TranslationTask {
    let mut messages: BTreeMap<(&str, &str), TaskMessage> = BTreeMap::new();
    // Per launch index: the launch as the task serves it, and its messages.
    type Served<'n> = (TaskLaunch, BTreeSet<(&'n str, &'n str)>);
    let mut launches: BTreeMap<usize, Served> = BTreeMap::new();
    for &i in members {
        let n = &needs[i];
        let (launch_name, market, weight) = inputs
            .launches
            .get(n.launch)
            .cloned()
            .unwrap_or_else(|| (String::new(), String::new(), Weight::default()));
        let m = messages
            .entry((&n.file, &n.id))
            .or_insert_with(|| TaskMessage {
                file: n.file.clone(),
                id: n.id.clone(),
                words: n.words,
                due_date: n.due_date,
                locales: Vec::new(),
                launches: Vec::new(),
            });
        m.due_date = earliest(m.due_date, n.due_date);
        push_once(&mut m.locales, n.locale.to_string());
        push_once(&mut m.launches, launch_name.clone());
        let (l, seen) = launches.entry(n.launch).or_insert_with(|| {
            (
                TaskLaunch {
                    launch: launch_name,
                    market,
                    weight,
                    requirements: Vec::new(),
                    storefront: false,
                    locales: Vec::new(),
                    messages: 0,
                    words: 0,
                    due_date: n.due_date,
                    days_left: n.days_left,
                    severity: n.severity,
                },
                BTreeSet::new(),
            )
        });
        for r in &n.requirements {
            push_once(&mut l.requirements, r.clone());
        }
        l.storefront |= n.storefront;
        push_once(&mut l.locales, n.locale.to_string());
        if seen.insert((&n.file, &n.id)) {
            l.messages += 1;
            l.words = l.words.saturating_add(n.words);
        }
        l.due_date = earliest(l.due_date, n.due_date);
        l.days_left = l.days_left.min(n.days_left);
        l.severity = l.severity.min(n.severity);
    }
    let mut launches: Vec<TaskLaunch> = launches.into_values().map(|(l, _)| l).collect();
    for l in &mut launches {
        l.requirements.sort();
        l.locales.sort();
    }
    launches.sort_by(|a, b| a.launch.cmp(&b.launch));
    let score = launches
        .iter()
        .map(|l| {
            let f = if l.legal() { factor } else { 1.0 };
            l.weight.get() * f / (l.days_left.max(1) as f64)
        })
        .sum();
    let messages: Vec<TaskMessage> = messages
        .into_values()
        .map(|mut m| {
            m.locales.sort();
            m.launches.sort();
            m
        })
        .collect();
    TranslationTask {
        bundle_exists: inputs.existing.contains(&bundle),
        locale: bundle.to_string(),
        message_count: messages.len() as u32,
        words: messages.iter().fold(0u32, |w, m| w.saturating_add(m.words)),
        due_date: messages.iter().filter_map(|m| m.due_date).min(),
        severity: launches
            .iter()
            .map(|l| l.severity)
            .min()
            .unwrap_or(Severity::Info),
        score,
        launches,
        messages,
        eta: None,
        words_per_day: None,
    }
}

/// The earlier of two due dates, a known one before an unknown one.
fn earliest(a: Option<CalendarDate>, b: Option<CalendarDate>) -> Option<CalendarDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn push_once(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}
