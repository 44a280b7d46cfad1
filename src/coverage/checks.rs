//! The per-locale checks of the coverage engine: one locale's bundle compared
//! with the source bundle, like Mozilla's `compare-locales`, with more checks
//! (DESIGN §3.4).
//!
//! Pure code over stored indexes ([`FileIndex`], computed once on upload):
//! nothing here parses Fluent text. [`check_locale`] collects every finding
//! (it never stops at the first) and counts what is translated.
//!
//! # Bundles and message scope
//!
//! A [`BundleView`] is a bundle's files in path order, read under the
//! product's [`MessageScope`]:
//!
//! - **FILE** (the default): a message is `(file, id)`. Each file of the
//!   locale is compared with the source file of the same path, as
//!   compare-locales does and as Fluent's runtimes see it (a
//!   `Localization` context of fluent-fallback or `@fluent/dom` loads a list
//!   of files, so the same id in two source files is two messages, in two
//!   contexts). A message the locale defines in another file than the source
//!   is missing where it belongs and obsolete where it is; there is no
//!   "duplicated across files" finding.
//! - **BUNDLE**: every file of a locale is one namespace (one `FluentBundle`);
//!   the first definition of an id wins (in path order, then file order), as
//!   in Fluent itself, and an id defined in two files is a duplicate.
//!
//! Messages and terms share the lookup (a term's id keeps its `-`).
//! References resolve bundle-wide under both scopes (any file of the locale
//! or of the source).
//!
//! # Positions
//!
//! Every finding names the locale's file and the line and column of the
//! locale's entry (or of the attribute, for a check about one attribute) when
//! the locale has the entry. When the locale lacks it (missing message), the
//! finding names the *source* file that defines it, which is the relative path
//! where the translation belongs, at line 0 and column 0 (unknown). Syntax
//! errors and duplicate ids are at the position the index recorded.
//!
//! # Rules
//!
//! - **missing-locale** (error): the locale's bundle has no file at all. Then
//!   this one finding replaces the missing-message finding of every source
//!   entry (the statistics still count them all as missing).
//! - **missing-message** (error): a source message *or term* the locale does
//!   not define. Terms count, as in `compare-locales`: a locale's messages
//!   can only use the terms of their own bundle, so a missing term breaks
//!   them. The message id is the term's id with its `-`.
//! - **missing-value** (error): the source message has a value, the locale's
//!   only attributes.
//! - **missing-attribute** (error): an attribute of a source *message* that
//!   the locale's message lacks (message id `id.attr`). Terms' attributes are
//!   private to each locale (a grammatical `.gender` exists in one language
//!   and not in another), so they are not compared; a selector on a term
//!   attribute that no bundle defines is an unresolved reference instead.
//!   The locale's extra attributes are not reported.
//! - **obsolete-message** (warning): a message or term the locale defines and
//!   the source does not. A locale-only *term* that the locale's own patterns
//!   reference is not obsolete: Fluent lets a locale define private helper
//!   terms (for grammatical cases, say).
//! - **duplicate-id** (error): from the locale's file diagnostics (an id
//!   defined twice in a file), plus, under BUNDLE scope only, an id defined in
//!   two files of the locale (reported at the later file's entry), unless the
//!   source defines that id in that same later file too (the locale then
//!   mirrors the source).
//! - **syntax-error** (error): from the locale's file diagnostics, reported on
//!   the entry the parser rejected: at the entry's first line (column 1) and
//!   with the id the entry starts with as its message id, the parser's
//!   message and position in the detail. A source message lost this way is
//!   counted missing, and this finding is its only one (no missing-message).
//!   The source's own diagnostics are not the locale's problem and are not
//!   reported here.
//! - **unknown-variable** (error): a pattern of a locale's message uses a
//!   `$variable` that the source message uses nowhere: not in its value, not
//!   in any attribute. Fluent passes one set of arguments to a whole message,
//!   so a variable of the source's value is available to the translation of
//!   an attribute. Terms are not compared: a term's variables are the
//!   parameters its callers pass (`-brand(case: "genitive")`), and a locale
//!   legitimately adds such parameters for its grammar.
//! - **dropped-variable** (warning): compared per variant, for the value and
//!   each attribute separately (a source pattern with its locale counterpart
//!   of the same name), for messages only. The rule:
//!   1. A variable is *exempt-able* when it is the selector variable of a
//!      numeric select ([`Selector::numeric`], ordinal or not) in the source
//!      or the locale pattern (read from [`Selector::expression`]: `$count`,
//!      `NUMBER($count)`).
//!   2. A key path is *exact* when one of its keys is `zero`, `one`, `two`
//!      or a number literal (`[0]`): such a variant may name the number in
//!      words ("One item").
//!   3. The variables the source *requires* are those it displays in every
//!      variant ([`Variant::variables`], which leaves out selector
//!      variables), where an exempt-able variable need not appear in the
//!      source's exact variants. So `{ $count -> [one] One item *[other]
//!      { $count } items }` requires `$count`.
//!   4. Each variant of the locale's pattern must display every required
//!      variable, except an exempt-able one in an exact variant, or in any
//!      variant when the locale's language has only the `other` plural
//!      category (CLDR: `ja`, `zh`, `ko`, `th`, ...: "項目" may leave the
//!      number out). One finding per pattern and variable, listing the
//!      variants that drop it.
//!
//!   So `[one] One item` without `$count` is fine, and so is Japanese
//!   without `$count`, but a French `*[other] éléments` dropping `$count` is
//!   a dropped variable.
//! - **unresolved-reference** (error): a pattern of the locale references a
//!   message (`id`, `id.attr`) or a term (`-id`, `-id.attr`) that neither the
//!   locale nor the source (the fallback) defines, with that attribute when
//!   one is named. Checked for every entry of the locale, terms and obsolete
//!   messages included.
//! - **missing-plural-category** (warning): a numeric select
//!   ([`Selector::numeric`]) of the locale lacks a cardinal plural category
//!   of the locale's language ([`cldr::plural_categories`]), for example
//!   `[few]` and `[many]` in Polish. Skipped for an ordinal select
//!   (`NUMBER($n, type: "ordinal")`: its keys are ordinal categories, which
//!   this data does not have) and for a select with no plural category key at
//!   all (only number literals such as `[0]` and `[1]` besides its default:
//!   it matches exact numbers, and its default covers the rest). A select
//!   with `other` among its keys is checked, so `{ $n -> [0] none *[other]
//!   some }` in French lacks `one` and `many`. `other` is never missing:
//!   whatever has no key of its own takes the default variant, and `other`
//!   is by definition the category of the rest (Polish, Russian or Ukrainian
//!   translations often make `*[many]` the default and have no `[other]`).
//!   Extra categories (`[one]` in Japanese) are not reported. Reported at the
//!   pattern's position (the index has no positions for selects).
//! - **identical-to-source** (warning): a pattern of a locale's message (value
//!   or attribute) whose text ([`Pattern::source`]) is the source's, when the
//!   source pattern has at least one word of letters: it has words
//!   ([`Pattern::words`] counts only text outside placeables) and, when it has
//!   no select expression, a letter outside its placeables (so "2024",
//!   `{ -brand-name }` or `{ $count } × { $size }` are never copies). Terms
//!   are not checked (they are mostly product names, kept as they are).
//!   Silenced by [`CheckOptions::identical_allowed`], and skipped altogether
//!   when the locale's language is the source's
//!   ([`CheckOptions::source_locale`]): `en-GB` copies most of `en-US`
//!   deliberately.
//!
//! [`Rule::UnknownMessage`] and [`Rule::FallbackUsed`] are reported by the
//! layers that expand roadmap items and pick bundles, not here.
//!
//! # Statistics
//!
//! [`LocaleStats`] counts source entries (messages and terms, each id once,
//! as `compare-locales` counts entities) and their *source* words: each is
//! translated (the locale defines it with every part the source has: the
//! value if there is one, and every attribute of a message), incomplete (the
//! locale defines it but lacks its value or an attribute) or missing. Obsolete
//! entries are counted as in the obsolete-message rule.
//!
//! # Differences from compare-locales
//!
//! Measured on the mozilla.org corpus (`tests/corpus_agreement.rs`, then
//! `tests/compare_locales.py`, which runs `compare-locales --json` with every
//! `en/` file as the reference of the same path in all 107 locale folders,
//! the legacy `en-US/` folder included), under FILE scope: per locale, the
//! sets of missing ids, obsolete ids and missing attributes, each as
//! `file:id`, agree. Where the two tools differ, it is on purpose:
//!
//! - **A missing file** is one `missingFile` note for `compare-locales` (it
//!   counts the file's entities but does not name them); here each of its
//!   messages and terms is a missing-message finding. (The comparison script
//!   expands the note to the reference file's ids, and an `obsoleteFile` to
//!   the locale file's.)
//! - **Locale-only terms** that the locale itself references are not
//!   obsolete here; `compare-locales` reports every term it does not find in
//!   the reference file. (The corpus has none.)
//! - **Plural categories** come from CLDR here (`fr`, `es`, `it`, `pt` need
//!   `many`, which CLDR uses for millions), and from Gecko's `PluralForm`
//!   table in `compare-locales` (`fr`: `one`, `other`), which also checks a
//!   select only when one of its keys is a category of the locale besides
//!   `other`. So glocal warns about selects that lack `[many]` in Romance
//!   languages or `[two]` in Hebrew where `compare-locales` is silent (72
//!   warnings over the corpus, 67 of them for `many`, against none).
//! - **References.** `compare-locales` warns when a translation drops or adds
//!   a message or term reference of the source (`Missing term reference:
//!   -brand-name-firefox`, 286 warnings over the corpus): a translation may
//!   rightly write a brand differently, so glocal does not. It reports
//!   instead a reference that nothing defines, which `compare-locales` does
//!   not check for term attributes (one in the corpus:
//!   `-brand-name-mozilla.case-status` in `cs`).
//! - **Obsolete attributes and values** (`compare-locales` errors) are not
//!   reported here: Fluent ignores them, and no rule covers them.
//! - **Variables and copies.** `compare-locales` compares neither variables
//!   nor texts for Fluent; unknown-variable, dropped-variable and
//!   identical-to-source are glocal's own.
//! - **Junk.** `compare-locales` reports a junk entry by the parser's error
//!   text, and the message it swallowed as missing; here the syntax error is
//!   one finding on that message, at the entry's line (the comparison script
//!   counts it as missing).

