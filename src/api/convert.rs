//! Conversions between proto messages and domain types: one [`Resource`]
//! implementation per resource, so that bad input becomes field violations in
//! one place.

use prost_types::Timestamp;
use serde::{de::DeserializeOwned, Serialize};

use crate::domain::{
    self, CalendarDate, JurisdictionInput, LocaleRuleInput, MatchPolicy, Obligation,
    RequirementKind, ResourceKind, ResourceName, Violations,
};
use crate::store::Stored;

use super::mask::{mask_fields, MaskField};
use super::pb::glocal::v1 as pb;
use super::pb::google::r#type::Date;
use super::ApiError;

/// A proto resource message and the domain type it stands for.
pub trait Resource: Sized + Clone + Default + prost::Message {
    /// The validated domain type, as stored.
    type Domain: Serialize + DeserializeOwned + PartialEq;
    /// The kind of resource.
    const KIND: ResourceKind;
    /// The proto message of a stored document.
    fn from_domain(domain: Self::Domain, stored: &Stored) -> Self;
    /// Validates the proto message, naming fields under `prefix`.
    fn into_domain(self, prefix: &str) -> Result<Self::Domain, Violations>;
    /// The message's `name` field.
    fn name(&self) -> &str;
    /// The message's `etag` field.
    fn etag(&self) -> &str;
    /// The fields an update mask can name.
    fn mask_fields() -> Vec<MaskField<Self>>;
    /// Names of the resources a document of `name` references (they must exist).
    fn refs(_domain: &Self::Domain, _name: &ResourceName) -> Vec<String> {
        Vec::new()
    }
    /// The request field (under `prefix`) that holds the reference to `target`.
    fn reference_field(_domain: &Self::Domain, _target: &str, _prefix: &str) -> Option<String> {
        None
    }
}

/// A timestamp from nanoseconds since the Unix epoch.
pub fn timestamp(nanos: i64) -> Option<Timestamp> {
    Some(Timestamp {
        seconds: nanos.div_euclid(1_000_000_000),
        nanos: i32::try_from(nanos.rem_euclid(1_000_000_000)).unwrap_or(0),
    })
}

/// A `google.type.Date` from a calendar date.
pub fn date_to_pb(date: CalendarDate) -> Date {
    Date {
        year: date.year(),
        month: date.month(),
        day: date.day(),
    }
}

/// A calendar date from an optional `google.type.Date`, recording a violation of `field` if invalid.
pub fn date_from_pb(date: Option<&Date>, field: &str, v: &mut Violations) -> Option<CalendarDate> {
    let d = date?;
    match CalendarDate::from_ymd(d.year, d.month, d.day) {
        Ok(date) => Some(date),
        Err(e) => {
            v.add(
                field,
                format!("{e} (a full date with year, month and day is required)"),
            );
            None
        }
    }
}

/// The domain value of a stored document.
pub fn decode_body<T: DeserializeOwned>(stored: &Stored) -> Result<T, ApiError> {
    serde_json::from_value(stored.body.clone())
        .map_err(|e| ApiError::Internal(format!("stored {} is undecodable: {e}", stored.name)))
}

/// The proto message of a stored document.
pub fn to_pb<R: Resource>(stored: &Stored) -> Result<R, ApiError> {
    Ok(R::from_domain(decode_body(stored)?, stored))
}

fn enum_value<E>(
    raw: i32,
    field: &str,
    v: &mut Violations,
    map: impl Fn(i32) -> Option<Option<E>>,
) -> Option<E> {
    match map(raw) {
        Some(value) => value,
        None => {
            v.add(field, format!("{raw} is not a known value"));
            None
        }
    }
}

fn kind_from_pb(raw: i32) -> Option<Option<RequirementKind>> {
    use pb::RequirementKind as P;
    Some(match P::try_from(raw).ok()? {
        P::Unspecified => None,
        P::LegalLanguage => Some(RequirementKind::LegalLanguage),
        P::Privacy => Some(RequirementKind::Privacy),
        P::ConsumerInfo => Some(RequirementKind::ConsumerInfo),
        P::PricingDisplay => Some(RequirementKind::PricingDisplay),
        P::SafetyMark => Some(RequirementKind::SafetyMark),
        P::AgeRating => Some(RequirementKind::AgeRating),
        P::Accessibility => Some(RequirementKind::Accessibility),
        P::Tax => Some(RequirementKind::Tax),
        P::Other => Some(RequirementKind::Other),
    })
}

/// The proto value of a requirement kind.
pub fn kind_to_pb(kind: RequirementKind) -> pb::RequirementKind {
    use pb::RequirementKind as P;
    match kind {
        RequirementKind::LegalLanguage => P::LegalLanguage,
        RequirementKind::Privacy => P::Privacy,
        RequirementKind::ConsumerInfo => P::ConsumerInfo,
        RequirementKind::PricingDisplay => P::PricingDisplay,
        RequirementKind::SafetyMark => P::SafetyMark,
        RequirementKind::AgeRating => P::AgeRating,
        RequirementKind::Accessibility => P::Accessibility,
        RequirementKind::Tax => P::Tax,
        RequirementKind::Other => P::Other,
    }
}

