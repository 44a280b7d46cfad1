//! Trade and regulatory blocs (`EU`, `EEA`, `GCC`, ...) and their members,
//! from the built-in table `src/data/blocs.toml`.

use std::{fmt, sync::OnceLock};

use serde::{Deserialize, Serialize};

use super::violations::escaped;
use super::Country;
use crate::l10n::Text;

/// A known bloc, by its code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bloc(String);

#[derive(Deserialize)]
struct BlocTable {
    bloc: Vec<BlocEntry>,
}

#[derive(Deserialize)]
struct BlocEntry {
    code: String,
    name: String,
    members: Vec<Country>,
}

fn table() -> &'static [BlocEntry] {
    static TABLE: OnceLock<Vec<BlocEntry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let parsed: BlocTable = toml::from_str(include_str!("../data/blocs.toml"))
            .expect("the built-in bloc table parses (checked by a unit test)");
        parsed.bloc
    })
}

impl Bloc {
    /// Parses a bloc code, case-insensitively; lists the known codes otherwise
    /// (in any of glocal's languages).
    pub fn parse(code: &str) -> Result<Self, Text> {
        let upper = code.trim().to_ascii_uppercase();
        if table().iter().any(|b| b.code == upper) {
            Ok(Bloc(upper))
        } else {
            let known: Vec<&str> = table().iter().map(|b| b.code.as_str()).collect();
            Err(Text::new("validation-bloc-unknown")
                .text("code", escaped(code))
                .text("known", known.join(", ")))
        }
    }

    fn entry(&self) -> &'static BlocEntry {
        table()
            .iter()
            .find(|b| b.code == self.0)
            .expect("a Bloc is only made from a code in the table")
    }

    /// The code, such as `EU`.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// The English name, such as "European Union".
    pub fn name(&self) -> &'static str {
        &self.entry().name
    }

    /// Whether `country` is a member.
    pub fn has_member(&self, country: Country) -> bool {
        self.entry().members.contains(&country)
    }

    /// Every bloc `country` is a member of.
    pub fn all_of(country: Country) -> Vec<Bloc> {
        table()
            .iter()
            .filter(|b| b.members.contains(&country))
            .map(|b| Bloc(b.code.clone()))
            .collect()
    }
}

impl fmt::Display for Bloc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Bloc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bloc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Bloc::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_answers_membership() {
        assert!(!table().is_empty());
        let eu = Bloc::parse("eu").unwrap();
        assert_eq!(eu.name(), "European Union");
        assert!(eu.has_member(Country::parse("FR").unwrap()));
        assert!(!eu.has_member(Country::parse("GB").unwrap()));
        let no = Bloc::all_of(Country::parse("NO").unwrap());
        let codes: Vec<&str> = no.iter().map(Bloc::code).collect();
        assert_eq!(codes, ["EEA", "EFTA"]);
        assert!(Bloc::parse("NAFTA")
            .unwrap_err()
            .to_string()
            .starts_with("\"NAFTA\" is not a known bloc; known blocs are EU, "));
    }
}