use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::cldr;
use super::finding::{Finding, Rule};
use crate::domain::ftl::{
    Diagnostic, DiagnosticKind, Entry, EntryKind, FileIndex, Pattern, Selector, Variant,
};
use crate::domain::{LocaleTag, MessageScope};
use crate::l10n::Text;

/// Where a bundle defines an entry: the file (its bundle path) and the entry.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    /// The bundle path of the file.
    pub file: &'a str,
    /// The entry (its first definition in the bundle).
    pub entry: &'a Entry,
}

/// A bundle as the checks read it: its files in path order, and where each
/// message lives under the product's [`MessageScope`].
///
/// - [`MessageScope::File`]: a message is a file and an id, `(file, id)`;
///   the first definition of an id *in its file* wins (Fluent's duplicate
///   rule), and the same id in two files is two messages.
/// - [`MessageScope::Bundle`]: a message is an id; the first definition in
///   path order, then file order, wins, wherever it is.
///
/// References (`{ -brand }`, `{ other-message }`) resolve bundle-wide under
/// both scopes: a runtime context loads several files of a locale together,
/// and which ones is the app's choice, so a reference any file of the bundle
/// satisfies is resolved.
#[derive(Debug, Clone)]
pub struct BundleView<'a> {
    scope: MessageScope,
    files: Vec<(&'a str, &'a FileIndex)>,
    /// The first definition of each id in path order (bundle-wide).
    first: HashMap<&'a str, Located<'a>>,
    /// The first definition of each id in each file, by file, then id.
    in_file: HashMap<&'a str, HashMap<&'a str, Located<'a>>>,
    /// The messages of the scope, in path order, then file order.
    order: Vec<Located<'a>>,
    /// Entries whose id an earlier *file* defined already, with that file.
    redefined: Vec<(Located<'a>, &'a str)>,
    /// Syntax errors that swallowed an entry, by file, then the entry's id.
    lost: HashMap<&'a str, HashMap<&'a str, &'a Diagnostic>>,
    /// The same by id alone (the first in path order).
    lost_anywhere: HashMap<&'a str, (&'a str, &'a Diagnostic)>,
    /// Files refused without parsing (nested too deep), with their one
    /// syntax error: every message they were meant to hold is lost.
    refused: Vec<(&'a str, &'a Diagnostic)>,
}

