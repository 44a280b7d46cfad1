//! Markets: the places a product is sold.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::limits::{
    check_entries, MAX_BLOCS, MAX_DISPLAY_NAME, MAX_EXTERNAL_IDS, MAX_MAP_KEY, MAX_MAP_VALUE,
    MAX_STOREFRONT_LOCALES, MAX_SUBDIVISIONS,
};
use super::violations::escaped;
use super::{Bloc, Country, LocaleTag, Violations};
use crate::l10n::Text;

/// A validated market (its name, etag and times are kept by the store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Market {
    /// Human-readable name, such as "Amazon.ca".
    pub display_name: String,
    /// The country the market sells in.
    pub country: Country,
    /// ISO 3166-2 subdivisions of `country` with rules of their own, such as `CA-QC`.
    pub subdivisions: Vec<String>,
    /// Blocs `country` belongs to that the market answers to (all of the
    /// country's blocs when the client names none).
    pub blocs: Vec<Bloc>,
    /// ISO 4217 currency code.
    pub currency: String,
    /// Storefront locales, in the order given; never empty.
    pub storefront_locales: Vec<LocaleTag>,
    /// The locale shown by default; one of `storefront_locales`.
    pub default_locale: LocaleTag,
    /// Identifiers in other systems.
    pub external_ids: BTreeMap<String, String>,
}

/// A market as a client sends it, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketInput {
    /// See [`Market::display_name`].
    #[serde(default)]
    pub display_name: String,
    /// See [`Market::country`].
    #[serde(default)]
    pub country: String,
    /// See [`Market::subdivisions`].
    #[serde(default)]
    pub subdivisions: Vec<String>,
    /// See [`Market::blocs`].
    #[serde(default)]
    pub blocs: Vec<String>,
    /// See [`Market::currency`].
    #[serde(default)]
    pub currency: String,
    /// See [`Market::storefront_locales`].
    #[serde(default)]
    pub storefront_locales: Vec<String>,
    /// See [`Market::default_locale`]; empty means the first storefront locale.
    #[serde(default)]
    pub default_locale: String,
    /// See [`Market::external_ids`].
    #[serde(default)]
    pub external_ids: BTreeMap<String, String>,
}

/// Checks a free-text display name (at most [`MAX_DISPLAY_NAME`]
/// characters).
pub(crate) fn check_display_name(value: &str, field: String, v: &mut Violations) {
    if value.chars().count() > MAX_DISPLAY_NAME {
        v.add(field, too_long(MAX_DISPLAY_NAME));
    } else if value.chars().any(char::is_control) {
        v.add(field, Text::new("validation-control-characters"));
    }
}

/// Why a text is invalid that is longer than `max` characters.
pub(crate) fn too_long(max: usize) -> Text {
    Text::new("validation-too-long").count("max", max)
}

/// Checks an ISO 3166-2 subdivision code and returns it in upper case;
/// explains what is wrong otherwise (in any of glocal's languages).
pub(crate) fn parse_subdivision(code: &str) -> Result<(Country, String), Text> {
    let upper = code.trim().to_ascii_uppercase();
    let malformed = || Text::new("validation-subdivision-malformed").text("code", escaped(code));
    let Some((cc, local)) = upper.split_once('-') else {
        return Err(malformed());
    };
    let local_ok = (1..=3).contains(&local.len())
        && local
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if cc.len() != 2 || !local_ok {
        return Err(malformed());
    }
    let country = Country::parse(cc).map_err(|e| {
        Text::new("validation-subdivision-country")
            .text("code", escaped(code))
            .clauses("reason", vec![e])
    })?;
    Ok((country, upper))
}

/// The field path of the entry `key` of the map at `field`:
/// `market.external_ids["amazon_id"]`, with a key longer than any valid one
/// cut (a valid key is at most [`MAX_MAP_KEY`] characters), so that a hostile
/// key does not make the path huge.
pub(crate) fn map_entry_field(field: &str, key: &str) -> String {
    match key.char_indices().nth(MAX_MAP_KEY) {
        Some((end, _)) => format!("{field}[{:?}…]", &key[..end]),
        None => format!("{field}[{key:?}]"),
    }
}