/// The domain kind of a proto requirement kind filter; `None` for unspecified.
pub fn kind_filter(raw: i32) -> Result<Option<RequirementKind>, ApiError> {
    kind_from_pb(raw).ok_or_else(|| {
        ApiError::invalid_field("kind", format!("{raw} is not a known requirement kind"))
    })
}

impl Resource for pb::Market {
    type Domain = domain::Market;
    const KIND: ResourceKind = ResourceKind::Market;

    fn from_domain(m: domain::Market, stored: &Stored) -> Self {
        pb::Market {
            name: stored.name.clone(),
            display_name: m.display_name,
            country: m.country.code().to_string(),
            subdivisions: m.subdivisions,
            blocs: m.blocs.iter().map(|b| b.code().to_string()).collect(),
            currency: m.currency,
            storefront_locales: m.storefront_locales.iter().map(|l| l.to_string()).collect(),
            default_locale: m.default_locale.to_string(),
            external_ids: m.external_ids.into_iter().collect(),
            etag: stored.etag.clone(),
            create_time: timestamp(stored.create_time_nanos),
            update_time: timestamp(stored.update_time_nanos),
        }
    }

    fn into_domain(self, prefix: &str) -> Result<domain::Market, Violations> {
        domain::MarketInput {
            display_name: self.display_name,
            country: self.country,
            subdivisions: self.subdivisions,
            blocs: self.blocs,
            currency: self.currency,
            storefront_locales: self.storefront_locales,
            default_locale: self.default_locale,
            external_ids: self.external_ids.into_iter().collect(),
        }
        .validate(prefix)
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn etag(&self) -> &str {
        &self.etag
    }

    fn mask_fields() -> Vec<MaskField<Self>> {
        mask_fields!(pb::Market; display_name, country, subdivisions, blocs, currency,
            storefront_locales, default_locale, external_ids)
    }
}

impl Resource for pb::Requirement {
    type Domain = domain::Requirement;
    const KIND: ResourceKind = ResourceKind::Requirement;

    fn from_domain(r: domain::Requirement, stored: &Stored) -> Self {
        use pb::jurisdiction::Place;
        let place = match r.jurisdiction {
            domain::Jurisdiction::Country(c) => Place::Country(c.code().to_string()),
            domain::Jurisdiction::Subdivision(s) => Place::Subdivision(s),
            domain::Jurisdiction::Bloc(b) => Place::Bloc(b.code().to_string()),
        };
        pb::Requirement {
            name: stored.name.clone(),
            jurisdiction: Some(pb::Jurisdiction { place: Some(place) }),
            kind: kind_to_pb(r.kind) as i32,
            summary: r.summary,
            legal_reference: r.legal_reference,
            source_url: r.source_url,
            effective_from: r.effective_from.map(date_to_pb),
            effective_until: r.effective_until.map(date_to_pb),
            product_categories: r.product_categories,
            locale_rules: r
                .locale_rules
                .into_iter()
                .map(|rule| pb::LocaleRule {
                    locale: rule.locale.to_string(),
                    obligation: match rule.obligation {
                        Obligation::Mandatory => pb::Obligation::Mandatory,
                        Obligation::Recommended => pb::Obligation::Recommended,
                    } as i32,
                    match_policy: match rule.match_policy {
                        MatchPolicy::Exact => pb::MatchPolicy::Exact,
                        MatchPolicy::SameLanguage => pb::MatchPolicy::SameLanguage,
                        MatchPolicy::CldrFallback => pb::MatchPolicy::CldrFallback,
                    } as i32,
                    must_be_default: rule.must_be_default,
                })
                .collect(),
            required_messages: r.required_messages.into_iter().map(String::from).collect(),
            etag: stored.etag.clone(),
            create_time: timestamp(stored.create_time_nanos),
            update_time: timestamp(stored.update_time_nanos),
        }
    }

