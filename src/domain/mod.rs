//! The domain model: markets, requirements, products and variants, with the
//! validation that turns bad input into field violations a person can act on.
//!
//! Pure code: no I/O, no proto types. Every check reports all of its
//! violations at once (as many as [`Violations`] keeps), each naming the field
//! it is about. [`limits`] says how much one resource may hold.

mod bloc;
pub mod bundle;
mod country;
mod date;
pub mod ftl;
mod ids;
pub mod limits;
mod locale;
mod market;
pub mod planning;
mod preset;
mod product;
pub mod pseudo;
mod requirement;
mod violations;

pub use bloc::Bloc;
pub use country::Country;
pub use date::CalendarDate;
pub use ids::{validate_resource_id, ResourceKind, ResourceName};
pub use locale::LocaleTag;
pub use market::{Market, MarketInput};
pub use preset::{MarketPreset, PresetError, PresetMarket, PresetRequirement, AMAZON_MARKETPLACES};
pub use product::{FluentSource, MessageScope, Product, ProductInput, Variant, VariantInput};
pub use requirement::{
    Jurisdiction, JurisdictionInput, LocaleRule, LocaleRuleInput, MatchPolicy, MessagePattern,
    Obligation, Requirement, RequirementInput, RequirementKind,
};
pub(crate) use violations::escaped;
pub use violations::{
    Description, FieldViolation, Violations, MAX_DESCRIPTION_CHARS, MAX_FIELD_CHARS,
    MAX_VIOLATIONS, MAX_VIOLATIONS_BYTES,
};