/// Why a value is invalid that appears earlier in its list.
pub(crate) fn listed_twice(value: &str) -> Text {
    Text::new("validation-listed-twice").text("value", value)
}

impl MarketInput {
    /// Validates the input, naming fields under `prefix` (such as `market`).
    pub fn validate(self, prefix: &str) -> Result<Market, Violations> {
        let mut v = Violations::new();
        check_display_name(&self.display_name, format!("{prefix}.display_name"), &mut v);

        let country = if self.country.is_empty() {
            v.add(
                format!("{prefix}.country"),
                Text::new("validation-country-required"),
            );
            None
        } else {
            match Country::parse(&self.country) {
                Ok(c) => Some(c),
                Err(e) => {
                    v.add(format!("{prefix}.country"), e);
                    None
                }
            }
        };

        let mut subdivisions = Vec::new();
        let field = format!("{prefix}.subdivisions");
        let n = check_entries(self.subdivisions.len(), MAX_SUBDIVISIONS, &field, &mut v);
        for (i, s) in self.subdivisions.iter().take(n).enumerate() {
            let field = format!("{prefix}.subdivisions[{i}]");
            match parse_subdivision(s) {
                Ok((sub_country, code)) => {
                    if let Some(c) = country {
                        if sub_country != c {
                            v.add(
                                field,
                                Text::new("validation-subdivision-other-country")
                                    .text("code", code)
                                    .text("country", sub_country.code())
                                    .text("countryName", sub_country.name())
                                    .text("marketCountry", c.code())
                                    .text("marketCountryName", c.name()),
                            );
                            continue;
                        }
                    }
                    if subdivisions.contains(&code) {
                        v.add(field, listed_twice(&code));
                    } else {
                        subdivisions.push(code);
                    }
                }
                Err(e) => v.add(field, e),
            }
        }

        let mut blocs = Vec::new();
        let field = format!("{prefix}.blocs");
        let n = check_entries(self.blocs.len(), MAX_BLOCS, &field, &mut v);
        for (i, b) in self.blocs.iter().take(n).enumerate() {
            let field = format!("{prefix}.blocs[{i}]");
            match Bloc::parse(b) {
                Ok(bloc) => {
                    if let Some(c) = country {
                        if !bloc.has_member(c) {
                            v.add(
                                field,
                                Text::new("validation-bloc-not-member")
                                    .text("country", c.code())
                                    .text("countryName", c.name())
                                    .text("bloc", bloc.code())
                                    .text("blocName", bloc.name()),
                            );
                            continue;
                        }
                    }
                    if blocs.contains(&bloc) {
                        v.add(field, listed_twice(bloc.code()));
                    } else {
                        blocs.push(bloc);
                    }
                }
                Err(e) => v.add(field, e),
            }
        }

        let currency = self.currency.trim().to_ascii_uppercase();
        if currency.is_empty() {
            v.add(
                format!("{prefix}.currency"),
                Text::new("validation-currency-required"),
            );
        } else if iso_currency::Currency::from_code(&currency).is_none() {
            v.add(
                format!("{prefix}.currency"),
                Text::new("validation-currency-unknown").text("code", escaped(&self.currency)),
            );
        }

        let mut locales: Vec<LocaleTag> = Vec::new();
        let field = format!("{prefix}.storefront_locales");
        if self.storefront_locales.is_empty() {
            v.add(
                field.clone(),
                Text::new("validation-storefront-locales-required"),
            );
        }
        let n = check_entries(
            self.storefront_locales.len(),
            MAX_STOREFRONT_LOCALES,
            &field,
            &mut v,
        );
        for (i, l) in self.storefront_locales.iter().take(n).enumerate() {
            let field = format!("{prefix}.storefront_locales[{i}]");
            match LocaleTag::parse(l) {
                Ok(tag) if locales.contains(&tag) => v.add(field, listed_twice(tag.as_str())),
                Ok(tag) => locales.push(tag),
                Err(e) => v.add(field, e),
            }
        }

        let default_locale = if self.default_locale.is_empty() {
            locales.first().cloned()
        } else {
            match LocaleTag::parse(&self.default_locale) {
                Ok(tag) if locales.contains(&tag) => Some(tag),
                Ok(tag) => {
                    if !locales.is_empty() || self.storefront_locales.is_empty() {
                        let listed: Vec<&str> = locales.iter().map(LocaleTag::as_str).collect();
                        v.add(
                            format!("{prefix}.default_locale"),
                            Text::new("validation-default-locale-not-listed")
                                .text("locale", tag.as_str())
                                .text("locales", listed.join(", ")),
                        );
                    }
                    None
                }
                Err(e) => {
                    v.add(format!("{prefix}.default_locale"), e);
                    None
                }
            }
        };

        let field = format!("{prefix}.external_ids");
        let n = check_entries(self.external_ids.len(), MAX_EXTERNAL_IDS, &field, &mut v);
        for (key, value) in self.external_ids.iter().take(n) {
            let field = map_entry_field(&field, key);
            let key_ok = !key.is_empty()
                && key.len() <= MAX_MAP_KEY
                && key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !key_ok {
                v.add(field, Text::new("validation-external-id-key"));
            } else if value.trim().is_empty() || value.len() > MAX_MAP_VALUE {
                v.add(field, Text::new("validation-external-id-value"));
            }
        }

        // No blocs given: the market is in every bloc its country belongs to,
        // so that bloc-wide rules (the EU's) apply without being asked for.
        if self.blocs.is_empty() {
            if let Some(c) = country {
                blocs = Bloc::all_of(c);
            }
        }
        match (country, default_locale, v.is_empty()) {
            (Some(country), Some(default_locale), true) => Ok(Market {
                display_name: self.display_name,
                country,
                subdivisions,
                blocs,
                currency,
                storefront_locales: locales,
                default_locale,
                external_ids: self.external_ids,
            }),
            _ => Err(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> MarketInput {
        MarketInput {
            display_name: "Amazon.ca".into(),
            country: "CA".into(),
            subdivisions: vec!["CA-QC".into()],
            blocs: vec!["USMCA".into()],
            currency: "CAD".into(),
            storefront_locales: vec!["en-CA".into(), "fr-CA".into()],
            default_locale: "en-CA".into(),
            external_ids: [("amazon_marketplace_id".into(), "A2EUQ1WTGCTBG2".into())].into(),
        }
    }

    #[test]
    fn accepts_a_valid_market() {
        let m = input().validate("market").unwrap();
        assert_eq!(m.country.code(), "CA");
        assert_eq!(m.default_locale.as_str(), "en-CA");
    }

    #[test]
    fn blocs_default_to_the_countrys_blocs() {
        let fi = MarketInput {
            country: "FI".into(),
            subdivisions: vec![],
            blocs: vec![],
            ..input()
        }
        .validate("market")
        .unwrap();
        let codes: Vec<&str> = fi.blocs.iter().map(Bloc::code).collect();
        assert_eq!(codes, ["EU", "EEA"]);
        let only_eu = MarketInput {
            country: "FI".into(),
            subdivisions: vec![],
            blocs: vec!["EU".into()],
            ..input()
        };
        assert_eq!(
            only_eu.validate("market").unwrap().blocs.len(),
            1,
            "explicit blocs are kept as given"
        );
    }

    #[test]
    fn default_locale_defaults_to_the_first_storefront_locale() {
        let m = MarketInput {
            default_locale: String::new(),
            ..input()
        }
        .validate("market")
        .unwrap();
        assert_eq!(m.default_locale.as_str(), "en-CA");
    }

    #[test]
    fn violations_can_be_said_in_other_languages() {
        use crate::l10n::Texts;
        let texts = |tag: &str| Texts::negotiate(&[tag.parse().unwrap()]);
        let err = MarketInput {
            country: "USA".into(),
            subdivisions: vec![],
            blocs: vec![],
            ..input()
        }
        .validate("market")
        .unwrap_err();
        let violation = &err.list()[0];
        assert_eq!(violation.field, "market.country");
        assert_eq!(
            violation.description,
            "\"USA\" is not an ISO 3166-1 alpha-2 country code (the alpha-2 code of USA is US)"
        );
        let text = violation.text.as_ref().unwrap();
        assert_eq!(text.to_string(), violation.description);
        assert_eq!(
            text.render(texts("de")),
            "\"USA\" ist kein ISO-3166-1-Alpha-2-Ländercode (der Alpha-2-Code von USA ist US)"
        );
        assert_eq!(
            text.render(texts("ja")),
            "「USA」は ISO 3166-1 alpha-2 の国コードではありません（USA の alpha-2 コードは US です）"
        );

        // A reason within a reason is said in the same language.
        let err = MarketInput {
            subdivisions: vec!["XX-1".into()],
            ..input()
        }
        .validate("market")
        .unwrap_err();
        let text = err.list()[0].text.as_ref().unwrap();
        assert_eq!(
            text.render(texts("fr")),
            "dans la subdivision « XX-1 » : « XX » n’est pas un code de pays ISO 3166-1 alpha-2 attribué"
        );
        // Counts choose their plural form.
        let err = MarketInput {
            display_name: "x".repeat(201),
            ..input()
        }
        .validate("market")
        .unwrap_err();
        let text = err.list()[0].text.as_ref().unwrap();
        assert_eq!(err.list()[0].description, "is longer than 200 characters");
        assert_eq!(text.render(texts("es")), "tiene más de 200 caracteres");
    }

    #[test]
    fn reports_each_bad_field() {
        type Edit = fn(&mut MarketInput);
        let cases: &[(Edit, &str, &str)] = &[
            (
                |m| m.country = "ZZ".into(),
                "market.country",
                "not an assigned",
            ),
            (|m| m.country = "USA".into(), "market.country", "alpha-2"),
            (|m| m.country = String::new(), "market.country", "required"),
            (
                |m| m.subdivisions = vec!["FR-IDF".into()],
                "market.subdivisions[0]",
                "not of the market's country",
            ),
            (
                |m| m.subdivisions = vec!["QC".into()],
                "market.subdivisions[0]",
                "CC-XXX",
            ),
            (
                |m| m.subdivisions = vec!["CA-QUEB".into()],
                "market.subdivisions[0]",
                "CC-XXX",
            ),
            (
                |m| m.blocs = vec!["EU".into()],
                "market.blocs[0]",
                "not a member",
            ),
            (
                |m| m.blocs = vec!["XYZ".into()],
                "market.blocs[0]",
                "not a known bloc",
            ),
            (|m| m.currency = "CAN".into(), "market.currency", "ISO 4217"),
            (
                |m| m.storefront_locales = vec![],
                "market.storefront_locales",
                "at least one",
            ),
            (
                |m| m.storefront_locales = vec!["en-CA".into(), "en_CA".into()],
                "market.storefront_locales[1]",
                "hyphens",
            ),
            (
                |m| m.storefront_locales = vec!["en-CA".into(), "en-ca".into()],
                "market.storefront_locales[1]",
                "twice",
            ),
            (
                |m| m.default_locale = "de-DE".into(),
                "market.default_locale",
                "not one of the storefront locales",
            ),
            (
                |m| m.default_locale = "!!".into(),
                "market.default_locale",
                "well-formed",
            ),
            (
                |m| {
                    m.external_ids.insert("Bad Key".into(), "x".into());
                },
                "market.external_ids[\"Bad Key\"]",
                "lowercase",
            ),
        ];
        for (edit, field, needle) in cases {
            let mut m = input();
            edit(&mut m);
            let err = m.validate("market").unwrap_err();
            let hit = err.list().iter().find(|v| v.field == *field);
            assert!(
                hit.is_some_and(|v| v.description.contains(needle)),
                "expected {field} ~ {needle:?}, got {err}"
            );
        }
    }
}