    fn into_domain(self, prefix: &str) -> Result<domain::Requirement, Violations> {
        use pb::jurisdiction::Place;
        let mut v = Violations::new();
        let jurisdiction = self.jurisdiction.and_then(|j| j.place).map(|p| match p {
            Place::Country(c) => JurisdictionInput::Country(c),
            Place::Subdivision(s) => JurisdictionInput::Subdivision(s),
            Place::Bloc(b) => JurisdictionInput::Bloc(b),
        });
        let kind = enum_value(self.kind, &format!("{prefix}.kind"), &mut v, kind_from_pb);
        let effective_from = date_from_pb(
            self.effective_from.as_ref(),
            &format!("{prefix}.effective_from"),
            &mut v,
        );
        let effective_until = date_from_pb(
            self.effective_until.as_ref(),
            &format!("{prefix}.effective_until"),
            &mut v,
        );
        let locale_rules = self
            .locale_rules
            .into_iter()
            .enumerate()
            .map(|(i, rule)| LocaleRuleInput {
                locale: rule.locale,
                obligation: enum_value(
                    rule.obligation,
                    &format!("{prefix}.locale_rules[{i}].obligation"),
                    &mut v,
                    |raw| {
                        Some(match pb::Obligation::try_from(raw).ok()? {
                            pb::Obligation::Unspecified => None,
                            pb::Obligation::Mandatory => Some(Obligation::Mandatory),
                            pb::Obligation::Recommended => Some(Obligation::Recommended),
                        })
                    },
                ),
                match_policy: enum_value(
                    rule.match_policy,
                    &format!("{prefix}.locale_rules[{i}].match_policy"),
                    &mut v,
                    |raw| {
                        Some(match pb::MatchPolicy::try_from(raw).ok()? {
                            pb::MatchPolicy::Unspecified => None,
                            pb::MatchPolicy::Exact => Some(MatchPolicy::Exact),
                            pb::MatchPolicy::SameLanguage => Some(MatchPolicy::SameLanguage),
                            pb::MatchPolicy::CldrFallback => Some(MatchPolicy::CldrFallback),
                        })
                    },
                ),
                must_be_default: rule.must_be_default,
            })
            .collect();
        let input = domain::RequirementInput {
            jurisdiction,
            kind,
            summary: self.summary,
            legal_reference: self.legal_reference,
            source_url: self.source_url,
            effective_from,
            effective_until,
            product_categories: self.product_categories,
            locale_rules,
            required_messages: self.required_messages,
        };
        match input.validate(prefix) {
            Ok(r) if v.is_empty() => Ok(r),
            Ok(_) => Err(v),
            Err(more) => {
                v.extend(more);
                Err(v)
            }
        }
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn etag(&self) -> &str {
        &self.etag
    }

    fn mask_fields() -> Vec<MaskField<Self>> {
        mask_fields!(pb::Requirement; jurisdiction, kind, summary, legal_reference, source_url,
            effective_from, effective_until, product_categories, locale_rules, required_messages)
    }
}

impl Resource for pb::Product {
    type Domain = domain::Product;
    const KIND: ResourceKind = ResourceKind::Product;

    fn from_domain(p: domain::Product, stored: &Stored) -> Self {
        pb::Product {
            name: stored.name.clone(),
            display_name: p.display_name,
            source_locale: p.source_locale.to_string(),
            categories: p.categories,
            etag: stored.etag.clone(),
            create_time: timestamp(stored.create_time_nanos),
            update_time: timestamp(stored.update_time_nanos),
        }
    }

    fn into_domain(self, prefix: &str) -> Result<domain::Product, Violations> {
        domain::ProductInput {
            display_name: self.display_name,
            source_locale: self.source_locale,
            categories: self.categories,
        }
        .validate(prefix)
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn etag(&self) -> &str {
        &self.etag
    }

    fn mask_fields() -> Vec<MaskField<Self>> {
        mask_fields!(pb::Product; display_name, source_locale, categories)
    }
}

impl Resource for pb::Variant {
    type Domain = domain::Variant;
    const KIND: ResourceKind = ResourceKind::Variant;

    fn from_domain(v: domain::Variant, stored: &Stored) -> Self {
        pb::Variant {
            name: stored.name.clone(),
            display_name: v.display_name,
            sku: v.sku,
            markets: v.markets.iter().map(|m| m.to_string()).collect(),
            attributes: v.attributes.into_iter().collect(),
            features: v.features,
            required_messages: v.required_messages.into_iter().map(String::from).collect(),
            etag: stored.etag.clone(),
            create_time: timestamp(stored.create_time_nanos),
            update_time: timestamp(stored.update_time_nanos),
        }
    }

    fn into_domain(self, prefix: &str) -> Result<domain::Variant, Violations> {
        domain::VariantInput {
            display_name: self.display_name,
            sku: self.sku,
            markets: self.markets,
            attributes: self.attributes.into_iter().collect(),
            features: self.features,
            required_messages: self.required_messages,
        }
        .validate(prefix)
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn etag(&self) -> &str {
        &self.etag
    }

    fn mask_fields() -> Vec<MaskField<Self>> {
        mask_fields!(pb::Variant; display_name, sku, markets, attributes, features, required_messages)
    }

    /// A variant references its product and every market it is sold in, so
    /// neither can be deleted from under it.
    fn refs(v: &domain::Variant, name: &ResourceName) -> Vec<String> {
        name.parent()
            .into_iter()
            .map(|p| p.to_string())
            .chain(v.markets.iter().map(|m| m.to_string()))
            .collect()
    }

    fn reference_field(v: &domain::Variant, target: &str, prefix: &str) -> Option<String> {
        let index = v.markets.iter().position(|m| m.as_str() == target)?;
        Some(format!("{prefix}.markets[{index}]"))
    }
}
