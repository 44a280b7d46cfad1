//! Requirements: regional rules that apply to every market in a jurisdiction.

use serde::{Deserialize, Serialize};

use super::limits::{
    check_entries, check_length, MAX_CATEGORIES, MAX_LEGAL_REFERENCE, MAX_LOCALE_RULES,
    MAX_MESSAGE_PATTERN, MAX_REQUIRED_MESSAGES, MAX_SOURCE_URL, MAX_SUMMARY,
};
use super::market::{parse_subdivision, too_long};
use super::violations::escaped;
use super::{validate_resource_id, Bloc, CalendarDate, Country, LocaleTag, Market, Violations};
use crate::l10n::Text;

/// The kind of rule a requirement expresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RequirementKind {
    /// Which languages product text must be in.
    LegalLanguage,
    /// Privacy notices.
    Privacy,
    /// Information owed to consumers.
    ConsumerInfo,
    /// How prices are shown.
    PricingDisplay,
    /// Safety and conformity marks.
    SafetyMark,
    /// Age ratings.
    AgeRating,
    /// Accessibility.
    Accessibility,
    /// Tax information.
    Tax,
    /// Anything else.
    Other,
}

/// How binding a locale rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Obligation {
    /// A gap blocks a launch.
    #[default]
    Mandatory,
    /// A gap is reported but does not block.
    Recommended,
}

/// Which translations satisfy a locale rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MatchPolicy {
    /// Only the exact tag.
    Exact,
    /// Any tag of the same language.
    SameLanguage,
    /// Any tag on the CLDR fallback chain.
    #[default]
    CldrFallback,
}

/// Where a requirement applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    /// A whole country.
    Country(Country),
    /// An ISO 3166-2 subdivision, such as `CA-QC`.
    Subdivision(String),
    /// A bloc, such as `EU`.
    Bloc(Bloc),
}

impl Jurisdiction {
    /// Whether `market` is inside this jurisdiction.
    pub fn covers(&self, market: &Market) -> bool {
        match self {
            Jurisdiction::Country(c) => market.country == *c,
            Jurisdiction::Subdivision(s) => market.subdivisions.contains(s),
            Jurisdiction::Bloc(b) => market.blocs.contains(b),
        }
    }

    /// The code of the place (`FR`, `CA-QC`, `EU`).
    pub fn code(&self) -> &str {
        match self {
            Jurisdiction::Country(c) => c.code(),
            Jurisdiction::Subdivision(s) => s,
            Jurisdiction::Bloc(b) => b.code(),
        }
    }
}

/// A Fluent message id, or a pattern of ids with `*` wildcards (`imprint-*`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MessagePattern(String);

impl MessagePattern {
    /// Checks that `text` is a Fluent identifier (letters, digits, `-`, `_`,
    /// starting with a letter; a leading `-` for a term) with optional `*`,
    /// at most [`MAX_MESSAGE_PATTERN`] characters; explains what is wrong
    /// otherwise (in any of glocal's languages).
    pub fn parse(text: &str) -> Result<Self, Text> {
        if text.len() > MAX_MESSAGE_PATTERN && text.chars().count() > MAX_MESSAGE_PATTERN {
            return Err(too_long(MAX_MESSAGE_PATTERN));
        }
        Self::parse_any_length(text)
    }

    /// [`MessagePattern::parse`] without the length limit: for patterns
    /// stored before it existed.
    fn parse_any_length(text: &str) -> Result<Self, Text> {
        let body = text.strip_prefix('-').unwrap_or(text);
        let chars_ok = !body.is_empty()
            && body
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '*');
        let first_ok = body
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '*');
        if chars_ok && first_ok {
            Ok(MessagePattern(text.to_string()))
        } else {
            Err(Text::new("validation-message-pattern").text("pattern", escaped(text)))
        }
    }

    /// The pattern text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for MessagePattern {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        MessagePattern::parse_any_length(&s).map_err(String::from)
    }
}

impl From<MessagePattern> for String {
    fn from(p: MessagePattern) -> String {
        p.0
    }
}

/// One locale a requirement asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocaleRule {
    /// The locale.
    pub locale: LocaleTag,
    /// How binding the rule is.
    #[serde(default)]
    pub obligation: Obligation,
    /// What satisfies the rule.
    #[serde(default)]
    pub match_policy: MatchPolicy,
    /// Whether a storefront must show the locale by default.
    #[serde(default)]
    pub must_be_default: bool,
}

