//! Conversions between proto messages and domain types: one [`Resource`]
//! implementation per resource, so that bad input becomes field violations in
//! one place.

use prost_types::Timestamp;
use serde::{de::DeserializeOwned, Serialize};

use crate::domain::bundle::{BundleDiagnostic, BundleDoc, Counts};
use crate::domain::ftl::DiagnosticKind;
use crate::domain::planning::{
    Launch, LaunchInput, LaunchPhase, LaunchStatus, Roadmap, RoadmapInput, RoadmapItemInput,
    WaiverInput,
};
use crate::domain::{
    self, CalendarDate, JurisdictionInput, LocaleRuleInput, MatchPolicy, Obligation,
    RequirementKind, ResourceKind, ResourceName, Violations,
};
use crate::l10n::Text;
use crate::store::Stored;

use super::crud::SharedStore;
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
    /// Checks that need other stored resources, beyond reference existence.
    fn check_with_store(
        _domain: &Self::Domain,
        _store: &SharedStore,
        _prefix: &str,
    ) -> Result<(), ApiError> {
        Ok(())
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
            let mut reason = e;
            reason.append(Text::new("request-date-incomplete"));
            v.add(field, reason);
            None
        }
    }
}

/// The domain value of a stored document.
/// Read from the stored JSON in place, without copying it (a bundle file's
/// document holds its whole text, which a check skips).
pub fn decode_body<T: DeserializeOwned>(stored: &Stored) -> Result<T, ApiError> {
    stored
        .body
        .decode()
        .map_err(|e| ApiError::Internal(format!("stored {} is undecodable: {e}", stored.name)))
}

/// The proto message of a stored document.
pub fn to_pb<R: Resource>(stored: &Stored) -> Result<R, ApiError> {
    Ok(R::from_domain(decode_body(stored)?, stored))
}

/// The match policy of a proto value: `Some(None)` for UNSPECIFIED (the
/// caller's default), `None` for a number the proto does not define.
pub(super) fn match_policy_from_pb(raw: i32) -> Option<Option<MatchPolicy>> {
    Some(match pb::MatchPolicy::try_from(raw).ok()? {
        pb::MatchPolicy::Unspecified => None,
        pb::MatchPolicy::Exact => Some(MatchPolicy::Exact),
        pb::MatchPolicy::SameLanguage => Some(MatchPolicy::SameLanguage),
        pb::MatchPolicy::CldrFallback => Some(MatchPolicy::CldrFallback),
    })
}

/// The value of enum field `field` by `map`, or a violation for a number it
/// does not know.
pub(super) fn enum_value<E>(
    raw: i32,
    field: &str,
    v: &mut Violations,
    map: impl Fn(i32) -> Option<Option<E>>,
) -> Option<E> {
    match map(raw) {
        Some(value) => value,
        None => {
            v.add(
                field,
                Text::new("request-enum-unknown").text("value", raw.to_string()),
            );
            None
        }
    }
}

