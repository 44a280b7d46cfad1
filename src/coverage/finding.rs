//! Findings of the coverage engine: one problem (or note) about one locale,
//! with a stable rule id, a severity and a position (DESIGN §3.4).
//!
//! A [`Finding`] is plain data: serde turns it into JSON with the rule id in
//! kebab case (`"rule": "missing-message"`) and the severity in lower case
//! (`"severity": "error"`), so the ids below are part of the API and never
//! change.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::domain::{CalendarDate, Obligation, RequirementKind};
use crate::l10n::{Text, Texts};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed: a user sees a broken or missing string.
    Error,
    /// Should be looked at: probably a mistake, possibly deliberate.
    Warning,
    /// A note, such as a fallback that serves a locale.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    /// Parses `error`, `warning` or `info` (exactly, in lower case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            _ => Err(format!("{s:?} is not a severity (error, warning or info)")),
        }
    }
}

/// What a finding is about. Each rule has a stable string id ([`Rule::id`]),
/// which is how findings are serialized, filtered and waived.
///
/// [`super::checks::check_locale`] reports every rule except
/// [`Rule::UnknownMessage`], [`Rule::UnknownFeature`] and
/// [`Rule::FallbackUsed`], which belong to the roadmap check (expanding items,
/// reading variants) and to the per-message fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// `missing-locale`: no bundle at all for a required locale.
    MissingLocale,
    /// `missing-message`: a message or term of the source that the locale
    /// does not define.
    MissingMessage,
    /// `missing-value`: the source message has a value, the translation only
    /// attributes.
    MissingValue,
    /// `missing-attribute`: an attribute of the source message that the
    /// translation lacks (message id `id.attr`).
    MissingAttribute,
    /// `obsolete-message`: the locale defines a message or term that the
    /// source no longer has.
    ObsoleteMessage,
    /// `duplicate-id`: the locale defines an id twice; Fluent uses the first.
    DuplicateId,
    /// `syntax-error`: the parser rejected part of a file of the locale.
    SyntaxError,
    /// `unknown-variable`: the translation uses a `$variable` that the source
    /// message never uses, so the code never passes it.
    UnknownVariable,
    /// `dropped-variable`: a variant of the translation leaves out a variable
    /// that the source displays.
    DroppedVariable,
    /// `unresolved-reference`: the translation references a message or term
    /// that neither the locale nor its fallback defines.
    UnresolvedReference,
    /// `missing-plural-category`: a numeric select of the translation lacks a
    /// CLDR plural category of the locale's language.
    MissingPluralCategory,
    /// `identical-to-source`: the translation is the source text, likely left
    /// untranslated.
    IdenticalToSource,
    /// `unknown-message`: a roadmap item names a message that the source does
    /// not define.
    UnknownMessage,
    /// `fallback-used`: a locale is served by another locale's bundle along its
    /// fallback chain.
    FallbackUsed,
    /// `unknown-feature`: a variant includes a feature that no item of the
    /// roadmap has (a typo would otherwise silently need nothing).
    UnknownFeature,
    /// `unused-waiver`: a waiver of the roadmap matched no gap of any launch
    /// (a note: it may be stale, or name the wrong requirement).
    UnusedWaiver,
}

impl Rule {
    /// Every rule, in the order above.
    pub const ALL: [Rule; 16] = [
        Rule::MissingLocale,
        Rule::MissingMessage,
        Rule::MissingValue,
        Rule::MissingAttribute,
        Rule::ObsoleteMessage,
        Rule::DuplicateId,
        Rule::SyntaxError,
        Rule::UnknownVariable,
        Rule::DroppedVariable,
        Rule::UnresolvedReference,
        Rule::MissingPluralCategory,
        Rule::IdenticalToSource,
        Rule::UnknownMessage,
        Rule::FallbackUsed,
        Rule::UnknownFeature,
        Rule::UnusedWaiver,
    ];