/// A validated requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    /// Where the rule applies.
    pub jurisdiction: Jurisdiction,
    /// The kind of rule.
    pub kind: RequirementKind,
    /// The rule in a sentence or two.
    pub summary: String,
    /// The law or regulation.
    pub legal_reference: String,
    /// Where the rule is published.
    pub source_url: String,
    /// First day in effect, if bounded.
    pub effective_from: Option<CalendarDate>,
    /// Last day in effect, if bounded.
    pub effective_until: Option<CalendarDate>,
    /// Product categories the rule is limited to; empty means all.
    pub product_categories: Vec<String>,
    /// Locales asked for.
    pub locale_rules: Vec<LocaleRule>,
    /// Messages that must be translated.
    pub required_messages: Vec<MessagePattern>,
}

impl Requirement {
    /// Whether the rule is in effect on `date`.
    pub fn in_effect_on(&self, date: CalendarDate) -> bool {
        self.effective_from.is_none_or(|from| from <= date)
            && self.effective_until.is_none_or(|until| date <= until)
    }

    /// Whether the rule concerns a product of `categories`; an empty filter
    /// means any product.
    pub fn concerns_categories(&self, categories: &[String]) -> bool {
        categories.is_empty()
            || self.product_categories.is_empty()
            || self
                .product_categories
                .iter()
                .any(|c| categories.contains(c))
    }

    /// Whether the rule applies to `market` on `date` for products of `categories`.
    pub fn applies_to(&self, market: &Market, date: CalendarDate, categories: &[String]) -> bool {
        self.jurisdiction.covers(market)
            && self.in_effect_on(date)
            && self.concerns_categories(categories)
    }
}

/// A jurisdiction as a client sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionInput {
    /// A country code.
    Country(String),
    /// A subdivision code.
    Subdivision(String),
    /// A bloc code.
    Bloc(String),
}

/// A locale rule as a client sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleRuleInput {
    /// See [`LocaleRule::locale`].
    pub locale: String,
    /// `None` means MANDATORY.
    #[serde(default)]
    pub obligation: Option<Obligation>,
    /// `None` means CLDR_FALLBACK.
    #[serde(default)]
    pub match_policy: Option<MatchPolicy>,
    /// See [`LocaleRule::must_be_default`].
    #[serde(default)]
    pub must_be_default: bool,
}

/// A requirement as a client sends it, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementInput {
    /// `None` when the client set no jurisdiction.
    #[serde(default)]
    pub jurisdiction: Option<JurisdictionInput>,
    /// `None` when the client left the kind unspecified.
    #[serde(default)]
    pub kind: Option<RequirementKind>,
    /// See [`Requirement::summary`].
    #[serde(default)]
    pub summary: String,
    /// See [`Requirement::legal_reference`].
    #[serde(default)]
    pub legal_reference: String,
    /// See [`Requirement::source_url`].
    #[serde(default)]
    pub source_url: String,
    /// See [`Requirement::effective_from`].
    #[serde(default)]
    pub effective_from: Option<CalendarDate>,
    /// See [`Requirement::effective_until`].
    #[serde(default)]
    pub effective_until: Option<CalendarDate>,
    /// See [`Requirement::product_categories`].
    #[serde(default)]
    pub product_categories: Vec<String>,
    /// See [`Requirement::locale_rules`].
    #[serde(default)]
    pub locale_rules: Vec<LocaleRuleInput>,
    /// See [`Requirement::required_messages`].
    #[serde(default)]
    pub required_messages: Vec<String>,
}

/// Why a value is invalid that appears earlier in its list, the value quoted.
fn listed_twice_quoted(value: &str) -> Text {
    Text::new("validation-listed-twice-quoted").text("value", escaped(value))
}

/// Checks a list of lowercase ids (categories, features) of at most `max`
/// entries, naming it `field` and its entries `field[i]`.
pub(crate) fn parse_id_list(
    values: &[String],
    max: usize,
    field: &str,
    v: &mut Violations,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let n = check_entries(values.len(), max, field, v);
    for (i, value) in values.iter().take(n).enumerate() {
        match validate_resource_id(value) {
            Ok(()) if out.contains(value) => {
                v.add(format!("{field}[{i}]"), listed_twice_quoted(value))
            }
            Ok(()) => out.push(value.clone()),
            Err(e) => v.add(format!("{field}[{i}]"), e),
        }
    }
    out
}

/// Checks a list of message patterns of at most `max` entries, naming it
/// `field` and its entries `field[i]`.
pub(crate) fn parse_patterns(
    values: &[String],
    max: usize,
    field: &str,
    v: &mut Violations,
) -> Vec<MessagePattern> {
    let mut out: Vec<MessagePattern> = Vec::new();
    let n = check_entries(values.len(), max, field, v);
    for (i, value) in values.iter().take(n).enumerate() {
        match MessagePattern::parse(value) {
            Ok(p) if out.contains(&p) => v.add(format!("{field}[{i}]"), listed_twice_quoted(value)),
            Ok(p) => out.push(p),
            Err(e) => v.add(format!("{field}[{i}]"), e),
        }
    }
    out
}

