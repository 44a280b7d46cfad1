//! Fuzz target `update_masks`: `UpdateMarket` and `UpdateRequirement` through
//! `glocal::api::MarketApi` (the public `MarketService` trait) over an
//! in-memory store seeded with one market and one requirement. The update
//! mask code (`api::mask::apply_mask`) and the proto ↔ domain conversions
//! are private to `glocal::api`; this is the public way to them. See
//! `fuzz/src/masks.rs` for the invariants.
//!
//! The first byte of an input chooses its form: below 64, the rest is a
//! request in protobuf (`Update::decode`: `prost::Message::decode` of
//! `UpdateMarketRequest` or `UpdateRequirementRequest`); otherwise the rest
//! drives `arbitrary` to build a request from field names and values that
//! mostly mean something (a mask of real, output-only and unknown paths;
//! countries, locales, currencies, blocs, dates, enum numbers), so that
//! most inputs reach the mask and the validation behind it.
#![no_main]

use std::collections::HashMap;

use arbitrary::{Result, Unstructured};
use glocal::api::pb::glocal::v1 as pb;
use glocal::api::pb::google::r#type::Date;
use glocal_fuzz::masks::{self, Update};
use libfuzzer_sys::fuzz_target;
use prost_types::FieldMask;

const MARKET_FIELDS: &[&str] = &[
    "display_name",
    "country",
    "subdivisions",
    "blocs",
    "currency",
    "storefront_locales",
    "default_locale",
    "external_ids",
];
const REQUIREMENT_FIELDS: &[&str] = &[
    "jurisdiction",
    "kind",
    "summary",
    "legal_reference",
    "source_url",
    "effective_from",
    "effective_until",
    "product_categories",
    "locale_rules",
    "required_messages",
];
const OTHER_PATHS: &[&str] = &[
    "*",
    "name",
    "etag",
    "create_time",
    "update_time",
    "",
    "market",
    "market.country",
    "display_name.x",
    "DISPLAY_NAME",
];
const COUNTRIES: &[&str] = &[
    "FI", "SE", "DE", "US", "CA", "GB", "UK", "XK", "fi", "", "ZZ",
];
const SUBDIVISIONS: &[&str] = &["FI-18", "FI-01", "CA-QC", "QC", "US-CA", "fi-18", ""];
const BLOCS: &[&str] = &["EU", "EEA", "eu", "EFTA", "NAFTA", ""];
const CURRENCIES: &[&str] = &["EUR", "SEK", "USD", "eur", "XXX", ""];
const LOCALES: &[&str] = &[
    "fi-FI",
    "sv-FI",
    "fi",
    "sv",
    "en",
    "en-US",
    "fr_CA",
    "FR-ca",
    "zh-Hant-TW",
    "x-private",
    "i-klingon",
    "",
    "und",
    "sv-Latn-FI-1996",
];
const TEXTS: &[&str] = &[
    "Shop",
    "",
    " ",
    "\u{0}",
    "é",
    "https://example.com/law",
    "legal-*",
    "*",
];
const IDS: &[&str] = &[
    masks::SEED_MARKET,
    masks::SEED_REQUIREMENT,
    "markets/other",
    "markets/Seed",
    "requirements/other",
    "markets/seed/x",
    "",
];

fn pick<'a>(u: &mut Unstructured<'_>, words: &[&'a str]) -> Result<String> {
    if u.ratio(1, 8)? {
        return u.arbitrary::<String>();
    }
    Ok(u.choose(words)?.to_string())
}

fn picks(u: &mut Unstructured<'_>, words: &[&str]) -> Result<Vec<String>> {
    let n = u.int_in_range(0..=3)?;
    (0..n).map(|_| pick(u, words)).collect()
}

fn mask(u: &mut Unstructured<'_>, fields: &[&str]) -> Result<Option<FieldMask>> {
    if u.ratio(1, 4)? {
        return Ok(None);
    }
    let n = u.int_in_range(0..=3)?;
    let mut paths = Vec::new();
    for _ in 0..n {
        paths.push(if u.ratio(3, 4)? {
            u.choose(fields)?.to_string()
        } else {
            pick(u, OTHER_PATHS)?
        });
    }
    Ok(Some(FieldMask { paths }))
}

fn name(u: &mut Unstructured<'_>, seed: &str) -> Result<String> {
    if u.ratio(7, 8)? {
        Ok(seed.to_string())
    } else {
        pick(u, IDS)
    }
}

fn etag(u: &mut Unstructured<'_>) -> Result<String> {
    if u.ratio(7, 8)? {
        Ok(String::new())
    } else {
        pick(u, &["e1-0", "e2-0", "e3-0", "\"x\""])
    }
}

fn small_enum(u: &mut Unstructured<'_>) -> Result<i32> {
    if u.ratio(1, 8)? {
        u.arbitrary()
    } else {
        u.int_in_range(-1..=12)
    }
}

