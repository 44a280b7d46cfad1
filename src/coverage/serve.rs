//! Per-message fallback (DESIGN §3.3): which bundle serves each needed
//! message of a locale, and what is wrong with it as served.
//!
//! A locale is served message by message, as Fluent's runtimes do:
//! fluent-fallback's `Localization::format_messages` and `@fluent/dom`'s
//! `DOMLocalization` try their bundles in order, and *for each message* take
//! the first bundle that has it (`FluentBundle::get_message` is `Some`);
//! Android and iOS resource lookup do the same per string. The bundles tried
//! are [`serving_order`](super::fallback::serving_order) of the locale under
//! its match policy, the one chain of glocal.
//!
//! So a message is served by the first bundle along the order that defines it
//! (under the product's [`MessageScope`](crate::domain::MessageScope): the
//! same file and id, or the id anywhere), *whether or not* that definition is
//! complete: a runtime does not look further for a missing attribute, so the
//! serving bundle's own gaps (a missing attribute, an unknown variable, an
//! unresolved reference) are the message's gaps. A bundle that lost the
//! message to a syntax error does not define it, so the runtime falls back
//! past it; the syntax error is still a gap of the message (the translation
//! meant for it is lost, and the locale's file is broken), reported with the
//! file and line of the entry it swallowed.
//!
//! Pure: [`Checked`] runs [`check_locale`] once per bundle it is asked about
//! and indexes the findings by message.

use std::collections::{BTreeMap, BTreeSet};

use foldhash::HashMap;

use super::checks::{check_locale, BundleView, CheckOptions, LocaleReport, Located};
use super::fallback::Match;
use super::finding::{Finding, Rule, Severity};
use crate::domain::ftl::EntryKind;
use crate::domain::{LocaleTag, MessageScope};
use crate::l10n::Text;

/// A message of the source bundle: the file that defines it and its id
/// (`-term` for a term). Under [`MessageScope::Bundle`] the file is where the
/// first definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MessageKey<'a> {
    /// The source file's bundle path.
    pub file: &'a str,
    /// The id.
    pub id: &'a str,
}

/// One bundle's check, with its findings indexed by the message they are
/// about.
#[derive(Debug)]
struct IndexedReport {
    report: LocaleReport,
    /// Finding indexes by (file, id); the file is empty under
    /// [`MessageScope::Bundle`].
    by_message: HashMap<(String, String), Vec<usize>>,
}

/// The per-locale checks of a product's bundles, each run once, on demand.
pub struct Checked<'v, 'a> {
    source: &'v BundleView<'a>,
    bundles: &'v BTreeMap<LocaleTag, BundleView<'a>>,
    options: CheckOptions,
    reports: BTreeMap<LocaleTag, IndexedReport>,
    empty: BundleView<'a>,
}

impl<'v, 'a> Checked<'v, 'a> {
    /// Checks of `bundles` against `source` with `options`.
    pub fn new(
        source: &'v BundleView<'a>,
        bundles: &'v BTreeMap<LocaleTag, BundleView<'a>>,
        options: CheckOptions,
    ) -> Self {
        Checked {
            source,
            bundles,
            options,
            reports: BTreeMap::new(),
            empty: BundleView::new(std::iter::empty(), source.scope()),
        }
    }

    /// Adds the check of `locale` that the caller ran already (with the same
    /// source and options), so that locales can be checked in parallel.
    pub fn insert_report(&mut self, locale: LocaleTag, report: LocaleReport) {
        let scope = self.source.scope();
        let mut by_message: HashMap<(String, String), Vec<usize>> = HashMap::default();
        for (i, f) in report.findings.iter().enumerate() {
            if let Some(key) = finding_key(f, scope) {
                by_message.entry(key).or_default().push(i);
            }
        }
        self.reports
            .insert(locale, IndexedReport { report, by_message });
    }

    /// Checks the bundles of `locales` not checked yet, on every core, so
    /// that later questions about them find their checks done.
    pub fn check_all(&mut self, locales: &BTreeSet<LocaleTag>) {
        let todo: Vec<&LocaleTag> = locales
            .iter()
            .filter(|l| !self.reports.contains_key(*l))
            .collect();
        let this = &*self;
        let reports = super::parallel::parallel_map(&todo, |locale| this.check(locale));
        for (locale, report) in todo.into_iter().zip(reports) {
            self.insert_report(locale.clone(), report);
        }
    }