    /// The stable id, such as `missing-message`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::MissingLocale => "missing-locale",
            Rule::MissingMessage => "missing-message",
            Rule::MissingValue => "missing-value",
            Rule::MissingAttribute => "missing-attribute",
            Rule::ObsoleteMessage => "obsolete-message",
            Rule::DuplicateId => "duplicate-id",
            Rule::SyntaxError => "syntax-error",
            Rule::UnknownVariable => "unknown-variable",
            Rule::DroppedVariable => "dropped-variable",
            Rule::UnresolvedReference => "unresolved-reference",
            Rule::MissingPluralCategory => "missing-plural-category",
            Rule::IdenticalToSource => "identical-to-source",
            Rule::UnknownMessage => "unknown-message",
            Rule::FallbackUsed => "fallback-used",
            Rule::UnknownFeature => "unknown-feature",
            Rule::UnusedWaiver => "unused-waiver",
        }
    }

    /// The severity a finding of this rule gets: errors for what breaks or
    /// hides a string (missing parts, duplicates, syntax errors, unknown
    /// variables, unresolved references, unknown messages), warnings for what
    /// is probably but not surely wrong (obsolete messages, dropped
    /// variables, missing plural categories, copies of the source), and info
    /// for a fallback or a waiver that matched nothing.
    pub fn default_severity(self) -> Severity {
        match self {
            Rule::MissingLocale
            | Rule::MissingMessage
            | Rule::MissingValue
            | Rule::MissingAttribute
            | Rule::DuplicateId
            | Rule::SyntaxError
            | Rule::UnknownVariable
            | Rule::UnresolvedReference
            | Rule::UnknownMessage => Severity::Error,
            Rule::ObsoleteMessage
            | Rule::DroppedVariable
            | Rule::MissingPluralCategory
            | Rule::IdenticalToSource
            | Rule::UnknownFeature => Severity::Warning,
            Rule::FallbackUsed | Rule::UnusedWaiver => Severity::Info,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Rule {
    type Err = String;

    /// Parses a rule id ([`Rule::id`]), exactly.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL
            .into_iter()
            .find(|rule| rule.id() == s)
            .ok_or_else(|| format!("{s:?} is not a coverage rule id"))
    }
}

/// What makes a locale or a message needed (a launch check's reasons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NeedReasonKind {
    /// `storefront-default`: the market's default locale, shipped by a
    /// launch that lists no locales.
    StorefrontDefault,
    /// `launch-locale`: a locale the launch lists in its `locales`.
    LaunchLocale,
    /// `requirement`: a requirement in effect (a locale rule, or its
    /// required messages).
    Requirement,
    /// `roadmap-item`: a roadmap item shipping to the market.
    RoadmapItem,
    /// `variant`: the variant's `required_messages`.
    Variant,
}

impl NeedReasonKind {
    /// The stable id, such as `storefront-default`.
    pub fn id(self) -> &'static str {
        match self {
            NeedReasonKind::StorefrontDefault => "storefront-default",
            NeedReasonKind::LaunchLocale => "launch-locale",
            NeedReasonKind::Requirement => "requirement",
            NeedReasonKind::RoadmapItem => "roadmap-item",
            NeedReasonKind::Variant => "variant",
        }
    }
}

impl FromStr for NeedReasonKind {
    type Err = String;

    /// Parses an id ([`NeedReasonKind::id`]), exactly.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            NeedReasonKind::StorefrontDefault,
            NeedReasonKind::LaunchLocale,
            NeedReasonKind::Requirement,
            NeedReasonKind::RoadmapItem,
            NeedReasonKind::Variant,
        ]
        .into_iter()
        .find(|k| k.id() == s)
        .ok_or_else(|| format!("{s:?} is not a need reason kind"))
    }
}

/// One reason why a locale or a message is needed, with its obligation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NeedReason {
    /// What kind of reason.
    pub kind: NeedReasonKind,
    /// What it names: the market (`markets/x`) for a storefront default, the
    /// launch (`products/p/launches/l`) for a launch locale, the requirement
    /// (`requirements/r`), the roadmap item id, or the variant.
    pub name: String,
    /// Requirements: their kind (`LEGAL_LANGUAGE` in JSON); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement_kind: Option<RequirementKind>,
    /// Requirements: their summary; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Requirements: their legal reference; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub legal_reference: String,
    /// How binding the reason is.
    pub obligation: Obligation,
}