impl<'a> BundleView<'a> {
    /// A view of the files (bundle path and index), in any order: they are
    /// sorted by path.
    pub fn new(
        files: impl IntoIterator<Item = (&'a str, &'a FileIndex)>,
        scope: MessageScope,
    ) -> Self {
        let mut files: Vec<(&'a str, &'a FileIndex)> = files.into_iter().collect();
        files.sort_by(|a, b| a.0.cmp(b.0));
        let mut first: HashMap<&'a str, Located<'a>> = HashMap::default();
        let mut in_file: HashMap<&'a str, HashMap<&'a str, Located<'a>>> = HashMap::default();
        let mut order = Vec::new();
        let mut redefined = Vec::new();
        let mut lost: HashMap<&'a str, HashMap<&'a str, &'a Diagnostic>> = HashMap::default();
        let mut lost_anywhere = HashMap::default();
        let mut refused = Vec::new();
        for &(file, index) in &files {
            let defined = in_file.entry(file).or_default();
            for entry in &index.entries {
                let located = Located { file, entry };
                if defined.contains_key(entry.id.as_str()) {
                    continue; // a duplicate within the file: a diagnostic of its own
                }
                defined.insert(entry.id.as_str(), located);
                match first.get(entry.id.as_str()) {
                    Some(earlier) => {
                        redefined.push((located, earlier.file));
                        if scope == MessageScope::File {
                            order.push(located);
                        }
                    }
                    None => {
                        first.insert(&entry.id, located);
                        order.push(located);
                    }
                }
            }
            for diagnostic in &index.diagnostics {
                if diagnostic.kind != DiagnosticKind::SyntaxError {
                    continue;
                }
                let ids = diagnostic
                    .id
                    .iter()
                    .chain(&diagnostic.swallowed)
                    .map(String::as_str);
                for id in ids {
                    lost.entry(file)
                        .or_default()
                        .entry(id)
                        .or_insert(diagnostic);
                    lost_anywhere.entry(id).or_insert((file, diagnostic));
                }
            }
            if index.was_refused() {
                if let Some(diagnostic) = index.diagnostics.first() {
                    refused.push((file, diagnostic));
                }
            }
        }
        BundleView {
            scope,
            files,
            first,
            in_file,
            order,
            redefined,
            lost,
            lost_anywhere,
            refused,
        }
    }

    /// The scope the view was made for.
    pub fn scope(&self) -> MessageScope {
        self.scope
    }

    /// The files, in path order.
    pub fn files(&self) -> &[(&'a str, &'a FileIndex)] {
        &self.files
    }

