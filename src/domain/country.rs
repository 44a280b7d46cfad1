//! ISO 3166-1 countries, wrapping `isocountry` in one type that also knows
//! Kosovo (`XK`, user-assigned but used by the EU and most registries) and
//! current English short names where the crate's data is stale.

use std::{fmt, str::FromStr};

use isocountry::CountryCode;
use serde::{Deserialize, Serialize};

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
    /// Parses an alpha-2 code, case-insensitively; explains what is wrong otherwise.
    pub fn parse(code: &str) -> Result<Self, String> {
        let upper = code.trim().to_ascii_uppercase();
        if upper.len() != 2 || !upper.bytes().all(|b| b.is_ascii_uppercase()) {
            let hint = if upper.len() == 3 {
                match CountryCode::for_alpha3(&upper) {
                    Ok(c) => format!(" (the alpha-2 code of {} is {})", upper, c.alpha2()),
                    Err(_) => String::new(),
                }
            } else if upper == "UK" {
                " (the United Kingdom is GB)".to_string()
            } else {
                String::new()
            };
            return Err(format!(
                "{code:?} is not an ISO 3166-1 alpha-2 country code{hint}"
            ));
        }
        if upper == "UK" {
            return Err(
                "\"UK\" is not an ISO 3166-1 country code; the United Kingdom is GB".into(),
            );
        }
        let bytes = upper.as_bytes();
        let country = Country([bytes[0], bytes[1]]);
        if EXTRA_COUNTRIES.iter().any(|(c, _)| *c == upper)
            || CountryCode::for_alpha2(&upper).is_ok()
        {
            Ok(country)
        } else {
            Err(format!(
                "{code:?} is not an assigned ISO 3166-1 alpha-2 country code"
            ))
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
        Self::parse(s)
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
        let zz = Country::parse("ZZ").unwrap_err();
        assert!(zz.contains("not an assigned"), "{zz}");
        let usa = Country::parse("USA").unwrap_err();
        assert!(usa.contains("alpha-2 code of USA is US"), "{usa}");
        let uk = Country::parse("UK").unwrap_err();
        assert!(uk.contains("GB"), "{uk}");
    }
}