    /// The check of `locale`'s bundle (an empty one when it has none)
    /// against the source.
    fn check(&self, locale: &LocaleTag) -> LocaleReport {
        check_locale(self.source, self.bundle(locale), locale, &self.options)
    }

    /// The source bundle.
    pub fn source(&self) -> &'v BundleView<'a> {
        self.source
    }

    /// The scope of the source bundle.
    pub fn scope(&self) -> MessageScope {
        self.source.scope()
    }

    /// The locales that have a bundle with at least one file: those that can
    /// serve anything.
    pub fn available(&self) -> Vec<LocaleTag> {
        self.bundles
            .iter()
            .filter(|(_, view)| !view.is_empty())
            .map(|(tag, _)| tag.clone())
            .collect()
    }

    /// The bundle of `locale` (empty when there is none).
    pub fn bundle(&self, locale: &LocaleTag) -> &BundleView<'a> {
        self.bundles.get(locale).unwrap_or(&self.empty)
    }

    /// The check of `locale`'s bundle against the source (run once).
    pub fn report(&mut self, locale: &LocaleTag) -> &LocaleReport {
        &self.indexed(locale).report
    }

    fn indexed(&mut self, locale: &LocaleTag) -> &IndexedReport {
        if !self.reports.contains_key(locale) {
            let report = self.check(locale);
            self.insert_report(locale.clone(), report);
        }
        &self.reports[locale]
    }

    /// The findings of `locale`'s check about the message `key`.
    pub fn findings_about(&mut self, locale: &LocaleTag, key: MessageKey) -> Vec<Finding> {
        let scope = self.scope();
        let lookup = (
            message_file(key.file, scope).to_string(),
            key.id.to_string(),
        );
        let indexed = self.indexed(locale);
        indexed
            .by_message
            .get(&lookup)
            .map(|ids| {
                ids.iter()
                    .map(|&i| indexed.report.findings[i].clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether `f`, a finding of some bundle's check, is about a message of
    /// the source.
    pub fn is_about_source_message(&self, f: &Finding) -> bool {
        let Some((file, id)) = finding_key(f, self.scope()) else {
            return false;
        };
        let file = if file.is_empty() {
            self.source.get_anywhere(&id).map_or("", |l| l.file)
        } else {
            file.as_str()
        };
        self.source.get(file, &id).is_some()
    }
}

/// The file part of a message's lookup key: the file under
/// [`MessageScope::File`], nothing under [`MessageScope::Bundle`].
fn message_file(file: &str, scope: MessageScope) -> &str {
    match scope {
        MessageScope::File => file,
        MessageScope::Bundle => "",
    }
}

/// The message a finding is about, as (file, id): its message id without an
/// attribute (`id.attr` is about `id`), in its file under
/// [`MessageScope::File`]. `None` for findings about no message.
fn finding_key(f: &Finding, scope: MessageScope) -> Option<(String, String)> {
    let id = f.message_id.as_deref()?;
    let id = id.split('.').next().unwrap_or(id);
    let file = match scope {
        MessageScope::File => f.file.as_deref()?,
        MessageScope::Bundle => "",
    };
    Some((file.to_string(), id.to_string()))
}

/// How one needed message of a locale is served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageService {
    /// The bundle that serves it: the first of the order that defines it.
    /// `None` when none does.
    pub served_by: Option<LocaleTag>,
    /// What breaks it, as errors: the syntax errors that swallowed it in the
    /// bundles tried before the serving one (or all, when none serves it),
    /// then the serving bundle's errors about it, or a missing-message when
    /// no bundle has it. Each is said of the needed locale; one found in
    /// another bundle names that bundle ([`Finding::bundle`]).
    pub gaps: Vec<Finding>,
    /// The serving bundle's warnings and notes about it, said the same way.
    pub notes: Vec<Finding>,
}

impl MessageService {
    /// Whether the message is served without a gap.
    pub fn is_served(&self) -> bool {
        self.served_by.is_some() && self.gaps.is_empty()
    }
}

/// The bundle of `order` that serves the message `key`, with its definition
/// there: the first bundle that defines it ([`BundleView::get`]), as a Fluent
/// runtime takes it. RenderMessage and [`serve_message`] both ask this.
pub fn serving_bundle<'a>(
    bundles: &BTreeMap<LocaleTag, BundleView<'a>>,
    order: &[(LocaleTag, Match)],
    key: MessageKey,
) -> Option<(LocaleTag, Located<'a>)> {
    order.iter().find_map(|(bundle, _)| {
        bundles
            .get(bundle)?
            .get(key.file, key.id)
            .map(|located| (bundle.clone(), located))
    })
}

/// Serves the message `key` for `locale`, trying the bundles of `order` (its
/// [`serving_order`](super::fallback::serving_order)) in turn, by the rules
/// of the module documentation.
pub fn serve_message(
    checked: &mut Checked,
    locale: &LocaleTag,
    order: &[(LocaleTag, Match)],
    key: MessageKey,
) -> MessageService {
    let mut gaps = Vec::new();
    let served_by = serving_bundle(checked.bundles, order, key).map(|(bundle, _)| bundle);
    for (bundle, _) in order {
        if Some(bundle) == served_by.as_ref() {
            break;
        }
        if checked.bundle(bundle).lost(key.file, key.id).is_some() {
            gaps.extend(
                checked
                    .findings_about(bundle, key)
                    .into_iter()
                    .filter(|f| f.rule == Rule::SyntaxError)
                    .map(|f| said_of(f, bundle, locale)),
            );
        }
    }
    let mut notes = Vec::new();
    match &served_by {
        Some(bundle) => {
            for f in checked.findings_about(bundle, key) {
                let f = said_of(f, bundle, locale);
                if f.severity == Severity::Error {
                    gaps.push(f);
                } else {
                    notes.push(f);
                }
            }
        }
        None if gaps.is_empty() => gaps.push(missing(checked, locale, order, key)),
        None => {}
    }
    MessageService {
        served_by,
        gaps,
        notes,
    }
}

/// A finding of `bundle`'s check said of `locale`: the same, or, from
/// another bundle, naming it.
fn said_of(mut f: Finding, bundle: &LocaleTag, locale: &LocaleTag) -> Finding {
    if bundle != locale {
        f.append(
            Text::new("finding-served-by")
                .text("bundle", bundle.to_string())
                .text("locale", locale.to_string()),
        );
        f.bundle = Some(bundle.to_string());
        f.locale = locale.to_string();
    }
    f
}

/// The missing-message finding of a message no bundle of `order` defines, at
/// the source file's path in the nearest bundle of the order (where the
/// translation belongs): the locale's own, naming the other bundles looked
/// in, or the bundle that serves the locale, naming it.
fn missing(
    checked: &mut Checked,
    locale: &LocaleTag,
    order: &[(LocaleTag, Match)],
    key: MessageKey,
) -> Finding {
    let defined = checked.source().get(key.file, key.id);
    let kind = match defined.map(|l| l.entry.kind) {
        Some(EntryKind::Term) => "term",
        _ => "message",
    };
    let mut finding = Finding::from_text(
        Rule::MissingMessage,
        locale.as_str(),
        Text::new("finding-missing-message")
            .text("kind", kind)
            .text("id", key.id),
    )
    .at(key.file, 0, 0)
    .message(key.id);
    finding.source_line = defined.map_or(0, |l| l.entry.line);
    // The translation belongs in the nearest bundle that serves the locale:
    // its own when it has one (the others looked in are named), else the
    // first of its chain (`fr` for an `fr-FR` without a bundle).
    match order.first() {
        Some((nearest, _)) if nearest != locale => {
            finding.append(
                Text::new("finding-served-by")
                    .text("bundle", nearest.to_string())
                    .text("locale", locale.to_string()),
            );
            finding.bundle = Some(nearest.to_string());
        }
        _ if order.len() > 1 => {
            let looked_in: Vec<String> = order.iter().map(|(b, _)| b.to_string()).collect();
            finding.append(Text::new("finding-looked-in").text("bundles", looked_in.join(", ")));
        }
        _ => {}
    }
    finding
}

/// The `fallback-used` notes of `locale`: for each other bundle of the
/// serving order that serves some of its `needed` messages, how many.
/// `serving` is the order's bundles with the count each serves.
pub fn fallback_notes(
    locale: &LocaleTag,
    serving: &[(LocaleTag, u32)],
    needed: u32,
) -> Vec<Finding> {
    serving
        .iter()
        .filter(|(bundle, count)| bundle != locale && *count > 0)
        .map(|(bundle, count)| {
            let mut note = Finding::from_text(
                Rule::FallbackUsed,
                locale.as_str(),
                Text::new("finding-fallback-used")
                    .text("bundle", bundle.to_string())
                    .number("count", *count)
                    .number("needed", needed),
            );
            note.severity = Severity::Info;
            note.bundle = Some(bundle.to_string());
            note
        })
        .collect()
}

/// Every source message of one locale, served along its order: what
/// `glocal check --fallback` reports for a locale folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedLocale {
    /// The locale's own findings about no source message (obsolete entries,
    /// syntax errors outside messages, ...), then each message's gaps and
    /// notes as served, then the `fallback-used` notes; sorted as
    /// [`check_locale`] sorts.
    pub findings: Vec<Finding>,
    /// The counts, over the source's messages as served: translated (served
    /// with every part the source has), incomplete (served without its value
    /// or an attribute) or missing (served by no bundle); obsolete entries
    /// are the locale's own.
    pub stats: super::checks::LocaleStats,
    /// Translated messages served by the locale's own bundle.
    pub own_messages: u32,
    /// Their source words.
    pub own_words: u32,
    /// The nearest bundle that serves any message.
    pub served_by: Option<LocaleTag>,
}