    /// Whether the bundle has no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The definition of the message `id` (`hello`, or `-brand` for a term)
    /// whose source lives in `file`: under [`MessageScope::File`] the first
    /// definition in this bundle's file of the same path, under
    /// [`MessageScope::Bundle`] the first definition anywhere.
    pub fn get(&self, file: &str, id: &str) -> Option<Located<'a>> {
        match self.scope {
            MessageScope::File => self.in_file.get(file)?.get(id).copied(),
            MessageScope::Bundle => self.first.get(id).copied(),
        }
    }

    /// The first definition of `id` in path order, whatever the scope: what
    /// a reference to `id` finds.
    pub fn get_anywhere(&self, id: &str) -> Option<Located<'a>> {
        self.first.get(id).copied()
    }

    /// The syntax error that swallowed the message `id` of `file` (under
    /// [`MessageScope::Bundle`], of any file), with the file it is in: the
    /// parser rejected an entry starting with that id or running into it, or
    /// the file (under BUNDLE scope, some file of the bundle) was refused
    /// unparsed.
    pub fn lost(&self, file: &str, id: &str) -> Option<(&'a str, &'a Diagnostic)> {
        match self.scope {
            MessageScope::File => self
                .lost
                .get_key_value(file)
                .and_then(|(f, by_id)| Some((*f, *by_id.get(id)?)))
                .or_else(|| self.refused.iter().find(|(f, _)| *f == file).copied()),
            MessageScope::Bundle => self
                .lost_anywhere
                .get(id)
                .copied()
                .or_else(|| self.refused.first().copied()),
        }
    }

    /// Every message of the scope, in path order, then file order: under
    /// [`MessageScope::File`] each file's ids, under
    /// [`MessageScope::Bundle`] each id once, at its first definition.
    pub fn entries(&self) -> impl Iterator<Item = Located<'a>> + '_ {
        self.order.iter().copied()
    }

    /// Whether the file at `path` defines `id`.
    fn file_defines(&self, path: &str, id: &str) -> bool {
        self.in_file
            .get(path)
            .is_some_and(|ids| ids.contains_key(id))
    }
}

/// What [`check_locale`] may be told besides the two bundles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// The source bundle's locale. When the checked locale has the same
    /// language (`en-GB` for an `en-US` source), identical-to-source is not
    /// checked. `None`: always checked.
    pub source_locale: Option<LocaleTag>,
    /// Message ids whose copies of the source are deliberate, silencing
    /// identical-to-source: `footer-copyright` (the value and every
    /// attribute), `form.placeholder` (that attribute), or a prefix ending in
    /// `*` (`brand-*`), which matches ids and `id.attr` alike.
    pub identical_allowed: Vec<String>,
}

impl CheckOptions {
    /// Whether identical-to-source is silenced for `message_id` (`id` or
    /// `id.attr`).
    pub fn identical_is_allowed(&self, message_id: &str) -> bool {
        let id = message_id.split('.').next().unwrap_or(message_id);
        self.identical_allowed
            .iter()
            .any(|allowed| match allowed.strip_suffix('*') {
                Some(prefix) => message_id.starts_with(prefix),
                None => allowed == message_id || allowed == id,
            })
    }
}

/// The counts of [`check_locale`] (see the module documentation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocaleStats {
    /// Distinct ids of the source bundle (messages and terms).
    pub source_messages: u32,
    /// Their words.
    pub source_words: u32,
    /// Source entries the locale defines with every part the source has.
    pub translated_messages: u32,
    /// Their source words.
    pub translated_words: u32,
    /// Source entries the locale defines without their value or an attribute.
    pub incomplete_messages: u32,
    /// Their source words.
    pub incomplete_words: u32,
    /// Source entries the locale does not define.
    pub missing_messages: u32,
    /// Their source words.
    pub missing_words: u32,
    /// Entries of the locale the source does not define (as obsolete-message
    /// reports them).
    pub obsolete_messages: u32,
}

/// The result of [`check_locale`]: every finding and the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocaleReport {
    /// The locale checked (canonical tag).
    pub locale: String,
    /// Every finding, sorted by file, line, column, rule and message id.
    pub findings: Vec<Finding>,
    /// The counts.
    pub stats: LocaleStats,
}

impl LocaleReport {
    /// The findings of one rule.
    pub fn of_rule(&self, rule: Rule) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.rule == rule)
    }
}

/// Compares the bundle of `locale` (`target`) with the `source` bundle, by
/// the rules of the module documentation.
pub fn check_locale(
    source: &BundleView,
    target: &BundleView,
    locale: &LocaleTag,
    options: &CheckOptions,
) -> LocaleReport {
    let mut checker = Checker {
        source,
        target,
        locale,
        options,
        one_category: cldr::plural_categories(locale.as_str())
            .iter()
            .all(|c| c == "other"),
        findings: Vec::new(),
        stats: LocaleStats::default(),
    };
    if target.is_empty() {
        checker.missing_locale();
    } else {
        checker.diagnostics();
        checker.source_entries();
        checker.obsolete_entries();
        checker.target_patterns();
    }
    let mut findings = checker.findings;
    sort_findings(&mut findings);
    LocaleReport {
        locale: locale.to_string(),
        findings,
        stats: checker.stats,
    }
}