impl RequirementInput {
    /// Validates the input, naming fields under `prefix` (such as `requirement`).
    pub fn validate(self, prefix: &str) -> Result<Requirement, Violations> {
        let mut v = Violations::new();
        let jurisdiction = match &self.jurisdiction {
            None => {
                v.add(
                    format!("{prefix}.jurisdiction"),
                    Text::new("validation-jurisdiction-required"),
                );
                None
            }
            Some(JurisdictionInput::Country(c)) => Country::parse(c)
                .map(Jurisdiction::Country)
                .map_err(|e| v.add(format!("{prefix}.jurisdiction.country"), e))
                .ok(),
            Some(JurisdictionInput::Subdivision(s)) => parse_subdivision(s)
                .map(|(_, code)| Jurisdiction::Subdivision(code))
                .map_err(|e| v.add(format!("{prefix}.jurisdiction.subdivision"), e))
                .ok(),
            Some(JurisdictionInput::Bloc(b)) => Bloc::parse(b)
                .map(Jurisdiction::Bloc)
                .map_err(|e| v.add(format!("{prefix}.jurisdiction.bloc"), e))
                .ok(),
        };
        if self.kind.is_none() {
            v.add(
                format!("{prefix}.kind"),
                Text::new("validation-kind-required"),
            );
        }
        if self.summary.trim().is_empty() {
            v.add(
                format!("{prefix}.summary"),
                Text::new("validation-summary-required"),
            );
        } else if self.summary.chars().count() > MAX_SUMMARY {
            v.add(format!("{prefix}.summary"), too_long(MAX_SUMMARY));
        }
        if self.legal_reference.chars().count() > MAX_LEGAL_REFERENCE {
            v.add(
                format!("{prefix}.legal_reference"),
                too_long(MAX_LEGAL_REFERENCE),
            );
        }
        let source_url_field = format!("{prefix}.source_url");
        if !check_length(&self.source_url, MAX_SOURCE_URL, source_url_field, &mut v) {
            // Said already.
        } else if !self.source_url.is_empty() {
            let ok = (self.source_url.starts_with("https://")
                || self.source_url.starts_with("http://"))
                && self.source_url.len() > "https://".len()
                && !self.source_url.chars().any(char::is_whitespace);
            if !ok {
                v.add(
                    format!("{prefix}.source_url"),
                    Text::new("validation-url").text("url", escaped(&self.source_url)),
                );
            }
        }
        if let (Some(from), Some(until)) = (self.effective_from, self.effective_until) {
            if until < from {
                v.add(
                    format!("{prefix}.effective_until"),
                    Text::new("validation-effective-until-before")
                        .text("until", until.to_string())
                        .text("from", from.to_string()),
                );
            }
        }
        let product_categories = parse_id_list(
            &self.product_categories,
            MAX_CATEGORIES,
            &format!("{prefix}.product_categories"),
            &mut v,
        );
        let mut locale_rules: Vec<LocaleRule> = Vec::new();
        let mut defaults = 0;
        let field = format!("{prefix}.locale_rules");
        let n = check_entries(self.locale_rules.len(), MAX_LOCALE_RULES, &field, &mut v);
        for (i, rule) in self.locale_rules.iter().take(n).enumerate() {
            let field = format!("{prefix}.locale_rules[{i}].locale");
            match LocaleTag::parse(&rule.locale) {
                Ok(tag) if locale_rules.iter().any(|r| r.locale == tag) => v.add(
                    field,
                    Text::new("validation-locale-two-rules").text("locale", tag.as_str()),
                ),
                Ok(tag) => {
                    if rule.must_be_default {
                        defaults += 1;
                        if defaults > 1 {
                            v.add(
                                format!("{prefix}.locale_rules[{i}].must_be_default"),
                                Text::new("validation-one-default-locale"),
                            );
                        }
                    }
                    locale_rules.push(LocaleRule {
                        locale: tag,
                        obligation: rule.obligation.unwrap_or_default(),
                        match_policy: rule.match_policy.unwrap_or_default(),
                        must_be_default: rule.must_be_default,
                    })
                }
                Err(e) => v.add(field, e),
            }
        }
        let required_messages = parse_patterns(
            &self.required_messages,
            MAX_REQUIRED_MESSAGES,
            &format!("{prefix}.required_messages"),
            &mut v,
        );
        match (jurisdiction, self.kind, v.is_empty()) {
            (Some(jurisdiction), Some(kind), true) => Ok(Requirement {
                jurisdiction,
                kind,
                summary: self.summary,
                legal_reference: self.legal_reference,
                source_url: self.source_url,
                effective_from: self.effective_from,
                effective_until: self.effective_until,
                product_categories,
                locale_rules,
                required_messages,
            }),
            _ => Err(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::market::MarketInput;

    fn input() -> RequirementInput {
        RequirementInput {
            jurisdiction: Some(JurisdictionInput::Subdivision("CA-QC".into())),
            kind: Some(RequirementKind::LegalLanguage),
            summary: "French is required".into(),
            legal_reference: "Charter of the French Language".into(),
            source_url: "https://example.org/charter".into(),
            effective_from: Some("2022-06-01".parse().unwrap()),
            effective_until: None,
            product_categories: vec![],
            locale_rules: vec![LocaleRuleInput {
                locale: "fr-CA".into(),
                obligation: None,
                match_policy: None,
                must_be_default: false,
            }],
            required_messages: vec!["legal-*".into()],
        }
    }

    #[test]
    fn defaults_obligation_and_policy() {
        let r = input().validate("requirement").unwrap();
        assert_eq!(r.locale_rules[0].obligation, Obligation::Mandatory);
        assert_eq!(r.locale_rules[0].match_policy, MatchPolicy::CldrFallback);
    }

    #[test]
    fn reports_each_bad_field() {
        type Edit = fn(&mut RequirementInput);
        let cases: &[(Edit, &str, &str)] = &[
            (
                |r| r.jurisdiction = None,
                "requirement.jurisdiction",
                "required",
            ),
            (
                |r| r.jurisdiction = Some(JurisdictionInput::Country("ZZ".into())),
                "requirement.jurisdiction.country",
                "not an assigned",
            ),
            (
                |r| r.jurisdiction = Some(JurisdictionInput::Bloc("NAFTA".into())),
                "requirement.jurisdiction.bloc",
                "not a known bloc",
            ),
            (
                |r| r.jurisdiction = Some(JurisdictionInput::Subdivision("Quebec".into())),
                "requirement.jurisdiction.subdivision",
                "CC-XXX",
            ),
            (|r| r.kind = None, "requirement.kind", "required"),
            (
                |r| r.summary = " ".into(),
                "requirement.summary",
                "required",
            ),
            (
                |r| r.source_url = "ftp://x".into(),
                "requirement.source_url",
                "http",
            ),
            (
                |r| r.effective_until = Some("2020-01-01".parse().unwrap()),
                "requirement.effective_until",
                "before",
            ),
            (
                |r| r.product_categories = vec!["Toys".into()],
                "requirement.product_categories[0]",
                "lowercase",
            ),
            (
                |r| r.locale_rules[0].locale = "fr_CA".into(),
                "requirement.locale_rules[0].locale",
                "hyphens",
            ),
            (
                |r| r.required_messages = vec!["1abc".into()],
                "requirement.required_messages[0]",
                "Fluent",
            ),
        ];
        for (edit, field, needle) in cases {
            let mut r = input();
            edit(&mut r);
            let err = r.validate("requirement").unwrap_err();
            assert!(
                err.list()
                    .iter()
                    .any(|v| v.field == *field && v.description.contains(needle)),
                "expected {field} ~ {needle:?}, got {err}"
            );
        }
    }

    #[test]
    fn applies_by_jurisdiction_date_and_category() {
        let quebec = MarketInput {
            country: "CA".into(),
            subdivisions: vec!["CA-QC".into()],
            currency: "CAD".into(),
            storefront_locales: vec!["fr-CA".into()],
            ..Default::default()
        }
        .validate("m")
        .unwrap();
        let toronto = MarketInput {
            subdivisions: vec![],
            ..Default::default()
        };
        let toronto = MarketInput {
            country: "CA".into(),
            currency: "CAD".into(),
            storefront_locales: vec!["en-CA".into()],
            ..toronto
        }
        .validate("m")
        .unwrap();
        let mut r = input().validate("r").unwrap();
        let before: CalendarDate = "2022-05-31".parse().unwrap();
        let after: CalendarDate = "2022-06-01".parse().unwrap();
        assert!(!r.applies_to(&quebec, before, &[]));
        assert!(r.applies_to(&quebec, after, &[]));
        assert!(!r.applies_to(&toronto, after, &[]));
        r.product_categories = vec!["toys".into()];
        assert!(r.applies_to(&quebec, after, &["toys".into()]));
        assert!(!r.applies_to(&quebec, after, &["books".into()]));
        assert!(r.applies_to(&quebec, after, &[]));
    }
}
