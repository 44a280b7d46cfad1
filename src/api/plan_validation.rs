//! The one validation of a whole plan (`glocal.v1.Plan`), used by
//! `ImportPlan` and by `glocal check --plan`, which checks a plan file
//! offline: the same plan gets the same violations from both.
//!
//! [`validate_plan`] validates every entry of the plan, collecting every
//! violation with `plan.…` field paths (`plan.launches[2].market`), each
//! reason an [`l10n::Text`](crate::l10n::Text) so that it can be said in the
//! caller's language, and checks every reference against the plan, its
//! market preset and what exists outside the plan ([`Outside`]: a store for
//! `ImportPlan`, nothing for the offline check).

use std::collections::{BTreeMap, BTreeSet};
use std::convert::Infallible;

use crate::domain::planning::{Launch, Roadmap};
use crate::domain::{self, limits, MarketPreset, ResourceKind, ResourceName, Violations};
use crate::l10n::Text;

use super::convert::{
    check_launch_locales, check_variant_sells_in, decode_body, launch_from_pb, Resource,
};
use super::crud::SharedStore;
use super::pb::glocal::v1 as pb;
use super::ApiError;

/// What exists outside a plan (and its market preset), for the references
/// the plan makes to resources it does not define.
pub trait Outside {
    /// Why a lookup failed.
    type Error;

    /// Whether a resource named `name` exists.
    fn exists(&self, name: &str) -> Result<bool, Self::Error>;

    /// The variant named `name`, if it exists (a launch's variant must be
    /// sold in the launch's market).
    fn variant(&self, name: &str) -> Result<Option<domain::Variant>, Self::Error>;

    /// The market named `name`, if it exists (a launch's locales must be
    /// among the market's storefront locales).
    fn market(&self, name: &str) -> Result<Option<domain::Market>, Self::Error>;

    /// Why a reference to `target`, which is neither in the plan nor here,
    /// is invalid: it says where it was looked for.
    fn missing(&self, target: &str) -> Text;
}

/// Nothing outside the plan and its market preset: `glocal check --plan`,
/// which has no server.
#[derive(Debug, Clone, Copy, Default)]
pub struct Offline;

impl Outside for Offline {
    type Error = Infallible;

    fn exists(&self, _name: &str) -> Result<bool, Infallible> {
        Ok(false)
    }

    fn variant(&self, _name: &str) -> Result<Option<domain::Variant>, Infallible> {
        Ok(None)
    }

    fn market(&self, _name: &str) -> Result<Option<domain::Market>, Infallible> {
        Ok(None)
    }

    fn missing(&self, target: &str) -> Text {
        Text::new("request-plan-reference-offline").text("target", target)
    }
}

/// The resources of a store: `ImportPlan`.
pub(crate) struct InStore<'a>(pub &'a SharedStore);

impl Outside for InStore<'_> {
    type Error = ApiError;

    fn exists(&self, name: &str) -> Result<bool, ApiError> {
        Ok(self
            .0
            .get(name)
            .map_err(|e| ApiError::from_store("glocal.v1.Plan", e))?
            .is_some())
    }

    fn variant(&self, name: &str) -> Result<Option<domain::Variant>, ApiError> {
        match self
            .0
            .get(name)
            .map_err(|e| ApiError::from_store(ResourceKind::Variant.type_name(), e))?
        {
            Some(stored) => Ok(Some(decode_body(&stored)?)),
            None => Ok(None),
        }
    }

    fn market(&self, name: &str) -> Result<Option<domain::Market>, ApiError> {
        match self
            .0
            .get(name)
            .map_err(|e| ApiError::from_store(ResourceKind::Market.type_name(), e))?
        {
            Some(stored) => Ok(Some(decode_body(&stored)?)),
            None => Ok(None),
        }
    }

    fn missing(&self, target: &str) -> Text {
        Text::new("request-plan-reference-missing").text("target", target)
    }
}

/// A valid plan: each resource with its name, in the plan's order.
#[derive(Debug, Clone)]
pub struct ValidPlan {
    /// The market preset's markets that the plan does not define itself
    /// (`ImportPlan` creates them only when they are missing).
    pub preset_markets: Vec<(ResourceName, domain::Market)>,
    /// The market preset's requirements that the plan does not define itself.
    pub preset_requirements: Vec<(ResourceName, domain::Requirement)>,
    /// The plan's markets.
    pub markets: Vec<(ResourceName, domain::Market)>,
    /// The plan's requirements.
    pub requirements: Vec<(ResourceName, domain::Requirement)>,
    /// The product.
    pub product: (ResourceName, domain::Product),
    /// The product's variants.
    pub variants: Vec<(ResourceName, domain::Variant)>,
    /// The product's launches.
    pub launches: Vec<(ResourceName, Launch)>,
    /// The product's roadmaps.
    pub roadmaps: Vec<(ResourceName, Roadmap)>,
}

