//! How much one resource may hold: the most entries of every list and map
//! and the longest strings the domain accepts. A request comes from anyone
//! who can reach a shared service, and the store, the checks and every later
//! answer carry what it holds, so nothing a client sends is unbounded.
//!
//! A list or map over its cap is one violation on the list's field ("may
//! have at most 64 entries"), and only its first entries, as many as the cap,
//! are checked one by one (so a list of 100,000 costs no more than a full
//! one). A string over its length is "longer than N characters", without
//! quoting it.
//!
//! | Resource | Field | At most |
//! |---|---|---|
//! | market | `subdivisions` | 256 entries |
//! | market | `blocs` | 16 entries |
//! | market | `storefront_locales` | 64 entries |
//! | market | `external_ids` | 128 entries; keys 64 characters, values 256 |
//! | requirement | `product_categories` | 64 entries |
//! | requirement | `locale_rules` | 64 entries |
//! | requirement | `required_messages` | 1000 entries |
//! | requirement | `summary` | 2000 characters |
//! | requirement | `legal_reference` | 500 characters |
//! | requirement | `source_url` | 2048 characters |
//! | product | `categories` | 64 entries |
//! | product | `fluent_source.directory`, `fluent_source.layout` | 512 characters |
//! | variant | `markets` | 512 entries |
//! | variant | `attributes` | 64 entries; keys 64 characters, values 256 |
//! | variant | `features` | 256 entries |
//! | variant | `required_messages` | 1000 entries |
//! | variant | `sku` | 64 characters |
//! | launch | `phases` | 10 entries |
//! | launch | `locales` | 64 entries |
//! | roadmap | `items` | 1000 entries |
//! | roadmap item | `messages` | 1000 entries |
//! | roadmap item | `markets` | 512 entries |
//! | roadmap item | `waivers` | 100 entries |
//! | waiver | `reason` | 2000 characters |
//! | waiver | `approver` | 200 characters |
//! | all | display names, roadmap item titles | 200 characters |
//! | all | resource ids (and so categories, features, item ids) | 63 characters |
//! | all | locale tags | 64 characters |
//! | all | message ids and id patterns | 256 characters |
//! | bundle | file paths (and `.ftl` paths in roadmap items) | 512 bytes |
//! | plan (ImportPlan) | `markets`, `requirements`, `variants` | 1000 entries each |
//! | plan (ImportPlan) | `launches` | 5000 entries |
//! | plan (ImportPlan) | `roadmaps` | 100 entries |
//! | CheckRoadmap | `identical_allowed` | 1000 entries of 256 characters |
//! | CheckRoadmap | `market_window_days` | 512 entries |
//!
//! Codes (countries, subdivisions, blocs, currencies) and resource names are
//! bounded by their form. Violations themselves are bounded too
//! ([`super::Violations`]).

use super::market::too_long;
use super::Violations;
use crate::l10n::Text;

