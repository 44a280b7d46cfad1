//! Built-in market presets and the starter requirements, from the TOML files
//! under `src/data/presets/` (each notes its sources and version).

use serde::Deserialize;

use super::market::MarketInput;
use super::requirement::RequirementInput;
use super::{validate_resource_id, Market, Requirement, Violations};

/// The name of the built-in Amazon marketplace preset.
pub const AMAZON_MARKETPLACES: &str = "amazon-marketplaces";

/// A market of a preset, with the id it is created under.
#[derive(Debug, Clone)]
pub struct PresetMarket {
    /// The market id (`markets/{id}`).
    pub id: String,
    /// The market.
    pub market: Market,
}

/// A starter requirement, with the id it is created under.
#[derive(Debug, Clone)]
pub struct PresetRequirement {
    /// The requirement id (`requirements/{id}`).
    pub id: String,
    /// The requirement.
    pub requirement: Requirement,
}

/// A loaded preset: its markets and the starter requirements.
#[derive(Debug, Clone)]
pub struct MarketPreset {
    /// Version stamp of the market data, such as "2026-11".
    pub markets_version: String,
    /// Version stamp of the starter requirements.
    pub requirements_version: String,
    /// The markets.
    pub markets: Vec<PresetMarket>,
    /// The starter requirements.
    pub requirements: Vec<PresetRequirement>,
}

/// Why a preset could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PresetError {
    /// No preset has that name.
    #[error("unknown preset {0:?}; the built-in preset is \"amazon-marketplaces\"")]
    Unknown(String),
    /// The built-in data is broken (a bug, caught by the unit tests).
    #[error("built-in data {file} is invalid: {detail}")]
    Invalid {
        /// The data file.
        file: &'static str,
        /// What is wrong.
        detail: String,
    },
}

#[derive(Deserialize)]
struct MarketFile {
    version: String,
    market: Vec<MarketEntry>,
}

#[derive(Deserialize)]
struct MarketEntry {
    id: String,
    #[serde(flatten)]
    input: MarketInput,
}

#[derive(Deserialize)]
struct RequirementFile {
    version: String,
    requirement: Vec<RequirementEntry>,
}

#[derive(Deserialize)]
struct RequirementEntry {
    id: String,
    #[serde(flatten)]
    input: RequirementInput,
}

const AMAZON_FILE: &str = "src/data/presets/amazon-marketplaces.toml";
const REQUIREMENTS_FILE: &str = "src/data/presets/starter-requirements.toml";

fn invalid(file: &'static str, detail: impl ToString) -> PresetError {
    PresetError::Invalid {
        file,
        detail: detail.to_string(),
    }
}

fn check_id(file: &'static str, id: &str) -> Result<(), PresetError> {
    validate_resource_id(id).map_err(|e| invalid(file, format!("id {e}")))
}

impl MarketPreset {
    /// Loads the preset called `name`.
    pub fn load(name: &str) -> Result<MarketPreset, PresetError> {
        if name != AMAZON_MARKETPLACES {
            return Err(PresetError::Unknown(name.to_string()));
        }
        let markets: MarketFile =
            toml::from_str(include_str!("../data/presets/amazon-marketplaces.toml"))
                .map_err(|e| invalid(AMAZON_FILE, e))?;
        let requirements: RequirementFile =
            toml::from_str(include_str!("../data/presets/starter-requirements.toml"))
                .map_err(|e| invalid(REQUIREMENTS_FILE, e))?;
        let mut out = MarketPreset {
            markets_version: markets.version.clone(),
            requirements_version: requirements.version.clone(),
            markets: Vec::new(),
            requirements: Vec::new(),
        };
        for entry in markets.market {
            check_id(AMAZON_FILE, &entry.id)?;
            let market = entry
                .input
                .validate(&entry.id)
                .map_err(|v: Violations| invalid(AMAZON_FILE, v))?;
            out.markets.push(PresetMarket {
                id: entry.id,
                market,
            });
        }
        for entry in requirements.requirement {
            check_id(REQUIREMENTS_FILE, &entry.id)?;
            let requirement = entry
                .input
                .validate(&entry.id)
                .map_err(|v: Violations| invalid(REQUIREMENTS_FILE, v))?;
            out.requirements.push(PresetRequirement {
                id: entry.id,
                requirement,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amazon_preset_loads_and_is_consistent() {
        let preset = MarketPreset::load(AMAZON_MARKETPLACES).unwrap();
        assert!(preset.markets.len() >= 22, "{}", preset.markets.len());
        let uk = preset
            .markets
            .iter()
            .find(|m| m.id == "amazon-co-uk")
            .unwrap();
        assert_eq!(uk.market.country.code(), "GB");
        let mut ids: Vec<&str> = preset.markets.iter().map(|m| m.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), preset.markets.len(), "market ids are unique");
        for m in &preset.markets {
            assert!(
                m.market.external_ids.contains_key("amazon_marketplace_id"),
                "{}",
                m.id
            );
        }
        let req_ids: Vec<&str> = preset.requirements.iter().map(|r| r.id.as_str()).collect();
        for want in [
            "quebec-french-language",
            "france-loi-toubon",
            "germany-impressum",
            "eu-accessibility-act",
        ] {
            assert!(req_ids.contains(&want), "{want}");
        }
        for r in &preset.requirements {
            assert!(!r.requirement.legal_reference.is_empty(), "{}", r.id);
            assert!(r.requirement.source_url.starts_with("https://"), "{}", r.id);
        }
    }

    #[test]
    fn unknown_preset_is_named() {
        let err = MarketPreset::load("ebay").unwrap_err();
        assert!(err.to_string().contains("amazon-marketplaces"));
    }
}