/// Validates every entry of `plan` and every reference it makes (to an
/// entry of the plan, valid or not, to its market preset, or to something
/// `outside` has), and returns the plan's resources, or every violation.
/// `Err` only when `outside` could not be asked.
///
/// An entry whose name is invalid is reported at its name only. Duplicate
/// names, children of another product and missing references are reported
/// where they are; a reference to an invalid entry is not reported again.
pub fn validate_plan<O: Outside>(
    mut plan: pb::Plan,
    outside: &O,
) -> Result<Result<ValidPlan, Violations>, O::Error> {
    let mut r = Reader::default();
    // A list over its cap is one violation, and only its first entries are
    // read (so a huge plan costs no more than a full one).
    limits::cap_list(
        &mut plan.markets,
        limits::MAX_PLAN_ENTRIES,
        "plan.markets",
        &mut r.v,
    );
    limits::cap_list(
        &mut plan.requirements,
        limits::MAX_PLAN_ENTRIES,
        "plan.requirements",
        &mut r.v,
    );
    limits::cap_list(
        &mut plan.variants,
        limits::MAX_PLAN_ENTRIES,
        "plan.variants",
        &mut r.v,
    );
    limits::cap_list(
        &mut plan.launches,
        limits::MAX_PLAN_LAUNCHES,
        "plan.launches",
        &mut r.v,
    );
    limits::cap_list(
        &mut plan.roadmaps,
        limits::MAX_PLAN_ROADMAPS,
        "plan.roadmaps",
        &mut r.v,
    );

    let mut preset_markets = Vec::new();
    let mut preset_requirements = Vec::new();
    if !plan.market_preset.is_empty() {
        match MarketPreset::load(&plan.market_preset) {
            Ok(preset) => {
                // The plan's own entries win over the preset's.
                for m in preset.markets {
                    let name = ResourceName::top_level(ResourceKind::Market, &m.id);
                    if !plan.markets.iter().any(|x| x.name == name.as_str()) {
                        r.declared.insert(name.to_string());
                        preset_markets.push((name, m.market));
                    }
                }
                for q in preset.requirements {
                    let name = ResourceName::top_level(ResourceKind::Requirement, &q.id);
                    if !plan.requirements.iter().any(|x| x.name == name.as_str()) {
                        r.declared.insert(name.to_string());
                        preset_requirements.push((name, q.requirement));
                    }
                }
            }
            // The preset's reasons are words (ARCHITECTURE.md).
            Err(e) => r.v.add("plan.market_preset", e.to_string()),
        }
    }

    let markets = r.top_level_all(plan.markets, "plan.markets");
    let requirements = r.top_level_all(plan.requirements, "plan.requirements");

    let product_pb = plan.product.unwrap_or_default();
    let product_name = match ResourceName::parse_text(ResourceKind::Product, &product_pb.name) {
        Ok(p) => Some(p),
        Err(_) if product_pb.name.is_empty() => {
            r.v.add(
                "plan.product.name",
                Text::new("request-plan-product-required"),
            );
            None
        }
        Err(e) => {
            r.v.add("plan.product.name", e);
            None
        }
    };
    let mut product = None;
    if let Some(name) = &product_name {
        r.declare(name, "plan.product.name");
        match product_pb.into_domain("plan.product") {
            Ok(d) => product = Some((name.clone(), d)),
            Err(more) => r.v.extend(more),
        }
    }
    // Children are checked against the product's name when it parsed, and
    // otherwise only on their own.
    let mut variants: Vec<(ResourceName, domain::Variant)> = Vec::new();
    for (i, item) in plan.variants.into_iter().enumerate() {
        let prefix = format!("plan.variants[{i}]");
        let Some(name) = r.child(
            ResourceKind::Variant,
            &item.name,
            &prefix,
            product_name.as_ref(),
        ) else {
            continue;
        };
        match item.into_domain(&prefix) {
            Ok(d) => {
                r.references::<pb::Variant>(&d, &name, &prefix);
                variants.push((name, d));
            }
            Err(more) => r.v.extend(more),
        }
    }
    let by_name: BTreeMap<&str, &domain::Variant> =
        variants.iter().map(|(n, d)| (n.as_str(), d)).collect();
    // The plan's markets win over the preset's.
    let markets_by_name: BTreeMap<&str, &domain::Market> = preset_markets
        .iter()
        .chain(&markets)
        .map(|(n, d)| (n.as_str(), d))
        .collect();

    let mut launches = Vec::new();
    for (i, item) in plan.launches.into_iter().enumerate() {
        let prefix = format!("plan.launches[{i}]");
        let Some(name) = r.child(
            ResourceKind::Launch,
            &item.name,
            &prefix,
            product_name.as_ref(),
        ) else {
            continue;
        };
        let Some(parent) = name.parent() else {
            continue;
        };
        match launch_from_pb(item, &parent, &prefix) {
            Ok(l) => {
                let variant = match by_name.get(l.variant.as_str()) {
                    Some(planned) => Some((*planned).clone()),
                    // An invalid variant of the plan is reported where it is.
                    None if r.declared.contains(l.variant.as_str()) => None,
                    None => outside.variant(l.variant.as_str())?,
                };
                // A launch in a market that is nowhere is reported once, as
                // a missing reference.
                let market_known =
                    r.declared.contains(l.market.as_str()) || outside.exists(l.market.as_str())?;
                if let Some(variant) = variant.filter(|_| market_known) {
                    if let Err(ApiError::InvalidArgument { violations, .. }) =
                        check_variant_sells_in(&variant, &l, &prefix)
                    {
                        r.v.extend(violations);
                    }
                }
                if !l.locales.is_empty() {
                    let market = match markets_by_name.get(l.market.as_str()) {
                        Some(planned) => Some((*planned).clone()),
                        // An invalid market of the plan is reported where it is.
                        None if r.declared.contains(l.market.as_str()) => None,
                        None => outside.market(l.market.as_str())?,
                    };
                    if let Some(market) = market {
                        check_launch_locales(&market, &l, &prefix, &mut r.v);
                    }
                }
                r.references::<pb::Launch>(&l, &name, &prefix);
                launches.push((name, l));
            }
            Err(more) => r.v.extend(more),
        }
    }

    let mut roadmaps = Vec::new();
    for (i, item) in plan.roadmaps.into_iter().enumerate() {
        let prefix = format!("plan.roadmaps[{i}]");
        let Some(name) = r.child(
            ResourceKind::Roadmap,
            &item.name,
            &prefix,
            product_name.as_ref(),
        ) else {
            continue;
        };
        match item.into_domain(&prefix) {
            Ok(d) => {
                r.references::<pb::Roadmap>(&d, &name, &prefix);
                roadmaps.push((name, d));
            }
            Err(more) => r.v.extend(more),
        }
    }

    // Every reference must be to something the plan declares (valid or
    // not: an invalid entry is reported once, where it is) or that exists
    // outside it.
    let mut missing = Violations::new();
    for (target, field) in &r.refs {
        if !r.declared.contains(target) && !outside.exists(target)? {
            missing.add(field.clone(), outside.missing(target));
        }
    }
    r.v.extend(missing);

    Ok(match product {
        Some(product) if r.v.is_empty() => Ok(ValidPlan {
            preset_markets,
            preset_requirements,
            markets,
            requirements,
            product,
            variants,
            launches,
            roadmaps,
        }),
        _ => Err(r.v),
    })
}

