//! BCP 47 locale tags, checked and put in canonical case by `unic-langid`.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use super::limits::MAX_LOCALE_TAG;
use super::market::too_long;
use crate::l10n::Text;

/// A BCP 47 language tag of language, optional script, region and variants,
/// such as `fr-CA` or `zh-Hant-TW`, in canonical case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocaleTag(String);

impl LocaleTag {
    /// Parses `tag` (at most [`MAX_LOCALE_TAG`] characters); explains what
    /// is wrong otherwise (in any of glocal's languages).
    pub fn parse(tag: &str) -> Result<Self, Text> {
        if tag.is_empty() {
            return Err(Text::new("validation-required"));
        }
        if tag.len() > MAX_LOCALE_TAG && tag.chars().count() > MAX_LOCALE_TAG {
            return Err(too_long(MAX_LOCALE_TAG));
        }
        Self::parse_any_length(tag)
    }

    /// [`LocaleTag::parse`] without the length limit: for tags stored before
    /// it existed.
    fn parse_any_length(tag: &str) -> Result<Self, Text> {
        if tag.is_empty() {
            return Err(Text::new("validation-required"));
        }
        if tag.contains('_') {
            let hyphenated = tag.replace('_', "-");
            return Err(match hyphenated.parse::<LanguageIdentifier>() {
                Ok(id) => Text::new("validation-locale-underscore-fixable")
                    .text("suggestion", id.to_string()),
                Err(_) => Text::new("validation-locale-underscore"),
            }
            .text("tag", tag));
        }
        let id: LanguageIdentifier = tag
            .parse()
            .map_err(|_| Text::new("validation-locale-malformed").text("tag", tag))?;
        let language_len = id.language.as_str().len();
        if !id.language.is_empty() && !(2..=3).contains(&language_len) {
            return Err(Text::new("validation-locale-language-length").text("tag", tag));
        }
        if id.language.is_empty() {
            return Err(Text::new("validation-locale-no-language").text("tag", tag));
        }
        // BCP 47 variants are 5 to 8 characters, or 4 starting with a digit.
        // unic-langid 0.9 also accepts 4 letters (`en-zzzzz-aaaa`), whose
        // canonical form then reads back with a script (`en-Aaaa-zzzzz`):
        // refused, so that a stored tag is its own canonical form.
        if id.variants().any(|v| {
            let v = v.as_str();
            v.len() < 5 && !(v.len() == 4 && v.starts_with(|c: char| c.is_ascii_digit()))
        }) {
            return Err(Text::new("validation-locale-malformed").text("tag", tag));
        }
        Ok(LocaleTag(id.to_string()))
    }

    /// The canonical tag.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language subtag, such as `fr` for `fr-CA`.
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or_default()
    }
}

impl fmt::Display for LocaleTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for LocaleTag {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).map_err(String::from)
    }
}

impl Serialize for LocaleTag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for LocaleTag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        LocaleTag::parse_any_length(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalizes_and_rejects_tags() {
        let cases = [
            ("fr-CA", "fr-CA"),
            ("FR-ca", "fr-CA"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("es-419", "es-419"),
        ];
        for (input, want) in cases {
            assert_eq!(LocaleTag::parse(input).unwrap().as_str(), want, "{input}");
        }
        for bad in [
            "", "en_US", "e", "en-USA", "english", "fr-CA-", "und", "12-CA",
        ] {
            assert!(LocaleTag::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(LocaleTag::parse("fr-CA").unwrap().language(), "fr");
    }
}