/// The most subdivisions of a market.
pub const MAX_SUBDIVISIONS: usize = 256;
/// The most blocs of a market (glocal knows 8).
pub const MAX_BLOCS: usize = 16;
/// The most storefront locales of a market.
pub const MAX_STOREFRONT_LOCALES: usize = 64;
/// The most external ids of a market (one per system a market is known to;
/// 128 leaves room for many).
pub const MAX_EXTERNAL_IDS: usize = 128;
/// The longest key of a market's external ids or a variant's attributes, in
/// bytes (keys are ASCII).
pub const MAX_MAP_KEY: usize = 64;
/// The longest value of a market's external ids or a variant's attributes,
/// in bytes.
pub const MAX_MAP_VALUE: usize = 256;
/// The most product categories of a requirement or a product.
pub const MAX_CATEGORIES: usize = 64;
/// The most locale rules of a requirement.
pub const MAX_LOCALE_RULES: usize = 64;
/// The most required messages of a requirement or a variant.
pub const MAX_REQUIRED_MESSAGES: usize = 1000;
/// The longest summary of a requirement, in characters.
pub const MAX_SUMMARY: usize = 2000;
/// The longest legal reference of a requirement, in characters.
pub const MAX_LEGAL_REFERENCE: usize = 500;
/// The longest source URL of a requirement, in characters.
pub const MAX_SOURCE_URL: usize = 2048;
/// The longest directory or layout of a product's Fluent source, in
/// characters.
pub const MAX_FLUENT_SOURCE_PATH: usize = 512;
/// The most markets of a variant or a roadmap item.
pub const MAX_MARKETS: usize = 512;
/// The most attributes of a variant.
pub const MAX_ATTRIBUTES: usize = 64;
/// The most features of a variant.
pub const MAX_FEATURES: usize = 256;
/// The longest SKU of a variant, in characters.
pub const MAX_SKU: usize = 64;
/// The most phases of a launch (there are three, each at most once).
pub const MAX_PHASES: usize = 10;
/// The most locales of a launch.
pub const MAX_LAUNCH_LOCALES: usize = 64;
/// The most items of a roadmap.
pub const MAX_ROADMAP_ITEMS: usize = 1000;
/// The most messages (ids, id patterns, file paths) of a roadmap item.
pub const MAX_ITEM_MESSAGES: usize = 1000;
/// The most waivers of a roadmap item.
pub const MAX_WAIVERS: usize = 100;
/// The longest reason of a waiver, in characters.
pub const MAX_WAIVER_REASON: usize = 2000;
/// The longest approver of a waiver, in characters.
pub const MAX_APPROVER: usize = 200;
/// The longest display name (of any resource) or roadmap item title, in
/// characters.
pub const MAX_DISPLAY_NAME: usize = 200;
/// The longest locale tag, in characters (BCP 47 asks implementations to take
/// at least 35).
pub const MAX_LOCALE_TAG: usize = 64;
/// The longest message id or id pattern, in characters.
pub const MAX_MESSAGE_PATTERN: usize = 256;

/// The most markets, requirements or variants of one plan in ImportPlan.
pub const MAX_PLAN_ENTRIES: usize = 1000;
/// The most launches of one plan in ImportPlan (a launch per variant and
/// market).
pub const MAX_PLAN_LAUNCHES: usize = 5000;
/// The most roadmaps of one plan in ImportPlan.
pub const MAX_PLAN_ROADMAPS: usize = 100;
/// The most message ids and id patterns of CheckRoadmap's
/// `identical_allowed`.
pub const MAX_IDENTICAL_ALLOWED: usize = 1000;

/// Checks that the list or map at `field` has at most `max` entries, `len`
/// given; records one violation otherwise. Returns how many of its entries to
/// check: `len`, or `max` when there are more.
pub fn check_entries(len: usize, max: usize, field: &str, v: &mut Violations) -> usize {
    if len > max {
        v.add(field, too_many(max));
        max
    } else {
        len
    }
}

/// [`check_entries`] of a list that is then cut to the entries to check.
pub fn cap_list<T>(list: &mut Vec<T>, max: usize, field: &str, v: &mut Violations) {
    let keep = check_entries(list.len(), max, field, v);
    list.truncate(keep);
}

/// Why a list or map is invalid that has more than `max` entries.
pub(crate) fn too_many(max: usize) -> Text {
    Text::new("validation-too-many-entries").count("max", max)
}

/// Checks that `value` has at most `max` characters; records a violation of
/// `field` otherwise, and says whether it was short enough.
pub fn check_length(value: &str, max: usize, field: String, v: &mut Violations) -> bool {
    // More bytes than `max` × 4 cannot be `max` characters: no need to count.
    let ok = value.len() <= max || (value.len() <= 4 * max && value.chars().count() <= max);
    if !ok {
        v.add(field, too_long(max));
    }
    ok
}