/// Serves every source message of `locale` along `order` (by
/// [`serve_message`]), as a runtime with that fallback chain would.
pub fn serve_locale(
    checked: &mut Checked,
    locale: &LocaleTag,
    order: &[(LocaleTag, Match)],
) -> ServedLocale {
    let own = checked.report(locale).clone();
    // The locale's own findings about no source message; a missing-locale
    // finding of its own check is not one when the order serves it (each
    // message then says what serves it or that nothing does).
    let mut findings: Vec<Finding> = own
        .findings
        .iter()
        .filter(|f| f.rule != Rule::MissingLocale && !checked.is_about_source_message(f))
        .cloned()
        .collect();
    let mut stats = super::checks::LocaleStats {
        obsolete_messages: own.stats.obsolete_messages,
        ..Default::default()
    };
    let (mut own_messages, mut own_words) = (0, 0);
    let mut serving: Vec<(LocaleTag, u32)> = order.iter().map(|(b, _)| (b.clone(), 0)).collect();
    let source = checked.source();
    for located in source.entries() {
        let key = MessageKey {
            file: located.file,
            id: located.entry.id.as_str(),
        };
        let words = located.entry.words;
        stats.source_messages += 1;
        stats.source_words = stats.source_words.saturating_add(words);
        let service = serve_message(checked, locale, order, key);
        let incomplete = service
            .gaps
            .iter()
            .any(|f| matches!(f.rule, Rule::MissingValue | Rule::MissingAttribute));
        match &service.served_by {
            None => {
                stats.missing_messages += 1;
                stats.missing_words = stats.missing_words.saturating_add(words);
            }
            Some(_) if incomplete => {
                stats.incomplete_messages += 1;
                stats.incomplete_words = stats.incomplete_words.saturating_add(words);
            }
            Some(bundle) => {
                stats.translated_messages += 1;
                stats.translated_words = stats.translated_words.saturating_add(words);
                if bundle == locale {
                    own_messages += 1;
                    own_words += words;
                }
            }
        }
        if let Some(count) = service
            .served_by
            .as_ref()
            .and_then(|b| serving.iter_mut().find(|(s, _)| s == b))
        {
            count.1 += 1;
        }
        findings.extend(service.gaps);
        findings.extend(service.notes);
    }
    findings.extend(fallback_notes(locale, &serving, stats.source_messages));
    super::checks::sort_findings(&mut findings);
    ServedLocale {
        findings,
        stats,
        own_messages,
        own_words,
        served_by: serving.into_iter().find(|(_, n)| *n > 0).map(|(b, _)| b),
    }
}