fn date(u: &mut Unstructured<'_>) -> Result<Option<Date>> {
    if u.ratio(1, 2)? {
        return Ok(None);
    }
    Ok(Some(if u.ratio(1, 4)? {
        Date {
            year: u.arbitrary()?,
            month: u.arbitrary()?,
            day: u.arbitrary()?,
        }
    } else {
        Date {
            year: u.int_in_range(0..=10000)?,
            month: u.int_in_range(0..=13)?,
            day: u.int_in_range(0..=32)?,
        }
    }))
}

fn market(u: &mut Unstructured<'_>) -> Result<Update> {
    // Some fields left at their default, as partial updates do.
    let market = pb::Market {
        name: name(u, masks::SEED_MARKET)?,
        display_name: sometimes(u, |u| pick(u, TEXTS))?,
        country: sometimes(u, |u| pick(u, COUNTRIES))?,
        subdivisions: picks(u, SUBDIVISIONS)?,
        blocs: picks(u, BLOCS)?,
        currency: sometimes(u, |u| pick(u, CURRENCIES))?,
        storefront_locales: picks(u, LOCALES)?,
        default_locale: sometimes(u, |u| pick(u, LOCALES))?,
        external_ids: {
            let n = u.int_in_range(0..=2)?;
            let mut ids = HashMap::new();
            for _ in 0..n {
                ids.insert(pick(u, &["amazon", "", "k"])?, pick(u, TEXTS)?);
            }
            ids
        },
        etag: etag(u)?,
        ..Default::default()
    };
    Ok(Update::Market(pb::UpdateMarketRequest {
        market: if u.ratio(1, 32)? { None } else { Some(market) },
        update_mask: mask(u, MARKET_FIELDS)?,
    }))
}

/// What `make` makes, or (half the time) the default: a field left unset.
fn sometimes<'a, T: Default>(
    u: &mut Unstructured<'a>,
    make: impl FnOnce(&mut Unstructured<'a>) -> Result<T>,
) -> Result<T> {
    if u.ratio(1, 2)? {
        make(u)
    } else {
        Ok(T::default())
    }
}

fn requirement(u: &mut Unstructured<'_>) -> Result<Update> {
    use pb::jurisdiction::Place;
    let jurisdiction = match u.int_in_range(0..=4)? {
        0 => None,
        1 => Some(pb::Jurisdiction { place: None }),
        2 => Some(pb::Jurisdiction {
            place: Some(Place::Country(pick(u, COUNTRIES)?)),
        }),
        3 => Some(pb::Jurisdiction {
            place: Some(Place::Subdivision(pick(u, SUBDIVISIONS)?)),
        }),
        _ => Some(pb::Jurisdiction {
            place: Some(Place::Bloc(pick(u, BLOCS)?)),
        }),
    };
    let n = u.int_in_range(0..=3)?;
    let mut locale_rules = Vec::new();
    for _ in 0..n {
        locale_rules.push(pb::LocaleRule {
            locale: pick(u, LOCALES)?,
            obligation: small_enum(u)?,
            match_policy: small_enum(u)?,
            must_be_default: u.arbitrary()?,
        });
    }
    let requirement = pb::Requirement {
        name: name(u, masks::SEED_REQUIREMENT)?,
        jurisdiction,
        kind: sometimes(u, small_enum)?,
        summary: sometimes(u, |u| pick(u, TEXTS))?,
        legal_reference: sometimes(u, |u| pick(u, TEXTS))?,
        source_url: sometimes(u, |u| pick(u, TEXTS))?,
        effective_from: date(u)?,
        effective_until: date(u)?,
        product_categories: picks(u, &["books", "toys", "", "Books"])?,
        locale_rules,
        required_messages: picks(u, &["legal-*", "*", "a.b", "", "x", "-term", "a b"])?,
        etag: etag(u)?,
        ..Default::default()
    };
    Ok(Update::Requirement(pb::UpdateRequirementRequest {
        requirement: if u.ratio(1, 32)? {
            None
        } else {
            Some(requirement)
        },
        update_mask: mask(u, REQUIREMENT_FIELDS)?,
    }))
}

fn structured(data: &[u8]) -> Result<Update> {
    let mut u = Unstructured::new(data);
    if u.arbitrary::<bool>()? {
        market(&mut u)
    } else {
        requirement(&mut u)
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let update = if first < 64 {
        Update::decode(rest)
    } else {
        structured(rest).ok()
    };
    if let Some(update) = update {
        // Reproducing a crash: `GLOCAL_FUZZ_DUMP=FILE cargo fuzz run
        // update_masks ARTIFACT` writes the request in the form
        // `Update::decode` reads (a regression fixture) and prints it.
        if let Some(path) = std::env::var_os("GLOCAL_FUZZ_DUMP") {
            std::fs::write(path, update.encode()).expect("write the dump");
            eprintln!("{update:#?}");
        }
        masks::check(update);
    }
});