/// Sorts one locale's findings: by file, line, column, rule and message id.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.rule, &a.message_id).cmp(&(
            &b.file,
            b.line,
            b.column,
            b.rule,
            &b.message_id,
        ))
    });
}

/// One run of [`check_locale`]: its inputs and what it has found so far.
struct Checker<'c, 'a> {
    /// The source bundle.
    source: &'c BundleView<'a>,
    /// The locale's bundle.
    target: &'c BundleView<'a>,
    /// The locale checked.
    locale: &'c LocaleTag,
    /// The caller's options.
    options: &'c CheckOptions,
    /// Whether the locale's language has only the `other` plural category.
    one_category: bool,
    /// Every finding so far, unsorted.
    findings: Vec<Finding>,
    /// The counts so far.
    stats: LocaleStats,
}

/// One pattern of an entry: the value or an attribute.
struct PatternAt<'a> {
    /// The attribute's name; `None` for the value.
    attribute: Option<&'a str>,
    /// The line of the entry's id (value) or of the attribute's `.`.
    line: u32,
    /// The column of the same.
    column: u32,
    /// The pattern.
    pattern: &'a Pattern,
}

impl PatternAt<'_> {
    /// `id` for the value, `id.attr` for an attribute.
    fn message_id(&self, entry: &Entry) -> String {
        match self.attribute {
            Some(name) => format!("{}.{name}", entry.id),
            None => entry.id.clone(),
        }
    }
}

/// The value and the attributes of `entry`, each at its position.
fn patterns(entry: &Entry) -> impl Iterator<Item = PatternAt<'_>> {
    let value = entry.value.as_ref().map(|pattern| PatternAt {
        attribute: None,
        line: entry.line,
        column: entry.column,
        pattern,
    });
    value
        .into_iter()
        .chain(entry.attributes.iter().map(|a| PatternAt {
            attribute: Some(a.name.as_str()),
            line: a.line,
            column: a.column,
            pattern: &a.value,
        }))
}

/// The pattern of `entry` named like `at` (the value, or the attribute of the
/// same name).
fn counterpart<'e>(entry: &'e Entry, at: &PatternAt) -> Option<&'e Pattern> {
    match at.attribute {
        None => entry.value.as_ref(),
        Some(name) => entry
            .attributes
            .iter()
            .find(|a| a.name == name)
            .map(|a| &a.value),
    }
}