/// What is known while a plan is read.
#[derive(Default)]
struct Reader {
    /// Names of every entry whose name parsed, valid or not, and of the
    /// preset's resources the plan uses.
    declared: BTreeSet<String>,
    /// Each reference of a valid entry, with the plan field that holds it.
    refs: Vec<(String, String)>,
    v: Violations,
}

impl Reader {
    /// Records that the plan defines `name` (at `field`); a second
    /// definition is a violation.
    fn declare(&mut self, name: &ResourceName, field: &str) {
        if !self.declared.insert(name.to_string()) {
            self.v.add(
                field,
                Text::new("request-plan-duplicate").text("name", name.as_str()),
            );
        }
    }

    /// Records the references of a valid resource `name` read at `prefix`.
    fn references<R: Resource>(&mut self, domain: &R::Domain, name: &ResourceName, prefix: &str) {
        for target in R::refs(domain, name) {
            // A child's product is the plan's product (children of another
            // are refused), whose own violations say what is wrong with it.
            if name.parent().is_some_and(|p| p.as_str() == target) {
                continue;
            }
            let field = R::reference_field(domain, &target, prefix)
                .unwrap_or_else(|| format!("{prefix}.name"));
            self.refs.push((target, field));
        }
    }

    /// The valid entries of one top-level collection of the plan, read at
    /// `collection[i]`.
    fn top_level_all<R: Resource>(
        &mut self,
        items: Vec<R>,
        collection: &str,
    ) -> Vec<(ResourceName, R::Domain)> {
        let mut valid = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let prefix = format!("{collection}[{i}]");
            let name = match ResourceName::parse_text(R::KIND, item.name()) {
                Ok(n) => n,
                Err(e) => {
                    self.v.add(format!("{prefix}.name"), e);
                    continue;
                }
            };
            self.declare(&name, &format!("{prefix}.name"));
            match item.into_domain(&prefix) {
                Ok(d) => {
                    self.references::<R>(&d, &name, &prefix);
                    valid.push((name, d));
                }
                Err(more) => self.v.extend(more),
            }
        }
        valid
    }

    /// The name of a child of the product (a variant, launch or roadmap),
    /// read at `prefix`, when it parses and belongs to `product` (the
    /// plan's product, when its name parsed).
    fn child(
        &mut self,
        kind: ResourceKind,
        name: &str,
        prefix: &str,
        product: Option<&ResourceName>,
    ) -> Option<ResourceName> {
        let field = format!("{prefix}.name");
        match ResourceName::parse_text(kind, name) {
            Ok(n) if product.is_none() || n.parent().as_ref() == product => {
                self.declare(&n, &field);
                Some(n)
            }
            Ok(n) => {
                let product = product.map(ToString::to_string).unwrap_or_default();
                self.v.add(
                    field,
                    Text::new("request-plan-other-product")
                        .text("name", n.as_str())
                        .text("product", product),
                );
                None
            }
            Err(e) => {
                self.v.add(field, e);
                None
            }
        }
    }
}
