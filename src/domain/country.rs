//! ISO 3166-1 countries, wrapping `isocountry` in one type that also knows
//! Kosovo (`XK`, user-assigned but used by the EU and most registries) and
//! current English short names where the crate's data is stale.

use std::{fmt, str::FromStr};

use isocountry::CountryCode;
use serde::{Deserialize, Serialize};

use super::violations::escaped;
use crate::l10n::Text;

/// A country by its ISO 3166-1 alpha-2 code, such as `CA`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country([u8; 2]);

/// Codes that are valid here although `isocountry` lacks them, with their names.
const EXTRA_COUNTRIES: &[(&str, &str)] = &[("XK", "Kosovo")];

/// Current English short names that replace the crate's outdated ones.
const NAME_OVERRIDES: &[(&str, &str)] = &[
    ("TR", "Türkiye"),
    ("SZ", "Eswatini"),
    ("MK", "North Macedonia"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
];

impl Country {
    /// Parses an alpha-2 code, case-insensitively; explains what is wrong
    /// otherwise (in any of glocal's languages).
    pub fn parse(code: &str) -> Result<Self, Text> {
        let upper = code.trim().to_ascii_uppercase();
        if upper.len() != 2 || !upper.bytes().all(|b| b.is_ascii_uppercase()) {
            let alpha3 = if upper.len() == 3 {
                CountryCode::for_alpha3(&upper).ok()
            } else {
                None
            };
            return Err(match alpha3 {
                Some(c) => Text::new("validation-country-alpha3")
                    .text("alpha3", upper.as_str())
                    .text("alpha2", c.alpha2()),
                None => Text::new("validation-country-malformed"),
            }
            .text("code", escaped(code)));
        }
        if upper == "UK" {
            return Err(Text::new("validation-country-uk"));
        }
        let bytes = upper.as_bytes();
        let country = Country([bytes[0], bytes[1]]);
        if EXTRA_COUNTRIES.iter().any(|(c, _)| *c == upper)
            || CountryCode::for_alpha2(&upper).is_ok()
        {
            Ok(country)
        } else {
            Err(Text::new("validation-country-unassigned").text("code", escaped(code)))
        }
    }

    /// The alpha-2 code, such as `CA`.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).expect("country codes are ASCII")
    }

    /// The English short name, such as "Canada".
    pub fn name(&self) -> &'static str {
        let code = self.code();
        if let Some((_, name)) = NAME_OVERRIDES
            .iter()
            .chain(EXTRA_COUNTRIES)
            .find(|(c, _)| *c == code)
        {
            return name;
        }
        CountryCode::for_alpha2(code)
            .map(|c| c.name())
            .unwrap_or("unknown")
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Country {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).map_err(String::from)
    }
}

impl Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Country::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_names_countries() {
        let cases = [
            ("CA", "Canada"),
            ("ca", "Canada"),
            ("XK", "Kosovo"),
            ("TR", "Türkiye"),
            ("GB", "United Kingdom"),
        ];
        for (input, want) in cases {
            assert_eq!(Country::parse(input).unwrap().name(), want, "{input}");
        }
    }

    #[test]
    fn rejects_unknown_and_alpha3_codes_with_a_hint() {
        let zz = Country::parse("ZZ").unwrap_err().to_string();
        assert_eq!(
            zz,
            "\"ZZ\" is not an assigned ISO 3166-1 alpha-2 country code"
        );
        let usa = Country::parse("usa").unwrap_err().to_string();
        assert_eq!(
            usa,
            "\"usa\" is not an ISO 3166-1 alpha-2 country code (the alpha-2 code of USA is US)"
        );
        let uk = Country::parse("UK").unwrap_err().to_string();
        assert_eq!(
            uk,
            "\"UK\" is not an ISO 3166-1 country code; the United Kingdom is GB"
        );
        let odd = Country::parse("C\"1").unwrap_err().to_string();
        assert_eq!(odd, "\"C\\\"1\" is not an ISO 3166-1 alpha-2 country code");
    }
}