impl<'a> Checker<'_, 'a> {
    /// A finding of `rule` about the locale, without position.
    fn finding(&self, rule: Rule, text: Text) -> Finding {
        Finding::from_text(rule, self.locale.as_str(), text)
    }

    /// Records a finding of `rule` in the file of `at`, at `line`:`column`,
    /// about message `id`.
    fn push_at(
        &mut self,
        rule: Rule,
        at: Located<'a>,
        line: u32,
        column: u32,
        id: String,
        text: Text,
    ) {
        let finding = self
            .finding(rule, text)
            .at(at.file, line, column)
            .message(id);
        self.findings.push(finding);
    }

    /// The locale has no file: one finding, and everything counts as missing.
    fn missing_locale(&mut self) {
        for located in self.source.entries() {
            self.stats.source_messages += 1;
            self.stats.source_words = self.stats.source_words.saturating_add(located.entry.words);
            self.stats.missing_messages += 1;
            self.stats.missing_words = self.stats.missing_words.saturating_add(located.entry.words);
        }
        let text = Text::new("finding-missing-locale").number("count", self.stats.source_messages);
        self.findings.push(self.finding(Rule::MissingLocale, text));
    }

    /// Syntax errors and duplicate ids of the locale's files, and (under
    /// [`MessageScope::Bundle`]) ids defined in two of its files. A syntax
    /// error is reported on the entry it swallowed: at the entry's first line
    /// and with the id it starts with, the parser's position in the detail.
    fn diagnostics(&mut self) {
        for &(file, index) in self.target.files() {
            for diagnostic in &index.diagnostics {
                let rule = match diagnostic.kind {
                    DiagnosticKind::SyntaxError => Rule::SyntaxError,
                    DiagnosticKind::DuplicateId => Rule::DuplicateId,
                };
                let mut finding = match (diagnostic.kind, &diagnostic.id, diagnostic.first_line) {
                    (DiagnosticKind::SyntaxError, _, _) => {
                        self.finding(rule, syntax_error_text(diagnostic))
                    }
                    (DiagnosticKind::DuplicateId, Some(id), Some(first_line)) => self.finding(
                        rule,
                        Text::new("finding-duplicate-in-file")
                            .text("id", id.as_str())
                            .number("line", first_line),
                    ),
                    // An index stored before first lines were recorded.
                    (DiagnosticKind::DuplicateId, _, _) => {
                        Finding::new(rule, self.locale.as_str(), diagnostic.message.as_str())
                    }
                };
                finding = match (diagnostic.kind, diagnostic.entry_line) {
                    (DiagnosticKind::SyntaxError, Some(entry_line)) => {
                        finding.at(file, entry_line, 1)
                    }
                    _ => finding.at(file, diagnostic.line, diagnostic.column),
                };
                finding.message_id = diagnostic.id.clone();
                self.findings.push(finding);
            }
        }
        if self.target.scope() == MessageScope::File {
            return; // the same id in two files is two messages
        }
        for &(located, first_file) in &self.target.redefined {
            let id = &located.entry.id;
            if self.source.file_defines(located.file, id) {
                continue; // the source has the same duplicate
            }
            let detail = Text::new("finding-duplicate-in-bundle")
                .text("id", id.as_str())
                .text("file", first_file.to_string());
            self.push_at(
                Rule::DuplicateId,
                located,
                located.entry.line,
                located.entry.column,
                id.clone(),
                detail,
            );
        }
    }

    /// Missing entries, values and attributes; variables and copies of the
    /// source; the statistics of the source's entries.
    fn source_entries(&mut self) {
        for s in self.source.entries() {
            let words = s.entry.words;
            self.stats.source_messages += 1;
            self.stats.source_words = self.stats.source_words.saturating_add(words);
            let Some(t) = self.target.get(s.file, &s.entry.id) else {
                self.stats.missing_messages += 1;
                self.stats.missing_words = self.stats.missing_words.saturating_add(words);
                if let Some((file, diagnostic)) = self.target.lost(s.file, &s.entry.id) {
                    // The syntax error that swallowed it is its finding: the
                    // diagnostic's own when the entry starts with this id,
                    // else one on this message, at the entry that ran into it
                    // (or at the refused file's position).
                    if diagnostic.id.as_deref() != Some(s.entry.id.as_str()) {
                        let (line, column) = match diagnostic.entry_line {
                            Some(line) => (line, 1),
                            None => (diagnostic.line, diagnostic.column),
                        };
                        let finding = self
                            .finding(Rule::SyntaxError, syntax_error_text(diagnostic))
                            .at(file, line, column)
                            .message(s.entry.id.clone());
                        self.findings.push(finding);
                    }
                    continue;
                }
                let kind = match s.entry.kind {
                    EntryKind::Message => "message",
                    EntryKind::Term => "term",
                };
                let finding = self
                    .finding(
                        Rule::MissingMessage,
                        Text::new("finding-missing-message")
                            .text("kind", kind)
                            .text("id", s.entry.id.as_str()),
                    )
                    .at(s.file, 0, 0)
                    .message(s.entry.id.clone());
                self.findings.push(Finding {
                    source_line: s.entry.line,
                    ..finding
                });
                continue;
            };
            let complete = self.compare_parts(s, t);
            if complete {
                self.stats.translated_messages += 1;
                self.stats.translated_words = self.stats.translated_words.saturating_add(words);
            } else {
                self.stats.incomplete_messages += 1;
                self.stats.incomplete_words = self.stats.incomplete_words.saturating_add(words);
            }
            if s.entry.kind == EntryKind::Message && t.entry.kind == EntryKind::Message {
                self.compare_variables(s, t);
                self.compare_copies(s, t);
            }
        }
    }

    /// Missing value and attributes; whether the translation is complete.
    fn compare_parts(&mut self, s: Located<'a>, t: Located<'a>) -> bool {
        let (source, target) = (s.entry, t.entry);
        let mut complete = true;
        if source.value.is_some() && target.value.is_none() {
            complete = false;
            self.push_at(
                Rule::MissingValue,
                t,
                target.line,
                target.column,
                target.id.clone(),
                Text::new("finding-missing-value").text("id", target.id.as_str()),
            );
        }
        if source.kind == EntryKind::Message {
            let mut reported = HashSet::default();
            for attribute in &source.attributes {
                if !reported.insert(attribute.name.as_str())
                    || target.attributes.iter().any(|a| a.name == attribute.name)
                {
                    continue;
                }
                complete = false;
                self.push_at(
                    Rule::MissingAttribute,
                    t,
                    target.line,
                    target.column,
                    format!("{}.{}", target.id, attribute.name),
                    Text::new("finding-missing-attribute")
                        .text("id", target.id.as_str())
                        .text("attribute", attribute.name.as_str()),
                );
            }
        }
        complete
    }

    /// Unknown and dropped variables of a translated message.
    fn compare_variables(&mut self, s: Located<'a>, t: Located<'a>) {
        let source_vars: BTreeSet<&str> = patterns(s.entry)
            .flat_map(|p| p.pattern.variables.iter().map(String::as_str))
            .collect();
        for at in patterns(t.entry) {
            let unknown: Vec<String> = at
                .pattern
                .variables
                .iter()
                .filter(|v| !source_vars.contains(v.as_str()))
                .map(|v| format!("${v}"))
                .collect();
            if !unknown.is_empty() {
                let detail = Text::new("finding-unknown-variable")
                    .part(at.attribute)
                    .text("variables", unknown.join(", "));
                self.push_at(
                    Rule::UnknownVariable,
                    t,
                    at.line,
                    at.column,
                    at.message_id(t.entry),
                    detail,
                );
            }
            let Some(source_pattern) = counterpart(s.entry, &at) else {
                continue;
            };
            for (variable, variants) in
                dropped_variables(source_pattern, at.pattern, self.one_category)
            {
                let detail = Text::new("finding-dropped-variable")
                    .part(at.attribute)
                    .text("variable", variable)
                    .list("variants", variants);
                self.push_at(
                    Rule::DroppedVariable,
                    t,
                    at.line,
                    at.column,
                    at.message_id(t.entry),
                    detail,
                );
            }
        }
    }

    /// Patterns of a translated message that are the source's text.
    fn compare_copies(&mut self, s: Located<'a>, t: Located<'a>) {
        if let Some(source_locale) = &self.options.source_locale {
            if source_locale.language() == self.locale.language() {
                return;
            }
        }
        for at in patterns(t.entry) {
            let Some(source_pattern) = counterpart(s.entry, &at) else {
                continue;
            };
            let id = at.message_id(t.entry);
            if source_pattern.source != at.pattern.source
                || !has_letter_words(source_pattern)
                || self.options.identical_is_allowed(&id)
            {
                continue;
            }
            let detail = Text::new("finding-identical-to-source").part(at.attribute);
            self.push_at(Rule::IdenticalToSource, t, at.line, at.column, id, detail);
        }
    }

    /// Entries of the locale that the source does not define.
    fn obsolete_entries(&mut self) {
        let referenced_terms: HashSet<&str> = self
            .target
            .entries()
            .flat_map(|l| patterns(l.entry))
            .flat_map(|at| at.pattern.term_refs.iter())
            .map(|r| r.split('.').next().unwrap_or(r))
            .collect();
        for t in self.target.entries() {
            let entry = t.entry;
            if self.source.get(t.file, &entry.id).is_some() {
                continue;
            }
            if entry.kind == EntryKind::Term && referenced_terms.contains(entry.id.as_str()) {
                continue; // the locale's own helper term
            }
            self.stats.obsolete_messages += 1;
            let kind = match entry.kind {
                EntryKind::Message => "message",
                EntryKind::Term => "term",
            };
            self.push_at(
                Rule::ObsoleteMessage,
                t,
                entry.line,
                entry.column,
                entry.id.clone(),
                Text::new("finding-obsolete-message")
                    .text("kind", kind)
                    .text("id", entry.id.as_str()),
            );
        }
    }

    /// References and plural categories of every pattern of the locale.
    fn target_patterns(&mut self) {
        let categories = cldr::plural_categories(self.locale.as_str());
        for t in self.target.entries() {
            for at in patterns(t.entry) {
                let unresolved: Vec<&str> = at
                    .pattern
                    .message_refs
                    .iter()
                    .chain(&at.pattern.term_refs)
                    .filter(|r| !self.resolves(r))
                    .map(String::as_str)
                    .collect();
                for reference in unresolved {
                    let kind = if reference.starts_with('-') {
                        "term"
                    } else {
                        "message"
                    };
                    let detail = Text::new("finding-unresolved-reference")
                        .part(at.attribute)
                        .text("kind", kind)
                        .text("reference", reference);
                    self.push_at(
                        Rule::UnresolvedReference,
                        t,
                        at.line,
                        at.column,
                        at.message_id(t.entry),
                        detail,
                    );
                }
                for selector in &at.pattern.selectors {
                    let missing = missing_categories(selector, categories);
                    if missing.is_empty() {
                        continue;
                    }
                    let detail = Text::new("finding-missing-plural-category")
                        .part(at.attribute)
                        .text("selector", selector.expression.as_str())
                        .text("missing", missing.join(", "))
                        .text("locale", self.locale.to_string())
                        .text("categories", categories.join(", "));
                    self.push_at(
                        Rule::MissingPluralCategory,
                        t,
                        at.line,
                        at.column,
                        at.message_id(t.entry),
                        detail,
                    );
                }
            }
        }
    }

    /// Whether the locale or the source defines `reference` (`id`, `id.attr`,
    /// `-id`, `-id.attr`).
    fn resolves(&self, reference: &str) -> bool {
        let (id, attribute) = match reference.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (reference, None),
        };
        [self.target, self.source].iter().any(|bundle| {
            bundle.get_anywhere(id).is_some_and(|l| match attribute {
                None => true,
                Some(name) => l.entry.attributes.iter().any(|a| a.name == name),
            })
        })
    }
}