impl NeedReason {
    /// A reason of `kind` naming `name`, with no requirement data.
    pub fn new(kind: NeedReasonKind, name: impl Into<String>, obligation: Obligation) -> Self {
        NeedReason {
            kind,
            name: name.into(),
            requirement_kind: None,
            summary: String::new(),
            legal_reference: String::new(),
            obligation,
        }
    }

    fn order_key(&self) -> impl Ord + '_ {
        (
            self.kind,
            &self.name,
            matches!(self.obligation, Obligation::Recommended),
        )
    }
}

impl PartialOrd for NeedReason {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for NeedReason {
    /// By kind, name, then obligation (MANDATORY first).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key()
            .cmp(&other.order_key())
            .then_with(|| self.summary.cmp(&other.summary))
    }
}

/// A waiver that turned a gap into a note.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct WaivedBy {
    /// The requirement waived (`requirements/r`).
    pub requirement: String,
    /// Who approved the waiver.
    pub approver: String,
    /// The last day it holds; `None`: until further notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<CalendarDate>,
}

/// One problem (or note) the coverage engine found about one locale.
///
/// Two findings are equal when they say the same: [`Finding::text`], how to
/// say it in other languages, is left out of the comparison.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Finding {
    /// What kind of problem.
    pub rule: Rule,
    /// How bad ([`Rule::default_severity`] unless a caller changed it, e.g. to
    /// gate on a launch date).
    pub severity: Severity,
    /// The market the finding is for; `None` for checks that know no market
    /// (such as [`super::checks::check_locale`]), filled in by the caller.
    pub market: Option<String>,
    /// The locale the finding is about (canonical BCP 47 tag): the bundle
    /// checked, or the needed locale that a fallback bundle serves.
    pub locale: String,
    /// The bundle the finding is in when it is not `locale`'s own: the
    /// fallback bundle that serves a message of `locale` (`fr` for `fr-CA`).
    /// `file`, `line` and `column` are in that bundle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle: Option<String>,
    /// The bundle file path: the locale's file where the problem is, or, for
    /// what the locale lacks, the source file that defines it (the same
    /// relative path is where the translation belongs). `None` when no file
    /// is concerned (a missing locale).
    pub file: Option<String>,
    /// The 1-based line in `file`; 0 when unknown (the locale lacks the
    /// message).
    pub line: u32,
    /// The 1-based column in characters; 0 when unknown.
    pub column: u32,
    /// The message or term concerned: `id`, `-term`, or `id.attr` for an
    /// attribute; `None` for file-level problems such as syntax errors.
    pub message_id: Option<String>,
    /// A sentence for people: what is wrong, with the names involved, in
    /// `en-US` (the words that JSON reports, baselines and the API carry).
    pub detail: String,
    /// The detail as one of glocal's texts (`locales/*/findings.ftl`), for
    /// reports in other languages
    /// ([`Finding::detail_in`]); `None` for a finding made from words alone.
    #[serde(skip)]
    pub text: Option<Text>,
    /// Launch checks: why the locale (and the message) is needed, in order;
    /// empty for findings that are not about a needed locale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<NeedReason>,
    /// Launch checks: the day the messages are needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_date: Option<CalendarDate>,
    /// Launch checks: the last day before the gap blocks (the need date minus
    /// the market's window).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<CalendarDate>,
    /// The waivers that turned the gap into a note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waived_by: Vec<WaivedBy>,
    /// For what the locale lacks (a missing message or term): the 1-based
    /// line of the source file `file` that defines it, so that a report can
    /// point at the text to translate; 0 otherwise.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub source_line: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl PartialEq for Finding {
    fn eq(&self, other: &Self) -> bool {
        let Finding {
            rule,
            severity,
            market,
            locale,
            bundle,
            file,
            line,
            column,
            message_id,
            detail,
            text: _,
            reasons,
            need_date,
            due_date,
            waived_by,
            source_line,
        } = self;
        *rule == other.rule
            && *severity == other.severity
            && *market == other.market
            && *locale == other.locale
            && *bundle == other.bundle
            && *file == other.file
            && *line == other.line
            && *column == other.column
            && *message_id == other.message_id
            && *detail == other.detail
            && *reasons == other.reasons
            && *need_date == other.need_date
            && *due_date == other.due_date
            && *waived_by == other.waived_by
            && *source_line == other.source_line
    }
}