/// The domain kind of a proto requirement kind: `Some(None)` for
/// unspecified, `None` for a value this version does not know.
pub fn kind_from_pb(raw: i32) -> Option<Option<RequirementKind>> {
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
        ApiError::invalid_field(
            "kind",
            Text::new("request-requirement-kind-unknown").text("value", raw.to_string()),
        )
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
                    match_policy_from_pb,
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
        v.merge(input.validate(prefix))
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

/// A message scope from its proto value: `Some(None)` for UNSPECIFIED (which
/// means FILE), `None` for a number the proto does not define.
fn scope_from_pb(raw: i32) -> Option<Option<domain::MessageScope>> {
    Some(match pb::MessageScope::try_from(raw).ok()? {
        pb::MessageScope::Unspecified => None,
        pb::MessageScope::File => Some(domain::MessageScope::File),
        pb::MessageScope::Bundle => Some(domain::MessageScope::Bundle),
    })
}

/// The proto value of a message scope (never UNSPECIFIED).
pub fn scope_to_pb(scope: domain::MessageScope) -> pb::MessageScope {
    match scope {
        domain::MessageScope::File => pb::MessageScope::File,
        domain::MessageScope::Bundle => pb::MessageScope::Bundle,
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
            fluent_source: p.fluent_source.map(|f| pb::FluentSource {
                directory: f.directory,
                layout: f.layout,
            }),
            message_scope: scope_to_pb(p.message_scope) as i32,
            etag: stored.etag.clone(),
            create_time: timestamp(stored.create_time_nanos),
            update_time: timestamp(stored.update_time_nanos),
        }
    }

    fn into_domain(self, prefix: &str) -> Result<domain::Product, Violations> {
        let mut v = Violations::new();
        let message_scope = enum_value(
            self.message_scope,
            &format!("{prefix}.message_scope"),
            &mut v,
            scope_from_pb,
        )
        .unwrap_or_default();
        let input = domain::ProductInput {
            display_name: self.display_name,
            source_locale: self.source_locale,
            categories: self.categories,
            fluent_source: self.fluent_source.map(|f| domain::FluentSource {
                directory: f.directory,
                layout: f.layout,
            }),
            message_scope,
        };
        v.merge(input.validate(prefix))
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn etag(&self) -> &str {
        &self.etag
    }

    fn mask_fields() -> Vec<MaskField<Self>> {
        mask_fields!(pb::Product; display_name, source_locale, categories, fluent_source,
            message_scope)
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

fn phase_from_pb(raw: i32) -> Option<Option<LaunchPhase>> {
    Some(match pb::LaunchPhase::try_from(raw).ok()? {
        pb::LaunchPhase::Unspecified => None,
        pb::LaunchPhase::Alpha => Some(LaunchPhase::Alpha),
        pb::LaunchPhase::Beta => Some(LaunchPhase::Beta),
        pb::LaunchPhase::Ga => Some(LaunchPhase::Ga),
    })
}

fn status_from_pb(raw: i32) -> Option<Option<LaunchStatus>> {
    Some(match pb::LaunchStatus::try_from(raw).ok()? {
        pb::LaunchStatus::Unspecified => None,
        pb::LaunchStatus::Planned => Some(LaunchStatus::Planned),
        pb::LaunchStatus::Launched => Some(LaunchStatus::Launched),
        pb::LaunchStatus::Paused => Some(LaunchStatus::Paused),
        pb::LaunchStatus::Cancelled => Some(LaunchStatus::Cancelled),
    })
}

/// Checks that the launch's variant is sold in the launch's market.
pub fn check_variant_sells_in(
    variant: &domain::Variant,
    l: &Launch,
    prefix: &str,
) -> Result<(), ApiError> {
    if variant.markets.contains(&l.market) {
        Ok(())
    } else {
        Err(ApiError::invalid_field(
            format!("{prefix}.market"),
            Text::new("request-launch-not-sold-in")
                .text("variant", l.variant.as_str())
                .text("market", l.market.as_str()),
        ))
    }
}

/// Checks that each of the launch's locales is one of its market's
/// storefront locales (`{prefix}.locales[i]`), adding a violation for each
/// that is not.
pub fn check_launch_locales(market: &domain::Market, l: &Launch, prefix: &str, v: &mut Violations) {
    for (i, tag) in l.locales.iter().enumerate() {
        if !market.storefront_locales.contains(tag) {
            let listed: Vec<&str> = market
                .storefront_locales
                .iter()
                .map(domain::LocaleTag::as_str)
                .collect();
            v.add(
                format!("{prefix}.locales[{i}]"),
                Text::new("request-launch-locale-not-in-market")
                    .text("locale", tag.as_str())
                    .text("market", l.market.as_str())
                    .text("locales", listed.join(", ")),
            );
        }
    }
}

/// Validates a proto launch of `product`, naming fields under `prefix`.
pub fn launch_from_pb(
    launch: pb::Launch,
    product: &ResourceName,
    prefix: &str,
) -> Result<Launch, Violations> {
    let mut v = Violations::new();
    let phases = launch
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let phase = enum_value(
                p.phase,
                &format!("{prefix}.phases[{i}].phase"),
                &mut v,
                phase_from_pb,
            );
            let date = date_from_pb(
                p.date.as_ref(),
                &format!("{prefix}.phases[{i}].date"),
                &mut v,
            );
            (phase, date)
        })
        .collect();
    let status = enum_value(
        launch.status,
        &format!("{prefix}.status"),
        &mut v,
        status_from_pb,
    );
    let input = LaunchInput {
        market: launch.market,
        variant: launch.variant,
        phases,
        status,
        locales: launch.locales,
        weight: launch.weight,
    };
    v.merge(input.validate(product, prefix))
}

impl Resource for pb::Launch {
    type Domain = Launch;
    const KIND: ResourceKind = ResourceKind::Launch;

    fn from_domain(l: Launch, stored: &Stored) -> Self {
        pb::Launch {
            name: stored.name.clone(),
            market: l.market.to_string(),
            variant: l.variant.to_string(),
            phases: l
                .phases
                .iter()
                .map(|p| pb::PhaseDate {
                    phase: match p.phase {
                        LaunchPhase::Alpha => pb::LaunchPhase::Alpha,
                        LaunchPhase::Beta => pb::LaunchPhase::Beta,
                        LaunchPhase::Ga => pb::LaunchPhase::Ga,
                    } as i32,
                    date: Some(date_to_pb(p.date)),
                })
                .collect(),
            status: match l.status {
                LaunchStatus::Planned => pb::LaunchStatus::Planned,
                LaunchStatus::Launched => pb::LaunchStatus::Launched,
                LaunchStatus::Paused => pb::LaunchStatus::Paused,
                LaunchStatus::Cancelled => pb::LaunchStatus::Cancelled,
            } as i32,
            etag: stored.etag.clone(),
            create_time: timestamp(stored.create_time_nanos),
            update_time: timestamp(stored.update_time_nanos),
            locales: l.locales.iter().map(ToString::to_string).collect(),
            weight: Some(l.weight.get()),
        }
    }

    /// Needs the product from the name; see [`launch_from_pb`].
    fn into_domain(self, prefix: &str) -> Result<Launch, Violations> {
        let product = ResourceName::parse(ResourceKind::Launch, &self.name)
            .ok()
            .and_then(|n| n.parent())
            .ok_or_else(|| {
                Violations::single(
                    format!("{prefix}.name"),
                    Text::new("request-launch-name-invalid"),
                )
            })?;
        launch_from_pb(self, &product, prefix)
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn etag(&self) -> &str {
        &self.etag
    }

    fn mask_fields() -> Vec<MaskField<Self>> {
        mask_fields!(pb::Launch; market, variant, phases, status, locales)
    }

    /// A launch references its product, market and variant.
    fn refs(l: &Launch, name: &ResourceName) -> Vec<String> {
        name.parent()
            .into_iter()
            .map(|p| p.to_string())
            .chain([l.market.to_string(), l.variant.to_string()])
            .collect()
    }

    /// The variant must exist and be sold in the launch's market, and each
    /// of the launch's locales must be one of the market's storefront
    /// locales.
    fn check_with_store(l: &Launch, store: &SharedStore, prefix: &str) -> Result<(), ApiError> {
        let Some(market) = store
            .get(l.market.as_str())
            .map_err(|e| ApiError::from_store(ResourceKind::Market.type_name(), e))?
        else {
            return Err(ApiError::invalid_field(
                format!("{prefix}.market"),
                Text::new("request-reference-not-found").text("name", l.market.as_str()),
            ));
        };
        let market: domain::Market = decode_body(&market)?;
        let stored = store
            .get(l.variant.as_str())
            .map_err(|e| ApiError::from_store(ResourceKind::Variant.type_name(), e))?
            .ok_or_else(|| {
                ApiError::invalid_field(
                    format!("{prefix}.variant"),
                    Text::new("request-reference-not-found").text("name", l.variant.as_str()),
                )
            })?;
        let variant: domain::Variant = decode_body(&stored)?;
        // Every violation at once, in the order the plan validation gives.
        let mut v = match check_variant_sells_in(&variant, l, prefix) {
            Err(ApiError::InvalidArgument { violations, .. }) => violations,
            Err(other) => return Err(other),
            Ok(()) => Violations::new(),
        };
        check_launch_locales(&market, l, prefix, &mut v);
        if v.is_empty() {
            Ok(())
        } else {
            Err(ApiError::invalid(v))
        }
    }

    fn reference_field(l: &Launch, target: &str, prefix: &str) -> Option<String> {
        if l.market.as_str() == target {
            Some(format!("{prefix}.market"))
        } else if l.variant.as_str() == target {
            Some(format!("{prefix}.variant"))
        } else {
            None
        }
    }
}

impl Resource for pb::Roadmap {
    type Domain = Roadmap;
    const KIND: ResourceKind = ResourceKind::Roadmap;

    fn from_domain(r: Roadmap, stored: &Stored) -> Self {
        pb::Roadmap {
            name: stored.name.clone(),
            display_name: r.display_name,
            items: r
                .items
                .into_iter()
                .map(|i| pb::RoadmapItem {
                    id: i.id,
                    title: i.title,
                    messages: i.messages,
                    target_date: i.target_date.map(date_to_pb),
                    markets: i.markets.iter().map(ToString::to_string).collect(),
                    waivers: i
                        .waivers
                        .into_iter()
                        .map(|w| pb::Waiver {
                            requirement: w.requirement.to_string(),
                            reason: w.reason,
                            approver: w.approver,
                            expiry: w.expiry.map(date_to_pb),
                        })
                        .collect(),
                })
                .collect(),
            etag: stored.etag.clone(),
            create_time: timestamp(stored.create_time_nanos),
            update_time: timestamp(stored.update_time_nanos),
        }
    }

    fn into_domain(self, prefix: &str) -> Result<Roadmap, Violations> {
        let mut v = Violations::new();
        let items = self
            .items
            .into_iter()
            .enumerate()
            .map(|(i, item)| RoadmapItemInput {
                id: item.id,
                title: item.title,
                messages: item.messages,
                target_date: date_from_pb(
                    item.target_date.as_ref(),
                    &format!("{prefix}.items[{i}].target_date"),
                    &mut v,
                ),
                markets: item.markets,
                waivers: item
                    .waivers
                    .into_iter()
                    .enumerate()
                    .map(|(j, w)| WaiverInput {
                        requirement: w.requirement,
                        reason: w.reason,
                        approver: w.approver,
                        expiry: date_from_pb(
                            w.expiry.as_ref(),
                            &format!("{prefix}.items[{i}].waivers[{j}].expiry"),
                            &mut v,
                        ),
                    })
                    .collect(),
            })
            .collect();
        v.merge(
            (RoadmapInput {
                display_name: self.display_name,
                items,
            })
            .validate(prefix),
        )
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn etag(&self) -> &str {
        &self.etag
    }

    fn mask_fields() -> Vec<MaskField<Self>> {
        mask_fields!(pb::Roadmap; display_name, items)
    }

    /// A roadmap references its product, its items' markets and waived requirements.
    fn refs(r: &Roadmap, name: &ResourceName) -> Vec<String> {
        name.parent()
            .into_iter()
            .map(|p| p.to_string())
            .chain(r.references())
            .collect()
    }

    fn reference_field(r: &Roadmap, target: &str, prefix: &str) -> Option<String> {
        for (i, item) in r.items.iter().enumerate() {
            if let Some(j) = item.markets.iter().position(|m| m.as_str() == target) {
                return Some(format!("{prefix}.items[{i}].markets[{j}]"));
            }
            if let Some(j) = item
                .waivers
                .iter()
                .position(|w| w.requirement.as_str() == target)
            {
                return Some(format!("{prefix}.items[{i}].waivers[{j}].requirement"));
            }
        }
        None
    }
}

/// The proto diagnostic of a bundle diagnostic.
pub fn diagnostic_to_pb(d: &BundleDiagnostic) -> pb::Diagnostic {
    let kind = match (d.diagnostic.kind, d.across_files) {
        (DiagnosticKind::SyntaxError, _) => pb::DiagnosticKind::SyntaxError,
        (DiagnosticKind::DuplicateId, false) => pb::DiagnosticKind::DuplicateId,
        (DiagnosticKind::DuplicateId, true) => pb::DiagnosticKind::DuplicateIdAcrossFiles,
    };
    pb::Diagnostic {
        file: d.file.clone(),
        kind: kind as i32,
        line: d.diagnostic.line as i32,
        column: d.diagnostic.column as i32,
        end_line: d.diagnostic.end_line as i32,
        end_column: d.diagnostic.end_column as i32,
        message: d.diagnostic.message.clone(),
        message_id: d.diagnostic.id.clone().unwrap_or_default(),
        entry_line: d
            .diagnostic
            .entry_line
            .map_or(0, |l| i32::try_from(l).unwrap_or(i32::MAX)),
    }
}

fn stats_to_pb(c: &Counts) -> pb::BundleStats {
    let n = |x: u32| i32::try_from(x).unwrap_or(i32::MAX);
    pb::BundleStats {
        files: n(c.files),
        messages: n(c.messages),
        terms: n(c.terms),
        attributes: n(c.attributes),
        words: n(c.words),
    }
}

impl Resource for pb::Bundle {
    type Domain = BundleDoc;
    const KIND: ResourceKind = ResourceKind::Bundle;

    fn from_domain(b: BundleDoc, stored: &Stored) -> Self {
        pb::Bundle {
            name: stored.name.clone(),
            locale: b.locale.to_string(),
            files: b
                .files
                .iter()
                .map(|f| pb::BundleFile {
                    path: f.path.clone(),
                    size_bytes: i64::try_from(f.size_bytes).unwrap_or(i64::MAX),
                    stats: Some(stats_to_pb(&f.counts)),
                    diagnostic_count: i32::try_from(f.diagnostic_count).unwrap_or(i32::MAX),
                })
                .collect(),
            stats: Some(stats_to_pb(&b.totals)),
            diagnostics: b.diagnostics.iter().map(diagnostic_to_pb).collect(),
            etag: stored.etag.clone(),
            create_time: timestamp(stored.create_time_nanos),
            update_time: timestamp(stored.update_time_nanos),
        }
    }

    /// Bundles are written file by file with WriteBundleFiles, never as a whole message.
    fn into_domain(self, prefix: &str) -> Result<BundleDoc, Violations> {
        Err(Violations::single(
            prefix,
            Text::new("request-bundle-written-by-file"),
        ))
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn etag(&self) -> &str {
        &self.etag
    }

    fn mask_fields() -> Vec<MaskField<Self>> {
        Vec::new()
    }
}