/// What a syntax error says: the parser's message and where it gave up.
fn syntax_error_text(diagnostic: &Diagnostic) -> Text {
    Text::new("finding-syntax-error")
        .text("parser", diagnostic.message.as_str())
        .number("line", diagnostic.end_line)
        .number("column", diagnostic.end_column)
}

/// The plural categories CLDR requires that a numeric select lacks (see the
/// module documentation for the selects that are skipped).
fn missing_categories(selector: &Selector, categories: &[String]) -> Vec<String> {
    const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    if !selector.numeric || is_ordinal(selector) {
        return Vec::new();
    }
    if !selector
        .keys
        .iter()
        .any(|k| CATEGORIES.contains(&k.as_str()))
    {
        return Vec::new();
    }
    categories
        .iter()
        .filter(|c| *c != "other" && !selector.keys.contains(c))
        .cloned()
        .collect()
}

/// Whether a select is on an ordinal number (`NUMBER($n, type: "ordinal")`).
fn is_ordinal(selector: &Selector) -> bool {
    let expression: String = selector
        .expression
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    expression.contains("type:\"ordinal\"")
}

/// The variables of a selector, from its rendering (`$count`,
/// `NUMBER($count, minimumFractionDigits: 2)`): each `$` and the identifier
/// after it.
fn selector_variables(selector: &Selector) -> impl Iterator<Item = &str> {
    selector.expression.split('$').skip(1).map(|rest| {
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        &rest[..end]
    })
}