impl Eq for Finding {}

impl Finding {
    /// A finding of `rule` with its default severity, no market, no position
    /// and no message id; set the rest with the `at`/`message` helpers or
    /// directly.
    pub fn new(rule: Rule, locale: impl Into<String>, detail: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.default_severity(),
            market: None,
            locale: locale.into(),
            bundle: None,
            file: None,
            line: 0,
            column: 0,
            message_id: None,
            detail: detail.into(),
            text: None,
            reasons: Vec::new(),
            need_date: None,
            due_date: None,
            waived_by: Vec::new(),
            source_line: 0,
        }
    }

    /// A finding of `rule` whose detail is `text` (in `en-US` in
    /// [`Finding::detail`]); otherwise like [`Finding::new`].
    pub fn from_text(rule: Rule, locale: impl Into<String>, text: Text) -> Self {
        let mut finding = Finding::new(rule, locale, text.render(Texts::default()));
        finding.text = Some(text);
        finding
    }

    /// Appends `text` to the detail (such as the bundle that serves the
    /// locale), in every language.
    pub fn append(&mut self, text: Text) {
        self.detail.push(' ');
        self.detail.push_str(&text.render(Texts::default()));
        if let Some(own) = &mut self.text {
            own.append(text);
        }
    }

    /// The detail in `texts`' language; [`Finding::detail`] when the finding
    /// has no [`Finding::text`].
    pub fn detail_in(&self, texts: Texts) -> String {
        match &self.text {
            Some(text) if !texts.is_source() => text.render(texts),
            _ => self.detail.clone(),
        }
    }

    /// Sets the file and position.
    pub fn at(mut self, file: impl Into<String>, line: u32, column: u32) -> Self {
        self.file = Some(file.into());
        self.line = line;
        self.column = column;
        self
    }

    /// Sets the message id.
    pub fn message(mut self, message_id: impl Into<String>) -> Self {
        self.message_id = Some(message_id.into());
        self
    }
}

impl fmt::Display for Finding {
    /// `fr: shop/cart.ftl:3:1: error[missing-value] cart-title: ...`, the
    /// shape compilers use, so editors can jump to it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.locale)?;
        if let Some(file) = &self.file {
            write!(f, "{file}:{}:{}: ", self.line, self.column)?;
        }
        write!(f, "{}[{}]", self.severity, self.rule)?;
        if let Some(id) = &self.message_id {
            write!(f, " {id}")?;
        }
        write!(f, ": {}", self.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_round_trip_and_match_serde() {
        for rule in Rule::ALL {
            assert_eq!(rule.id().parse::<Rule>(), Ok(rule));
            assert_eq!(
                serde_json::to_string(&rule).unwrap(),
                format!("\"{}\"", rule.id())
            );
        }
        assert!("missing_message".parse::<Rule>().is_err());
        assert_eq!(Rule::DroppedVariable.default_severity(), Severity::Warning);
        assert_eq!(Rule::FallbackUsed.default_severity(), Severity::Info);
    }

    #[test]
    fn finding_serializes_and_displays() {
        let finding = Finding::new(Rule::MissingValue, "fr", "message has no value")
            .at("a.ftl", 3, 1)
            .message("hello");
        let json = serde_json::to_value(&finding).unwrap();
        assert_eq!(json["rule"], "missing-value");
        assert_eq!(json["severity"], "error");
        let back: Finding = serde_json::from_value(json).unwrap();
        assert_eq!(back, finding);
        assert_eq!(
            finding.to_string(),
            "fr: a.ftl:3:1: error[missing-value] hello: message has no value"
        );
        assert_eq!("warning".parse::<Severity>(), Ok(Severity::Warning));
    }
}