/// The selector variables of the numeric selects of `pattern`.
fn numeric_selector_variables(pattern: &Pattern) -> impl Iterator<Item = &str> {
    pattern
        .selectors
        .iter()
        .filter(|s| s.numeric)
        .flat_map(selector_variables)
}

/// Whether a key path holds a key that may name its number in words: `zero`,
/// `one`, `two` or a number literal.
fn is_exact(variant: &Variant) -> bool {
    variant.key_path.iter().any(|key| {
        matches!(key.as_str(), "zero" | "one" | "two")
            || key
                .trim_start_matches('-')
                .starts_with(|c: char| c.is_ascii_digit())
    })
}

/// The variables `target` drops, each with the variants (rendered as
/// `[key][key]`, or "its text" without a select) that drop it; see the module
/// documentation for the rule.
fn dropped_variables(
    source: &Pattern,
    target: &Pattern,
    one_category: bool,
) -> BTreeMap<String, Vec<Text>> {
    let source_numeric: HashSet<&str> = numeric_selector_variables(source).collect();
    let exemptable: HashSet<&str> = source_numeric
        .iter()
        .copied()
        .chain(numeric_selector_variables(target))
        .collect();
    let displayed: BTreeSet<&str> = source
        .variants
        .iter()
        .flat_map(|v| v.variables.iter().map(String::as_str))
        .collect();
    let required = displayed.into_iter().filter(|variable| {
        source.variants.iter().all(|v| {
            v.variables.contains(*variable) || (source_numeric.contains(variable) && is_exact(v))
        })
    });
    let mut dropped = BTreeMap::new();
    for variable in required {
        let exempt = exemptable.contains(variable);
        let variants: Vec<Text> = target
            .variants
            .iter()
            .filter(|v| !v.variables.contains(variable))
            .filter(|v| !(exempt && (one_category || is_exact(v))))
            .map(render_key_path)
            .collect();
        if !variants.is_empty() {
            dropped.insert(variable.to_string(), variants);
        }
    }
    dropped
}

/// `variant [masculine][one]`, or `its text` for a pattern without select.
fn render_key_path(variant: &Variant) -> Text {
    if variant.key_path.is_empty() {
        return Text::new("finding-own-text");
    }
    let keys: String = variant.key_path.iter().map(|k| format!("[{k}]")).collect();
    Text::new("finding-variant").text("keys", keys)
}

/// Whether a pattern has at least one word of letters: words outside its
/// placeables and, for a pattern without a select expression, a letter
/// outside them (digits alone are no translatable text).
///
/// The index has no per-element text, so for a select-free pattern this
/// scans [`Pattern::source`] for a letter outside braces (skipping string
/// literals inside them, which may hold braces). It is a scan of the stored
/// text for letters, not a parse: the index already says where the words are.
fn has_letter_words(pattern: &Pattern) -> bool {
    if pattern.words == 0 {
        return false;
    }
    if !pattern.selectors.is_empty() {
        return true;
    }
    let mut depth = 0u32;
    let mut in_string = false;
    let mut escaped = false;
    for c in pattern.source.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '"' if depth > 0 => in_string = true,
            c if depth == 0 && c.is_alphabetic() => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ftl::index_file;

    fn first_value(src: &str) -> Pattern {
        index_file(src).entries[0].value.clone().unwrap()
    }

    #[test]
    fn letter_words() {
        let cases = [
            ("a = Hello", true),
            ("a = 2024", false),
            ("a = { -brand }", false),
            ("a = { $n } × { $m }", false),
            ("a = { \"}\" } 42", false),
            ("a = © 2024 { -brand } Inc.", true),
            ("a = { $n ->\n    [one] One\n   *[other] Many\n}", true),
        ];
        for (src, expected) in cases {
            assert_eq!(has_letter_words(&first_value(src)), expected, "{src}");
        }
    }

    #[test]
    fn selector_variable_names() {
        let p =
            first_value("a = { NUMBER($my-count, minimumFractionDigits: 2) ->\n   *[other] x\n}");
        assert_eq!(
            selector_variables(&p.selectors[0]).collect::<Vec<_>>(),
            ["my-count"]
        );
    }

    #[test]
    fn ordinal_selects_are_not_checked() {
        let p =
            first_value("a = { NUMBER($n, type: \"ordinal\") ->\n    [one] st\n   *[other] th\n}");
        let fr = cldr::plural_categories("fr");
        assert!(missing_categories(&p.selectors[0], fr).is_empty());
        let p = first_value("a = { NUMBER($n) ->\n    [one] un\n   *[other] des\n}");
        assert!(!missing_categories(&p.selectors[0], cldr::plural_categories("pl")).is_empty());
    }
}
